import { AssociationResult } from "../core/association-result";
import { RegistryAssociation } from "../core/central-inputs";
import { IsoDate } from "../core/dates";
import { grid, OutputTable, outputTable } from "../core/output-table";
import { partnerAddresses, partnerView } from "../core/partner-slices";
import { readTable } from "../core/read";
import { findMunicipality } from "../core/reference";
import { PartnerViewRecord, partnerViewRegistry, spreadsheetUrl } from "../core/templates/central";
import { Workbook } from "../workbook/workbook";
import { call, Job, KeyValueStore, Maybe, Scheduler, ViewFiles } from "./ports";

/**
 * «Oppdater kommunevisninger» / `samspill partners`: one reconciliation for the bound script, the
 * CLI in Google mode and the CLI in local mode. For each municipality (in number order) it makes sure
 * one view file exists, holds core/partner-slices' partnerView and is readable by exactly the wanted
 * addresses. Decided once for every runtime:
 * - the title is «Samspill – kommunevisning NNNN Kommune»;
 * - a municipality that is no longer wanted keeps its file and its record, un-shared (so a partner
 *   who comes back gets the same file, never a second one);
 * - the registry row is saved right after a file is created, before anything is written to it;
 * - one municipality or one address failing does not stop the rest: the reason goes to «Merknad».
 * With a time budget (Apps Script) it stops starting municipalities once the budget is spent, keeps
 * its cursor in the key-value store and continues from the scheduler; the continuation is armed
 * before any work, so even an execution killed mid-way is continued.
 */

export const VIEWS_TAB = partnerViewRegistry.name;
export const VIEWS_STATE_KEY = "samspill.partnerviews.state";

export function viewTitle(municipalityNumber: string): string {
  return `Samspill – kommunevisning ${municipalityNumber} ${findMunicipality(municipalityNumber)?.name ?? ""}`.trim();
}

/** Where the records live: the central's «Kommunevisninger» tab, or (locally) the folder itself. */
export interface ViewRegistry {
  load(): Maybe<PartnerViewRecord[]>;
  save(records: ReadonlyArray<PartnerViewRecord>): Maybe<void>;
}

export interface PartnerViewsPlan {
  /** Municipality number → addresses that should read its view (lower-case). A key = a view is wanted. */
  wanted: ReadonlyMap<string, ReadonlyArray<string>>;
  /** The tables of a municipality's view. */
  content(municipalityNumber: string): OutputTable[];
}

export interface PartnerViewsPorts {
  registry: ViewRegistry;
  files: ViewFiles;
  now: () => Date;
  /** Cursor between executions; without it the job runs to the end in one go. */
  store?: KeyValueStore;
  scheduler?: Scheduler;
  /** Stop starting municipalities after this long in one execution (Apps Script: 4.5 minutes). */
  budgetMs?: number;
}

export interface PartnerViewsCounts {
  updated: number;
  created: number;
  added: number;
  removed: number;
  failed: number;
}

/** What one execution did to one municipality's view. */
export interface ViewChange {
  municipalityNumber: string;
  spreadsheetId: string;
  readers: string[];
  created: boolean;
  added: string[];
  removed: string[];
  note: string;
}

export interface PartnerViewsOutcome extends PartnerViewsCounts {
  /** The municipalities this execution handled, in order. */
  views: ViewChange[];
  done: boolean;
  /** Executions so far, this one included. */
  runs: number;
  /** Municipalities handled so far of `total`. */
  handled: number;
  total: number;
  message: string;
}

interface ViewsState extends PartnerViewsCounts {
  startedAt: string;
  /** The last municipality handled; the next run starts after it. */
  after: string;
  runs: number;
  /** A create was asked for this municipality; cleared once its record is saved. */
  creating?: { municipalityNumber: string; title: string };
}

export const DEFAULT_VIEWS_BUDGET_MS = 270_000;

const normal = (email: string) => email.trim().toLowerCase();
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

function loadState(store: KeyValueStore | undefined): ViewsState | undefined {
  const text = store?.get(VIEWS_STATE_KEY);
  if (!text) return undefined;
  try {
    return JSON.parse(text) as ViewsState;
  } catch {
    return undefined;
  }
}

/** What the bound script and the CLI in Google mode build views from: the registry's partner addresses. */
export function sharedViewsPlan(
  associations: ReadonlyArray<RegistryAssociation>,
  results: ReadonlyArray<AssociationResult>,
  today: IsoDate,
): PartnerViewsPlan {
  return {
    wanted: partnerAddresses(associations),
    content: (number) => partnerView(results, number, today),
  };
}

