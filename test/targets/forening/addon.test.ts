import { MARK_BACKGROUND } from "../../../src/workbook/workbook";
import { sheetPlan } from "../../../src/core/plan";
import { measures } from "../../../src/core/templates/association";
import { createForeningApi } from "../../../src/targets/forening/api";
import { withLock } from "../../../src/targets/shared/lock";
import { AppsScriptWorkbook } from "../../../src/adapters/apps-script/apps-script-workbook";
import { ACTIVITY_HEADER, activityRows, annualReportRows, CONTENT_CALL, harness, KARI, MEASURE_HEADER, MILESTONE_HEADER, OLA } from "./harness";

const MARK = MARK_BACKGROUND.toLowerCase();
/** Builders only assemble a rule inside the script; the service calls are the ones that apply it. */
const serviceCalls = (calls: Record<string, number>) =>
  Object.entries(calls)
    .filter(([key]) => !/^(DataValidationBuilder|ConditionalFormatRuleBuilder)\.|^SpreadsheetApp\.new/.test(key))
    .reduce((sum, [, n]) => sum + n, 0);
/** Round trips that read or write cell content or formatting (getters of handles such as getSheet, getName, getA1Notation, getRange left out). */
const contentCalls = (calls: Record<string, number>) =>
  Object.entries(calls)
    .filter(([key]) => CONTENT_CALL.test(key))
    .reduce((sum, [, n]) => sum + n, 0);

const activity = (over: Record<string, string> = {}) => ({ date: "12.03.2025", type: "Kurs", title: "Nettbank for nybegynnere", municipalityNumber: "", partner: "Bibliotek", participants: "12", newParticipants: "4", volunteers: "2", volunteerHours: "6", comment: "", ...over });

describe("Sett opp rapportmal", () => {
  it("creates the four tabs with header, notes, frozen row, widths, formats, validation, rules and protection", () => {
    const h = harness();
    h.app.menuSetUp();
    const snap = h.world.snapshot(h.id);
    const tab = (name: string) => snap.sheets.find((s) => s.name === name)!;
    expect(tab("Aktiviteter").values[0]).toEqual(ACTIVITY_HEADER);
    expect(tab("Aktiviteter").frozenRows).toBe(1);
    expect(tab("Aktiviteter").notes.F1).toBe("Påkrevd: et helt tall mellom 0 og 10 000.");
    expect(tab("Aktiviteter").fontWeights.A1).toBe("bold");
    // One width for every template column in Sheets (one call per tab; the .xlsx has the planned widths).
    expect(tab("Aktiviteter").columnWidths.C).toBe(180);
    expect(tab("Aktiviteter").numberFormats.A2).toBe("dd.mm.yyyy");
    expect(tab("Aktiviteter").validations.B2).toMatchObject({ criteria: "VALUE_IN_LIST", values: [["Kurs", "Datahjelp", "Foredrag", "Åpent møte", "Medlemsmøte", "Veilederopplæring", "Annet"], true] });
    expect(tab("Aktiviteter").validations.F500).toMatchObject({ criteria: "NUMBER_BETWEEN", values: [0, 10000], allowInvalid: true });
    expect(tab("Milepæler").conditionalRules.map((r) => r.background?.toLowerCase())).toEqual(["#f4cccc", "#d9ead3"]);
    expect(tab("Aktiviteter").protections).toEqual([expect.objectContaining({ range: "A1:J1", warningOnly: true })]);
    // One warning-only protection of the whole form but its value cells: header row, field column and help.
    expect(tab("Årsrapport").protections).toEqual([expect.objectContaining({ type: "SHEET", warningOnly: true, unprotected: ["B2:B13"] })]);
    expect(tab("Årsrapport").values[1]).toEqual(["Rapportår", "", expect.stringMatching(/\S/)]); // the help, in column C
    expect(tab("Årsrapport").fontWeights).toEqual({ A1: "bold", B1: "bold", C1: "bold" });
    expect(tab("Tiltak").columnWidths).toMatchObject({ A: 180, B: 180, C: 180, D: 180, E: 180, H: 180, I: 180 });
    expect(tab("Årsrapport").validations.B2).toMatchObject({ criteria: "NUMBER_BETWEEN", values: [2000, 2100] });
    expect(tab("Tiltak").values.length).toBeGreaterThan(10); // prefilled from the action plan
    expect(h.world.toasts.at(-1)!.message).toMatch(/klare/);
  });

  it("run twice leaves the spreadsheet exactly as run once (no stacked rules or protections)", () => {
    const h = harness();
    h.app.menuSetUp();
    const once = h.world.snapshot(h.id);
    h.as({}).app.menuSetUp();
    expect(h.world.snapshot(h.id)).toEqual(once);
  });

  it("keeps existing data and the user's own column, and adds a missing column", () => {
    const header = ACTIVITY_HEADER.filter((h) => h !== "Frivillige timer").concat(["Vår egen kolonne"]);
    const row = [new Date(Date.UTC(2025, 2, 12, 12)), "Kurs", "=ikke en formel", "0301", "", 12, 4, 2, "", "", "beholdes"];
    const h = harness({ Årsrapport: annualReportRows(), Aktiviteter: [header, row.slice(0, 9).concat(["beholdes"])] });
    h.app.menuSetUp();
    const values = h.values("Aktiviteter");
    expect(values[0]).toEqual([...header, "Frivillige timer"]);
    expect(values[1].slice(0, 10)).toEqual([row[0], "Kurs", "=ikke en formel", "0301", "", 12, 4, 2, "", "beholdes"]);
    expect(h.values("Årsrapport")).toEqual(annualReportRows().map((r) => r.map((v) => v ?? "")));
  });
});

