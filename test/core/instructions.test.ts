// The first tab of an association's workbook, «Slik fyller du ut» (core/templates/instructions.ts, issue 14):
// what a volunteer opening the template for the first time reads, and which of its rows are headings.
import { INSTRUCTIONS, instructionTable } from "../../src/core/templates/instructions";
import { grid } from "../../src/core/output-table";

describe("the instructions tab of the template", () => {
  it("is called «Slik fyller du ut», with the title in the first cell and an empty second header cell", () => {
    const table = instructionTable();
    expect(table.name).toBe(INSTRUCTIONS);
    expect(INSTRUCTIONS).toBe("Slik fyller du ut");
    expect(table.header).toEqual(["Slik fyller du ut årsrapporten", ""]);
    expect(table.formats).toEqual(["text", "text"]);
  });

  it("says, in order: about the template, the five steps, what each tab is for, the colours, and the first use of the menu", () => {
    expect(instructionTable().rows).toEqual([
      ["Om malen", "Årsrapporten fylles ut i fem steg. Du kan ta ett steg om gangen. Alt du skriver lagres av seg selv."],
      ["", ""],
      ["Fem steg", ""],
      ["Steg 1", "Gå til fanen «Årsrapport». Skriv svaret i kolonne B (Verdi) på hver linje. Kolonne C forteller hva som skal stå der."],
      ["Steg 2", "Gå til fanen «Aktiviteter». Skriv én aktivitet på hver linje, fra linje 2 og nedover. Skriv datoen slik: 12.03.2025."],
      ["Steg 3", "Gå til fanen «Milepæler». Skriv inn det dere har avtalt med kommunen, med frist. Endre Status når noe er gjort."],
      ["Steg 4", "Gå til fanen «Tiltak». Tiltakene står der allerede. Fyll ut Ansvarlig, Frist, Status og Resultat for dem dere arbeider med."],
      ["Steg 5", "Velg menyen Samspill → Kontroller rapporten. Rett det som blir merket med gult. Velg så Samspill → Send inn rapporten."],
      ["", ""],
      ["Fanene", ""],
      ["Årsrapport", "Fakta om foreningen: år, navn, kommune, medlemmer, frivillige og avtalen med kommunen."],
      ["Aktiviteter", "Alt foreningen har gjort i løpet av året: kurs, datahjelp, foredrag og møter, med antall deltakere."],
      ["Milepæler", "Det dere har avtalt med kommunen, med frister. Rødt betyr at fristen er passert, grønt at det er fullført."],
      ["Tiltak", "Tiltakene i handlingsplanen og hvem som har ansvaret for dem."],
      ["", ""],
      ["Farger", ""],
      ["Blå overskrift", "Må fylles ut."],
      ["Grå overskrift", "Valgfri. Fyll ut hvis dere har svaret."],
      ["Lyseblå celler", "Her skriver du."],
      ["Gul celle", "Noe må rettes. Hold musepekeren over cellen for å se hva."],
      ["", ""],
      ["Første gang du bruker menyen Samspill", ""],
      ["Tillatelse", "Google spør om Samspill får bruke regnearket. Velg kontoen din og trykk «Tillat»."],
      ["Hva Samspill gjør", "Samspill leser og skriver bare i dette regnearket. E-postadressen din brukes bare til å vise hvem som sendte inn rapporten."],
      ["Spør om hjelp", "Er noe uklart? Kontakt sentralleddet i organisasjonen."],
    ]);
  });

  it("shows the title and each section's title as headings, an empty row before each section", () => {
    const table = instructionTable();
    const rows = grid(table);
    expect(table.layout.headingRows).toEqual([0, 3, 10, 16, 22]);
    expect(table.layout.headingRows.map((r) => rows[r][0])).toEqual(["Slik fyller du ut årsrapporten", "Fem steg", "Fanene", "Farger", "Første gang du bruker menyen Samspill"]);
    for (const r of table.layout.headingRows.slice(1)) expect(rows[r - 1]).toEqual(["", ""]);
  });

  it("is a free layout, not a table: no frozen row, no filter, no repeated header; long text wraps at 70 characters", () => {
    const { layout } = instructionTable();
    expect(layout.frozenRows).toBe(0);
    expect(layout.filter).toBe(false);
    expect(layout.repeatHeader).toBe(false);
    expect(layout.widths).toEqual([19, 72]);
    expect(layout.wrap).toEqual([false, true]);
  });
});
