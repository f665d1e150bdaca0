// A row rule is not checked on a field that could not be read (issue 14): one message per problem.
import { Cell } from "../../src/core/cell";
import { readTable } from "../../src/core/read";
import { column } from "../../src/core/schema/column";
import { table } from "../../src/core/schema/table";

const context = () => ({ year: 2025, today: "2025-11-25" });
const sheet = () =>
  table("T", { name: column.text("Navn", { required: true }), hours: column.decimal("Timer") }).rule(
    "hours",
    ["hours"],
    "required",
    (row) => row.hours === undefined,
    () => "Timer må fylles ut",
  );

describe("a row rule on a number that is a formula without a stored value", () => {
  it("is skipped: the formula is the only issue", () => {
    const cells: Cell[][] = [["Navn", "Timer"], ["Kurs", ""]];
    const read = readTable(sheet(), cells, context(), { facts: { uncachedFormulas: [[1, 1]] } });
    expect(read.issues.map((i) => `${i.cell} ${i.code}`)).toEqual(["B2 formula_without_value"]);
  });
});
