import { checkRecord, readForm, readTable } from "../../src/core/read";
import { activities, annualReport, milestones } from "../../src/core/templates/association";
import { associationSheets, GOOD_ACTIVITY, headerOf, rowOf } from "./fixtures";

const context = { year: 2025, today: "2025-11-25" };

function activityIssues(values: Record<string, unknown>) {
  return readTable(activities, [headerOf(activities), rowOf(activities, { ...GOOD_ACTIVITY, ...values } as never)], context).issues;
}

describe("reading the Aktiviteter tab", () => {
  it("counts a valid row with Norwegian number and date text and applies defaults", () => {
    const read = readTable(activities, [headerOf(activities), rowOf(activities, { ...GOOD_ACTIVITY, newParticipants: "", partner: " kommunen " })], context);
    expect(read.issues).toEqual([]);
    expect(read.rows[0]).toMatchObject({ date: "2025-03-12", type: "Kurs", partner: "Kommunen", participants: 12, newParticipants: 0, volunteerHours: 6.5 });
    expect(read.rowNumbers).toEqual([2]);
  });

  it.each([
    [{ participants: 10001 }, "F2", "out_of_range", "Deltakere må være et helt tall mellom 0 og 10 000 (ikke «10001»)"],
    [{ participants: "12,5" }, "F2", "not_whole", "Deltakere må være et helt tall mellom 0 og 10 000 (ikke «12,5»)"],
    [{ participants: "mange" }, "F2", "not_whole", "Deltakere må være et helt tall mellom 0 og 10 000 (ikke «mange»)"],
    [{ participants: "" }, "F2", "required", "Deltakere må fylles ut"],
    [{ type: "Kursing" }, "B2", "not_in_list", "Aktivitetstype må være en av: Kurs, Datahjelp, Foredrag, Åpent møte, Medlemsmøte, Veilederopplæring, Annet (ikke «Kursing»)"],
    [{ date: "31.02.2025" }, "A2", "not_a_date", "Dato må være en dato i rapportåret 2025 (dd.mm.åååå) (ikke «31.02.2025»)"],
    [{ date: "01.01.2024" }, "A2", "outside_report_year", "Dato må være en dato i rapportåret 2025"],
    [{ municipalityNumber: "9999" }, "D2", "unknown_municipality", "Kommunenummer «9999» er ikke et kommunenummer i kommunelisten"],
    [{ municipalityNumber: "Bodø" }, "D2", "not_a_municipality_number", "Kommunenummer må være et kommunenummer med 4 siffer (f.eks. 0301) (ikke «Bodø»)"],
    [{ title: "x".repeat(201) }, "C2", "too_long", "Tittel kan ha høyst 200 tegn"],
    [{ newParticipants: 13 }, "G2", "more_than_participants", "Nye deltakere (13) kan ikke være flere enn Deltakere (12)"],
    [{ volunteerHours: "-1" }, "I2", "out_of_range", "Frivillige timer må være et tall mellom 0 og 10 000 (ikke «-1»)"],
  ])("reports %p at %s as %s with a Norwegian message", (values, cell, code, message) => {
    expect(activityIssues(values)).toEqual([{ sheet: "Aktiviteter", cell, code, severity: "error", message }]);
  });

  it("finds columns by header text: reordered, differently spaced, extra columns", () => {
    const header = ["  deltakere ", "AKTIVITETSTYPE", "Notater", "Dato", "Tittel"];
    const read = readTable(activities, [header, [7, "kurs", "egen merknad", "2025-05-01", "Kaffeprat"]], context);
    expect(read.rows).toEqual([expect.objectContaining({ participants: 7, type: "Kurs", date: "2025-05-01", title: "Kaffeprat" })]);
    expect(read.issues.map((i) => [i.cell, i.code, i.severity])).toEqual([
      ["C1", "extra_column", "warning"],
      ["F1", "missing_column", "warning"],
      ["G1", "missing_column", "warning"],
      ["H1", "missing_column", "warning"],
      ["I1", "missing_column", "warning"],
      ["J1", "missing_column", "warning"],
      ["K1", "missing_column", "warning"],
    ]);
  });

  it("reports a missing required column naming the header and rejects the rows without a flood of issues", () => {
    const header = headerOf(activities).filter((h) => h !== "Deltakere");
    const read = readTable(activities, [header, ["01.02.2025", "Kurs", "x"], ["02.02.2025", "Kurs", "y"]], context);
    expect(read.issues.filter((i) => i.severity === "error")).toEqual([
      { sheet: "Aktiviteter", cell: "J1", code: "missing_column", severity: "error", message: "Fanen Aktiviteter mangler kolonnen «Deltakere»" },
    ]);
    expect(read).toMatchObject({ read: 2, counted: 0, rejected: 2 });
  });

  it("ignores blank rows, also rows of spaces, and counts every other row once", () => {
    const read = readTable(activities, [headerOf(activities), rowOf(activities, GOOD_ACTIVITY), ["", "  ", "\u00a0"], [], rowOf(activities, { ...GOOD_ACTIVITY, participants: -1 })], context);
    expect(read).toMatchObject({ read: 2, counted: 1, rejected: 1 });
    expect(read.issues[0].cell).toBe("F5");
  });

  it("reports a missing tab", () => {
    expect(readTable(activities, undefined, context).issues).toEqual([{ sheet: "Aktiviteter", cell: "A1", code: "missing_tab", severity: "error", message: "Regnearket mangler fanen «Aktiviteter»" }]);
  });
});

