import { assessAssociation, AssociationResult, AssociationSource } from "../core/association-result";
import { CentralInputs, readCentralInputs, RegistryAssociation } from "../core/central-inputs";
import { IsoDate, todayInOslo } from "../core/dates";
import { grid, OutputTable } from "../core/output-table";
import { historyCells, historyDecision, HistoryDecision } from "../core/history";
import { logTable, rollupOutputs } from "../core/outputs";
import { summarise, Summary } from "../core/summary";
import { CENTRAL_INPUT_TEMPLATES } from "../core/templates/central";
import { Workbook } from "../workbook/workbook";
import { CHARTS, DASHBOARD, dashboardGrid } from "../core/dashboard";
import type { Charts } from "./ports";
import { associationStatusLine } from "../core/wording";
import { collectionOfResults, measuresOfResults } from "../core/board-report";

export interface RollupOptions {
  central: Workbook;
  /** Reads one association; a failure is a status, never a thrown error. */
  openAssociation: (association: RegistryAssociation) => Promise<AssociationSource> | AssociationSource;
  now: () => Date;
  user: string;
  /** Defaults to Oppsett's Rapportår. */
  year?: number;
  /** Associations read at the same time (networked backends). */
  concurrency?: number;
  onProgress?: (done: number, total: number, id: string) => void;
  action?: string;
  /** Dashbord's charts on this platform (see PublishInput). */
  charts?: Charts;
}

export interface RollupOutcome {
  year: number;
  today: IsoDate;
  summary: Summary;
  results: AssociationResult[];
  outputs: OutputTable[];
  /** Historikk was written: the final rollup (after the deadline) of Oppsett's Rapportår. */
  final: boolean;
  /** Why Historikk was or was not written. */
  history: HistoryDecision;
}

export function readCentral(central: Workbook, today: IsoDate, spreadsheetIdentity?: (reference: string) => string): CentralInputs {
  return readCentralInputs(Object.fromEntries(CENTRAL_INPUT_TEMPLATES.map((t) => [t.name, central.read(t.name)])), today, spreadsheetIdentity);
}

export function rollupYear(inputs: CentralInputs, requested: number | undefined, today: IsoDate): number {
  return requested ?? inputs.settings.year ?? Number(today.slice(0, 4)) - 1;
}

/** Reads every association (a pool of `concurrency`), keeping the registry's order in the result. */
export async function readAssociations(inputs: CentralInputs, year: number, today: IsoDate, options: Pick<RollupOptions, "openAssociation" | "concurrency" | "onProgress">): Promise<AssociationResult[]> {
  const list = inputs.associations;
  const results: AssociationResult[] = new Array(list.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < list.length) {
      const i = next++;
      const entry = list[i];
      let source: AssociationSource;
      try {
        source = await options.openAssociation(entry);
      } catch (error) {
        source = { kind: "unreadable", detail: error instanceof Error ? error.message : String(error) };
      }
      results[i] = assessAssociation({ id: entry.id, name: entry.name, municipalityNumber: entry.municipalityNumber }, source, { year, today });
      options.onProgress?.(++done, list.length, entry.id);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 1, list.length)) }, worker));
  return results;
}

export interface PublishInput {
  central: Workbook;
  inputs: CentralInputs;
  year: number;
  today: IsoDate;
  results: AssociationResult[];
  readAt?: Record<string, string>;
  log: { at: string; user: string; action: string; seconds: number };
  /** Dashbord's charts on this platform; without it Dashbord is left as it is. */
  charts?: Charts;
}

/** Charts drawn by Google Sheets from Dashbord's grid (the bound script and the CLI in Google mode alike). */
export function nativeCharts(ensure: Charts["ensure"]): Charts {
  return { dashboard: (summary, report) => dashboardGrid(summary, report, { chartData: true }), ensure };
}

/** Computes and writes every output tab at once: the only place a rollup touches the outputs. */
export function publishRollup({ central, inputs, year, today, results, readAt, log, charts }: PublishInput): RollupOutcome {
  const summary = summarise({ year, today, central: inputs, results });
  const outputs = rollupOutputs(summary, results, today, readAt ? { readAt } : undefined);
  // Historikk: only the final rollup of Oppsett's Rapportår, only its own row, cell by cell.
  const history = historyDecision(inputs, year, today);
  const final = history === "write";
  const note = `${associationStatusLine(summary.associations).replace(/^[^:]*: /, "")}${final ? "; Historikk oppdatert" : ""}`;
  outputs.push(logTable(central.read("Logg"), { ...log, associations: results.length, note }));
  for (const table of outputs) central.write(table.name, grid(table), table.formats, table.layout);
  if (final) central.setCells("Historikk", historyCells(central.read("Historikk"), summary, inputs.settings.grantThisYear));
  if (charts) {
    // One write for Dashbord's cells; the charts are made once and follow the cells they read.
    // The board report's content (as rapport.html has it): Historikk, Tiltak and Innsamling from this rollup.
    const dashboard = charts.dashboard(summary, {
      history: inputs.history,
      organisation: inputs.settings.organisation,
      grantThisYear: inputs.settings.grantThisYear,
      measures: measuresOfResults(results),
      collection: collectionOfResults(results),
    });
    central.write(DASHBOARD, dashboard.rows, dashboard.formats, dashboard.layout);
    charts.ensure(DASHBOARD, CHARTS);
  }
  return { year, today, summary, results, outputs, final, history };
}

/** A whole rollup in one go (CLI and tests); Apps Script uses the same pieces in resumable steps. */
export async function runRollup(options: RollupOptions): Promise<RollupOutcome> {
  const started = options.now();
  const today = todayInOslo(started);
  const inputs = readCentral(options.central, today);
  const year = rollupYear(inputs, options.year, today);
  const readAt: Record<string, string> = {};
  const results = await readAssociations(inputs, year, today, {
    ...options,
    onProgress: (done, total, id) => {
      readAt[id] = options.now().toISOString();
      options.onProgress?.(done, total, id);
    },
  });
  const seconds = Math.round((options.now().getTime() - started.getTime()) / 100) / 10;
  return publishRollup({ central: options.central, inputs, year, today, results, readAt, log: { at: started.toISOString(), user: options.user, action: options.action ?? "Hent inn og summer", seconds }, charts: options.charts });
}
