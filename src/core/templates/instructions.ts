import { Cell } from "../cell";
import { OutputTable, outputTable } from "../output-table";
import { activities, annualReport, measures, milestones } from "./association";

/**
 * The first tab of an association's workbook: how to fill it in, in plain bokmål, for someone who
 * has never used Samspill. Written by «Sett opp rapportmal» and `samspill template`; never read.
 */
export const INSTRUCTIONS = "Slik fyller du ut";

const STEPS: ReadonlyArray<[string, string]> = [
  ["Steg 1", `Gå til fanen «${annualReport.name}». Skriv svaret i kolonne B (Verdi) på hver linje. Kolonne C forteller hva som skal stå der.`],
  ["Steg 2", `Gå til fanen «${activities.name}». Skriv én aktivitet på hver linje, fra linje 2 og nedover. Skriv datoen slik: 12.03.2025.`],
  ["Steg 3", `Gå til fanen «${milestones.name}». Skriv inn det dere har avtalt med kommunen, med frist. Endre Status når noe er gjort.`],
  ["Steg 4", `Gå til fanen «${measures.name}». Tiltakene står der allerede. Fyll ut Ansvarlig, Frist, Status og Resultat for dem dere arbeider med.`],
  ["Steg 5", "Velg menyen Samspill → Kontroller rapporten. Rett det som blir merket med gult. Velg så Samspill → Send inn rapporten."],
];

const TABS: ReadonlyArray<[string, string]> = [
  [annualReport.name, "Fakta om foreningen: år, navn, kommune, medlemmer, frivillige og avtalen med kommunen."],
  [activities.name, "Alt foreningen har gjort i løpet av året: kurs, datahjelp, foredrag og møter, med antall deltakere."],
  [milestones.name, "Det dere har avtalt med kommunen, med frister. Rødt betyr at fristen er passert, grønt at det er fullført."],
  [measures.name, "Tiltakene i handlingsplanen og hvem som har ansvaret for dem."],
];

/** The tab as rows: headings, the five steps, what each tab is for, colours, and Google's permission question. */
export function instructionTable(): OutputTable {
  const rows: Cell[][] = [];
  const headingRows: number[] = [0];
  const heading = (text: string) => {
    rows.push(["", ""]);
    headingRows.push(rows.length + 1);
    rows.push([text, ""]);
  };
  rows.push(["Om malen", "Årsrapporten fylles ut i fem steg. Du kan ta ett steg om gangen. Alt du skriver lagres av seg selv."]);
  heading("Fem steg");
  rows.push(...STEPS.map(([step, text]) => [step, text]));
  heading("Fanene");
  rows.push(...TABS.map(([tab, text]) => [tab, text]));
  heading("Farger");
  rows.push(["Blå overskrift", "Må fylles ut."]);
  rows.push(["Grå overskrift", "Valgfri. Fyll ut hvis dere har svaret."]);
  rows.push(["Lyseblå celler", "Her skriver du."]);
  rows.push(["Gul celle", "Noe må rettes. Hold musepekeren over cellen for å se hva."]);
  heading("Første gang du bruker menyen Samspill");
  rows.push(["Tillatelse", "Google spør om Samspill får bruke regnearket. Velg kontoen din og trykk «Tillat»."]);
  rows.push(["Hva Samspill gjør", "Samspill leser og skriver bare i dette regnearket. E-postadressen din brukes bare til å vise hvem som sendte inn rapporten."]);
  rows.push(["Spør om hjelp", "Er noe uklart? Kontakt sentralleddet i organisasjonen."]);
  return outputTable(INSTRUCTIONS, [["Slik fyller du ut årsrapporten", "text"], ["", "text"]], rows, { kind: "sheet", headingRows, maxWidth: 70 });
}