describe("Kontroller rapporten", () => {
  it("lists every problem with tab and cell, marks error cells, and clears a mark once fixed", () => {
    const rows = activityRows(4);
    rows[2][5] = 20000;
    const h = harness({ Årsrapport: annualReportRows(), Aktiviteter: rows });
    const first = h.app.getProblems();
    expect(first.problems).toContainEqual(expect.objectContaining({ sheet: "Aktiviteter", cell: "F3", code: "out_of_range", severity: "error", message: "Deltakere må være et helt tall mellom 0 og 10 000 (ikke «20000»)" }));
    expect(first.problems).toContainEqual(expect.objectContaining({ sheet: "Milepæler", code: "missing_tab" }));
    expect(h.world.snapshot(h.id).sheets.find((s) => s.name === "Aktiviteter")!.backgrounds).toEqual({ F3: MARK });

    h.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Aktiviteter")!.getRange("F3").setValue(15);
    h.as({}).app.getProblems();
    expect(h.world.snapshot(h.id).sheets.find((s) => s.name === "Aktiviteter")!.backgrounds).toEqual({});
  });

  it("keeps the user's own cell colours when marking and clearing", () => {
    const rows = activityRows(3);
    rows[1][2] = { value: "Kurs 1", background: "#00ff00" };
    rows[3][5] = 20000;
    const h = harness({ Årsrapport: annualReportRows(), Aktiviteter: rows });
    h.app.getProblems();
    expect(h.world.snapshot(h.id).sheets.find((s) => s.name === "Aktiviteter")!.backgrounds).toEqual({ C2: "#00ff00", F4: MARK });
  });

  it("costs the same number of service calls for 10 and for 5,000 rows, at most 8 per tab", () => {
    const count = (n: number) => {
      const h = harness({ Årsrapport: annualReportRows(), Aktiviteter: activityRows(n, 5), Milepæler: [MILESTONE_HEADER], Tiltak: [["Planområde", "Tiltak", "Aktivitet", "Ansvar", "Ansvarlig", "Frist", "Status", "Resultat", "Antall nådd"]] });
      h.world.resetCalls();
      h.app.getProblems();
      return h.world.calls;
    };
    const small = count(10);
    expect(count(5000)).toBe(small);
    expect(small).toBeLessThanOrEqual(8 * 4);
  });
});

