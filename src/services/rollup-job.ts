import { assessAssociation, AssociationSource } from "../core/association-result";
import { associationStatusLine, counted } from "../core/wording";
import { CentralInputs, RegistryAssociation, spreadsheetKey } from "../core/central-inputs";
import { IsoDate, todayInOslo } from "../core/dates";
import { publishRollup, readCentral, RollupOutcome, rollupYear } from "./rollup";
import { Workbook } from "../workbook/workbook";
import { encodeResult, ResultsStore, StoredResult } from "./results-store";
import { errorText, fingerprint, osloClock, readJson, writeJson } from "./key-value";
import type { Charts, KeyValueStore, Lock, Scheduler } from "./ports";

/**
 * "Hent inn og summer" as a resumable job, free of Google: it reads associations one by one until
 * its time budget is spent, keeps what it read (ResultsStore) and its cursor (a small JSON state in
 * DocumentProperties), and asks to be continued later. Only when every association of the registry
 * is read does it publish, all output tabs at once (services/rollup publishRollup). A registry or
 * report year that changed between runs makes it start over, so totals never mix two registries.
 */

export const STATE_KEY = "samspill.rollup.state";
export const LAST_RUN_KEY = "samspill.rollup.last";
export const ACTION = "Hent inn og summer";

export interface RollupState {
  runId: string;
  startedAt: string;
  user: string;
  year: number;
  today: IsoDate;
  registryKey: string;
  total: number;
  /** Index in the registry's association list of the next association to read. */
  next: number;
  /** Runs (executions) so far, this one included. */
  slices: number;
  /** Last time a run of this rollup saved its state. */
  heartbeat: string;
  restarts: number;
}

export interface LastRun {
  runId: string;
  startedAt: string;
  finishedAt: string;
  user: string;
  year: number;
  associations: number;
  slices: number;
  seconds: number;
  /** How long the final step took: reading the stored results and writing every output tab. */
  publishSeconds?: number;
}

export type { Scheduler };

export interface RollupEngineOptions {
  central: Workbook;
  /** Reads one association; transient errors are retried inside. A thrown error becomes a status. */
  readAssociation: (entry: RegistryAssociation) => AssociationSource;
  properties: KeyValueStore;
  now: () => Date;
  user: string;
  lock?: Lock;
  scheduler?: Scheduler;
  /** Stop starting new reads after this long in one run (default 4.5 minutes of the 6). */
  readBudgetMs?: number;
  /** Publish in this run only when reading ended before this (default 5 minutes); else in the next run. */
  publishBeforeMs?: number;
  /** Results are saved every this many associations (default 10). */
  flushEvery?: number;
  /** A "running" state not touched for this long is abandoned (default 20 minutes). */
  staleAfterMs?: number;
  /** Dashbord's charts (publishRollup writes Dashbord through them). */
  charts?: Charts;
  newRunId?: () => string;
}

export type RollupStep =
  | { kind: "refused"; message: string }
  | { kind: "busy"; message: string }
  | { kind: "idle"; message: string }
  | { kind: "continuing"; done: number; total: number; message: string }
  | { kind: "published"; outcome: RollupOutcome; message: string };

export const DEFAULT_READ_BUDGET_MS = 270_000;
export const DEFAULT_PUBLISH_BEFORE_MS = 300_000;
const LOCK_WAIT_MS = 2_000;

export function busyMessage(startedAt: string | undefined, now: Date): string {
  return `En innhenting pågår allerede (startet kl. ${osloClock(startedAt ?? now)}). Prøv igjen om litt.`;
}

export function loadState(properties: KeyValueStore): RollupState | undefined {
  return readJson<RollupState>(properties, STATE_KEY);
}

export function loadLastRun(properties: KeyValueStore): LastRun | undefined {
  return readJson<LastRun>(properties, LAST_RUN_KEY);
}

/** What a run's results depend on besides the associations' own sheets. */
export function registryFingerprint(inputs: CentralInputs, year: number): string {
  return fingerprint(
    JSON.stringify([
      year,
      inputs.associations.map((a) => [a.id, a.name, a.municipalityNumber, spreadsheetKey(a.spreadsheet)]),
    ]),
  );
}

