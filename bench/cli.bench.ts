// CLI in local mode (.xlsx): how long the demo takes, how fast a local rollup reads associations,
// and how long opening and checking a 5,000-row association workbook takes.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { newXlsx, openXlsxBuffer } from "../src/adapters/xlsx";
import { CliContext } from "../src/cli/context";
import { localRollup } from "../src/cli/local-rollup";
import { checkAssociationSheets, readAssociationSheets } from "../src/services/check";
import { setUpTemplates } from "../src/services/setup";
import { runDemo } from "../src/cli/demo/run";
import { Figure } from "./figures";

const quiet: CliContext = { out: () => undefined, err: () => undefined, now: () => new Date(), user: "bench", interactive: false };

async function seconds(task: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await task();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

export async function figures(): Promise<Figure[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "samspill-bench-cli-"));
  try {
    const demo = await seconds(() => runDemo(path.join(dir, "demo"), quiet));
    let associations = 0;
    const rollup = await seconds(async () => {
      const result = await localRollup({ source: path.join(dir, "demo", "foreninger"), out: path.join(dir, "sentral.xlsx") }, quiet);
      associations = result.outcome.summary.associations.registered;
    });

    const workbook = newXlsx(path.join(dir, "stor.xlsx"));
    setUpTemplates(workbook);
    workbook.append("Aktiviteter", Array.from({ length: 5000 }, (_, i) => [new Date(Date.UTC(2025, i % 12, 1 + (i % 28), 12)), "Kurs", `Kurs ${i}`, "", "Bibliotek", 10 + (i % 20), i % 5, 2, 3.5, ""]));
    const bytes = await workbook.buffer();
    const check = await seconds(async () => {
      const opened = await openXlsxBuffer(bytes);
      checkAssociationSheets(readAssociationSheets(opened), "2026-01-15");
    });
    return [
      { name: "cli.demo.seconds", value: round(demo), unit: "s", note: "samspill demo end to end: 65 workbooks written, two rollups, partner views, rapport.html" },
      { name: "cli.local.associationsPerSecond", value: round(associations / rollup), unit: "associations/s", note: `local rollup of the demo's ${associations} .xlsx files into a new sentral.xlsx (concurrency 4)` },
      { name: "cli.xlsx.openAndCheck5000rows.ms", value: Math.round(check * 1000), unit: "ms", note: "open a 5,000-activity association .xlsx with exceljs and check all four tabs" },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const round = (value: number) => Math.round(value * 100) / 100;
