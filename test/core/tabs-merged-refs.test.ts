// Merged ranges (core/tabs.ts mergedRangeIssues, issue 14): a range whose ends are not plain A1
// references (letters then digits, nothing around them) is not understood and gives no warning.
import { mergedRangeIssues } from "../../src/core/tabs";

describe("a merged range that is not a plain A1 range", () => {
  it("gives no warning when its first end has something after the row number", () => {
    expect(mergedRangeIssues("Aktiviteter", ["B2X:C5"], false)).toEqual([]);
  });

  it("gives no warning when its last end has something before the column letters", () => {
    expect(mergedRangeIssues("Aktiviteter", ["B2:xC5"], false)).toEqual([]);
  });

  it("still warns about the same range written plainly", () => {
    expect(mergedRangeIssues("Aktiviteter", ["B2:C5"], false).map((i) => `${i.cell} ${i.code}`)).toEqual(["B2 merged_cells"]);
  });
});
