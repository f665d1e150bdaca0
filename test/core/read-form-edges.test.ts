// A field/value tab (Årsrapport, Oppsett) and a sidebar form at their edges (issue 14): every test
// makes its own template and read context.
import { Cell } from "../../src/core/cell";
import { checkRecord, readForm } from "../../src/core/read";
import { column } from "../../src/core/schema/column";
import { form, table } from "../../src/core/schema/table";

const context = () => ({ year: 2025, today: "2025-11-25" });
const sheet = () =>
  form("Skjema", {
    name: column.text("Navn", { required: true }),
    count: column.whole("Antall", { default: 5 }),
    note: column.text("Notat", { default: "ingen" }),
  });

describe("a field given twice in column A", () => {
  it("is read from its first row, also when that is the tab's first row", () => {
    const read = readForm(sheet(), [["Navn", "Ola"], ["Navn", "Kari"], ["Antall", 2]], context());
    expect(read.present).toBe(true);
    expect(read.values).toEqual({ name: "Ola", count: 2, note: "ingen" });
    expect(read.rowOf).toEqual({ name: 1, count: 3 });
    expect(read.issues).toEqual([]);
  });
});

describe("a field that is a formula without a stored value", () => {
  it("a number is an error and is not taken as its default; a text is a warning and takes its default", () => {
    const cells: Cell[][] = [["Felt", "Verdi"], ["Navn", "Ola"], ["Antall", ""], ["Notat", ""]];
    const read = readForm(sheet(), cells, context(), { facts: { uncachedFormulas: [[2, 1], [3, 1]] } });
    expect(read.issues.map((i) => `${i.cell} ${i.code} ${i.severity}`)).toEqual(["B3 formula_without_value error", "B4 formula_without_value warning"]);
    expect(read.values).toEqual({ name: "Ola", note: "ingen" });
    expect("count" in read.values).toBe(false);
  });

  it("needs the reader to have found one: facts without uncached formulas change nothing", () => {
    const read = readForm(sheet(), [["Felt", "Verdi"], ["Navn", "Ola"], ["Antall", ""]], context(), { facts: {} });
    expect(read.values).toEqual({ name: "Ola", count: 5, note: "ingen" });
    expect(read.issues).toEqual([]);
  });
});

describe("a sidebar form", () => {
  const record = () => table("Liste", { name: column.text("Navn", { required: true }), title: column.text("Tittel", { shownToPartners: { definite: "Tittelen" } }), count: column.whole("Antall", { min: 0 }) });

  it("left empty reports each required field as missing, and no warnings", () => {
    expect(checkRecord(record(), {}, context())).toEqual({ errors: [{ field: "name", code: "required", message: "Navn må fylles ut" }], warnings: [] });
  });

  it("keeps errors and warnings apart", () => {
    const check = checkRecord(record(), { name: "Ola", title: "Ring meg på 912 34 567", count: -1 }, context());
    expect(check.errors.map((e) => [e.field, e.code])).toEqual([["count", "out_of_range"]]);
    expect(check.warnings.map((w) => [w.field, w.code])).toEqual([["title", "personal_data"]]);
  });
});