/** Local files are handed out by hand: a view for every municipality with rows, nobody to share with. */
export function localViewsPlan(
  municipalities: ReadonlyArray<string>,
  results: ReadonlyArray<AssociationResult>,
  today: IsoDate,
): PartnerViewsPlan {
  return {
    wanted: new Map(municipalities.map((n) => [n, []])),
    content: (number) => partnerView(results, number, today),
  };
}

/** The job. Run it with runSync (Apps Script) or runAsync (Node). */
export function* updatePartnerViews(plan: PartnerViewsPlan, ports: PartnerViewsPorts): Job<PartnerViewsOutcome> {
  const { registry, store, scheduler } = ports;
  const start = ports.now();
  const fresh: ViewsState = { startedAt: start.toISOString(), after: "", runs: 0, updated: 0, created: 0, added: 0, removed: 0, failed: 0 };
  const state = loadState(store) ?? fresh;
  state.runs++;
  const saveState = () => store?.set(VIEWS_STATE_KEY, JSON.stringify(state));
  // Armed before any work: an execution killed mid-way is continued too.
  if (store && scheduler) {
    scheduler.continueLater();
    saveState();
  }

  const records = new Map((yield* call(registry.load())).map((r) => [r.municipalityNumber, { ...r }]));
  const numbers = [...new Set([...plan.wanted.keys(), ...records.keys()])].sort();
  // Killed between creating a file and saving its record: that file is empty and unshared. It is
  // always the first municipality this run handles (the cursor moves only past finished ones).
  const orphan = state.creating && !records.get(state.creating.municipalityNumber)?.spreadsheetId ? state.creating : undefined;
  state.creating = undefined;

  const budget = ports.budgetMs ?? Infinity;
  let handledHere = 0;
  const views: ViewChange[] = [];
  const pending = numbers.filter((n) => n > state.after);
  for (const number of pending) {
    if (handledHere > 0 && ports.now().getTime() - start.getTime() > budget) {
      saveState();
      const handled = numbers.length - pending.length + handledHere;
      return {
        ...counts(state),
        views,
        done: false,
        runs: state.runs,
        handled,
        total: numbers.length,
        message: `Oppdaterte ${handled} av ${numbers.length} kommunevisninger. Resten oppdateres av seg selv om litt (kjøring ${state.runs}).`,
      };
    }
    const record = records.get(number) ?? {
      municipalityNumber: number,
      municipality: findMunicipality(number)?.name ?? "",
      spreadsheetId: "",
      url: "",
      sharedWith: "",
      updatedAt: "",
      note: "",
    };
    records.set(number, record);
    const problems: string[] = [];
    const change: ViewChange = { municipalityNumber: number, spreadsheetId: "", readers: [], created: false, added: [], removed: [], note: "" };
    try {
      yield* reconcileOne(number, record, plan, ports, state, records, problems, saveState, change);
    } catch (error) {
      problems.push(`Visningen kunne ikke oppdateres: ${reason(error)}`);
    }
    if (problems.length) state.failed++;
    const notice =
      orphan?.municipalityNumber === number
        ? `Et avbrutt forsøk kan ha etterlatt et tomt, udelt regneark «${orphan.title}» i Disk; det kan slettes.`
        : "";
    record.note = [notice, ...problems].filter(Boolean).join(" ");
    views.push({ ...change, spreadsheetId: record.spreadsheetId ?? "", readers: record.sharedWith ? record.sharedWith.split(", ") : [], note: record.note });
    record.updatedAt = ports.now().toISOString();
    yield* call(registry.save(sorted(records)));
    state.after = number;
    handledHere++;
    saveState();
  }

  store?.delete(VIEWS_STATE_KEY);
  scheduler?.cancel();
  const c = counts(state);
  const parts = [
    `Oppdaterte ${c.updated} ${plural(c.updated, "kommunevisning", "kommunevisninger")} (${c.created} ${plural(c.created, "ny", "nye")}).`,
    `Delt med ${c.added} ${plural(c.added, "ny adresse", "nye adresser")}, fjernet tilgang for ${c.removed}.`,
  ];
  if (c.failed)
    parts.push(`${c.failed} ${plural(c.failed, "kommune", "kommuner")} fikk ikke alt gjort; se «Merknad» i fanen «${VIEWS_TAB}».`);
  if (state.runs > 1) parts.push(`(${state.runs} kjøringer)`);
  return { ...c, views, done: true, runs: state.runs, handled: numbers.length, total: numbers.length, message: parts.join(" ") };
}