describe("onEdit", () => {
  function edit(n: number, cell: string, value: unknown) {
    const rows = activityRows(n);
    rows[1][5] = 20000; // an old error in row 2, already marked
    const h = harness({ Årsrapport: annualReportRows(), Aktiviteter: rows });
    h.app.getProblems();
    const book = h.globals.SpreadsheetApp.getActiveSpreadsheet();
    const range = book.getSheetByName("Aktiviteter")!.getRange(cell);
    range.setValue(value);
    h.world.resetCalls();
    h.app.onEdit({ authMode: h.globals.ScriptApp.AuthMode.LIMITED, range, source: book } as unknown as GoogleAppsScript.Events.SheetsOnEdit);
    return { h, calls: h.world.calls, byMethod: { ...h.world.callsByMethod }, backgrounds: h.world.snapshot(h.id).sheets.find((s) => s.name === "Aktiviteter")!.backgrounds };
  }

  it("re-checks only the edited rows: marks a new error there and leaves other rows' marks alone", () => {
    const { backgrounds, byMethod } = edit(50, "G40", 999);
    expect(backgrounds).toEqual({ F2: MARK, G40: MARK });
    // Header row and the edited row are read; nothing else of the tab, and not Rapportår (Dato was not edited).
    expect(byMethod["Range.getValues"]).toBe(2);
    expect(byMethod["Sheet.getDataRange"]).toBeUndefined();
  });

  it("clears the mark of a fixed cell", () => {
    const { backgrounds } = edit(5, "F2", 12);
    expect(backgrounds).toEqual({});
  });

  it("costs the same for a 10-row and a 5,000-row tab", () => {
    const small = edit(10, "C9", "Ny tittel").calls;
    expect(edit(5000, "C4999", "Ny tittel").calls).toBe(small);
  });

  it("keeps a Dato cell's outside-the-report-year mark when another column of its row is edited, in at most 4 content calls", () => {
    const rows = activityRows(10);
    rows[5][0] = new Date(Date.UTC(2024, 4, 2, 12)); // row 6: a date in 2024, report year 2025
    const h = harness({ Årsrapport: annualReportRows(), Aktiviteter: rows });
    h.app.getProblems();
    expect(backgroundsOf(h, "Aktiviteter")).toEqual({ A6: MARK });
    const { calls } = editCell(h, "Aktiviteter", "F6", 30000);
    expect(backgroundsOf(h, "Aktiviteter")).toEqual({ A6: MARK, F6: MARK });
    expect(contentCalls(calls)).toBeLessThanOrEqual(4);
    expect(calls["Range.getValues"]).toBe(2); // header and row 6: Rapportår is not read
  });

  it("re-checks a Dato cell against Rapportår when Dato is edited (the one edit that reads the year)", () => {
    const rows = activityRows(10);
    rows[5][0] = new Date(Date.UTC(2024, 4, 2, 12));
    const h = harness({ Årsrapport: annualReportRows(), Aktiviteter: rows });
    h.app.getProblems();
    const fixed = editCell(h, "Aktiviteter", "A6", new Date(Date.UTC(2025, 4, 2, 12)));
    expect(backgroundsOf(h, "Aktiviteter")).toEqual({});
    expect(contentCalls(fixed.calls)).toBe(5); // header, row, Rapportår, getBackgrounds, setBackgrounds
    editCell(h, "Aktiviteter", "A7", new Date(Date.UTC(2023, 0, 9, 12)));
    expect(backgroundsOf(h, "Aktiviteter")).toEqual({ A7: MARK });
  });

  it("re-checks every Aktiviteter date when Rapportår is changed in Årsrapport", () => {
    const rows = activityRows(10);
    rows[5][0] = new Date(Date.UTC(2024, 4, 2, 12)); // row 6 is in 2024
    const h = harness({ Årsrapport: annualReportRows(2025), Aktiviteter: rows });
    h.app.getProblems();
    expect(backgroundsOf(h, "Aktiviteter")).toEqual({ A6: MARK });
    editCell(h, "Årsrapport", "B2", 2024);
    // Now row 6 is inside the report year and every other row (2025) is outside it.
    const marked = Object.keys(backgroundsOf(h, "Aktiviteter")).sort();
    expect(marked).not.toContain("A6");
    expect(marked).toEqual(Array.from({ length: 10 }, (_, i) => `A${i + 2}`).filter((c) => c !== "A6").sort());
    editCell(h, "Årsrapport", "B3", "Seniornett Bodø og omegn"); // another field: Aktiviteter is not read
    expect(Object.keys(backgroundsOf(h, "Aktiviteter")).sort()).toEqual(marked);
  });

  it("marks problems of a Dato cell that do not depend on the year, also when Dato was not edited", () => {
    const rows = activityRows(3);
    rows[2][0] = "ikke en dato";
    const h = harness({ Årsrapport: annualReportRows(), Aktiviteter: rows });
    // A new row typed from its title: Dato is missing (required), not a question of the year.
    editCell(h, "Aktiviteter", "C6", "Nytt kurs");
    expect(backgroundsOf(h, "Aktiviteter")).toEqual({ A6: MARK, B6: MARK, F6: MARK });
    editCell(h, "Aktiviteter", "F3", 15);
    expect(backgroundsOf(h, "Aktiviteter")).toEqual({ A3: MARK, A6: MARK, B6: MARK, F6: MARK });
    // Clearing the row clears its marks.
    editCell(h, "Aktiviteter", "C6", "");
    expect(backgroundsOf(h, "Aktiviteter")).toEqual({ A3: MARK });
  });

  it("re-checks every row of a paste, with or without the Dato column", () => {
    const rows = activityRows(10);
    rows[3][0] = new Date(Date.UTC(2024, 1, 1, 12)); // A4 outside the report year
    const h = harness({ Årsrapport: annualReportRows(), Aktiviteter: rows });
    h.app.getProblems();
    const narrow = editBlock(h, "Aktiviteter", "E3:G5", [["Bibliotek", 20000, 1], ["Bibliotek", 12, 40], ["Bibliotek", 12, 2]]);
    expect(backgroundsOf(h, "Aktiviteter")).toEqual({ A4: MARK, F3: MARK, G4: MARK });
    expect(contentCalls(narrow)).toBeLessThanOrEqual(4);
    const date = (m: number, y = 2025) => new Date(Date.UTC(y, m, 3, 12));
    const wide = editBlock(h, "Aktiviteter", "A3:C5", [[date(1), "Kurs", "a"], [date(2), "Kurs", "b"], [date(3, 2026), "Kurs", "c"]]);
    expect(backgroundsOf(h, "Aktiviteter")).toEqual({ A5: MARK, F3: MARK, G4: MARK });
    expect(contentCalls(wide)).toBe(5);
  });

  it("costs at most 4 content calls for an edit in Milepæler and in Tiltak", () => {
    const milestone = ["1804", "Avtale signert", new Date(Date.UTC(2025, 9, 1, 12)), "Begge", "", "Pågår", "", ""];
    const measure = sheetPlan(measures).prefill[0]; // a row of the action plan, as set-up prefills it
    const h = harness({ Årsrapport: annualReportRows(), Milepæler: [MILESTONE_HEADER, milestone], Tiltak: [MEASURE_HEADER, measure] });
    const m = editCell(h, "Milepæler", "F2", "Fullført");
    expect(backgroundsOf(h, "Milepæler")).toEqual({ G2: MARK }); // Fullført needs Fullført dato
    expect(contentCalls(m.calls)).toBeLessThanOrEqual(4);
    const t = editCell(h, "Tiltak", "G2", "Ugyldig status");
    expect(backgroundsOf(h, "Tiltak")).toEqual({ G2: MARK });
    expect(contentCalls(t.calls)).toBeLessThanOrEqual(4);
  });

  it("does nothing before authorisation or outside the report tabs", () => {
    const h = harness({ Årsrapport: annualReportRows(), Annet: [["x"]] });
    const book = h.globals.SpreadsheetApp.getActiveSpreadsheet();
    const range = book.getSheetByName("Annet")!.getRange("A1");
    h.world.resetCalls();
    h.app.onEdit({ authMode: h.globals.ScriptApp.AuthMode.NONE, range, source: book } as never);
    expect(h.world.calls).toBe(0);
    h.app.onEdit({ authMode: h.globals.ScriptApp.AuthMode.LIMITED, range, source: book } as never);
    expect(h.world.callsByMethod["Range.getValues"]).toBeUndefined();
  });
});

