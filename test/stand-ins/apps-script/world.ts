import { boxA1, cellA1, columnToLetters } from "./a1";
import { expose, restrictedScope, View } from "./counting";
import { dateToSerial, isDateFormat } from "./dates";
import { AuthModeName } from "./enums";
import { gasError, MESSAGES } from "./errors";
import { LockService, LockSlot } from "./lock";
import { MailApp, SentMail } from "./mail";
import {
  AccessState,
  CellData,
  DEFAULT_COLUMNS,
  DEFAULT_ROWS,
  SpreadsheetModel,
  Stored,
  WriteJournal,
} from "./model";
import { PropertiesService } from "./properties";
import { ScriptApp, Session, TriggerRecord } from "./script";
import { SheetsAdvancedService } from "./sheets-api";
import { SpreadsheetApp } from "./spreadsheet";
import { DialogRecord, HtmlService, MenuRecord, UiResponse } from "./ui";
import { Sharing } from "./users";
import { Utilities } from "./utilities";
import { CellValue, isDate, readValue } from "./values";

/** The virtual clock: Utilities.sleep, lock waits and trigger due times move it; nothing waits. */
export class VirtualClock {
  constructor(private time: number) {}
  now(): Date {
    return new Date(this.time);
  }
  millis(): number {
    return this.time;
  }
  advance(ms: number): void {
    this.time += ms;
  }
  set(time: Date | number): void {
    this.time = new Date(time).getTime();
  }
}

export interface WorldOptions {
  /** Start of the virtual clock; default 2025-03-14T09:00:00Z. */
  startTime?: Date | number;
  /** MailApp recipients per user per day; default 100 (consumer account). */
  mailQuota?: number;
}

/** A cell in a seed: literal values (strings are stored as text as given), or a value with its format. */
export type SeedCell =
  | string
  | number
  | boolean
  | Date
  | null
  | undefined
  | { value?: Stored | Date; numberFormat?: string; background?: string };

export interface SpreadsheetSeed {
  id?: string;
  name: string;
  owner?: string;
  editors?: string[];
  timeZone?: string;
  /** { Tab: rows } in tab order. Default: one empty "Sheet1". */
  sheets?: Record<string, SeedCell[][]>;
  /** Files of a script bound to this spreadsheet (name and source), e.g. build/mal's. */
  boundScript?: Array<{ name: string; source: string }>;
}

export interface GlobalsOptions {
  userEmail: string;
  activeSpreadsheetId?: string | null;
  authMode?: AuthModeName;
  /** False for time-driven triggers: getUi() then throws as in Google. Default true. */
  uiAvailable?: boolean;
  /** The Date of the realm running the code, e.g. vm.runInContext("Date", context); getValues returns such Dates. */
  dateConstructor?: DateConstructor;
}

export interface AppsScriptGlobals {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  LockService: GoogleAppsScript.Lock.LockService;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  Session: GoogleAppsScript.Base.Session;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  MailApp: GoogleAppsScript.Mail.MailApp;
  Sheets: GoogleAppsScript.Sheets;
}

export interface RestrictedCall {
  method: string;
  userEmail: string;
  authMode: AuthModeName;
}

export interface Toast {
  spreadsheetId: string;
  userEmail: string;
  message: string;
  title: string;
  timeoutSeconds: number;
}

interface Fault {
  error: Error;
  remaining: number;
}

export interface SheetSnapshot {
  name: string;
  sheetId: number;
  index: number;
  hidden: boolean;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  /** The data range as getValues returns it ([] for an empty sheet). */
  values: CellValue[][];
  /** Sparse maps keyed by A1 cell. */
  formulas: Record<string, string>;
  notes: Record<string, string>;
  numberFormats: Record<string, string>;
  backgrounds: Record<string, string>;
  fontWeights: Record<string, string>;
  validations: Record<
    string,
    { criteria: string; values: unknown[]; allowInvalid: boolean; helpText: string | null }
  >;
  /** Keyed by column letter, only widths that were set. */
  columnWidths: Record<string, number>;
  protections: Array<{
    type: string;
    range: string;
    description: string;
    warningOnly: boolean;
    editors: string[];
    unprotected: string[];
  }>;
  conditionalRules: Array<{
    ranges: string[];
    criteria: string;
    values: unknown[];
    background: string | null;
  }>;
  charts: Array<{
    id: number;
    chartType: string;
    ranges: string[];
    options: Record<string, unknown>;
    anchorRow: number;
    anchorColumn: number;
  }>;
}

