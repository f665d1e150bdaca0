// How a written tab looks (core/output-table.ts, issue 14): the width a value takes, column widths,
// wrapping, landscape pages, the table and free-sheet layouts, and ISO instants read back as dates.
import { Cell } from "../../src/core/cell";
import { grid, instant, layoutFor, outputTable, shownLength } from "../../src/core/output-table";

const NOON = new Date("2025-03-12T12:00:00Z");

describe("the characters a value takes when shown", () => {
  it("an empty cell takes none, whatever its format", () => {
    expect(shownLength(null, "whole")).toBe(0);
    expect(shownLength(undefined, "text")).toBe(0);
    expect(shownLength("", "date")).toBe(0);
  });

  it("a date takes 10 (01.12.2026), a date-time 16 (01.12.2026 13:48)", () => {
    expect(shownLength(NOON, "date")).toBe(10);
    expect(shownLength(NOON, undefined)).toBe(10);
    expect(shownLength(NOON, "datetime")).toBe(16);
  });

  it.each([
    [0.1, 4], // 10 %
    [0.125, 6], // 12,5 %
    [0.1234, 6], // 12,3 %
    [1, 5], // 100 %
  ])("a share %p shown as a percentage takes %p", (value, length) => {
    expect(shownLength(value, "percent")).toBe(length);
  });

  it.each([
    [0, "whole", 1],
    [7, "whole", 1],
    [100, "whole", 3],
    [999, "whole", 3],
    [1000, "whole", 5], // 1 000
    [10447, "whole", 6], // 10 447
    [1000000, "decimal", 9], // 1 000 000
    [10447, undefined, 6],
    [2025, "year", 4], // no thousands separator
    [1234567, "year", 7],
    [12.5, "decimal", 5], // room for two decimals: 12,50
    [1234.5, "decimal", 8], // 1 234,50
    [0.5, "decimal", 4],
    [-12, "whole", 3],
    [-1234, "whole", 6], // -1 234
    [-0.5, "decimal", 5],
  ] as const)("the number %p as %p takes %p", (value, format, length) => {
    expect(shownLength(value, format)).toBe(length);
  });

  it("text takes its longest line, counted in characters, not UTF-16 units", () => {
    expect(shownLength("abc", "text")).toBe(3);
    expect(shownLength("abc\nabcdef\nab", "text")).toBe(6);
    expect(shownLength("😀😀", "text")).toBe(2);
    expect(shownLength(true, undefined)).toBe(4);
  });
});

describe("column widths of a table", () => {
  it("are at least 6 characters, plus 2 of padding", () => {
    expect(layoutFor([["A"], ["x"]], ["text"]).widths).toEqual([8]);
  });

  it("fit the header, which is bold and so 15 % wider than the same text in normal weight", () => {
    // «Deltakere i alt»: 15 characters; 17,25 bold, rounded up, plus 2.
    expect(layoutFor([["Deltakere i alt"], [5]], ["whole"]).widths).toEqual([20]);
    expect(layoutFor([["Deltakere i alt"], [5]], ["whole"], { kind: "sheet" }).widths).toEqual([17]);
  });

  it("fit the longest value below the header, in normal weight", () => {
    expect(layoutFor([["A"], ["abcdefghij"], ["abc"]], ["text"]).widths).toEqual([12]);
  });

  it("measure a header cell as text, and the cells below with the column's format", () => {
    expect(layoutFor([[NOON]], ["datetime"]).widths).toEqual([14]);
    expect(layoutFor([["A"], [NOON]], ["datetime"]).widths).toEqual([18]);
    expect(layoutFor([[NOON]], ["datetime"], { kind: "sheet" }).widths).toEqual([18]);
  });

  it("measure a cell with its own format where one is given (a year among counts)", () => {
    expect(layoutFor([["A"], [1234567]], ["whole"]).widths).toEqual([11]);
    expect(layoutFor([["A", "B"], [1234567, 1234567]], ["whole", "whole"], { cellFormats: { 1: [undefined, "year"] } }).widths).toEqual([11, 9]);
    expect(layoutFor([[NOON]], ["text"], { cellFormats: { 0: ["datetime"] } }).widths).toEqual([21]);
  });

  it("stop growing at 45 characters: longer text wraps", () => {
    const at = (text: string) => layoutFor([["A"], [text]], ["text"]);
    expect(at("x".repeat(45)).widths).toEqual([47]);
    expect(at("x".repeat(45)).wrap).toEqual([false]);
    expect(at("x".repeat(46)).widths).toEqual([47]);
    expect(at("x".repeat(46)).wrap).toEqual([true]);
  });

  it("stop growing where the table says (maxWidth)", () => {
    const at = (text: string) => layoutFor([["A"], [text]], ["text"], { maxWidth: 32 });
    expect(at("x".repeat(40)).widths).toEqual([34]);
    expect(at("x".repeat(40)).wrap).toEqual([true]);
    expect(at("x".repeat(32)).wrap).toEqual([false]);
  });

  it("cover every column that has a format or a value", () => {
    expect(layoutFor([["A", "B", "C"], ["x"]], ["text"]).widths).toEqual([8, 8, 8]);
    expect(layoutFor([["A"]], ["text", "whole", "date"]).widths).toEqual([8, 8, 8]);
  });

  it("are decided by the first 500 rows of a long table", () => {
    const rows: Cell[][] = [["A"], ...Array.from({ length: 499 }, () => ["x"]), ["a very long text that would widen the column", "b", "c", "d", "e"]];
    expect(rows).toHaveLength(501);
    const layout = layoutFor(rows, ["text"]);
    expect(layout.widths).toEqual([8]);
    expect(layout.wrap).toEqual([false]);
  });
});