function backgroundsOf(h: ReturnType<typeof harness>, tab: string): Record<string, string> {
  return h.world.snapshot(h.id).sheets.find((s) => s.name === tab)!.backgrounds;
}

/** Sets a cell as a user would, then runs onEdit; the calls are those of onEdit alone. */
function editCell(h: ReturnType<typeof harness>, tab: string, cell: string, value: unknown) {
  return { calls: editBlock(h, tab, cell, [[value]]) };
}

function editBlock(h: ReturnType<typeof harness>, tab: string, a1: string, values: unknown[][]): Record<string, number> {
  const book = h.globals.SpreadsheetApp.getActiveSpreadsheet();
  const range = book.getSheetByName(tab)!.getRange(a1);
  range.setValues(values as never);
  h.world.resetCalls();
  h.app.onEdit({ authMode: h.globals.ScriptApp.AuthMode.LIMITED, range, source: book } as unknown as GoogleAppsScript.Events.SheetsOnEdit);
  return { ...h.world.callsByMethod };
}

describe("Registrer aktivitet", () => {
  it("checks the record again on the server with the sheet's rules and refuses a bad one", () => {
    const h = harness({ Årsrapport: annualReportRows(), Aktiviteter: [ACTIVITY_HEADER] });
    const result = h.app.addActivity(activity({ participants: "20000", date: "12.03.2024" }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      { field: "date", message: "Dato må være en dato i rapportåret 2025" },
      { field: "participants", message: "Deltakere må være et helt tall mellom 0 og 10 000 (ikke «20000»)" },
    ]);
    expect(h.values("Aktiviteter")).toEqual([ACTIVITY_HEADER]);
  });

  it("appends a checked row in the tab's own column order, keeping 0301 as text", () => {
    const reordered = [...ACTIVITY_HEADER].reverse();
    const h = harness({ Årsrapport: annualReportRows(), Aktiviteter: [reordered] });
    const result = h.app.addActivity(activity({ municipalityNumber: "0301" }));
    expect(result).toEqual({ ok: true, row: 2, message: "Aktiviteten er lagt til i rad 2." });
    const [, row] = h.values("Aktiviteter");
    const byHeader = Object.fromEntries(reordered.map((name, j) => [name, row[j]]));
    expect(byHeader).toMatchObject({ Tittel: "Nettbank for nybegynnere", Kommunenummer: "0301", Deltakere: 12, "Frivillige timer": 6, Kommentar: "" });
    expect((byHeader.Dato as Date).toISOString()).toBe("2025-03-12T12:00:00.000Z");
  });

  it("lets two people add at the same time: both rows land, none overwritten", () => {
    const h = harness({ Årsrapport: annualReportRows(), Aktiviteter: [ACTIVITY_HEADER] });
    const kari = h.as({ userEmail: KARI });
    const ola = h.as({ userEmail: OLA });
    // Kari's request has checked her record when Ola's whole request runs, then Kari takes the lock.
    const kariApi = createForeningApi({
      workbook: () => new AppsScriptWorkbook(kari.globals.SpreadsheetApp.getActiveSpreadsheet(), kari.globals.SpreadsheetApp),
      now: h.world.now,
      userEmail: () => KARI,
      withDocumentLock: (fn) => {
        expect(ola.app.addActivity(activity({ title: "Olas kurs" }))).toMatchObject({ ok: true, row: 2 });
        return withLock(kari.globals.LockService.getDocumentLock(), kari.globals.SpreadsheetApp, fn);
      },
      selectCell: () => undefined,
    });
    expect(kariApi.addActivity(activity({ title: "Karis kurs" }))).toMatchObject({ ok: true, row: 3 });
    expect(h.values("Aktiviteter").map((r) => r[2])).toEqual(["Tittel", "Olas kurs", "Karis kurs"]);
    expect(h.world.heldLocks()).toEqual([]);
  });

  it("tells the user to try again when someone else holds the lock too long", () => {
    const h = harness({ Årsrapport: annualReportRows(), Aktiviteter: [ACTIVITY_HEADER] });
    const other = h.as({ userEmail: OLA });
    other.globals.LockService.getDocumentLock()!.waitLock(1000);
    expect(() => h.app.addActivity(activity())).toThrow(/opptatt/);
    expect(h.values("Aktiviteter")).toEqual([ACTIVITY_HEADER]);
  });

  it("offers the form fields from the template with the report year and municipality", () => {
    const h = harness({ Årsrapport: annualReportRows() });
    const form = h.app.getActivityForm();
    expect(form.year).toBe(2025);
    expect(form.municipalityNumber).toBe("1804");
    expect(form.fields.map((f) => f.label)).toEqual(ACTIVITY_HEADER);
  });
});

