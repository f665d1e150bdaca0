import type { Cell } from "../core/cell";
import type { ChartSpec, DashboardInputs } from "../core/dashboard";
import type { ColumnFormat, OutputLayout, OutputTable } from "../core/output-table";
import type { Summary } from "../core/summary";

/**
 * The ports the services (jobs) are written over. Each platform implements them in src/adapters:
 * Apps Script (PropertiesService, ScriptApp triggers, SpreadsheetApp sharing), the Sheets/Drive API
 * (async) and local files. A port method may answer at once or with a Promise: a job is a generator
 * that yields each port call's answer (`yield* call(...)`), so the same job runs synchronously in
 * Apps Script (runSync) and asynchronously in Node (runAsync). No platform feature is assumed:
 * generators are plain ES2015, and nothing depends on when Promises settle in Apps Script.
 */

export type Maybe<T> = T | Promise<T>;

/** A job: a generator that yields port answers it waits for and returns its outcome. */
export type Job<R> = Generator<unknown, R, unknown>;

/** Waits for one port answer inside a job: `const id = yield* call(files.create(...))`. */
export function* call<T>(answer: Maybe<T>): Generator<Maybe<T>, T, unknown> {
  return (yield answer) as T;
}

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}

/** Runs a job whose ports all answer at once (Apps Script). */
export function runSync<R>(job: Job<R>): R {
  let step = job.next();
  while (!step.done) {
    if (isPromise(step.value)) throw new Error("Intern feil: en port svarte asynkront i en synkron kjøring");
    step = job.next(step.value);
  }
  return step.value;
}

/** Runs a job whose ports may answer with Promises (Node); a rejected answer is thrown into the job. */
export async function runAsync<R>(job: Job<R>): Promise<R> {
  let step = job.next();
  while (!step.done) {
    let answer: unknown;
    try {
      answer = await step.value;
    } catch (error) {
      step = job.throw(error);
      continue;
    }
    step = job.next(answer);
  }
  return step.value;
}

/**
 * What went wrong with a call to Google, the same words for both Google backends (Apps Script's
 * messages in adapters/apps-script/retry.ts, the Sheets API's HTTP statuses in
 * adapters/sheets-api/errors.ts): statuses a user can act on (STYLE), `transient` ones retried with
 * backoff in one place. `missing_tab`: the spreadsheet has no such tab; `auth`: sign-in refused;
 * `invalid`: Google refused the request itself.
 */
export type GoogleFailure = "not_found" | "no_access" | "missing_tab" | "auth" | "transient" | "invalid" | "other";

/** A key-value store: DocumentProperties in Apps Script, a Map in tests and local previews. */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
  keys(): string[];
}

/** LockService's script or document lock, or a stand-in. */
export interface Lock {
  tryLock(timeoutMs: number): boolean;
  release(): void;
}

/** Continues a job in a later execution (a one-off time-driven trigger in Apps Script). */
export interface Scheduler {
  /** Makes sure one continuation runs in a while, replacing any earlier one. */
  continueLater(): void;
  /** Removes the pending continuation, if any. */
  cancel(): void;
}

/**
 * View files: the spreadsheets (or .xlsx files) that municipal partners read. Sharing is per address
 * so one address Google refuses (not a Google account) fails alone. Errors thrown carry a Norwegian
 * reason in their message.
 */
export interface ViewFiles {
  /** False when the file was deleted, put in the bin, or is out of reach (then a new one is made). */
  exists(id: string): Maybe<boolean>;
  /** A new, empty, unshared file for the municipality; gives its ID. */
  create(municipalityNumber: string, title: string): Maybe<string>;
  /** Replaces the file's content with these tables (one tab each). */
  write(id: string, tables: ReadonlyArray<OutputTable>): Maybe<void>;
  /** Addresses that may read the file now (lower-case); owners and editors are not readers. */
  readers(id: string): Maybe<string[]>;
  share(id: string, email: string): Maybe<void>;
  unshare(id: string, email: string): Maybe<void>;
}

/**
 * Dashbord's charts. Google Sheets draws native charts from cell ranges (core/dashboard CHARTS read
 * the grid every rollup rewrites); a platform without native charts (exceljs writes no Excel charts)
 * draws the bars in the cells instead. publishRollup writes Dashbord through this port.
 */
export interface Charts {
  /** Dashbord's cells on this platform: the board report's content (core/dashboard) with the grid the charts read, or bars drawn in cells. */
  dashboard(summary: Summary, report: DashboardInputs): { rows: Cell[][]; formats: ReadonlyArray<ColumnFormat | undefined>; layout?: OutputLayout };
  /** Adds the charts the tab lacks (by title); charts already there read by range and are left alone. */
  ensure(tab: string, charts: ReadonlyArray<ChartSpec>): void;
}
