// The order issues are listed in (issue 14): within a tab, an issue on the whole tab comes first.
import { compareIssuesInWorkbook, Issue } from "../../src/core/issues";

const issue = (cell: string, code = "x"): Issue => ({ sheet: "Aktiviteter", cell, code, severity: "error", message: "" });

describe("issues in reading order", () => {
  it("puts an issue on the whole tab before one on its header row", () => {
    const sorted = [issue("C1", "missing_column"), issue("", "missing_sheet")].sort(compareIssuesInWorkbook);
    expect(sorted.map((i) => i.cell)).toEqual(["", "C1"]);
    expect(compareIssuesInWorkbook(issue(""), issue("A1"))).toBeLessThan(0);
    expect(compareIssuesInWorkbook(issue("A1"), issue(""))).toBeGreaterThan(0);
  });
});
