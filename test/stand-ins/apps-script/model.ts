import { GridBox } from "./a1";

/** What a cell holds, as Sheets keeps it: dates are serial numbers with a date number format. */
export type Stored = string | number | boolean;

export interface ValidationSpec {
  readonly criteria: string;
  readonly values: readonly unknown[];
  readonly allowInvalid: boolean;
  readonly helpText: string | null;
}

export interface CellData {
  /** undefined = empty */
  v?: Stored;
  /** formula text ("=SUM(A1:A3)"); `v` is then the seeded result, if any */
  f?: string;
  /** number format; undefined = automatic */
  fmt?: string;
  bg?: string;
  fw?: string;
  wrap?: boolean;
  note?: string;
  dv?: ValidationSpec;
}

export function hasContent(cell: CellData | undefined): boolean {
  return cell !== undefined && (cell.v !== undefined || cell.f !== undefined);
}

export interface ProtectionModel {
  readonly id: number;
  readonly type: "RANGE" | "SHEET";
  box: GridBox;
  description: string;
  warningOnly: boolean;
  editors: string[];
  unprotected: GridBox[];
}

export interface ConditionSpec {
  readonly criteria: string;
  readonly values: readonly unknown[];
  readonly background: string | null;
}

export interface ConditionalRuleModel {
  ranges: Array<{ sheet: SheetModel; box: GridBox }>;
  condition: ConditionSpec;
}

export interface ChartModel {
  readonly id: number;
  chartType: string;
  ranges: Array<{ sheet: SheetModel; box: GridBox }>;
  options: Record<string, unknown>;
  anchorRow: number;
  anchorCol: number;
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

export class SheetModel {
  rows: Array<Array<CellData | undefined> | undefined> = [];
  maxRows = DEFAULT_ROWS;
  maxCols = DEFAULT_COLUMNS;
  frozenRows = 0;
  hidden = false;
  columnWidths = new Map<number, number>();
  protections: ProtectionModel[] = [];
  conditionalRules: ConditionalRuleModel[] = [];
  charts: ChartModel[] = [];

  constructor(
    readonly spreadsheet: SpreadsheetModel,
    readonly id: number,
    public name: string,
  ) {}

  cell(row: number, col: number): CellData | undefined {
    return this.rows[row - 1]?.[col - 1];
  }

  cellForWrite(row: number, col: number): CellData {
    this.spreadsheet.journal.noteWrite(this, row, col);
    let line = this.rows[row - 1];
    if (!line) {
      line = [];
      this.rows[row - 1] = line;
    }
    let cell = line[col - 1];
    if (!cell) {
      cell = {};
      line[col - 1] = cell;
    }
    return cell;
  }