export interface SpreadsheetSnapshot {
  id: string;
  name: string;
  url: string;
  owner: string;
  editors: string[];
  viewers: string[];
  timeZone: string;
  sheets: SheetSnapshot[];
}

/**
 * Everything the simulated Google holds: spreadsheets, locks, properties, mail, triggers, menus, the
 * clock, and the call counters. Several executions (globalsFor) share one world.
 */
export class World {
  readonly clock: VirtualClock;
  /** Time zone of new spreadsheets. */
  readonly scriptTimeZone = "Europe/Oslo";
  /** Caption of createAddonMenu(). */
  readonly addonName = "Samspill";

  calls = 0;
  callsByMethod: Record<string, number> = {};
  /** Every counted call in order ("Range.getValues"); reset with resetCalls(). */
  callLog: string[] = [];
  restrictedCalls: RestrictedCall[] = [];
  mail: SentMail[] = [];
  toasts: Toast[] = [];
  menus: MenuRecord[] = [];
  dialogs: DialogRecord[] = [];
  uiResponses: UiResponse[] = [];
  triggers: TriggerRecord[] = [];
  /** Files for HtmlService.createHtmlOutputFromFile, by name ("Sidebar" or "Sidebar.html"). */
  htmlFiles: Record<string, string> = {};

  readonly _spreadsheets = new Map<string, SpreadsheetModel>();
  readonly _locks = new Map<string, LockSlot>();
  private readonly propertyStores = new Map<string, Map<string, string>>();
  private readonly access = new Map<string, AccessState>();
  /**
   * Addresses Google will not share with (no Google account behind them): addViewer and addEditors
   * throw «Invalid email» for them; addEditors then shares with nobody.
   */
  readonly refusedAddresses = new Set<string>();
  private readonly faults = new Map<string, Fault>();
  private readonly mailUsed = new Map<string, number>();
  private readonly mailQuota: number;
  private readonly executions = new WeakMap<object, View>();
  private depth = 0;
  private counters = new Map<string, number>();

  constructor(options: WorldOptions = {}) {
    this.clock = new VirtualClock(new Date(options.startTime ?? Date.UTC(2025, 2, 14, 9, 0, 0)).getTime());
    this.mailQuota = options.mailQuota ?? 100;
  }

  /** The virtual time as a Date (hand it to code under test as its clock). */
  readonly now = (): Date => this.clock.now();

  // ----- executions -----

  /** The globals of one execution by one user; install them on a vm context or globalThis. */
  globalsFor(options: GlobalsOptions): AppsScriptGlobals {
    const view: View = {
      world: this,
      userEmail: options.userEmail.toLowerCase(),
      activeSpreadsheetId: options.activeSpreadsheetId ?? null,
      authMode: options.authMode ?? "FULL",
      uiAvailable: options.uiAvailable ?? true,
      execution: { id: Number(this._nextId("execution").replace(/\D/g, "")) },
      dateCtor: options.dateConstructor ?? Date,
    };
    const globals: AppsScriptGlobals = {
      SpreadsheetApp: expose(
        new SpreadsheetApp(view),
      ) as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp,
      HtmlService: expose(new HtmlService(view)) as unknown as GoogleAppsScript.HTML.HtmlService,
      LockService: expose(new LockService(view)) as unknown as GoogleAppsScript.Lock.LockService,
      PropertiesService: expose(
        new PropertiesService(view),
      ) as unknown as GoogleAppsScript.Properties.PropertiesService,
      Session: expose(new Session(view)) as unknown as GoogleAppsScript.Base.Session,
      ScriptApp: expose(new ScriptApp(view)) as unknown as GoogleAppsScript.Script.ScriptApp,
      Utilities: expose(new Utilities(view)) as unknown as GoogleAppsScript.Utilities.Utilities,
      MailApp: expose(new MailApp(view)) as unknown as GoogleAppsScript.Mail.MailApp,
      Sheets: expose(new SheetsAdvancedService(view)) as unknown as GoogleAppsScript.Sheets,
    };
    this.executions.set(globals, view);
    return globals;
  }

