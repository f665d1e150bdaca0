import { CliContext, progress } from "../context";
import { localRollup, LocalRollupResult } from "../local-rollup";
import { nationalLines, statusLine } from "../print";
import { googleOptionsOf } from "../google/commands";
import { googleRollup, GoogleOptions } from "../google/google-mode";
import { UserError } from "../user-error";
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

/** `samspill rollup --central SPREADSHEET_ID`: the same rollup against Google Sheets. */
export async function googleRollupCommand(options: RollupCommandOptions & GoogleOptions & { central: string }, context: CliContext): Promise<void> {
  const { outcome, central } = await googleRollup({ ...googleOptionsOf(options), central: options.central, year: options.year, summary: options.summary }, context);
  if (options.report) await writeReport(options.report, outcome.summary, { ...reportOptionsFromCentral(central, context.now(), false), results: outcome.results }, context);
  failOnWrongYear(outcome);
}
