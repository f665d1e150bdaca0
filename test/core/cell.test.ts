// Cells, A1 references, issue order and slugs: the small rules every message and file name rests on.
import { a1, columnLetter, isBlankCell, isBlankRow, looksLikeFormula, normaliseLabel, parseA1 } from "../../src/core/cell";
import { compareIssuesInWorkbook, hasErrors, Issue } from "../../src/core/issues";
import { grid, outputTable } from "../../src/core/output-table";
import { seededRandom, slug } from "../../src/core/text";

describe("a blank cell", () => {
  it.each([null, undefined, "", " ", "\u00a0", "\u2000", "\u2009 ", "\u3000", "\t\n"])("is %p", (value) => {
    expect(isBlankCell(value)).toBe(true);
  });

  it.each([0, false, "0", "a", "!", " a", "\u00a0a", "\u2003x", "\u1fffx", "~", new Date(0)])("is not %p", (value) => {
    expect(isBlankCell(value)).toBe(false);
  });

  it("makes a blank row only when every cell is blank (a missing row is blank too)", () => {
    expect(isBlankRow(undefined)).toBe(true);
    expect(isBlankRow([])).toBe(true);
    expect(isBlankRow(["", null, " "])).toBe(true);
    expect(isBlankRow(["", null, 0])).toBe(false);
    expect(isBlankRow(["x", ""])).toBe(false);
  });
});

describe("A1 references", () => {
  it.each([
    [0, "A"],
    [1, "B"],
    [25, "Z"],
    [26, "AA"],
    [27, "AB"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
  ])("column %p is %p, and back", (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
    expect(parseA1(`${letters}1`)).toEqual({ row: 0, column: index });
  });

  it("name rows from 1", () => {
    expect(a1(0, 0)).toBe("A1");
    expect(a1(6, 5)).toBe("F7");
    expect(parseA1("F7")).toEqual({ row: 6, column: 5 });
    expect(parseA1(" f7 ")).toEqual({ row: 6, column: 5 });
  });

  it.each(["", "7", "F", "F7:G8", "7F", "Ø7", "F 7", "F7x"])("%p is not a single-cell reference", (ref) => {
    expect(parseA1(ref)).toBeUndefined();
  });
});

describe("header labels", () => {
  it("match whatever the case and spacing", () => {
    expect(normaliseLabel("  Antall\u00a0 medlemmer\u202fper\t31.12 ")).toBe("antall medlemmer per 31.12");
    expect(normaliseLabel(null)).toBe("");
    expect(normaliseLabel(2025)).toBe("2025");
  });
});

describe("text a spreadsheet would run as a formula", () => {
  it.each(["=SUM(A1)", "+47 22", "-1", "@x"])("is %p", (value) => {
    expect(looksLikeFormula(value)).toBe(true);
  });
  it.each(["Kurs", " =x", "", 5, null])("is not %p", (value) => {
    expect(looksLikeFormula(value)).toBe(false);
  });
});

describe("the order of issues in a workbook", () => {
  const issue = (sheet: string, cell: string, code = "x"): Issue => ({ sheet, cell, code, severity: "error", message: "" });

  it("is tab order first, then row, then column, then code", () => {
    const issues = [
      issue("Tiltak", "A2"),
      issue("Aktiviteter", "B3"),
      issue("Aktiviteter", "A3", "b"),
      issue("Aktiviteter", "A3", "a"),
      issue("Aktiviteter", "C2"),
      issue("Årsrapport", "B9"),
      issue("Aktiviteter", ""),
      issue("Foreninger", "A4"),
    ];
    expect([...issues].sort(compareIssuesInWorkbook).map((i) => `${i.sheet}!${i.cell}:${i.code}`)).toEqual([
      "Foreninger!A4:x",
      "Årsrapport!B9:x",
      "Aktiviteter!:x",
      "Aktiviteter!C2:x",
      "Aktiviteter!A3:a",
      "Aktiviteter!A3:b",
      "Aktiviteter!B3:x",
      "Tiltak!A2:x",
    ]);
  });

  it("treats two issues of the same cell and code as equal", () => {
    expect(compareIssuesInWorkbook(issue("Tiltak", "A2"), issue("Tiltak", "A2"))).toBe(0);
    expect(compareIssuesInWorkbook(issue("Tiltak", "A2", "b"), issue("Tiltak", "A2", "a"))).toBeGreaterThan(0);
    expect(compareIssuesInWorkbook(issue("Tiltak", "A2", "a"), issue("Tiltak", "A2", "b"))).toBeLessThan(0);
  });

  it("has errors only when one of them is an error, not a warning", () => {
    expect(hasErrors([])).toBe(false);
    expect(hasErrors([{ ...issue("Tiltak", "A2"), severity: "warning" }])).toBe(false);
    expect(hasErrors([{ ...issue("Tiltak", "A2"), severity: "warning" }, issue("Tiltak", "A3")])).toBe(true);
  });
});

describe("slugs for IDs and file names", () => {
  it.each([
    ["Seniornett Bærum", "seniornett-baerum"],
    ["Seniornett Østre Toten", "seniornett-ostre-toten"],
    ["Ål", "al"],
    ["  Café  Nord-Fron!! ", "cafe-nord-fron"],
    ["--x--", "x"],
    ["ÆØÅ æøå", "aeoa-aeoa"],
  ])("%p → %p", (text, expected) => {
    expect(slug(text)).toBe(expected);
  });
});

describe("the seeded random generator", () => {
  it("gives the same sequence for the same seed, in [0, 1), and another for another seed", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(seededRandom(43)()).not.toBe(first[0]);
    // mulberry32's known first outputs (seed 1), so the sample data stays what it was.
    const c = seededRandom(1);
    expect([c(), c()].map((x) => Math.round(x * 1e9))).toEqual(SEED_1);
  });
});

const SEED_1 = [Math.round(0.6270739405881613 * 1e9), Math.round(0.002735721180215478 * 1e9)];

describe("output tables", () => {
  it("are a header row and data rows, with a format per column", () => {
    const table = outputTable("Nasjonalt", [["Nøkkeltall", "text"], ["Verdi", "whole"]], [["Medlemmer", 200]]);
    expect(table).toMatchObject({ name: "Nasjonalt", header: ["Nøkkeltall", "Verdi"], formats: ["text", "whole"], rows: [["Medlemmer", 200]] });
    expect(grid(table)).toEqual([["Nøkkeltall", "Verdi"], ["Medlemmer", 200]]);
  });
});
