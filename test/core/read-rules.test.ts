// Reading tabs: where each problem is reported and what a row or form keeps (issue 14).
import { checkRecord, headerKey, locateColumns, missingTab, readForm, readTable } from "../../src/core/read";
import { Issue } from "../../src/core/issues";
import { activities, annualReport, measures, milestones } from "../../src/core/templates/association";
import { associationSheets, GOOD_ACTIVITY, GOOD_REPORT, headerOf, rowOf } from "./fixtures";

const context = { year: 2025, today: "2025-11-25" };
const codes = (issues: Issue[]) => issues.map((i) => `${i.cell} ${i.code} ${i.severity}`);

describe("the header row of a table", () => {
  it("matches a header whatever its case and spaces, and with a trailing * or :", () => {
    expect(headerKey(" Nye  Deltakere*")).toBe("nyedeltakere");
    expect(headerKey("Dato:")).toBe("dato");
    expect(headerKey("Dato*:")).toBe("dato");
    expect(headerKey("Da*to")).toBe("da*to");
  });

  it("warns of an unknown column at its header cell, and reads the row anyway", () => {
    const read = readTable(activities, [[...headerOf(activities), "", "Notater"], [...rowOf(activities, GOOD_ACTIVITY), "", "x"]], context);
    expect(read.issues).toEqual([{ sheet: "Aktiviteter", cell: "L1", code: "extra_column", severity: "warning", message: "Kolonnen «Notater» i Aktiviteter er ukjent og blir ikke lest" }]);
    expect(read.counted).toBe(1);
  });

  it("reports a missing required column as an error and a missing optional one as a warning, at the next free columns", () => {
    const header = headerOf(activities).filter((h) => h !== "Deltakere" && h !== "Kommentar");
    const issues: Issue[] = [];
    const indexes = locateColumns(activities, header, issues);
    expect(issues).toEqual([
      { sheet: "Aktiviteter", cell: "I1", code: "missing_column", severity: "error", message: "Fanen Aktiviteter mangler kolonnen «Deltakere»" },
      { sheet: "Aktiviteter", cell: "J1", code: "missing_column", severity: "warning", message: "Fanen Aktiviteter mangler kolonnen «Kommentar»" },
    ]);
    expect(indexes).toEqual([0, 1, 2, 3, 4, -1, 5, 6, 7, -1]);
  });

  it("without a required column rejects every row once, without a problem per row", () => {
    const header = headerOf(activities).filter((h) => h !== "Dato");
    const row = rowOf(activities, GOOD_ACTIVITY).slice(1);
    const read = readTable(activities, [header, row, [], row], context);
    expect(read).toMatchObject({ present: true, rows: [], read: 2, counted: 0, rejected: 2 });
    expect(codes(read.issues)).toEqual(["J1 missing_column error"]);
  });

  it("without an optional column still counts the rows, with its default", () => {
    const header = headerOf(activities).filter((h) => h !== "Samarbeidspartner");
    const row = rowOf(activities, GOOD_ACTIVITY).filter((_, j) => headerOf(activities)[j] !== "Samarbeidspartner");
    const read = readTable(activities, [header, row], context);
    expect(read.counted).toBe(1);
    expect(read.rows[0].partner).toBe("Ingen");
  });
});

describe("a missing tab", () => {
  it("is one error at A1 of the tab, for a table and for a form", () => {
    const expected = { sheet: "Aktiviteter", cell: "A1", code: "missing_tab", severity: "error", message: "Regnearket mangler fanen «Aktiviteter»" };
    expect(missingTab("Aktiviteter")).toEqual(expected);
    expect(readTable(activities, undefined, context)).toMatchObject({ present: false, rows: [], read: 0, issues: [expected] });
    expect(readForm(annualReport, undefined, context)).toMatchObject({ present: false, values: {}, issues: [{ ...expected, sheet: "Årsrapport", message: "Regnearket mangler fanen «Årsrapport»" }] });
  });

  it("is not the same as an empty tab: an empty tab has no rows and reports its missing columns", () => {
    const read = readTable(measures, [], context);
    expect(read.present).toBe(true);
    expect(read.read).toBe(0);
    expect(read.issues.filter((i) => i.code === "missing_column")).toHaveLength(measures.keys.length);
  });
});

