// Which issues are marked on their cell, and where an issue without a cell sorts (core/issues.ts, issue 14).
import { compareIssuesInWorkbook, hasErrors, Issue, marksCell, SHEET_ORDER } from "../../src/core/issues";

const issue = (severity: Issue["severity"], code: string, cell: string): Issue => ({ sheet: "Aktiviteter", cell, code, severity, message: "" });

describe("issues marked on their cell by a check", () => {
  it("marks every error at a cell", () => {
    expect(marksCell(issue("error", "required", "F7"))).toBe(true);
    expect(marksCell(issue("error", "not_in_list", "AB123"))).toBe(true);
  });

  it("marks personal data in a title, a warning the person should act on", () => {
    expect(marksCell(issue("warning", "personal_data", "C4"))).toBe(true);
  });

  it("does not mark other warnings", () => {
    expect(marksCell(issue("warning", "tab_name_differs", "A1"))).toBe(false);
    expect(marksCell(issue("warning", "stray_cell", "AB5"))).toBe(false);
  });

  it.each(["", "A", "7", "f7", "F7:G8", "F7 ", " F7", "Aktiviteter!F7", "1F7"])("marks nothing where %p is not one cell in A1 notation", (cell) => {
    expect(marksCell(issue("error", "required", cell))).toBe(false);
    expect(marksCell(issue("warning", "personal_data", cell))).toBe(false);
  });
});

describe("errors among issues", () => {
  it("are there when any issue is an error, wherever it is in the list", () => {
    expect(hasErrors([issue("warning", "stray_cell", "A1"), issue("error", "required", "B2")])).toBe(true);
    expect(hasErrors([issue("error", "required", "B2"), issue("warning", "stray_cell", "A1")])).toBe(true);
    expect(hasErrors([issue("warning", "stray_cell", "A1"), issue("warning", "personal_data", "B2")])).toBe(false);
  });
});

describe("an issue about a whole tab (no cell)", () => {
  it("comes before the issues at cells of the same tab, the first cell too", () => {
    const issues = [issue("error", "a", "B1"), issue("error", "a", "A1"), issue("error", "z", ""), issue("error", "a", "A2")];
    expect([...issues].sort(compareIssuesInWorkbook).map((i) => i.cell)).toEqual(["", "A1", "B1", "A2"]);
    expect(compareIssuesInWorkbook(issue("error", "z", ""), issue("error", "a", "A1"))).toBeLessThan(0);
  });

  it("orders issues without a cell among themselves by code", () => {
    expect(compareIssuesInWorkbook(issue("error", "b", ""), issue("error", "a", "Tittel"))).toBeGreaterThan(0);
    expect(compareIssuesInWorkbook(issue("error", "a", ""), issue("error", "a", ""))).toBe(0);
  });
});

describe("issues of different tabs", () => {
  it("follow the tabs' order in the central spreadsheet and an association workbook, whatever the cell", () => {
    const tabs = ["Tiltak", "Milepæler", "Aktiviteter", "Årsrapport", "Historikk", "Oppsett", "Foreninger"];
    const issues = tabs.map((sheet): Issue => ({ sheet, cell: "A1", code: "x", severity: "error", message: "" }));
    issues[0].cell = "";
    expect([...issues].sort(compareIssuesInWorkbook).map((i) => i.sheet)).toEqual(["Foreninger", "Oppsett", "Historikk", "Årsrapport", "Aktiviteter", "Milepæler", "Tiltak"]);
    expect(SHEET_ORDER).toEqual(["Foreninger", "Oppsett", "Historikk", "Årsrapport", "Aktiviteter", "Milepæler", "Tiltak"]);
  });

  it("at the same cell of the same tab: by code, either way round", () => {
    expect(compareIssuesInWorkbook(issue("error", "b", "C3"), issue("error", "a", "C3"))).toBeGreaterThan(0);
    expect(compareIssuesInWorkbook(issue("error", "a", "C3"), issue("error", "b", "C3"))).toBeLessThan(0);
  });
});
