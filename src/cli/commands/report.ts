import { promises as fs } from "node:fs";
import * as path from "node:path";
import { openXlsx, XlsxOpenError } from "../../adapters/xlsx";
import { Summary } from "../../core/summary";
import { summarySchema } from "../../core/summary-schema";
import { renderReport, ReportOptions } from "../../report/html";
import { reportOptionsFromCentral } from "../../report/inputs";
import { CliContext } from "../context";
import { fileSystemProblem, UserError } from "../user-error";

/** Reads summary.json and refuses, in Norwegian, anything that is not a Samspill summary (schemaVersion 1). */
export async function readSummaryFile(file: string): Promise<Summary> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (error) {
    throw fileSystemProblem(error) ?? error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UserError(`«${file}» er ikke en JSON-fil. Oppgi sammendraget som samspill rollup --summary skrev.`, 2);
  }
  const checked = summarySchema.safeParse(json);
  if (!checked.success) {
    const where = checked.error.issues[0]?.path.join(".") || "filen";
    throw new UserError(`«${file}» er ikke et Samspill-sammendrag (schemaVersion 1): feltet «${where}» mangler eller har feil verdi.`, 2);
  }
  return json as Summary;
}

/** Writes rapport.html (creating its folder) and says where. */
export async function writeReport(file: string, summary: Summary, options: ReportOptions, context: CliContext): Promise<void> {
  const html = await renderReport(summary, options);
  try {
    await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await fs.writeFile(file, html);
  } catch (error) {
    throw fileSystemProblem(error) ?? error;
  }
  context.out(`Skrev rapporten til ${file} (åpnes i en nettleser og skrives ut på A4).`);
}

export interface ReportCommandOptions {
  summary: string;
  central?: string;
  out: string;
}

/**
 * `samspill rapport`: the board report from a summary and the central workbook the same rollup
 * wrote (Historikk for last year, Innsamling and Tiltak for the collection and the measures).
 */
export async function reportCommand(options: ReportCommandOptions, context: CliContext): Promise<void> {
  const summary = await readSummaryFile(options.summary);
  let reportOptions: ReportOptions = { generatedAt: context.now() };
  if (options.central) {
    let central;
    try {
      central = await openXlsx(options.central);
    } catch (error) {
      if (error instanceof XlsxOpenError) throw new UserError(`${error.message}. Oppgi det sentrale regnearket (.xlsx) som rollup skrev.`, 2);
      throw fileSystemProblem(error) ?? error;
    }
    reportOptions = reportOptionsFromCentral(central, context.now(), true);
  } else context.err("Uten --central mangler fjorårets tall, tiltakene og foreningsstatusene i rapporten.");
  await writeReport(options.out, summary, reportOptions, context);
}