  lastRow(): number {
    for (let r = Math.min(this.rows.length, this.maxRows); r >= 1; r--) {
      const line = this.rows[r - 1];
      if (line && line.some((cell, c) => c < this.maxCols && hasContent(cell))) return r;
    }
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const line of this.rows) {
      if (!line) continue;
      for (let c = Math.min(line.length, this.maxCols); c > last; c--) {
        if (hasContent(line[c - 1])) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  /** Every stored reference to a range of this sheet, so inserting rows and columns can move them. */
  private boxes(): GridBox[] {
    const boxes: GridBox[] = [];
    for (const p of this.protections) boxes.push(p.box, ...p.unprotected);
    for (const sheet of this.spreadsheet.sheets) {
      for (const rule of sheet.conditionalRules)
        for (const r of rule.ranges) if (r.sheet === this) boxes.push(r.box);
      for (const chart of sheet.charts) for (const r of chart.ranges) if (r.sheet === this) boxes.push(r.box);
    }
    return boxes;
  }

  /** Inserts `count` rows before row `before`; the new rows take the formatting of row `inheritFrom`. */
  insertRows(before: number, count: number, inheritFrom: number): void {
    const template = this.rows[inheritFrom - 1];
    const fresh = Array.from({ length: count }, () => template?.map(formatOnly));
    while (this.rows.length < before - 1) this.rows.push(undefined);
    this.rows.splice(before - 1, 0, ...fresh);
    this.maxRows += count;
    for (const box of this.boxes()) shiftBox(box, "row", before, count);
    if (this.frozenRows >= before) this.frozenRows += count;
  }

  insertColumns(before: number, count: number, inheritFrom: number): void {
    for (const line of this.rows) {
      if (!line) continue;
      const template = line[inheritFrom - 1];
      while (line.length < before - 1) line.push(undefined);
      line.splice(before - 1, 0, ...Array.from({ length: count }, () => formatOnly(template)));
    }
    this.maxCols += count;
    this.columnWidths = new Map(
      [...this.columnWidths].map(([c, width]) => [c >= before ? c + count : c, width]),
    );
    for (const box of this.boxes()) shiftBox(box, "col", before, count);
  }
}

function formatOnly(cell: CellData | undefined): CellData | undefined {
  if (!cell) return undefined;
  const { fmt, bg, fw, wrap, dv } = cell;
  return { fmt, bg, fw, wrap, dv };
}

function shiftBox(box: GridBox, dim: "row" | "col", before: number, count: number): void {
  const size = dim === "row" ? "numRows" : "numCols";
  if (box[dim] >= before) box[dim] += count;
  else if (box[dim] + box[size] - 1 >= before) box[size] += count;
}

export type AccessState = "ok" | "not_found" | "no_access";

/** One file of a container-bound script project ("Code.js", "appsscript.json", "kontroller.html"). */
export interface BoundScriptFile {
  name: string;
  source: string;
}

export class SpreadsheetModel {
  sheets: SheetModel[] = [];
  editors: string[] = [];
  viewers: string[] = [];
  nextSheetId = 0;
  nextChartId = 1;
  nextProtectionId = 1;
  /** Cell writes of executions that have not flushed yet (see WriteJournal). */
  readonly journal = new WriteJournal();
  /**
   * The container-bound script project, minimal: its files (name and source). A copy of the
   * spreadsheet carries them (see copy()); nothing runs them by itself.
   */
  boundScript: BoundScriptFile[] = [];

  constructor(
    readonly id: string,
    public name: string,
    public owner: string,
    public timeZone: string,
  ) {}

  get url(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  addSheet(name: string): SheetModel {
    const sheet = new SheetModel(this, this.nextSheetId, name);
    this.nextSheetId = this.nextSheetId === 0 ? 1_000_001 : this.nextSheetId + 7919;
    this.sheets.push(sheet);
    return sheet;
  }

  /**
   * Sheet names are unique regardless of case (insertSheet refuses "aktiviteter" next to
   * "Aktiviteter"), and getSheetByName finds a sheet whatever the case of the name asked for
   * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSheetByName(String)).
   */
  sheetByName(name: string): SheetModel | undefined {
    const wanted = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === wanted);
  }

  /**
   * A deep copy under a new id (Spreadsheet.copy): content, formats, rules and the
   * bound script's files; not sharing. Copying a spreadsheet copies its container-bound script
   * (https://developers.google.com/apps-script/guides/bound: a bound script lives in its container;
   * https://tanaikech.github.io/2023/07/07/copying-google-spreadsheet-by-removing-container-bound-script-using-google-apps-script
   * needs a workaround precisely because a copy includes it).
   */
  copy(id: string, name: string, owner: string): SpreadsheetModel {
    const copy = new SpreadsheetModel(id, name, owner, this.timeZone);
    copy.boundScript = this.boundScript.map((file) => ({ ...file }));
    copy.nextSheetId = this.nextSheetId;
    copy.nextChartId = this.nextChartId;
    copy.nextProtectionId = this.nextProtectionId;
    const map = new Map<SheetModel, SheetModel>();
    for (const sheet of this.sheets) {
      const s = new SheetModel(copy, sheet.id, sheet.name);
      map.set(sheet, s);
      s.rows = sheet.rows.map((line) => line?.map((cell) => (cell ? { ...cell } : undefined)));
      s.maxRows = sheet.maxRows;
      s.maxCols = sheet.maxCols;
      s.frozenRows = sheet.frozenRows;
      s.hidden = sheet.hidden;
      s.columnWidths = new Map(sheet.columnWidths);
      s.protections = sheet.protections.map((p) => ({
        ...p,
        box: { ...p.box },
        editors: [owner],
        unprotected: p.unprotected.map((b) => ({ ...b })),
      }));
      copy.sheets.push(s);
    }
    const remap = (ranges: Array<{ sheet: SheetModel; box: GridBox }>) =>
      ranges.map((r) => ({ sheet: map.get(r.sheet) ?? r.sheet, box: { ...r.box } }));
    for (const sheet of this.sheets) {
      const s = map.get(sheet)!;
      s.conditionalRules = sheet.conditionalRules.map((rule) => ({
        ranges: remap(rule.ranges),
        condition: rule.condition,
      }));
      s.charts = sheet.charts.map((chart) => ({
        ...chart,
        ranges: remap(chart.ranges),
        options: { ...chart.options },
      }));
    }
    return copy;
  }
}

interface PendingCell {
  readonly sheet: SheetModel;
  readonly row: number;
  readonly col: number;
  /** The cell as other executions see it (refreshed whenever this execution's writes are shown again). */
  committed: CellData | undefined;
  /** The cell as this execution wrote it (kept while another execution's view is shown). */
  mine: CellData | undefined;
}

function copyCell(cell: CellData | undefined): CellData | undefined {
  return cell === undefined ? undefined : { ...cell };
}

function putCell(sheet: SheetModel, row: number, col: number, cell: CellData | undefined): void {
  let line = sheet.rows[row - 1];
  if (!line) {
    if (cell === undefined) return;
    line = [];
    sheet.rows[row - 1] = line;
  }
  line[col - 1] = copyCell(cell);
}

/**
 * Apps Script queues spreadsheet writes and applies them in batches: "Spreadsheet operations are
 * sometimes bundled together to improve performance … you may want to make sure that all pending
 * changes are made right away" (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#flush()).
 * An execution always reads its own writes; another execution sees them only after the writer calls
 * SpreadsheetApp.flush() or its execution ends (LockService's guide flushes before releaseLock for
 * this reason: https://developers.google.com/apps-script/reference/lock/lock#releaseLock()).
 *
 * The model holds the cells as seen by one execution at a time: when another execution makes a call,
 * the pending cells of the one shown are set back to what others see, and its own pending cells are
 * put in place. Cell contents and formats are journaled; structural changes (sheets, rows, columns)
 * apply at once.
 */
export class WriteJournal {
  /** The execution making the current call (set by the world around each outermost call). */
  static current: number | null = null;
  /** Journals holding writes some execution has not flushed. */
  static readonly withPending = new Set<WriteJournal>();
  private showing: number | null = null;
  private readonly pending = new Map<number, Map<string, PendingCell>>();

  noteWrite(sheet: SheetModel, row: number, col: number): void {
    const me = WriteJournal.current;
    if (me === null) return;
    this.show(me);
    let mine = this.pending.get(me);
    if (!mine) {
      mine = new Map();
      this.pending.set(me, mine);
      WriteJournal.withPending.add(this);
    }
    const key = `${sheet.id}:${row}:${col}`;
    if (!mine.has(key))
      mine.set(key, { sheet, row, col, committed: copyCell(sheet.cell(row, col)), mine: undefined });
  }

  /** Shows the cells as `execution` sees them (null: as everyone sees them). */
  show(execution: number | null): void {
    if (this.showing === execution) return;
    const out = this.showing === null ? undefined : this.pending.get(this.showing);
    if (out) {
      for (const p of out.values()) {
        p.mine = copyCell(p.sheet.cell(p.row, p.col));
        putCell(p.sheet, p.row, p.col, p.committed);
      }
    }
    this.showing = execution;
    const into = execution === null ? undefined : this.pending.get(execution);
    if (into) {
      for (const p of into.values()) {
        p.committed = copyCell(p.sheet.cell(p.row, p.col));
        putCell(p.sheet, p.row, p.col, p.mine);
      }
    }
  }

  /** flush() or the end of an execution: its writes become what everyone sees. */
  commit(execution: number): void {
    if (!this.pending.has(execution)) return;
    this.show(execution);
    this.pending.delete(execution);
    if (this.pending.size === 0) WriteJournal.withPending.delete(this);
  }
}
