import { spawnSync } from "node:child_process";
import * as path from "node:path";
import ExcelJS from "exceljs";

export const ROOT = path.resolve(__dirname, "../..");
export const BIN = path.join(ROOT, "bin", "samspill.js");
/** A fixed clock for the CLI: overdue milestones and "today" checks are then reproducible. */
export const NOW = "2026-03-01T10:00:00Z";

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/samspill.js ...` as a user would, in `cwd`, with stderr not a terminal. */
export function samspill(args: string[], cwd: string, env: Record<string, string> = {}): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, SAMSPILL_NOW: NOW, SAMSPILL_DEBUG: "", ...env }, timeout: 120_000 });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** UTC midnight: what Excel stores for a date a person typed (exceljs gives wall clock in UTC fields). */
export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export type Row = Array<string | number | Date | null>;

export interface Filling {
  report: Record<string, string | number | Date>;
  /** Replaces the header of Aktiviteter (reordered, extra or missing columns). */
  activityHeader?: string[];
  activities?: Row[];
  milestones?: Row[];
  removeTabs?: string[];
}

/** Fills in a copy of the template with exceljs, the way a person types into Excel. */
export async function fillTemplate(template: string, target: string, filling: Filling): Promise<void> {
  const excel = new ExcelJS.Workbook();
  await excel.xlsx.readFile(template);
  const report = excel.getWorksheet("Årsrapport")!;
  report.eachRow((row) => {
    const label = String(row.getCell(1).value ?? "");
    if (label in filling.report) row.getCell(2).value = filling.report[label];
  });
  const activities = excel.getWorksheet("Aktiviteter")!;
  if (filling.activityHeader) {
    const header = activities.getRow(1);
    for (let c = 1; c <= 12; c++) header.getCell(c).value = filling.activityHeader[c - 1] ?? null;
  }
  (filling.activities ?? []).forEach((values, i) => {
    const row = activities.getRow(i + 2);
    values.forEach((value, c) => (row.getCell(c + 1).value = value));
  });
  const milestones = excel.getWorksheet("Milepæler")!;
  (filling.milestones ?? []).forEach((values, i) => {
    const row = milestones.getRow(i + 2);
    values.forEach((value, c) => (row.getCell(c + 1).value = value));
  });
  for (const name of filling.removeTabs ?? []) excel.removeWorksheet(excel.getWorksheet(name)!.id);
  await excel.xlsx.writeFile(target);
}

export async function readTab(file: string, name: string): Promise<unknown[][]> {
  const excel = new ExcelJS.Workbook();
  await excel.xlsx.readFile(file);
  const ws = excel.getWorksheet(name);
  if (!ws) throw new Error(`no tab ${name} in ${file}`);
  const rows: unknown[][] = [];
  ws.eachRow((row, n) => (rows[n - 1] = (row.values as unknown[]).slice(1)));
  return rows;
}

export async function tabNames(file: string): Promise<string[]> {
  const excel = new ExcelJS.Workbook();
  await excel.xlsx.readFile(file);
  return excel.worksheets.map((ws) => ws.name);
}