describe("the rows of a table", () => {
  it("skip blank rows and count the others, with their sheet row numbers", () => {
    const row = rowOf(activities, GOOD_ACTIVITY);
    const read = readTable(activities, [headerOf(activities), row, ["", " "], row, rowOf(activities, { ...GOOD_ACTIVITY, participants: "x" })], context);
    expect(read).toMatchObject({ read: 3, counted: 2, rejected: 1, rowNumbers: [2, 4] });
    expect(codes(read.issues)).toEqual(["F5 not_whole error"]);
  });

  it("report every problem of a row, each at its own cell", () => {
    const read = readTable(activities, [headerOf(activities), rowOf(activities, { ...GOOD_ACTIVITY, date: "", type: "Dans", participants: 5, newParticipants: 6 })], context);
    expect(codes(read.issues)).toEqual(["A2 required error", "B2 not_in_list error", "G2 more_than_participants error"]);
  });

  it("report the same wrong value in two rows twice, and the same text with another report year anew", () => {
    const bad = rowOf(activities, { ...GOOD_ACTIVITY, date: "01.01.2024" });
    const read = readTable(activities, [headerOf(activities), bad, bad], context);
    expect(codes(read.issues)).toEqual(["A2 outside_report_year error", "A3 outside_report_year error"]);
    const sheet = [headerOf(activities), bad, rowOf(activities, GOOD_ACTIVITY)];
    expect(readTable(activities, sheet, { ...context, year: 2024 }).rows.map((r) => r.date)).toEqual(["2024-01-01"]);
    expect(readTable(activities, sheet, context).rows.map((r) => r.date)).toEqual(["2025-03-12"]);
  });

  it("read the same valid text in many rows to the same value", () => {
    const rows = Array.from({ length: 3 }, () => rowOf(activities, { ...GOOD_ACTIVITY, municipalityNumber: "301" }));
    expect(readTable(activities, [headerOf(activities), ...rows], context).rows.map((r) => r.municipalityNumber)).toEqual(["0301", "0301", "0301"]);
  });

  it("report a number outside its range and a whole number with decimals", () => {
    const read = readTable(activities, [headerOf(activities), rowOf(activities, { ...GOOD_ACTIVITY, volunteers: 1001, newParticipants: 1.5, volunteerHours: 10000 })], context);
    expect(codes(read.issues)).toEqual(["G2 not_whole error", "H2 out_of_range error"]);
    expect(readTable(activities, [headerOf(activities), rowOf(activities, { ...GOOD_ACTIVITY, volunteers: 1000, participants: 0, newParticipants: 0 })], context).counted).toBe(1);
  });

  it("refuse «1.234» in a number column, saying both readings: a thousands dot to many, a decimal point to others", () => {
    const read = readTable(activities, [headerOf(activities), rowOf(activities, { ...GOOD_ACTIVITY, volunteerHours: "1.234", volunteers: "12.500" })], context);
    expect(codes(read.issues)).toEqual(["H2 ambiguous_number error", "I2 ambiguous_number error"]);
    expect(read.issues.map((i) => i.message)).toEqual([
      "Frivillige «12.500» kan bety 12 500 eller 12,500: skriv 12500 eller 12,500",
      "Frivillige timer «1.234» kan bety 1 234 eller 1,234: skriv 1234 eller 1,234",
    ]);
    expect(read.counted).toBe(0);
    // One or two decimals, a comma, or a second dot group are not ambiguous.
    const plain = readTable(activities, [headerOf(activities), rowOf(activities, { ...GOOD_ACTIVITY, volunteerHours: "12.75" })], context);
    expect(plain.rows.map((r) => r.volunteerHours)).toEqual([12.75]);
  });

  it("report text in a decimal column as not a number, and in a whole-number column as not whole", () => {
    const read = readTable(activities, [headerOf(activities), rowOf(activities, { ...GOOD_ACTIVITY, volunteerHours: "mye", volunteers: "to" })], context);
    expect(codes(read.issues)).toEqual(["H2 not_whole error", "I2 not_a_number error"]);
  });

  it("report a row rule's field that failed to parse once, not the rule as well (Fullført without a readable date)", () => {
    const row = { municipalityNumber: "1804", title: "Avtale", dueDate: "01.03.2025", responsibleParty: "Begge", status: "Fullført", completedDate: "snart" };
    expect(codes(readTable(milestones, [headerOf(milestones), rowOf(milestones, row)], context).issues)).toEqual(["G2 not_a_date error"]);
    expect(codes(readTable(milestones, [headerOf(milestones), rowOf(milestones, { ...row, completedDate: "" })], context).issues)).toEqual(["G2 required error"]);
    expect(codes(readTable(milestones, [headerOf(milestones), rowOf(milestones, { ...row, status: "Pågår" })], context).issues)).toEqual(["G2 not_a_date error"]);
    expect(codes(readTable(milestones, [headerOf(milestones), rowOf(milestones, { ...row, status: "Pågår", completedDate: "01.03.2025" })], context).issues)).toEqual(["G2 not_allowed error"]);
  });

  it("report a number below a minimum other than 0 (Rapportår 1999)", () => {
    const read = readForm(annualReport, associationSheets({ report: { year: 1999 } })["Årsrapport"], context);
    expect(codes(read.issues)).toEqual(["B2 out_of_range error"]);
    expect(codes(readForm(annualReport, associationSheets({ report: { year: 2000 } })["Årsrapport"], context).issues)).toEqual([]);
  });

  it("reads an e-mail, an organisation number and a municipality of a form, and reports a wrong one", () => {
    const sheets = associationSheets({ report: { contactEmail: "kari(at)example.no", orgNumber: "123", municipalityNumber: "9999" } });
    const read = readForm(annualReport, sheets["Årsrapport"], context);
    expect(read.issues.map((i) => i.code)).toEqual(["invalid_org_number", "unknown_municipality", "invalid_email"]);
  });
});

