// How each kind of cell is read, with the template and the read context made inside each test so
// every test compiles and runs its own parsers (issue 14; parsers are cached per template and context).
import { Cell } from "../../src/core/cell";
import { readTable } from "../../src/core/read";
import { column } from "../../src/core/schema/column";
import { table } from "../../src/core/schema/table";

const context = () => ({ year: 2025, today: "2025-11-25" });
const codes = (read: ReturnType<typeof readTable>) => read.issues.map((i) => `${i.cell} ${i.code} ${i.severity}`);

describe("a number column without a lower limit", () => {
  it("takes negative numbers", () => {
    const sheet = table("T", { change: column.whole("Endring"), amount: column.decimal("Beløp") });
    const read = readTable(sheet, [["Endring", "Beløp"], [-5, "-2,5"]], context());
    expect(read.issues).toEqual([]);
    expect(read.rows).toEqual([{ change: -5, amount: -2.5 }]);
  });
});

describe("an organisation number", () => {
  it("is kept as its nine digits when the check digit is right, and refused otherwise", () => {
    const sheet = table("T", { org: column.orgNumber("Org.nr.") });
    const read = readTable(sheet, [["Org.nr."], ["974 760 673"], ["974760674"]], context());
    expect(read.rows).toEqual([{ org: "974760673" }]);
    expect(codes(read)).toEqual(["A3 invalid_org_number error"]);
  });
});

describe("a text with a longest length", () => {
  it("is too long only past its length in characters: emoji count once", () => {
    const sheet = table("T", { name: column.text("Navn", { maxLength: 2 }) });
    const read = readTable(sheet, [["Navn"], ["😀😀"], ["abc"], ["ab"]], context());
    expect(read.rows).toEqual([{ name: "😀😀" }, { name: "ab" }]);
    expect(codes(read)).toEqual(["A3 too_long error"]);
  });

  it("without a longest length, any text is read", () => {
    const sheet = table("T", { note: column.text("Notat") });
    const long: Cell = "x".repeat(5000);
    expect(readTable(sheet, [["Notat"], [long]], context()).rows).toEqual([{ note: long }]);
  });
});

describe("an optional number that is a formula without a stored value", () => {
  it("is an error, since the row cannot be counted without it; optional text is only a warning", () => {
    const sheet = table("T", { name: column.text("Navn", { required: true }), count: column.whole("Antall"), hours: column.decimal("Timer"), note: column.text("Notat") });
    const cells: Cell[][] = [["Navn", "Antall", "Timer", "Notat"], ["Kurs", "", "", ""]];
    const read = readTable(sheet, cells, context(), { facts: { uncachedFormulas: [[1, 1], [1, 2], [1, 3]] } });
    expect(codes(read)).toEqual(["B2 formula_without_value error", "C2 formula_without_value error", "D2 formula_without_value warning"]);
  });
});
