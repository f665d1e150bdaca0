// The rules of the core that decide what counts, each pinned by a test that fails when the rule
// changes (issue 14: each of these was a surviving mutant before).
import { assessAssociation } from "../../src/core/association-result";
import { isoFromParts, isoFromSerial } from "../../src/core/dates";
import { readForm, readTable } from "../../src/core/read";
import { summarise, summaryJson } from "../../src/core/summary";
import { activities, annualReport, milestones } from "../../src/core/templates/association";
import { readDate, readPercent, readText } from "../../src/core/values";
import { associationSheets, GOOD_ACTIVITY, GOOD_REPORT, headerOf, rowOf } from "./fixtures";

const today = "2025-11-25";
const context = { year: 2025, today };

const MILESTONE = { municipalityNumber: "1804", title: "Avtale signert", dueDate: "01.03.2025", responsibleParty: "Begge", status: "Fullført" };

function milestoneRead(completedDate: string) {
  return readTable(milestones, [headerOf(milestones), rowOf(milestones, { ...MILESTONE, completedDate })], context);
}

function activityRead(values: Record<string, unknown>) {
  return readTable(activities, [headerOf(activities), rowOf(activities, { ...GOOD_ACTIVITY, ...values } as never)], context);
}

/** A form tab with label/value rows as given. */
function reportForm(rows: Array<[string, unknown]>) {
  return readForm(annualReport, [["Felt", "Verdi"], ...rows.map(([label, value]) => [label, value as never])], context);
}

function reportRows(values: Record<string, unknown> = {}): Array<[string, unknown]> {
  const report = { ...GOOD_REPORT, ...values } as Record<string, unknown>;
  return annualReport.keys.map((key) => [annualReport.columns[key].header, report[key] ?? ""]);
}

describe("a date that must not be after today (Fullført dato)", () => {
  it("is accepted when it is today", () => {
    const read = milestoneRead("25.11.2025");
    expect(read.issues).toEqual([]);
    expect(read.rows[0].completedDate).toBe("2025-11-25");
  });

  it("is refused when it is tomorrow", () => {
    expect(milestoneRead("26.11.2025").issues.map((i) => [i.cell, i.code])).toEqual([["G2", "in_future"]]);
  });
});

describe("the length limit of a text column (Tittel: 200 characters)", () => {
  it("allows a Tittel of exactly 200 characters", () => {
    const read = activityRead({ title: "x".repeat(200) });
    expect(read.issues).toEqual([]);
    expect(read.counted).toBe(1);
  });

  it("refuses a Tittel of 201 characters", () => {
    expect(activityRead({ title: "x".repeat(201) }).issues.map((i) => i.code)).toEqual(["too_long"]);
  });
});

describe("a column that appears twice in the header", () => {
  it("is read from its first copy, and the second copy gets a warning at its header cell", () => {
    const header = [...headerOf(activities), "Deltakere"];
    const row = [...rowOf(activities, GOOD_ACTIVITY), 999];
    const read = readTable(activities, [header, row], context);
    expect(read.rows[0].participants).toBe(12);
    expect(read.issues).toEqual([
      { sheet: "Aktiviteter", cell: "K1", code: "duplicate_column", severity: "warning", message: "Kolonnen «Deltakere» finnes to ganger; bare den første leses" },
    ]);
  });

  it("is also caught when the first copy is in column A", () => {
    const header = headerOf(activities);
    const read = readTable(activities, [[...header, header[0]], [...rowOf(activities, GOOD_ACTIVITY), "01.01.2024"]], context);
    expect(read.rows[0].date).toBe("2025-03-12");
    expect(read.issues.map((i) => [i.cell, i.code, i.severity])).toEqual([["K1", "duplicate_column", "warning"]]);
  });
});

describe("a form (Årsrapport) with a field label repeated", () => {
  it("reads the first row with the label; the later one is ignored", () => {
    const rows = reportRows();
    const read = reportForm([...rows, ["Antall medlemmer per 31.12", 5]]);
    expect(read.values.members).toBe(120);
    expect(read.rowOf.members).toBe(1 + rows.findIndex(([label]) => label === "Antall medlemmer per 31.12") + 1);
  });
});

describe("a form rule whose field failed to parse", () => {
  it("reports only the parse error, not the rule as well («Avtale inngått» is not a date)", () => {
    const read = reportForm(reportRows({ agreement: "Skriftlig", agreementDate: "snart" }));
    expect(read.issues.map((i) => i.code)).toEqual(["not_a_date"]);
  });

  it("still reports the rule when the field is blank", () => {
    const read = reportForm(reportRows({ agreement: "Skriftlig", agreementDate: "" }));
    expect(read.issues.map((i) => i.code)).toEqual(["required"]);
  });
});