  /** Ends an execution: Google releases the locks a script still holds when it finishes. */
  endExecution(globals: AppsScriptGlobals): void {
    const view = this.executions.get(globals);
    if (!view) return;
    this.commitWrites(view.execution.id);
    for (const slot of this._locks.values()) if (slot.holder === view.execution.id) slot.holder = null;
  }

  // ----- counting, faults, restricted access -----

  resetCalls(): void {
    this.calls = 0;
    this.callsByMethod = {};
    this.callLog = [];
  }

  /** Sum of counted calls on the given stand-in classes ("Range", "Sheet", …) or exact methods ("Range.getValues"). */
  callsOf(...kindsOrMethods: string[]): number {
    let total = 0;
    for (const [key, n] of Object.entries(this.callsByMethod)) {
      if (kindsOrMethods.some((k) => key === k || key.startsWith(`${k}.`))) total += n;
    }
    return total;
  }

  /** The next `times` calls of a method ("Range.getValues", or "*" for any) throw `error`. */
  failNext(method: string, error: Error, times = 1): void {
    this.faults.set(method, { error, remaining: times });
  }

  /** How openById and the Sheets advanced service see a spreadsheet. */
  setAccess(id: string, access: AccessState): void {
    this.access.set(id, access);
  }

  /** @internal Called by every exposed method. Only the outermost call is counted. */
  invoke<T>(view: View, kind: string, method: string, fn: () => T): T {
    if (this.depth > 0) return fn();
    const key = `${kind}.${method}`;
    this.calls++;
    this.callsByMethod[key] = (this.callsByMethod[key] ?? 0) + 1;
    this.callLog.push(key);
    const scope = restrictedScope(kind, method);
    if (scope !== undefined) {
      this.restrictedCalls.push({ method: key, userEmail: view.userEmail, authMode: view.authMode });
      if (view.authMode === "NONE") throw gasError(MESSAGES.permission(key, scope));
    }
    const fault = this.faults.get(key) ?? this.faults.get("*");
    if (fault) {
      fault.remaining--;
      if (fault.remaining <= 0) {
        for (const [k, f] of this.faults) if (f === fault) this.faults.delete(k);
      }
      throw fault.error;
    }
    this.depth++;
    const me = view.execution.id;
    for (const journal of WriteJournal.withPending) journal.show(me);
    WriteJournal.current = me;
    try {
      return fn();
    } finally {
      this.depth--;
      WriteJournal.current = null;
    }
  }

  /** SpreadsheetApp.flush() or the end of an execution: its queued writes become visible to all. */
  commitWrites(executionId: number): void {
    for (const model of this._spreadsheets.values()) model.journal.commit(executionId);
  }

  // ----- spreadsheets -----

  /** Seeds a spreadsheet; returns its id. */
  addSpreadsheet(seed: SpreadsheetSeed): string {
    const id = seed.id ?? this.newSpreadsheetId();
    if (this._spreadsheets.has(id)) throw new Error(`stand-in: spreadsheet ${id} exists already`);
    const owner = (seed.owner ?? "owner@example.org").toLowerCase();
    const model = new SpreadsheetModel(id, seed.name, owner, seed.timeZone ?? this.scriptTimeZone);
    this._spreadsheets.set(id, model);
    model.boundScript = (seed.boundScript ?? []).map((file) => ({ ...file }));
    for (const e of seed.editors ?? []) new Sharing(model).addEditor(e.toLowerCase());
    for (const [name, rows] of Object.entries(seed.sheets ?? { Sheet1: [] })) {
      const sheet = model.addSheet(name);
      sheet.maxRows = Math.max(DEFAULT_ROWS, rows.length);
      sheet.maxCols = Math.max(DEFAULT_COLUMNS, ...rows.map((r) => r.length));
      rows.forEach((line, r) =>
        line.forEach((value, c) => seedCell(sheet.cellForWrite(r + 1, c + 1), value, model.timeZone)),
      );
    }
    if (model.sheets.length === 0) model.addSheet("Sheet1");
    return model.id;
  }