describe("reading the Milepæler tab", () => {
  const base = { municipalityNumber: "1804", title: "Lokaler avklart", dueDate: "01.06.2025", responsibleParty: "Begge" };
  const read = (values: Record<string, unknown>) => readTable(milestones, [headerOf(milestones), rowOf(milestones, { ...base, ...values } as never)], context);

  it("defaults Status to Ikke startet", () => {
    expect(read({}).rows[0].status).toBe("Ikke startet");
  });

  it("requires Fullført dato when done, forbids it otherwise, and refuses a future date", () => {
    expect(read({ status: "Fullført" }).issues.map((i) => [i.cell, i.code])).toEqual([["G2", "required"]]);
    expect(read({ status: "Pågår", completedDate: "01.05.2025" }).issues.map((i) => [i.cell, i.code])).toEqual([["G2", "not_allowed"]]);
    expect(read({ status: "Fullført", completedDate: "01.12.2025" }).issues.map((i) => [i.cell, i.code])).toEqual([["G2", "in_future"]]);
    expect(read({ status: "fullført", completedDate: "01.05.2025" }).issues).toEqual([]);
  });
});

describe("reading the Årsrapport form", () => {
  it("reads fields by their label in column A and reports field errors at column B", () => {
    const sheets = associationSheets({ report: { members: "1 234", municipalityNumber: 301, agreement: " muntlig ", agreementDate: "", contactEmail: "ikke-epost" } });
    const read = readForm(annualReport, sheets["Årsrapport"], context);
    expect(read.values).toMatchObject({ members: 1234, municipalityNumber: "0301", agreement: "Muntlig" });
    expect(read.values.agreementDate).toBeUndefined();
    expect(read.issues.map((i) => [i.cell, i.code])).toEqual([
      ["B11", "invalid_email"],
      ["B9", "required"],
    ]);
  });

  it("reports a missing required field", () => {
    const sheets = associationSheets();
    const rows = sheets["Årsrapport"].filter((r) => r[0] !== "Antall frivillige");
    const read = readForm(annualReport, rows, context);
    expect(read.issues).toEqual([expect.objectContaining({ code: "missing_field", severity: "error", message: "Fanen Årsrapport mangler feltet «Antall frivillige» i kolonne A" })]);
  });
});

describe("checking one record from a sidebar form", () => {
  it("gives field-keyed Norwegian errors with the sheet's rules", () => {
    const check = checkRecord(activities, { date: "2024-12-31", type: "kurs", title: "", participants: "5", newParticipants: "6" }, context);
    expect(check.row).toBeUndefined();
    expect(check.errors).toEqual([
      { field: "date", code: "outside_report_year", message: "Dato må være en dato i rapportåret 2025" },
      { field: "title", code: "required", message: "Tittel må fylles ut" },
      { field: "newParticipants", code: "more_than_participants", message: "Nye deltakere (6) kan ikke være flere enn Deltakere (5)" },
    ]);
  });

  it("reports every required field of an empty form", () => {
    expect(checkRecord(activities, {}, context).errors.map((e) => e.field)).toEqual(["date", "type", "title", "participants"]);
  });

  it("returns the parsed row of a valid record", () => {
    expect(checkRecord(activities, { date: "2025-04-02", type: "Datahjelp", title: "Drop-in", participants: "3" }, context).row).toMatchObject({ participants: 3, partner: "Ingen" });
  });
});

describe("cells holding a broken Date", () => {
  it("reports an invalid Date as a problem of its cell instead of throwing", () => {
    const read = readTable(activities, [headerOf(activities), rowOf(activities, { ...GOOD_ACTIVITY, date: new Date(NaN), type: new Date(NaN) } as never)], context);
    expect(read.issues.map((i) => [i.cell, i.code])).toEqual([["A2", "not_a_date"], ["B2", "not_in_list"]]);
    expect(read.issues[1].message).toContain("(ikke «ugyldig dato»)");
  });
});