function isStale(state: RollupState, now: Date, staleAfterMs: number): boolean {
  return now.getTime() - new Date(state.heartbeat).getTime() > staleAfterMs;
}

function withLock<T>(options: RollupEngineOptions, onBusy: () => T, body: () => T): T {
  if (options.lock && !options.lock.tryLock(LOCK_WAIT_MS)) return onBusy();
  try {
    return body();
  } finally {
    options.lock?.release();
  }
}

/** The menu item: starts a rollup, or refuses while one is running. Runs the first slice at once. */
export function startRollup(options: RollupEngineOptions): RollupStep {
  const refuse = (): RollupStep => ({
    kind: "refused",
    message: busyMessage(loadState(options.properties)?.startedAt, options.now()),
  });
  return withLock(options, refuse, () => {
    const state = loadState(options.properties);
    if (state && !isStale(state, options.now(), options.staleAfterMs ?? 20 * 60_000)) return refuse();
    const now = options.now();
    const today = todayInOslo(now);
    const inputs = readCentral(options.central, today);
    const fresh = newState(options, inputs, today, now, 0);
    new ResultsStore(options.central).clearWorking();
    writeJson(options.properties, STATE_KEY, fresh);
    return runSlice(options, fresh, inputs);
  });
}

/** The time-driven trigger: continues the rollup in progress (nothing to do when there is none). */
const FAILURES_KEY = "samspill.rollup.failures";

/**
 * The continuation trigger's run. An unexpected failure is tried again by a later run, twice; then
 * the trigger is removed and the run is left to go stale. The error is thrown on, in Norwegian.
 */
export function continueFromTrigger(options: RollupEngineOptions, after: (step: RollupStep) => void = () => undefined): RollupStep {
  try {
    const step = continueRollup(options);
    after(step);
    options.properties.delete(FAILURES_KEY);
    return step;
  } catch (error) {
    const failures = Number(options.properties.get(FAILURES_KEY) ?? 0) + 1;
    options.properties.set(FAILURES_KEY, String(failures));
    if (failures < 3) options.scheduler?.continueLater();
    else options.scheduler?.cancel();
    throw new Error(`Innhentingen stoppet: ${errorText(error)}`);
  }
}

export function continueRollup(options: RollupEngineOptions): RollupStep {
  const busy = (): RollupStep => {
    options.scheduler?.continueLater();
    return { kind: "busy", message: "En annen kjøring holder låsen; prøver igjen om litt." };
  };
  return withLock(options, busy, () => {
    let state = loadState(options.properties);
    if (!state) {
      options.scheduler?.cancel();
      return { kind: "idle", message: "Ingen innhenting pågår." };
    }
    const inputs = readCentral(options.central, state.today);
    const year = rollupYear(inputs, undefined, state.today);
    if (registryFingerprint(inputs, year) !== state.registryKey) {
      // The registry or the report year changed since the run started: its partial results may
      // belong to associations no longer registered (or miss new ones). Start over.
      state = newState(options, inputs, state.today, options.now(), state.restarts + 1, state);
      new ResultsStore(options.central).clearWorking();
      writeJson(options.properties, STATE_KEY, state);
    }
    return runSlice(options, state, inputs);
  });
}

function newState(
  options: RollupEngineOptions,
  inputs: CentralInputs,
  today: IsoDate,
  now: Date,
  restarts: number,
  previous?: RollupState,
): RollupState {
  const year = rollupYear(inputs, undefined, today);
  return {
    runId:
      options.newRunId?.() ?? `${now.getTime().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`,
    startedAt: previous?.startedAt ?? now.toISOString(),
    user: previous?.user ?? options.user,
    year,
    today,
    registryKey: registryFingerprint(inputs, year),
    total: inputs.associations.length,
    next: 0,
    slices: previous?.slices ?? 0,
    heartbeat: now.toISOString(),
    restarts,
  };
}

function readOne(options: RollupEngineOptions, entry: RegistryAssociation, state: RollupState): StoredResult {
  let source: AssociationSource;
  try {
    source = options.readAssociation(entry);
  } catch (error) {
    source = { kind: "unreadable", detail: errorText(error) };
  }
  const result = assessAssociation(
    { id: entry.id, name: entry.name, municipalityNumber: entry.municipalityNumber },
    source,
    { year: state.year, today: state.today },
  );
  return { result, readAt: options.now().toISOString() };
}