  spreadsheetIds(): string[] {
    return [...this._spreadsheets.keys()];
  }

  urlOf(id: string): string {
    const model = this._spreadsheets.get(id);
    if (!model) throw new Error(`stand-in: no spreadsheet ${id}`);
    return model.url;
  }

  /** The files of the script bound to a spreadsheet ([] when none). */
  boundScriptOf(id: string): Array<{ name: string; source: string }> {
    const model = this._spreadsheets.get(id);
    if (!model) throw new Error(`stand-in: no spreadsheet ${id}`);
    return model.boundScript.map((file) => ({ ...file }));
  }

  /** Plain data of a spreadsheet for assertions. */
  snapshot(id: string): SpreadsheetSnapshot {
    const model = this._spreadsheets.get(id);
    if (!model) throw new Error(`stand-in: no spreadsheet ${id}`);
    const sharing = new Sharing(model);
    return {
      id: model.id,
      name: model.name,
      url: model.url,
      owner: model.owner,
      editors: sharing.editors(),
      viewers: sharing.viewers(),
      timeZone: model.timeZone,
      sheets: model.sheets.map((sheet, index) => {
        const lastRow = sheet.lastRow();
        const lastCol = sheet.lastColumn();
        const values: CellValue[][] = [];
        for (let r = 1; r <= lastRow; r++) {
          const line: CellValue[] = [];
          for (let c = 1; c <= lastCol; c++) line.push(readValue(sheet.cell(r, c), model.timeZone));
          values.push(line);
        }
        const snap: SheetSnapshot = {
          name: sheet.name,
          sheetId: sheet.id,
          index: index + 1,
          hidden: sheet.hidden,
          maxRows: sheet.maxRows,
          maxColumns: sheet.maxCols,
          frozenRows: sheet.frozenRows,
          values,
          formulas: {},
          notes: {},
          numberFormats: {},
          backgrounds: {},
          fontWeights: {},
          validations: {},
          columnWidths: {},
          protections: sheet.protections.map((p) => ({
            type: p.type,
            range: p.type === "SHEET" ? sheet.name : boxA1(p.box),
            description: p.description,
            warningOnly: p.warningOnly,
            editors: [...p.editors],
            unprotected: p.unprotected.map(boxA1),
          })),
          conditionalRules: sheet.conditionalRules.map((rule) => ({
            ranges: rule.ranges.map((r) =>
              r.sheet === sheet ? boxA1(r.box) : `${r.sheet.name}!${boxA1(r.box)}`,
            ),
            criteria: rule.condition.criteria,
            values: [...rule.condition.values],
            background: rule.condition.background,
          })),
          charts: sheet.charts.map((chart) => ({
            id: chart.id,
            chartType: chart.chartType,
            ranges: chart.ranges.map((r) => `${r.sheet.name}!${boxA1(r.box)}`),
            options: { ...chart.options },
            anchorRow: chart.anchorRow,
            anchorColumn: chart.anchorCol,
          })),
        };
        sheet.rows.forEach((line, r) =>
          line?.forEach((cell, c) => {
            if (!cell) return;
            const a1 = cellA1(r + 1, c + 1);
            if (cell.f !== undefined) snap.formulas[a1] = cell.f;
            if (cell.note !== undefined) snap.notes[a1] = cell.note;
            if (cell.fmt !== undefined) snap.numberFormats[a1] = cell.fmt;
            if (cell.bg !== undefined) snap.backgrounds[a1] = cell.bg;
            if (cell.fw !== undefined) snap.fontWeights[a1] = cell.fw;
            if (cell.dv)
              snap.validations[a1] = {
                criteria: cell.dv.criteria,
                values: [...cell.dv.values],
                allowInvalid: cell.dv.allowInvalid,
                helpText: cell.dv.helpText,
              };
          }),
        );
        for (const [col, width] of [...sheet.columnWidths.entries()].sort((a, b) => a[0] - b[0]))
          snap.columnWidths[columnToLetters(col)] = width;
        return snap;
      }),
    };
  }

