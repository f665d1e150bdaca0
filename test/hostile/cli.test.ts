// The CLI end to end on hostile files (bin/samspill.js as a user runs it): bounded, clear outcomes.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { samspill } from "../cli/helpers";
import { cleanSheets, packageEntries, sheet, xlsx, zip } from "./xlsx-files";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "samspill-hostile-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function strayWorkbook(): Buffer {
  const sheets = cleanSheets();
  sheet(sheets, "Aktiviteter").cells.set("XFD1048576", 1);
  return xlsx(sheets);
}

describe("samspill validate on hostile files", () => {
  it("a stray value at Aktiviteter!XFD1048576: finishes at once with one warning naming the cell (exit 0)", () => {
    const file = path.join(dir, "stray.xlsx");
    writeFileSync(file, strayWorkbook());
    const run = samspill(["validate", file], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Aktiviteter!XFD1048576");
    expect(run.stdout).toContain("ligger langt utenfor tabellen");
  });

  it("an .ods renamed .xlsx exits 2 with «Lagre som .xlsx»", () => {
    const file = path.join(dir, "omdopt.xlsx");
    writeFileSync(file, zip([{ name: "mimetype", data: Buffer.from("application/vnd.oasis.opendocument.spreadsheet"), store: true }, { name: "content.xml", data: Buffer.from("<x/>") }]));
    const run = samspill(["validate", file], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Filen er et OpenDocument-regneark (.ods), ikke .xlsx. Lagre som .xlsx");
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it("a FIFO named .xlsx exits 2 at once instead of waiting for a writer", () => {
    const fifo = path.join(dir, "ror.xlsx");
    execFileSync("mkfifo", [fifo]);
    const run = samspill(["validate", fifo], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("er ikke en vanlig fil");
  });
});

describe("samspill rollup over a hostile folder", () => {
  it("counts the readable files once, with the same figures, and lists the rest as «Kan ikke leses»", () => {
    const source = path.join(dir, "foreninger");
    mkdirSync(source);
    writeFileSync(path.join(source, "ren.xlsx"), xlsx(cleanSheets()));
    writeFileSync(path.join(source, "strey.xlsx"), strayWorkbook());
    const merged = cleanSheets();
    sheet(merged, "Aktiviteter").cells.set("F2", 7);
    sheet(merged, "Aktiviteter").merges = ["F2:F4"];
    writeFileSync(path.join(source, "sammenslatt.xlsx"), xlsx(merged));
    const bomb = packageEntries(cleanSheets());
    const s = bomb.find((e) => e.name === "xl/worksheets/sheet2.xml")!;
    s.declaredSize = 50; // inflates past what it declares
    writeFileSync(path.join(source, "bombe.xlsx"), zip(bomb));
    writeFileSync(path.join(source, "gammel.xls"), Buffer.from("d0cf11e0a1b11ae1", "hex"));
    symlinkSync("/dev/zero", path.join(source, "null.xlsx"));

    const run = samspill(["rollup", "--source", "foreninger", "--out", "sentral.xlsx", "--summary", "summary.json"], dir);
    expect(run.stderr).not.toMatch(/uventet feil|at .*\.ts:\d+/);
    expect(run.code).toBe(0);
    const summary = JSON.parse(readFileSync(path.join(dir, "summary.json"), "utf8"));
    expect(summary.rows.read).toBe(summary.rows.counted + summary.rows.rejected);
    // ren + strey: 5 rows each, 50 participants each; sammenslatt: 7 counted once, rows 3 and 4 rejected.
    expect(summary.rows).toEqual({ read: 15, counted: 13, rejected: 2 });
    expect(summary.totals.participants).toBe(50 + 50 + 7);
    const issues = summary.issues as Array<{ association: string; sheet: string; cell: string; code: string }>;
    const at = (association: string) => issues.filter((i) => i.association === association).map((i) => `${i.sheet}!${i.cell} ${i.code}`);
    expect(at("strey")).toEqual(["Aktiviteter!XFD1048576 stray_cell"]);
    expect(at("sammenslatt")).toEqual(["Aktiviteter!F2 merged_cells", "Aktiviteter!F3 required", "Aktiviteter!F4 required"]);
    expect(at("bombe")).toEqual(["! unreadable_file"]);
    expect(at("gammel")).toEqual(["! unreadable_file"]);
  }, 180_000);
});