describe("Milepæler", () => {
  const milestones = () => [
    MILESTONE_HEADER,
    ["1804", "Avtale signert", new Date(Date.UTC(2025, 9, 1, 12)), "Begge", "", "Pågår", "", ""],
    ["1804", "Kurslokale klart", new Date(Date.UTC(2025, 11, 5, 12)), "Kommunen", "Lokaler", "", "", ""],
    ["1804", "Evaluering", new Date(Date.UTC(2026, 5, 1, 12)), "Foreningen", "", "Ikke startet", "", ""],
  ];

  it("lists overdue and upcoming milestones", () => {
    const h = harness({ Milepæler: milestones() });
    const { today, milestones: list } = h.app.getMilestones();
    expect(today).toBe("2025-11-20");
    expect(list.map((m) => [m.title, m.overdue, m.upcoming, m.municipality])).toEqual([
      ["Avtale signert", true, false, "Bodø"],
      ["Kurslokale klart", false, true, "Bodø"],
      ["Evaluering", false, false, "Bodø"],
    ]);
  });

  it("updates status, and refuses Fullført without Fullført dato", () => {
    const h = harness({ Milepæler: milestones() });
    const refused = h.app.setMilestoneStatus(2, "Fullført", "");
    expect(refused).toEqual({ ok: false, errors: [{ field: "completedDate", message: "Fullført dato må fylles ut når Status er Fullført" }], message: expect.any(String) });
    expect(h.app.setMilestoneStatus(2, "Fullført", "2025-11-18")).toMatchObject({ ok: true, row: 2 });
    const row = h.values("Milepæler")[1];
    expect(row[5]).toBe("Fullført");
    expect((row[6] as Date).toISOString().slice(0, 10)).toBe("2025-11-18");
    expect(h.app.getMilestones().milestones.find((m) => m.row === 2)).toMatchObject({ status: "Fullført", overdue: false });
  });

  it("lists a row with errors only in Status or Fullført dato, with its messages, and counts rows with other errors", () => {
    const h = harness({
      Milepæler: [
        ...milestones(),
        ["1804", "Kurs holdt", new Date(Date.UTC(2025, 10, 1, 12)), "Foreningen", "", "Fullført", "", ""],
        ["1804", "Nettbrett kjøpt", new Date(Date.UTC(2025, 10, 10, 12)), "Kommunen", "", "Ferdig", "", ""],
        ["1804", "", new Date(Date.UTC(2025, 10, 2, 12)), "Begge", "", "Fullført", "", ""],
        ["9999", "Møte med rådmannen", new Date(Date.UTC(2025, 10, 3, 12)), "Begge", "", "Pågår", "", ""],
      ],
    });
    const { milestones: list, unlisted } = h.app.getMilestones();
    expect(unlisted).toBe(2);
    expect(list.map((m) => [m.row, m.title, m.status, m.completedDate, m.problems])).toEqual([
      [2, "Avtale signert", "Pågår", "", undefined],
      [5, "Kurs holdt", "Fullført", "", ["Fullført dato må fylles ut når Status er Fullført"]],
      [6, "Nettbrett kjøpt", "", "", [expect.stringContaining("(ikke «Ferdig»)")]],
      [3, "Kurslokale klart", "Ikke startet", "", undefined],
      [4, "Evaluering", "Ikke startet", "", undefined],
    ]);
    expect(list.find((m) => m.row === 6)).toMatchObject({ municipality: "Bodø", responsibleParty: "Kommunen", overdue: true });

    // Fixed from the sidebar: listed again without problems; the other rows are still counted.
    expect(h.app.setMilestoneStatus(5, "Fullført", "2025-11-02")).toMatchObject({ ok: true });
    expect(h.app.setMilestoneStatus(6, "Fullført", "2025-11-12")).toMatchObject({ ok: true });
    const after = h.app.getMilestones();
    expect(after.milestones.filter((m) => m.problems)).toEqual([]);
    expect(after.milestones.find((m) => m.row === 5)).toMatchObject({ status: "Fullført", completedDate: "2025-11-02" });
    expect(after.unlisted).toBe(2);
  });

  it("counts every row as unlisted when the tab lacks a required column", () => {
    const h = harness({ Milepæler: milestones().map((row) => row.filter((_, i) => i !== 1)) });
    expect(h.app.getMilestones()).toMatchObject({ milestones: [], unlisted: 3 });
  });
});

