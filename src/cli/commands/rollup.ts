import { Command } from "commander";
import { CliContext, progress } from "../context";
import { localRollup, LocalRollupResult } from "../local-rollup";
import { parseYear } from "../options";
import { nationalLines, statusLine } from "../print";
import { addGoogleOptions, googleOptionsOf } from "../google/commands";
import { googleRollup, GoogleOptions } from "../google/google-mode";
import { UserError } from "../errors";
import { yearMismatch } from "../../core/year-hint";
import { reportOptionsFromCentral } from "../../report/inputs";
import { writeReport } from "./report";

export interface RollupCommandOptions {
  source?: string;
  year?: number;
  out: string;
  summary?: string;
  /** Also write the board report (rapport.html) here. */
  report?: string;
}

/**
 * `samspill rollup` in local mode. Google mode (`--central SPREADSHEET_ID`) is added by
 * src/cli/google: one option here and one branch at the top of rollupCommand.
 */
export async function rollupCommand(options: RollupCommandOptions, context: CliContext): Promise<LocalRollupResult> {
  const bar = progress(context, "Leser foreninger");
  let result: LocalRollupResult;
  try {
    result = await localRollup({ ...options, onProgress: (done, total) => bar.update(done, total) }, context);
  } finally {
    bar.stop();
  }
  const { outcome } = result;
  if (result.added.length) context.out(`La til ${result.added.length} foreninger i Foreninger: ${result.added.join(", ")}`);
  context.out(statusLine(outcome.summary));
  for (const line of nationalLines(outcome.summary)) context.out(line);
  context.out(`${result.created ? "Opprettet" : "Oppdaterte"} ${options.out}${outcome.final ? " (endelig: Historikk oppdatert)" : ""}.`);
  if (options.summary) context.out(`Skrev sammendraget til ${options.summary}.`);
  if (options.report) await writeReport(options.report, outcome.summary, { ...reportOptionsFromCentral(result.central, context.now(), false), results: outcome.results }, context);
  failOnWrongYear(outcome);
  return result;
}

/**
 * Most associations report another Rapportår than the rollup's: the files are written (they are
 * what was asked for), but the run ends with exit code 1 and a Norwegian line naming the year the
 * files are for, so a scheduler or a person notices (README «samspill rollup»).
 */
export function failOnWrongYear(outcome: { year: number; results: ReadonlyArray<{ reportedYear?: number }> }): void {
  const mismatch = yearMismatch(outcome.results, outcome.year);
  if (mismatch) throw new UserError(`Advarsel: ${mismatch.message}`, 1);
}

export function registerRollup(program: Command, context: () => CliContext): void {
  const command = program
    .command("rollup")
    .description("hent inn og summer alle foreningers regneark til et sentralt regneark og et sammendrag (JSON)")
    .option("--source <MAPPE>", "mappe der hver .xlsx-fil er én forening (ID = filnavnet)")
    .option("--year <ÅR>", "rapportåret (standard: Rapportår i Oppsett)", parseYear)
    .option("--out <FIL>", "sentralt regneark (.xlsx); lages når det mangler, ellers oppdateres utfanene")
    .option("--summary <FIL>", "skriv sammendraget (summary JSON) hit")
    .option("--report <FIL>", "skriv også styrerapporten (rapport.html, skrives ut på A4) hit")
    .option("--central <REGNEARK-ID>", "Google: det sentrale regnearkets ID eller adresse (i stedet for --source/--out)")
    .action(async (options: RollupCommandOptions & GoogleOptions & { central?: string }) => {
      if (options.central) {
        const ctx = context();
        const { outcome, central } = await googleRollup({ ...googleOptionsOf(options), central: options.central, year: options.year, summary: options.summary }, ctx);
        if (options.report) await writeReport(options.report, outcome.summary, { ...reportOptionsFromCentral(central, ctx.now(), false), results: outcome.results }, ctx);
        failOnWrongYear(outcome);
        return;
      }
      if (!options.out) throw new UserError("Oppgi --out FIL (lokalt) eller --central REGNEARK-ID (Google).", 2);
      await rollupCommand(options, context());
    });
  addGoogleOptions(command);
}