function runSlice(options: RollupEngineOptions, state: RollupState, inputs: CentralInputs): RollupStep {
  const readBudget = options.readBudgetMs ?? DEFAULT_READ_BUDGET_MS;
  const publishBefore = options.publishBeforeMs ?? DEFAULT_PUBLISH_BEFORE_MS;
  const flushEvery = Math.max(1, options.flushEvery ?? 10);
  const store = new ResultsStore(options.central);
  const list = inputs.associations;
  const sliceStart = options.now().getTime();
  const elapsed = () => options.now().getTime() - sliceStart;
  state.slices++;

  const save = () => {
    state.heartbeat = options.now().toISOString();
    writeJson(options.properties, STATE_KEY, state);
  };
  let buffer: ReturnType<typeof encodeResult>[] = [];
  const flush = () => {
    if (!buffer.length) return;
    store.add(buffer); // results first, then the cursor: a crash in between re-reads, never skips
    buffer = [];
    save();
  };

  let slowest = 0;
  let readHere = 0;
  while (state.next < list.length) {
    // Always make progress; after that, start a read only if the slowest one so far still fits.
    if (readHere > 0 && elapsed() + slowest > readBudget) break;
    const before = options.now().getTime();
    const read = readOne(options, list[state.next], state);
    buffer.push(encodeResult(state.runId, read.result, read.readAt));
    state.next++;
    readHere++;
    slowest = Math.max(slowest, options.now().getTime() - before);
    if (buffer.length >= flushEvery) flush();
  }
  flush();

  if (state.next < list.length || elapsed() > publishBefore) {
    save();
    options.scheduler?.continueLater();
    const message =
      state.next < list.length
        ? `Hentet inn ${state.next} av ${list.length} foreninger. Innhentingen fortsetter av seg selv om litt (kjøring ${state.slices}).`
        : `Alle ${list.length} foreninger er hentet inn. Tallene publiseres i neste kjøring om litt.`;
    return { kind: "continuing", done: state.next, total: list.length, message };
  }
  // Every association is read. The continuation is armed BEFORE publishing: if Apps Script stops this
  // run while it writes the outputs, the next run publishes again from the same stored results
  // (outputs are rewritten whole and Historikk cell by cell, so nothing is counted twice). Publishing
  // cancels the trigger when it has finished.
  save();
  options.scheduler?.continueLater();
  return publish(options, state, inputs, store);
}

function publish(
  options: RollupEngineOptions,
  state: RollupState,
  inputs: CentralInputs,
  store: ResultsStore,
): RollupStep {
  const publishStart = options.now().getTime();
  const { found } = store.loadWorking(state.runId);
  const ordered: StoredResult[] = inputs.associations.map(
    (entry) => found.get(entry.id) ?? readOne(options, entry, state),
  );
  const finishedAt = options.now();
  const seconds = Math.round((finishedAt.getTime() - new Date(state.startedAt).getTime()) / 100) / 10;
  const action = state.slices > 1 ? `${ACTION} (${state.slices} kjøringer)` : ACTION;
  const outcome = publishRollup({
    central: options.central,
    inputs,
    year: state.year,
    today: state.today,
    results: ordered.map((r) => r.result),
    readAt: Object.fromEntries(ordered.map((r) => [r.result.id, r.readAt])),
    log: { at: state.startedAt, user: state.user, action, seconds },
    charts: options.charts,
  });
  store.saveLast(state.runId, ordered);
  store.clearWorking();
  const last: LastRun = {
    runId: state.runId,
    startedAt: state.startedAt,
    finishedAt: finishedAt.toISOString(),
    user: state.user,
    year: state.year,
    associations: ordered.length,
    slices: state.slices,
    seconds,
    publishSeconds: Math.round((options.now().getTime() - publishStart) / 100) / 10,
  };
  writeJson(options.properties, LAST_RUN_KEY, last);
  options.properties.delete(STATE_KEY);
  options.scheduler?.cancel();
  const a = outcome.summary.associations;
  const message = `Ferdig: ${counted(ordered.length, "association")} hentet inn og summert (${associationStatusLine(a).replace(/^[^:]*: /, "")}).`;
  return { kind: "published", outcome, message };
}
