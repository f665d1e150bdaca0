// Which columns a table read screens for personal data, an empty tab, and a formula in column A (issue 14).
import { Cell } from "../../src/core/cell";
import { readTable } from "../../src/core/read";
import { column } from "../../src/core/schema/column";
import { table } from "../../src/core/schema/table";

const context = () => ({ year: 2025, today: "2025-11-25" });
const sheet = () =>
  table("T", {
    title: column.text("Tittel", { required: true, shownToPartners: { definite: "Tittelen" } }),
    contact: column.text("Kontakt"),
    count: column.whole("Antall"),
  });
const codes = (read: ReturnType<typeof readTable>) => read.issues.map((i) => `${i.cell} ${i.code} ${i.severity}`);

describe("personal data in a table", () => {
  it("is looked for only in the columns a municipality sees, the first column included", () => {
    const cells: Cell[][] = [["Tittel", "Kontakt", "Antall"], ["Ring 912 34 567", "Ring 912 34 567", 1]];
    expect(codes(readTable(sheet(), cells, context()))).toEqual(["A2 personal_data warning"]);
  });
});

describe("an empty tab", () => {
  it("lacks every column of the template, and nothing else is said about it", () => {
    expect(codes(readTable(sheet(), [], context()))).toEqual(["A1 missing_column error", "B1 missing_column warning", "C1 missing_column warning"]);
  });
});

describe("a formula without a stored value in column A", () => {
  it("is reported and rejects the row", () => {
    const read = readTable(sheet(), [["Tittel", "Kontakt", "Antall"], ["", "", 1]], context(), { facts: { uncachedFormulas: [[1, 0]] } });
    expect(codes(read)).toEqual(["A2 formula_without_value error"]);
    expect(read.rejected).toBe(1);
  });
});