function* reconcileOne(
  number: string,
  record: PartnerViewRecord,
  plan: PartnerViewsPlan,
  ports: PartnerViewsPorts,
  state: ViewsState,
  records: Map<string, PartnerViewRecord>,
  problems: string[],
  saveState: () => void,
  change: ViewChange,
): Generator<unknown, void, unknown> {
  const { files, registry } = ports;
  const wanted = plan.wanted.get(number);
  let id = record.spreadsheetId || "";
  if (id && !(yield* call(files.exists(id)))) id = "";
  if (!wanted) {
    // No partner any more: un-share, keep the file and its record for a partner who comes back.
    if (id) yield* syncReaders(files, id, [], state, problems, change);
    record.sharedWith = "";
    return;
  }
  if (!id) {
    const title = viewTitle(number);
    state.creating = { municipalityNumber: number, title };
    saveState();
    id = yield* call(files.create(number, title));
    record.spreadsheetId = id;
    record.url = /^[\w-]{20,}$/.test(id) ? spreadsheetUrl(id) : "";
    record.sharedWith = "";
    // The record first: a cut-off after this line never makes a second file.
    yield* call(registry.save(sorted(records)));
    state.creating = undefined;
    state.created++;
    change.created = true;
    saveState();
  }
  yield* call(files.write(id, plan.content(number)));
  state.updated++;
  const readers = yield* syncReaders(files, id, wanted, state, problems, change);
  record.sharedWith = readers.join(", ");
}

/** Makes the readers exactly `wanted`, address by address; gives who can read it afterwards. */
function* syncReaders(
  files: ViewFiles,
  id: string,
  wanted: ReadonlyArray<string>,
  state: ViewsState,
  problems: string[],
  change: ViewChange,
): Generator<unknown, string[], unknown> {
  const want = new Set(wanted.map(normal));
  const current = new Set((yield* call(files.readers(id))).map(normal));
  for (const email of [...want].filter((e) => !current.has(e)).sort()) {
    try {
      yield* call(files.share(id, email));
      current.add(email);
      change.added.push(email);
      state.added++;
    } catch (error) {
      problems.push(`Kunne ikke dele med ${email}: ${reason(error)}.`);
    }
  }
  for (const email of [...current].filter((e) => !want.has(e)).sort()) {
    try {
      yield* call(files.unshare(id, email));
      current.delete(email);
      change.removed.push(email);
      state.removed++;
    } catch (error) {
      problems.push(`Kunne ikke fjerne tilgangen for ${email}: ${reason(error)}.`);
    }
  }
  return [...current].sort();
}

function reason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/[.\s]+$/, "");
}

function counts(state: ViewsState): PartnerViewsCounts {
  const { updated, created, added, removed, failed } = state;
  return { updated, created, added, removed, failed };
}

function sorted(records: Map<string, PartnerViewRecord>): PartnerViewRecord[] {
  return [...records.values()].sort((a, b) => a.municipalityNumber.localeCompare(b.municipalityNumber));
}

/** The central's «Kommunevisninger» tab as the registry; `flush` sends it (Sheets API: save()). */
export function workbookViewRegistry(central: Workbook, flush?: () => Promise<void>): ViewRegistry {
  return {
    load: () => readTable(partnerViewRegistry, central.read(VIEWS_TAB), { year: 0, today: "" }).rows,
    save: (records) => {
      const rows = records.map((r) => [
        r.municipalityNumber,
        r.municipality ?? "",
        r.spreadsheetId ?? "",
        r.url || (r.spreadsheetId && /^[\w-]{20,}$/.test(r.spreadsheetId) ? spreadsheetUrl(r.spreadsheetId) : ""),
        r.sharedWith ?? "",
        r.updatedAt ?? "",
        r.note ?? "",
      ]);
      const tab = outputTable(
        VIEWS_TAB,
        partnerViewRegistry.keys.map((key) => [partnerViewRegistry.columns[key].header, "text"] as [string, "text"]),
        rows,
      );
      central.write(VIEWS_TAB, grid(tab), tab.formats);
      return flush?.();
    },
  };
}
