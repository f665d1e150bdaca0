// The association reader meets files as people and other programs make them (SPEC "Hostile input").
// Each case is a generated file; each asserts the exact outcome: figures, the issue and its cell.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { readAssociationXlsx, readAssociationXlsxBuffer } from "../../src/adapters/xlsx/association-reader";
import { DEFAULT_READ_LIMITS, XlsxReadLimits } from "../../src/adapters/xlsx/reader";
import { assessAssociation, AssociationResult, AssociationSource } from "../../src/core/association-result";
import { checkAssociationSheets } from "../../src/services/check";
import { cleanSheets, packageEntries, sheet, xlsx, XSheet, zip } from "./xlsx-files";

const TODAY = "2026-03-01";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "samspill-hostile-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function check(bytes: Buffer, limits?: XlsxReadLimits): Promise<AssociationResult> {
  const source = await readAssociationXlsxBuffer(bytes, limits);
  return assess(source);
}

function assess(source: AssociationSource): AssociationResult {
  if (source.kind !== "read") return assessAssociation({ id: "x", name: "x", municipalityNumber: "1804" }, source, { year: 2025, today: TODAY });
  return checkAssociationSheets(source.sheets as Record<string, never>, TODAY, "x", source);
}

const figures = (r: AssociationResult) => ({
  rows: r.rows,
  participants: r.activities.reduce((sum, a) => sum + a.participants, 0),
  members: r.report.members,
});
const codes = (r: AssociationResult) => r.issues.map((i) => `${i.severity} ${i.sheet}!${i.cell} ${i.code}`);

function withCells(edit: (sheets: XSheet[]) => void): XSheet[] {
  const sheets = cleanSheets();
  edit(sheets);
  return sheets;
}

describe("a clean hand-built workbook", () => {
  it("reads with no issues: 5 rows counted, 50 participants, 120 members", async () => {
    const result = await check(xlsx(cleanSheets()));
    expect(codes(result)).toEqual([]);
    expect(figures(result)).toEqual({ rows: { read: 5, counted: 5, rejected: 0 }, participants: 50, members: 120 });
    expect(result.activities[0].date).toBe("2025-03-12"); // a date-styled serial number is a date
  });
});

describe("a stray value far outside the table", () => {
  it("at Aktiviteter!XFD1048576 is one warning naming the cell; the figures are unchanged", async () => {
    const sheets = withCells((s) => sheet(s, "Aktiviteter").cells.set("XFD1048576", "x"));
    const result = await check(xlsx(sheets));
    expect(codes(result)).toEqual(["warning Aktiviteter!XFD1048576 stray_cell"]);
    expect(result.issues[0].message).toContain("Aktiviteter!XFD1048576");
    expect(figures(result)).toEqual({ rows: { read: 5, counted: 5, rejected: 0 }, participants: 50, members: 120 });
  });

  it("past column Z is a stray; within Z it is read (an extra column)", async () => {
    const sheets = withCells((s) => {
      sheet(s, "Aktiviteter").cells.set("AA3", 5);
      sheet(s, "Aktiviteter").cells.set("Z1", "Notat");
    });
    const result = await check(xlsx(sheets));
    expect(codes(result)).toEqual(["warning Aktiviteter!Z1 extra_column", "warning Aktiviteter!AA3 stray_cell"]);
  });

  it("more than 1,000 rows below the last row is a stray; 1,000 below is read", async () => {
    const sheets = withCells((s) => {
      const a = sheet(s, "Aktiviteter").cells;
      a.set("J1004", "innenfor"); // last data row 4, +1,000
      a.set("J2005", "utenfor"); // +1,001 after row 1004
    });
    const result = await check(xlsx(sheets));
    expect(codes(result)).toEqual(["error Aktiviteter!A1004 required", "error Aktiviteter!B1004 required", "error Aktiviteter!C1004 required", "error Aktiviteter!F1004 required", "warning Aktiviteter!J2005 stray_cell"]);
  });

  it("names the first five strays of a tab and counts the rest in one more warning", async () => {
    const sheets = withCells((s) => {
      for (let i = 0; i < 8; i++) sheet(s, "Tiltak").cells.set(`ZZ${100 + i}`, i);
    });
    const result = await check(xlsx(sheets));
    expect(codes(result)).toHaveLength(6);
    expect(result.issues[5].message).toBe("3 verdier til langt utenfor tabellen i Tiltak blir ikke lest");
  });
});