describe("a form (Årsrapport)", () => {
  it("reports a missing required field below the last row, one row each, and gives an optional one its default", () => {
    const rows = [["Felt", "Verdi"], ["Rapportår", 2025], ["Forening", "Seniornett Bodø"]];
    const read = readForm(annualReport, rows, context);
    const missing = read.issues.filter((i) => i.code === "missing_field");
    expect(missing.map((i) => [i.cell, i.severity, i.message])).toEqual([
      ["A4", "error", "Fanen Årsrapport mangler feltet «Kommunenummer» i kolonne A"],
      ["A5", "error", "Fanen Årsrapport mangler feltet «Antall medlemmer per 31.12» i kolonne A"],
      ["A6", "error", "Fanen Årsrapport mangler feltet «Antall frivillige» i kolonne A"],
      ["A7", "error", "Fanen Årsrapport mangler feltet «Samarbeidsavtale med kommunen» i kolonne A"],
    ]);
    expect(read.values).toMatchObject({ year: 2025, associationName: "Seniornett Bodø" });
    expect(read.rowOf).toEqual({ year: 2, associationName: 3 });
  });

  it("finds fields by label anywhere in column A, skipping blank labels", () => {
    const rows = [["Felt", "Verdi"], ["", "løs verdi"], ...annualReport.keys.map((k) => [annualReport.columns[k].header, GOOD_REPORT[k] ?? ""])];
    const read = readForm(annualReport, rows, context);
    expect(read.issues).toEqual([]);
    expect(read.rowOf.year).toBe(3);
  });

  it("reports a required field left blank at its value cell, and leaves a field with an error out", () => {
    const read = readForm(annualReport, associationSheets({ report: { members: "", volunteers: "mange" } })["Årsrapport"], context);
    expect(codes(read.issues)).toEqual(["B6 required error", "B7 not_whole error"]);
    expect(read.values.members).toBeUndefined();
    expect("volunteers" in read.values).toBe(false);
    expect(read.values.year).toBe(2025);
  });

  it("reports a broken row rule at the field's value cell and leaves the field out", () => {
    const read = readForm(annualReport, associationSheets({ report: { agreement: "Muntlig", agreementDate: "" } })["Årsrapport"], context);
    expect(read.issues).toEqual([{ sheet: "Årsrapport", cell: "B9", code: "required", severity: "error", message: "Avtale inngått må fylles ut når foreningen har en samarbeidsavtale" }]);
    expect("agreementDate" in read.values).toBe(false);
    const none = readForm(annualReport, associationSheets({ report: { agreement: "Ingen", agreementDate: "" } })["Årsrapport"], context);
    expect(none.issues).toEqual([]);
  });

  it("reports a broken row rule at A1 when the rule's field has no row", () => {
    const rows = [["Felt", "Verdi"], ...annualReport.keys.filter((k) => k !== "agreementDate").map((k) => [annualReport.columns[k].header, GOOD_REPORT[k] ?? ""])];
    const read = readForm(annualReport, rows, context);
    expect(codes(read.issues)).toEqual(["A1 required error"]);
  });
});

describe("checking one record (a sidebar form)", () => {
  it("reports every required field of an empty record, with the field", () => {
    const check = checkRecord(milestones, {}, context);
    expect(check.row).toBeUndefined();
    expect(check.errors).toEqual([
      { field: "municipalityNumber", code: "required", message: "Kommunenummer må fylles ut" },
      { field: "title", code: "required", message: "Milepæl må fylles ut" },
      { field: "dueDate", code: "required", message: "Frist må fylles ut" },
      { field: "responsibleParty", code: "required", message: "Ansvarlig part må fylles ut" },
    ]);
  });

  it("gives the parsed row of a valid record, and only errors (not warnings) of a wrong one, by field", () => {
    const ok = checkRecord(activities, { ...GOOD_ACTIVITY } as never, context);
    expect(ok.errors).toEqual([]);
    expect(ok.row).toMatchObject({ date: "2025-03-12", participants: 12, volunteerHours: 6.5 });
    const wrong = checkRecord(activities, { ...GOOD_ACTIVITY, participants: 3, newParticipants: 4, title: "" } as never, context);
    expect(wrong.errors.map((e) => [e.field, e.code])).toEqual([
      ["title", "required"],
      ["newParticipants", "more_than_participants"],
    ]);
    expect(wrong.row).toBeUndefined();
  });
});