describe("a free layout (a dashboard)", () => {
  it("lets a one-cell heading run over the empty cells to its right instead of widening its column", () => {
    const sheet: Cell[][] = [
      ["En lang overskrift over hele arket", "", null, undefined], // a heading of one cell: not measured
      ["Et langt navn i en rad", "", "", ""], // not a heading: measured
      ["Overskrift", "med to celler her"], // a heading of two cells: measured
    ];
    const layout = layoutFor(sheet, ["text", "text", "text", "text"], { kind: "sheet", headingRows: [0, 2] });
    expect(layout.widths).toEqual([24, 19, 8, 8]);
    expect(layout.headingRows).toEqual([0, 2]);
  });

  it("in a table, measures the header row even when it holds one cell", () => {
    expect(layoutFor([["En lang overskrift over hele arket"], ["x"]], ["text"], { headingRows: [0] }).widths).toEqual([42]);
  });

  it("has no frozen row, no filter and no repeated header; no heading rows unless given", () => {
    const layout = layoutFor([["Nøkkeltall"], ["Medlemmer"]], ["text"], { kind: "sheet" });
    expect(layout.frozenRows).toBe(0);
    expect(layout.filter).toBe(false);
    expect(layout.repeatHeader).toBe(false);
    expect(layout.headingRows).toEqual([]);
  });
});

describe("a table's layout", () => {
  it("freezes the header, repeats it on every printed page and shows it as a heading", () => {
    const layout = layoutFor([["Forening"], ["Bodø"]], ["text"]);
    expect(layout.frozenRows).toBe(1);
    expect(layout.repeatHeader).toBe(true);
    expect(layout.headingRows).toEqual([0]);
    expect(layout.cellFormats).toEqual({});
  });

  it("has a filter once there is a row under the header", () => {
    expect(layoutFor([["Forening"], ["Bodø"]], ["text"]).filter).toBe(true);
    expect(layoutFor([["Forening"]], ["text"]).filter).toBe(false);
  });

  it("keeps the heading rows and cell formats it is given", () => {
    const cellFormats = { 1: [undefined, "year" as const] };
    const layout = layoutFor([["A", "B"], ["Rapportår", 2025]], ["text", "decimal"], { headingRows: [0, 3], cellFormats });
    expect(layout.headingRows).toEqual([0, 3]);
    expect(layout.cellFormats).toBe(cellFormats);
  });

  it("prints landscape when the columns are wider than 100 characters in all, portrait up to 100", () => {
    const wide = (first: number) => layoutFor([["", ""], ["x".repeat(first), "y".repeat(50)]], ["text", "text"], { maxWidth: 60 });
    expect(wide(46).widths).toEqual([48, 52]);
    expect(wide(46).landscape).toBe(false);
    expect(wide(47).widths).toEqual([49, 52]);
    expect(wide(47).landscape).toBe(true);
  });

  it("on one page (a dashboard) is portrait however wide", () => {
    const layout = layoutFor([["x".repeat(45), "y".repeat(45), "z".repeat(45)]], ["text", "text", "text"], { onePage: true });
    expect(layout.onePage).toBe(true);
    expect(layout.landscape).toBe(false);
    expect(layoutFor([["x".repeat(45), "y".repeat(45), "z".repeat(45)]], ["text", "text", "text"], { onePage: false }).landscape).toBe(true);
    expect(layoutFor([["A"]], ["text"], { onePage: false }).onePage).toBe(false);
    expect(layoutFor([["A"]], ["text"]).onePage).toBe(false);
  });
});

describe("an output table", () => {
  it("has the columns' headers and formats, its rows, and a layout measured over header and rows", () => {
    const table = outputTable("Per kommune", [["Navn", "text"], ["Antall", "whole"]], [["Bodø", 10447]]);
    expect(table.name).toBe("Per kommune");
    expect(table.header).toEqual(["Navn", "Antall"]);
    expect(table.formats).toEqual(["text", "whole"]);
    expect(table.rows).toEqual([["Bodø", 10447]]);
    // «Antall» bold: 6,9 → 7 + 2; 10 447 takes 6.
    expect(table.layout.widths).toEqual([8, 9]);
    expect(table.layout.filter).toBe(true);
    expect(grid(table)).toEqual([["Navn", "Antall"], ["Bodø", 10447]]);
  });

  it("passes the layout options on", () => {
    const table = outputTable("Dashbord", [["A", "text"]], [], { kind: "sheet", onePage: true });
    expect(table.layout.frozenRows).toBe(0);
    expect(table.layout.onePage).toBe(true);
  });
});

describe("an ISO instant written to a tab", () => {
  it("becomes a date-time", () => {
    expect(instant("2026-12-01T13:48:16.934Z")).toEqual(new Date("2026-12-01T13:48:16.934Z"));
    expect(instant("2026-01-20T10:00:00+01:00")).toEqual(new Date("2026-01-20T09:00:00Z"));
    expect(instant("2026-12-01T13:48")).toBeInstanceOf(Date);
  });

  it.each([
    ["2026-12-01"],
    ["x2026-12-01T13:48:00Z"],
    ["01.12.2026 13:48"],
    ["2026-13-45T99:99:00Z"],
    ["2026-12-01T1:48"],
    [""],
    ["Kari"],
  ])("leaves the text %p as it is", (text) => {
    expect(instant(text)).toBe(text);
  });

  it("leaves numbers, dates and empty cells as they are", () => {
    expect(instant(45000)).toBe(45000);
    expect(instant(NOON)).toBe(NOON);
    expect(instant(null)).toBeNull();
    expect(instant(undefined)).toBeUndefined();
  });
});