describe("an association whose Kommunenummer differs from the register", () => {
  it("gets a municipality_mismatch warning at the field, and still counts", () => {
    const result = assessAssociation({ id: "bodo", name: "Seniornett Bodø", municipalityNumber: "1804" }, { kind: "read", sheets: associationSheets({ report: { municipalityNumber: "1806" } }) }, context);
    const mismatch = result.issues.filter((i) => i.code === "municipality_mismatch");
    expect(mismatch).toEqual([
      {
        association: "bodo",
        sheet: "Årsrapport",
        cell: `B${1 + annualReport.keys.indexOf("municipalityNumber") + 1}`,
        code: "municipality_mismatch",
        severity: "warning",
        message: "Kommunenummer 1806 er ikke det samme som i foreningsregisteret (1804)",
      },
    ]);
    expect(result.status).toBe("OK");
    expect(result.report.members).toBe(120);
  });
});

describe("dates", () => {
  it("are not dates before year 1000: «01.01.0999» is refused, not read as 999-01-01", () => {
    expect(readDate("01.01.0999")).toBeUndefined();
    expect(isoFromParts(999, 1, 1)).toBeUndefined();
    expect(isoFromParts(1000, 1, 1)).toBe("1000-01-01");
  });

  it("in Norwegian form must start at the day: «112.03.2025» is not 12 March", () => {
    expect(readDate("112.03.2025")).toBeUndefined();
    expect(readDate("12.03.20255")).toBeUndefined();
  });

  it("as spreadsheet serial numbers start at day 1 = 31.12.1899; day 0 and below are not dates", () => {
    expect(isoFromSerial(1)).toBe("1899-12-31");
    expect(isoFromSerial(0.5)).toBeUndefined();
    expect(isoFromSerial(0)).toBeUndefined();
    expect(isoFromSerial(2_958_465)).toBe("9999-12-31");
    expect(isoFromSerial(2_958_466)).toBeUndefined();
  });
});

describe("a percentage setting (Mål: vekst i deltakere)", () => {
  // The rule next to readPercent: «n %» is n percent; a plain number of 1 or more is percent
  // points (the field's help says «Prosent per år»), so plain 1 is 1 %; below 1 it is a fraction
  // (how a cell formatted as percent stores it: 0,5 is 50 %).
  it.each([
    ["10 %", 0.1],
    ["10%", 0.1],
    ["1", 0.01],
    [1, 0.01],
    ["10", 0.1],
    ["0,5", 0.5],
    [0.25, 0.25],
    ["-5", -0.05],
  ])("reads %p as %p", (raw, expected) => {
    expect(readPercent(raw)).toBeCloseTo(expected, 10);
  });

  it.each(["mye", "%", "ti %"])("does not read %p", (raw) => {
    expect(readPercent(raw)).toBeUndefined();
  });
});

describe("text cells", () => {
  it("are trimmed of surrounding spaces", () => {
    expect(readText("  Kaffeprat \n")).toBe("Kaffeprat");
    expect(activityRead({ title: "  Kaffeprat  " }).rows[0].title).toBe("Kaffeprat");
  });

  it("holding a date (Sheets turned the text into a date) read as the Oslo calendar day", () => {
    expect(readText(new Date("2025-03-11T23:30:00Z"))).toBe("2025-03-12");
    expect(activityRead({ title: new Date("2025-03-12T12:00:00Z") }).rows[0].title).toBe("2025-03-12");
  });
});

describe("growth against last year", () => {
  function growthGoals(lastYearParticipants: number, grantLastYear: number) {
    const result = assessAssociation({ id: "bodo", name: "Seniornett Bodø", municipalityNumber: "1804" }, { kind: "read", sheets: associationSheets({ activities: [GOOD_ACTIVITY] }) }, context);
    const summary = summarise({
      year: 2025,
      today,
      central: { associations: [], issues: [], history: [{ year: 2024, participants: lastYearParticipants }], settings: { grantLastYear, grantThisYear: 100 } } as never,
      results: [result],
    });
    return summary.goals.filter((g) => g.id === "participantGrowth" || g.id === "grantGrowth");
  }

  it("is unknown (null, not met) against 0 participants and a grant of 0 last year", () => {
    expect(growthGoals(0, 0)).toEqual([
      { id: "participantGrowth", target: 0.1, actual: null, met: false },
      { id: "grantGrowth", target: 0.25, actual: null, met: false },
    ]);
  });

  it("is measured against 1 participant last year", () => {
    expect(growthGoals(1, 50)).toEqual([
      { id: "participantGrowth", target: 0.1, actual: 11, met: true },
      { id: "grantGrowth", target: 0.25, actual: 1, met: true },
    ]);
  });
});

describe("the summary JSON file", () => {
  it("is two-space indented and ends with exactly one newline (other tools read it)", () => {
    const summary = summarise({ year: 2025, today, central: { associations: [], issues: [], history: [], settings: {} } as never, results: [] });
    const text = summaryJson(summary);
    expect(text.endsWith("}\n")).toBe(true);
    expect(text.endsWith("\n\n")).toBe(false);
    expect(text.startsWith('{\n  "schemaVersion": 1,\n  "year": 2025,')).toBe(true);
    expect(JSON.parse(text)).toEqual(summary);
  });
});