describe("merged cells", () => {
  it("F2:F4 = 7 counts 7 once (not 21), warns about the range, and the rows below lack Deltakere", async () => {
    const sheets = withCells((s) => {
      const a = sheet(s, "Aktiviteter");
      a.cells.set("F2", 7);
      a.cells.set("F3", 7); // what a writer that keeps hidden values leaves in covered cells
      a.cells.delete("F4");
      a.merges = ["F2:F4"];
    });
    const result = await check(xlsx(sheets));
    expect(codes(result)).toEqual(["warning Aktiviteter!F2 merged_cells", "error Aktiviteter!F3 required", "error Aktiviteter!F4 required"]);
    expect(result.issues[0].message).toBe("Cellene F2:F4 er slått sammen; bare verdien i F2 leses. Del opp cellene og skriv verdien i hver rad");
    expect(figures(result)).toEqual({ rows: { read: 5, counted: 3, rejected: 2 }, participants: 7, members: 120 });
  });

  it("a merged header row is no warning", async () => {
    const result = await check(xlsx(withCells((s) => (sheet(s, "Tiltak").merges = ["K1:L1"]))));
    expect(codes(result)).toEqual([]);
  });
});

describe("formulas", () => {
  it("the cached value is the value", async () => {
    const sheets = withCells((s) => {
      sheet(s, "Aktiviteter").cells.set("F2", { formula: "SUM(K2:L2)", cached: 12 });
      sheet(s, "Aktiviteter").cells.set("C3", { formula: 'CONCAT("Åpen ","datahjelp")', cached: "Åpen datahjelp" });
    });
    const result = await check(xlsx(sheets));
    expect(codes(result)).toEqual([]);
    expect(figures(result).participants).toBe(50);
  });

  it("without a cached value: an error in a required or numeric column, a warning in text; never 0, never a vanished row", async () => {
    const sheets = withCells((s) => {
      const a = sheet(s, "Aktiviteter").cells;
      a.set("F2", { formula: "SUM(K2:L2)" }); // required number: error, row rejected
      a.set("J3", { formula: "A1" }); // optional text: warning, row counted
      a.set("H4", { formula: "B1" }); // optional number: error
      // A row of nothing but uncomputed formulas is read and rejected, not skipped as blank.
      for (const col of "ABCF") a.set(`${col}6`, { formula: "1+1" });
    });
    const result = await check(xlsx(sheets));
    expect(codes(result)).toEqual([
      "error Aktiviteter!F2 formula_without_value",
      "warning Aktiviteter!J3 formula_without_value",
      "error Aktiviteter!H4 formula_without_value",
      "error Aktiviteter!A6 formula_without_value",
      "error Aktiviteter!B6 formula_without_value",
      "error Aktiviteter!C6 formula_without_value",
      "error Aktiviteter!F6 formula_without_value",
    ]);
    expect(figures(result)).toEqual({ rows: { read: 6, counted: 3, rejected: 3 }, participants: 8, members: 120 });
  });

  it("in an Årsrapport field: an error on its cell", async () => {
    const result = await check(xlsx(withCells((s) => sheet(s, "Årsrapport").cells.set("B6", { formula: "SUM(Aktiviteter!F:F)" }))));
    expect(codes(result)).toEqual(["error Årsrapport!B6 formula_without_value"]);
    expect(result.report.members).toBeUndefined();
  });
});

