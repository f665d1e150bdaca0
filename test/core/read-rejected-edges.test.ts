// Rejected rows and screened text at their edges (issue 14): every test makes its own template.
import { Cell } from "../../src/core/cell";
import { readTable } from "../../src/core/read";
import { column } from "../../src/core/schema/column";
import { table } from "../../src/core/schema/table";

const context = () => ({ year: 2025, today: "2025-11-25" });
const sheet = () =>
  table("T", {
    name: column.text("Navn", { required: true }),
    count: column.whole("Antall", { min: 0 }),
    title: column.text("Tittel", { shownToPartners: { definite: "Tittelen" } }),
  });

describe("rejected rows", () => {
  it("each carry only their own issues, with their own fields", () => {
    const cells: Cell[][] = [["Navn", "Antall", "Tittel"], ["", 3, "Kurs"], ["Ola", -1, "Kurs"], ["Kari", 2, "Kurs"]];
    const read = readTable(sheet(), cells, context(), { keepRejected: true });
    expect(read.rejectedRows.map((r) => [r.rowNumber, r.issues.map((i) => [i.field, i.cell, i.code])])).toEqual([
      [2, [["name", "A2", "required"]]],
      [3, [["count", "B3", "out_of_range"]]],
    ]);
  });

  it("under a missing required column each carry that column's error only, not the warnings about the header", () => {
    const cells: Cell[][] = [["Antall", "Notater"], [3], [4]];
    const read = readTable(sheet(), cells, context(), { keepRejected: true });
    expect(read.issues.some((i) => i.severity === "warning")).toBe(true);
    expect(read.rejectedRows.map((r) => r.issues.map((i) => [i.field, i.code, i.severity]))).toEqual([
      [["name", "missing_column", "error"]],
      [["name", "missing_column", "error"]],
    ]);
  });

  it("are not part of a read that did not ask for them", () => {
    const read = readTable(sheet(), [["Navn"], [""]], context());
    expect("rejectedRows" in read).toBe(false);
  });
});

describe("a title a municipality sees", () => {
  it("gives no warning when it holds no personal data", () => {
    const read = readTable(sheet(), [["Navn", "Antall", "Tittel"], ["Ola", 1, "iPad for nybegynnere"]], context());
    expect(read.issues).toEqual([]);
  });
});