  /** Locks held right now, by key ("script", "document:<id>", "user:<email>"). */
  heldLocks(): string[] {
    return [...this._locks.entries()].filter(([, slot]) => slot.holder !== null).map(([key]) => key);
  }

  /** Clock triggers whose time has come (now or earlier), oldest first; each fires once. */
  takeDueTriggers(): TriggerRecord[] {
    const now = this.clock.millis();
    const due = this.triggers
      .filter((t) => t.dueAt !== null && t.dueAt <= now)
      .sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0));
    for (const t of due) t.dueAt = null;
    return due;
  }

  /** The next answer to Ui.alert / Ui.prompt (default: OK, or YES for yes/no questions). */
  queueUiResponse(response: UiResponse): void {
    this.uiResponses.push(response);
  }

  // ----- internals used by the stand-in classes -----

  _nextId(kind: string): string {
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    return `${kind}-${n}`;
  }

  /** SpreadsheetApp.create: one empty Sheet1 of 1000 × 26, owned by the caller. */
  _createSpreadsheet(name: string, owner: string): SpreadsheetModel {
    const model = new SpreadsheetModel(this.newSpreadsheetId(), name, owner, this.scriptTimeZone);
    model.addSheet("Sheet1");
    this._spreadsheets.set(model.id, model);
    return model;
  }

  _copySpreadsheet(source: SpreadsheetModel, name: string, owner: string): SpreadsheetModel {
    const copy = source.copy(this.newSpreadsheetId(), name, owner);
    this._spreadsheets.set(copy.id, copy);
    return copy;
  }

  private newSpreadsheetId(): string {
    const n = this._nextId("spreadsheet").replace(/\D/g, "");
    return `1StandIn${n.padStart(6, "0")}`.padEnd(44, "x");
  }

  _accessOf(id: string): AccessState {
    return this._spreadsheets.has(id) ? (this.access.get(id) ?? "ok") : "not_found";
  }

  _open(id: string): SpreadsheetModel {
    const access = this._accessOf(id);
    if (access === "not_found") throw gasError(MESSAGES.unexpectedOpen);
    if (access === "no_access") throw gasError(MESSAGES.noAccess);
    return this._spreadsheets.get(id)!;
  }

  _propertyStore(key: string): Map<string, string> {
    let store = this.propertyStores.get(key);
    if (!store) {
      store = new Map();
      this.propertyStores.set(key, store);
    }
    return store;
  }

  _mailQuotaLeft(userEmail: string): number {
    return this.mailQuota - (this.mailUsed.get(userEmail) ?? 0);
  }

  _useMailQuota(userEmail: string, count: number): void {
    this.mailUsed.set(userEmail, (this.mailUsed.get(userEmail) ?? 0) + count);
  }
}

function seedCell(cell: CellData, value: SeedCell, timeZone: string): void {
  if (value === null || value === undefined || value === "") return;
  if (isDate(value)) {
    // A seeded Date is a date cell as a person types it; its time of day is kept in the serial.
    cell.v = dateToSerial(value, timeZone);
    cell.fmt = "dd.mm.yyyy";
    return;
  }
  if (typeof value !== "object") {
    cell.v = value;
    return;
  }
  if (value.numberFormat !== undefined) cell.fmt = value.numberFormat;
  if (isDate(value.value)) {
    cell.v = dateToSerial(value.value, timeZone);
    if (!isDateFormat(cell.fmt)) cell.fmt = "dd.mm.yyyy";
  } else if (value.value !== undefined && value.value !== "") cell.v = value.value;
  if (value.background !== undefined) cell.bg = value.background.toLowerCase();
}

export function createWorld(options?: WorldOptions): World {
  return new World(options);
}