describe("tabs named as people name them", () => {
  it("reads « aktiviteter » as Aktiviteter with a warning naming the tab", async () => {
    const sheets = withCells((s) => (sheet(s, "Aktiviteter").name = " aktiviteter "));
    const result = await check(xlsx(sheets));
    expect(codes(result)).toEqual(["warning Aktiviteter!A1 tab_name_differs"]);
    expect(result.issues[0].message).toBe("Fanen « aktiviteter » leses som «Aktiviteter»; gi den navnet «Aktiviteter»");
    expect(figures(result).participants).toBe(50);
  });

  it.each(["Aktiviteter (2)", "Kopi av Aktiviteter", "Copy of Aktiviteter", "Aktiviteter_2"])("warns about a copy named «%s» and does not count it", async (name) => {
    const sheets = cleanSheets();
    sheets.push({ ...sheet(sheets, "Aktiviteter"), name });
    const result = await check(xlsx(sheets));
    expect(codes(result)).toEqual(["warning Aktiviteter!A1 copied_tab"]);
    expect(result.issues[0].message).toContain(`«${name}»`);
    expect(figures(result).participants).toBe(50);
  });
});

describe("files written by other programs", () => {
  it("openpyxl with cell notes: absolute relationship targets, comments and VML parts", async () => {
    const result = await check(xlsx(cleanSheets(), { absoluteTargets: true, notes: true }));
    expect(codes(result)).toEqual([]);
    expect(figures(result)).toEqual({ rows: { read: 5, counted: 5, rejected: 0 }, participants: 50, members: 120 });
  });

  it("inline strings (exporters that write no sharedStrings)", async () => {
    const result = await check(xlsx(cleanSheets(), { inlineStrings: true }));
    expect(figures(result).participants).toBe(50);
  });

  it("an .xlsm: read, the macros never looked at", async () => {
    const file = path.join(dir, "makro.xlsm");
    writeFileSync(file, xlsx(cleanSheets(), { macros: true }));
    const result = assess(await readAssociationXlsx(file));
    expect(figures(result)).toEqual({ rows: { read: 5, counted: 5, rejected: 0 }, participants: 50, members: 120 });
  });

  const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
  (soffice ? it : it.skip)("LibreOffice: the clean file re-saved by soffice --convert-to xlsx reads the same", async () => {
    const from = path.join(dir, "lo-in");
    const to = path.join(dir, "lo-out");
    mkdirSync(from, { recursive: true });
    writeFileSync(path.join(from, "forening.xlsx"), xlsx(cleanSheets()));
    execFileSync("soffice", [`-env:UserInstallation=file://${path.join(dir, "lo-profile")}`, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", to, path.join(from, "forening.xlsx")], { timeout: 120_000, stdio: "ignore" });
    expect(readdirSync(to)).toEqual(["forening.xlsx"]);
    const result = assess(await readAssociationXlsx(path.join(to, "forening.xlsx")));
    expect(codes(result)).toEqual([]);
    expect(figures(result)).toEqual({ rows: { read: 5, counted: 5, rejected: 0 }, participants: 50, members: 120 });
  }, 150_000);
  if (!soffice) console.warn("soffice is not installed: the LibreOffice re-save case is skipped");
});

describe("files that are not workbooks", () => {
  it.each([
    ["rapport.xls", Buffer.from("d0cf11e0a1b11ae1", "hex")],
    ["rapport.ods", zip([{ name: "mimetype", data: Buffer.from("application/vnd.oasis.opendocument.spreadsheet"), store: true }])],
    ["rapport.csv", Buffer.from("Dato;Aktivitetstype\n")],
  ])("%s in a source folder is «Kan ikke leses» with «Lagre som .xlsx»", async (name, bytes) => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    const result = assess(await readAssociationXlsx(file));
    expect(result.status).toBe("Kan ikke leses");
    expect(codes(result)).toEqual(["error ! unreadable_file"]);
    expect(result.issues[0].message).toMatch(/Lagre som \.xlsx$/);
  });

  it("an .ods renamed .xlsx: «Kan ikke leses», saying it is an OpenDocument file", async () => {
    const ods = zip([
      { name: "mimetype", data: Buffer.from("application/vnd.oasis.opendocument.spreadsheet"), store: true },
      { name: "content.xml", data: Buffer.from("<office:document-content/>") },
    ]);
    const result = await check(ods);
    expect(result.status).toBe("Kan ikke leses");
    expect(result.issues[0].message).toBe("Filen er et OpenDocument-regneark (.ods), ikke .xlsx. Lagre som .xlsx");
  });

  it("a FIFO named .xlsx is refused at once, never waited on", async () => {
    const fifo = path.join(dir, "ror.xlsx");
    execFileSync("mkfifo", [fifo]);
    const result = assess(await readAssociationXlsx(fifo));
    expect(result.status).toBe("Kan ikke leses");
    expect(result.issues[0].message).toContain("er ikke en vanlig fil");
  });

  it("a symlink to /dev/zero is refused at once", async () => {
    const link = path.join(dir, "null.xlsx");
    symlinkSync("/dev/zero", link);
    const result = assess(await readAssociationXlsx(link));
    expect(result.status).toBe("Kan ikke leses");
    expect(result.issues[0].message).toContain("er ikke en vanlig fil");
  });

  it("a folder named .xlsx and a missing file", async () => {
    mkdirSync(path.join(dir, "mappe.xlsx"));
    expect(assess(await readAssociationXlsx(path.join(dir, "mappe.xlsx"))).status).toBe("Kan ikke leses");
    expect(assess(await readAssociationXlsx(path.join(dir, "borte.xlsx"))).status).toBe("Finnes ikke");
  });
});

describe("damaged and hostile packages", () => {
  const small: XlsxReadLimits = { ...DEFAULT_READ_LIMITS, maxInflatedBytes: 2 * 2 ** 20 };

  it("a zip bomb (sheet XML inflating past the ceiling) is too_large, not out of memory", async () => {
    const entries = packageEntries(cleanSheets());
    const bomb = entries.find((e) => e.name === "xl/worksheets/sheet2.xml")!;
    bomb.data = Buffer.from(bomb.data.toString().replace("<sheetData>", `<sheetData>${"<!-- fyll -->".repeat(300_000)}`));
    const bytes = zip(entries);
    expect(bytes.length).toBeLessThan(100_000);
    const result = await check(bytes, small);
    expect(result.status).toBe("Kan ikke leses");
    expect(codes(result)).toEqual(["error ! too_large"]);
    expect(result.issues[0].message).toBe("Filen er for stor til å leses (over 2 MB utpakket)");
  });

  it("an entry that inflates past the size it declares is refused", async () => {
    const entries = packageEntries(cleanSheets());
    const liar = entries.find((e) => e.name === "xl/worksheets/sheet2.xml")!;
    liar.declaredSize = 100;
    const result = await check(zip(entries));
    expect(result.status).toBe("Kan ikke leses");
    expect(codes(result)).toEqual(["error ! unreadable_file"]);
  });

  it("too many cells holding values is too_large", async () => {
    const sheets = withCells((s) => {
      for (let r = 10; r < 400; r++) for (const c of "ABCDEFGHIJ") sheet(s, "Tiltak").cells.set(`${c}${r}`, r);
    });
    const result = await check(xlsx(sheets), { ...DEFAULT_READ_LIMITS, maxCells: 1000 });
    expect(codes(result)).toEqual(["error ! too_large"]);
    expect(result.issues[0].message).toBe("Filen er for stor til å leses (over 1 000 celler med innhold)");
  });

  it.each([
    ["truncated", (b: Buffer) => b.subarray(0, Math.floor(b.length / 2))],
    ["sheet XML cut off", (b: Buffer) => b],
  ])("a %s file is «Kan ikke leses», never a crash", async (kind, damage) => {
    const entries = packageEntries(cleanSheets());
    if (kind === "sheet XML cut off") {
      const s = entries.find((e) => e.name === "xl/worksheets/sheet2.xml")!;
      s.data = s.data.subarray(0, s.data.length - 40);
    }
    const result = await check(damage(zip(entries)));
    expect(result.status).toBe("Kan ikke leses");
    expect(codes(result)).toEqual(["error ! unreadable_file"]);
  });
});

describe("text length", () => {
  it("counts characters as people do: 150 emoji are not over 200 characters, 201 are", async () => {
    const ok = await check(xlsx(withCells((s) => sheet(s, "Aktiviteter").cells.set("C2", "😀".repeat(150)))));
    expect(codes(ok)).toEqual([]);
    const long = await check(xlsx(withCells((s) => sheet(s, "Aktiviteter").cells.set("C2", "😀".repeat(201)))));
    expect(codes(long)).toEqual(["error Aktiviteter!C2 too_long"]);
  });
});