describe("Send inn rapporten", () => {
  it("refuses while errors remain and shows them in the Kontroller sidebar", () => {
    const rows = activityRows(3);
    rows[2][5] = 20000;
    const h = harness({ Årsrapport: annualReportRows(), Aktiviteter: rows, Milepæler: [MILESTONE_HEADER], Tiltak: [["Planområde", "Tiltak", "Aktivitet", "Ansvar", "Ansvarlig", "Frist", "Status", "Resultat", "Antall nådd"]] });
    h.world.htmlFiles.kontroller = "<p>kontroller</p>";
    h.app.menuSubmit();
    expect(h.values("Årsrapport")[11][1]).toBe("");
    expect(h.world.dialogs.at(-1)).toMatchObject({ type: "sidebar", title: "Kontroller rapporten" });
    expect(h.world.toasts.at(-1)!.message).toBe("Rapporten kan ikke sendes inn ennå: 1 feil må rettes først. Se listen i sidepanelet.");
  });

  it("stamps Innsendt (Oslo time) and Innsendt av when the report is clean", () => {
    const h = harness({ Årsrapport: annualReportRows(), Aktiviteter: activityRows(3), Milepæler: [MILESTONE_HEADER], Tiltak: [["Planområde", "Tiltak", "Aktivitet", "Ansvar", "Ansvarlig", "Frist", "Status", "Resultat", "Antall nådd"]] });
    h.app.menuSubmit();
    const form = h.values("Årsrapport");
    expect(form[11]).toEqual(["Innsendt", "2025-11-20T10:00:00+01:00", ""]);
    expect(form[12]).toEqual(["Innsendt av", KARI, ""]);
    expect(h.world.dialogs.at(-1)).toMatchObject({ type: "alert" });
    expect(h.world.dialogs.at(-1)!.content).toMatch(/sendt inn 20\.11\.2025 kl\. 10:00/);
  });
});

describe("service-call budgets", () => {
  it("set-up of all four tabs in a new spreadsheet: at most 60 calls (rule builders excluded)", () => {
    const h = harness();
    h.world.resetCalls();
    h.app.menuSetUp();
    expect(serviceCalls(h.world.callsByMethod)).toBeLessThanOrEqual(60);
  });

  it("an edit of Deltakere in a 5,000-row Aktiviteter: at most 4 content calls", () => {
    const h = harness({ Årsrapport: annualReportRows(), Aktiviteter: activityRows(5000, 5) });
    const { calls } = editCell(h, "Aktiviteter", "F4999", 20000);
    expect(contentCalls(calls)).toBeLessThanOrEqual(4);
  });
});
