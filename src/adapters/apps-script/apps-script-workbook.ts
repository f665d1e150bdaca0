import { Cell, CellTable, columnLetter, parseA1 } from "../../core/cell";
import { dateAtNoonUtc, TIME_ZONE } from "../../core/dates";
import { ColumnFormat, OutputLayout } from "../../core/output-table";
import { ColumnPlan, HEADER_BACKGROUND, SheetPlan } from "../../core/plan";
import { CellMark, CellUpdate, MARK_BACKGROUND, Workbook } from "../../workbook/workbook";
import { buildValidation, cellFormat, needsPlainText, NUMBER_FORMATS, toSheetValue } from "./formats";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Validation = GoogleAppsScript.Spreadsheet.DataValidation;

/** The parts of SpreadsheetApp the backend needs besides the spreadsheet itself (builders, enums). */
export type SpreadsheetAppParts = Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, "newDataValidation" | "newConditionalFormatRule" | "ProtectionType">;

/** Utilities.formatDate: the calendar day of a Date in a spreadsheet that is not in Oslo time. */
export type FormatDate = Pick<GoogleAppsScript.Utilities.Utilities, "formatDate">;

/**
 * The description earlier versions gave their protections. Samspill no longer sets a description
 * (a call per protection): its protections are recognised by what they are (see `applyProtections`
 * and `applyFormProtection`); this one is still recognised so older spreadsheets are repaired in place.
 */
export const PROTECTION_DESCRIPTION = "Samspill: overskrifter (endre bare om du vet hva du gjør)";
const SAMSPILL_BACKGROUNDS = ["#f4cccc", "#d9ead3"];
const MARK = MARK_BACKGROUND.toLowerCase();
const WHITE = "#ffffff";

/** Number formats of a template's data cells (a year is shown 2025, not 2 025). */
export const PLAN_FORMATS: Record<ColumnFormat, string> = { ...NUMBER_FORMATS, whole: "0", decimal: "0.0#" };

/** Width (px) of every template column of a table in Sheets: the widest header fits. */
const SHEETS_TABLE_WIDTH = 180;

/** Google's size of a sheet made with insertSheet(). */
const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLUMNS = 26;
const DEFAULT_COLUMN_WIDTH = 100;

interface LastRead {
  range: Range;
  /** 1-based sheet row and column of the range's top-left cell. */
  top: number;
  left: number;
  rows: number;
  columns: number;
}

/** What this object knows about one tab during one server call. */
interface Tab {
  sheet: Sheet;
  /** Made by this object: empty, of Google's default size, with no notes, rules or protections yet. */
  created: boolean;
  /** Grid size, once known. */
  maxRows?: number;
  maxColumns?: number;
  /** Range objects by position, so one range serves several calls. */
  ranges: Map<string, Range>;
  lastRead?: LastRead;
  /** A tab created by this object holds exactly what it wrote (strings are kept as text). */
  written?: Cell[][];
}

/**
 * The Workbook interface over SpreadsheetApp (the `forening` add-on and the `sentral` script).
 *
 * Service calls are what Apps Script charges time for, so everything is batched: one
 * getDataRange().getValues() per read, one setValues per written block, number formats and data
 * validation as one 2D call over the template's columns, marks as one getBackgrounds/setBackgrounds
 * over the range that was read. What the object learns (sheets, grid sizes, ranges, that a tab was
 * just created and so holds no notes, rules or protections) is kept for its life: one server call.
 */
export class AppsScriptWorkbook implements Workbook {
  private readonly tabs = new Map<string, Tab | null>();
  /** After `sheetNames`, every tab is known: a name not listed is missing, without asking again. */
  private listed = false;

  /** The spreadsheet's time zone, asked once and only when a read meets a Date. */
  private timeZone?: string;

  /** `known`: sheets the caller already holds (an onEdit event's), so their lookup is skipped. */
  constructor(
    private readonly spreadsheet: Spreadsheet,
    private readonly app: SpreadsheetAppParts,
    private readonly utilities?: FormatDate,
    known: ReadonlyArray<Sheet> = [],
  ) {
    for (const sheet of known) this.remember(sheet.getName(), sheet);
  }

  /**
   * getValues returns a date cell as midnight in the *spreadsheet's* time zone. In a spreadsheet in
   * Oslo time (Sett opp rapportmal sets it) that instant is the right Oslo day already. In any other
   * zone each Date is read as Sheets shows it there (Utilities.formatDate, once per distinct value):
   * midnight is a calendar date and becomes that day at 12:00 UTC, any other time stays the instant.
   */
  private calendarDates(values: Cell[][]): Cell[][] {
    if (!this.utilities || !values.some((row) => row.some((v) => v instanceof Date))) return values;
    const zone = (this.timeZone ??= this.spreadsheet.getSpreadsheetTimeZone());
    if (zone === TIME_ZONE) return values;
    const seen = new Map<number, Cell>();
    const utilities = this.utilities;
    return values.map((row) =>
      row.map((v) => {
        if (!(v instanceof Date) || Number.isNaN(v.getTime())) return v;
        let day = seen.get(v.getTime());
        if (day === undefined) {
          const shown = utilities.formatDate(v, zone, "yyyy-MM-dd HH:mm:ss");
          day = shown.endsWith(" 00:00:00") ? dateAtNoonUtc(shown.slice(0, 10)) : v;
          seen.set(v.getTime(), day);
        }
        return day instanceof Date ? new Date(day.getTime()) : day;
      }),
    );
  }

  /**
   * One getSheets() and one getName() per sheet. Afterwards this object knows every tab, so a
   * caller about to touch several tabs (set-up) calls this first instead of one lookup per tab.
   */
  sheetNames(): string[] {
    const names = this.spreadsheet.getSheets().map((sheet) => {
      const name = sheet.getName();
      if (!this.tabs.get(name)) this.tabs.set(name, { sheet, created: false, ranges: new Map() });
      return name;
    });
    this.listed = true;
    return names;
  }

  /**
   * Creates the tabs among `names` that are missing, for a caller about to set all of them up. On a
   * new spreadsheet creating a tab is also its lookup: insertSheet is tried first, and only when it
   * refuses (the name is taken) are the tabs listed, once, with `sheetNames`. A tab created here is
   * known to be empty, so reading it costs nothing.
   */
  createMissing(names: ReadonlyArray<string>): void {
    for (const name of names) {
      if (this.tabs.get(name) || (this.listed && this.tab(name))) continue;
      if (this.listed || this.tabs.has(name)) {
        this.insert(name).written = [];
        continue;
      }
      try {
        this.insert(name).written = [];
      } catch (error) {
        this.sheetNames();
        if (!this.tabs.get(name)) throw error;
      }
    }
  }

  /** The sheet of a tab; undefined when the tab does not exist. */
  sheet(name: string): Sheet | undefined {
    return this.tab(name)?.sheet;
  }

  /** Lets a caller that already holds the sheet (an onEdit event) skip the lookup. */
  private remember(name: string, sheet: Sheet): void {
    this.tabs.set(name, { sheet, created: false, ranges: new Map() });
  }

  read(name: string): CellTable | undefined {
    const tab = this.tab(name);
    if (!tab) return undefined;
    if (tab.written) return tab.written.map((row) => row.map((v) => (v instanceof Date ? new Date(v.getTime()) : v)));
    const range = tab.sheet.getDataRange();
    const values = range.getValues() as Cell[][];
    // The data range always starts at A1.
    tab.lastRead = { range, top: 1, left: 1, rows: values.length, columns: values[0]?.length ?? 0 };
    if (values.length === 1 && values[0].every((v) => v === "")) return [];
    return this.calendarDates(values);
  }

  /**
   * Reads rows first..last (1-based) of columns 1..width, and the header row: what an edit re-check
   * needs. The rows' range is kept for `markCells`, which then touches only those rows.
   */
  readRows(name: string, first: number, last: number, width: number): { header: Cell[]; rows: Cell[][] } | undefined {
    const tab = this.tab(name);
    if (!tab) return undefined;
    const header = (this.range(tab, 1, 1, 1, width).getValues()[0] ?? []) as Cell[];
    if (last < first) return { header, rows: [] };
    const range = this.range(tab, first, 1, last - first + 1, width);
    const rows = this.calendarDates(range.getValues() as Cell[][]);
    tab.lastRead = { range, top: first, left: 1, rows: rows.length, columns: width };
    return { header, rows };
  }

  write(name: string, rows: Cell[][], formats: ReadonlyArray<ColumnFormat | undefined> = [], layout?: OutputLayout): void {
    const tab = this.tab(name) ?? this.insert(name);
    this.forget(tab);
    if (!tab.created) tab.sheet.clearContents();
    const width = Math.max(0, ...rows.map((r) => r.length));
    if (rows.length === 0 || width === 0) return;
    this.ensureGrid(tab, rows.length, width);
    const range = this.range(tab, 1, 1, rows.length, width);
    const values = rows.map((row) => Array.from({ length: width }, (_, j) => toSheetValue(row[j])));
    // Formats first: a string cell is plain text before its value lands, so it stays that string.
    // Without column formats, only cells Sheets would reinterpret (and dates) need one.
    if (formats.length > 0 || !tab.created || values.some((row) => row.some((v) => needsPlainText(v) || v instanceof Date))) {
      range.setNumberFormats(values.map((row, i) => row.map((value, j) => cellFormat(value, layout?.cellFormats[i]?.[j] ?? formats[j]))));
    }
    range.setValues(values);
    if (layout) this.applyLayout(tab, rows.length, width, layout);
    if (tab.created) {
      tab.written = values.map((row) => row.map((v) => (v instanceof Date ? new Date(v.getTime()) : v)));
      tab.lastRead = { range, top: 1, left: 1, rows: values.length, columns: width };
    }
  }

  append(name: string, rows: Cell[][]): number {
    const tab = this.tab(name) ?? this.insert(name);
    this.forget(tab);
    const first = tab.sheet.getLastRow() + 1;
    const width = Math.max(0, ...rows.map((r) => r.length));
    if (rows.length === 0 || width === 0) return first;
    this.ensureGrid(tab, first + rows.length - 1, width);
    const values = rows.map((row) => Array.from({ length: width }, (_, j) => toSheetValue(row[j])));
    this.formatCells(tab.sheet, values.flatMap((row, i) => row.map((value, j) => ({ row: first + i, column: j + 1, value }))));
    this.range(tab, first, 1, rows.length, width).setValues(values);
    return first;
  }

  setCells(name: string, updates: ReadonlyArray<CellUpdate>): void {
    if (updates.length === 0) return;
    const tab = this.tab(name) ?? this.insert(name);
    this.forget(tab);
    const cells = updates.map(({ cell, value }) => {
      const at = parseA1(cell);
      if (!at) throw new Error(`Ugyldig cellereferanse: ${cell}`);
      return { row: at.row + 1, column: at.column + 1, value: toSheetValue(value) };
    });
    const top = Math.min(...cells.map((c) => c.row));
    const left = Math.min(...cells.map((c) => c.column));
    const bottom = Math.max(...cells.map((c) => c.row));
    const right = Math.max(...cells.map((c) => c.column));
    this.ensureGrid(tab, bottom, right);
    this.formatCells(tab.sheet, cells);
    const byPosition = new Map(cells.map((c) => [`${c.row}:${c.column}`, c.value]));
    if (byPosition.size === (bottom - top + 1) * (right - left + 1)) {
      // The updates fill a rectangle (a row of fields, a run down a column): one call.
      const block = Array.from({ length: bottom - top + 1 }, (_, i) => Array.from({ length: right - left + 1 }, (_, j) => byPosition.get(`${top + i}:${left + j}`)!));
      this.range(tab, top, left, block.length, block[0].length).setValues(block);
    } else {
      for (const [position, value] of byPosition) {
        const [row, column] = position.split(":").map(Number);
        this.range(tab, row, column, 1, 1).setValue(value);
      }
    }
  }

  applyPlan(plan: SheetPlan): void {
    const tab = this.tab(plan.name) ?? this.insert(plan.name);
    if (plan.layout === "form") this.applyFormPlan(tab, plan);
    else {
      this.applyTablePlan(tab, plan);
      this.applyProtections(tab, plan.protectedRanges);
    }
    tab.sheet.setFrozenRows(plan.frozenRows);
    this.applyConditionalFormats(tab, plan);
  }

  /**
   * Marks problem cells with a background and clears earlier marks, with one setBackgrounds over
   * the range last read (the whole tab after `read`, the edited rows after `readRows`): the user's
   * own backgrounds are written back as they were, and conditional formatting is a separate layer
   * that is not touched. Cells outside that range (a missing column's header) are not marked; the
   * sidebar lists them.
   *
   * `keep` lists cells whose mark this call cannot judge (an edit re-check that did not read the
   * report year leaves the Dato cells as they are): they keep their current background.
   */
  markCells(name: string, marks: ReadonlyArray<CellMark>, keep: ReadonlyArray<string> = []): void {
    const tab = this.tab(name);
    if (!tab) return;
    if (!tab.lastRead) {
      const range = tab.sheet.getDataRange();
      tab.lastRead = { range, top: 1, left: 1, rows: range.getNumRows(), columns: range.getNumColumns() };
    }
    const { range, top, left, rows, columns } = tab.lastRead;
    if (rows === 0 || columns === 0) return;
    const inRange = (cell: string): string | undefined => {
      const at = parseA1(cell);
      if (!at) return undefined;
      const i = at.row + 1 - top;
      const j = at.column + 1 - left;
      return i >= 0 && i < rows && j >= 0 && j < columns ? `${i}:${j}` : undefined;
    };
    const wanted = new Set(marks.map((mark) => inRange(mark.cell)));
    const kept = new Set(keep.map(inRange));
    const current = range.getBackgrounds();
    let changed = false;
    const next = current.map((row, i) =>
      row.map((color, j) => {
        const lower = String(color).toLowerCase();
        const want = kept.has(`${i}:${j}`) ? lower === MARK : wanted.has(`${i}:${j}`);
        if (want !== (lower === MARK)) changed = true;
        if (want) return MARK_BACKGROUND;
        // Unmarked cells keep their colour; plain white stays "no colour".
        return lower === MARK || lower === WHITE ? null : color;
      }),
    );
    if (changed) range.setBackgrounds(next);
  }

  private tab(name: string): Tab | undefined {
    let tab = this.tabs.get(name);
    if (tab === undefined) {
      const sheet = this.listed ? null : this.spreadsheet.getSheetByName(name);
      tab = sheet ? { sheet, created: false, ranges: new Map() } : null;
      this.tabs.set(name, tab);
    }
    return tab ?? undefined;
  }

  /** After a change, the next read asks the sheet again. */
  private forget(tab: Tab): void {
    tab.lastRead = undefined;
    tab.written = undefined;
  }

  private insert(name: string): Tab {
    const tab: Tab = { sheet: this.spreadsheet.insertSheet(name), created: true, maxRows: NEW_SHEET_ROWS, maxColumns: NEW_SHEET_COLUMNS, ranges: new Map() };
    this.tabs.set(name, tab);
    return tab;
  }

  /** One Range object per position and tab (getRange is a service call too). */
  private range(tab: Tab, row: number, column: number, rows: number, columns: number): Range {
    const key = `${row},${column},${rows},${columns}`;
    let range = tab.ranges.get(key);
    if (!range) tab.ranges.set(key, (range = tab.sheet.getRange(row, column, rows, columns)));
    return range;
  }

  /** A range by A1 notation ("A2:H1001"), shared with `range` for the same cells. */
  private rangeA1(tab: Tab, a1: string): Range {
    const [from, to = from] = a1.split(":");
    const start = parseA1(from);
    const end = parseA1(to);
    if (!start || !end) return tab.sheet.getRange(a1);
    return this.range(tab, start.row + 1, start.column + 1, end.row - start.row + 1, end.column - start.column + 1);
  }

  /** Grows the grid so rows × columns fit (getRange beyond the grid throws in Sheets). */
  private ensureGrid(tab: Tab, rows: number, columns: number): void {
    tab.maxRows ??= tab.sheet.getMaxRows();
    if (rows > tab.maxRows) {
      tab.sheet.insertRowsAfter(tab.maxRows, rows - tab.maxRows);
      tab.maxRows = rows;
    }
    tab.maxColumns ??= tab.sheet.getMaxColumns();
    if (columns > tab.maxColumns) {
      tab.sheet.insertColumnsAfter(tab.maxColumns, columns - tab.maxColumns);
      tab.maxColumns = columns;
    }
  }

  /** Plain text for strings Sheets would reinterpret, a date format for dates: one RangeList each. */
  private formatCells(sheet: Sheet, cells: ReadonlyArray<{ row: number; column: number; value: unknown }>): void {
    const text: string[] = [];
    const dates: string[] = [];
    for (const { row, column, value } of cells) {
      const a1 = columnLetter(column - 1) + row;
      if (needsPlainText(value as Cell)) text.push(a1);
      else if (value instanceof Date) dates.push(a1);
    }
    if (text.length) sheet.getRangeList(text).setNumberFormat("@");
    if (dates.length) sheet.getRangeList(dates).setNumberFormat(NUMBER_FORMATS.date);
  }

  /**
   * Rows of the plan that fit the grid: a new sheet has 1000 rows, the plan asks for 1 + 1000. Rows
   * a user adds later take the formats and rules of the row above, so the grid is not grown for it.
   */
  private dataRows(tab: Tab, plan: SheetPlan): number {
    tab.maxRows ??= tab.sheet.getMaxRows();
    return Math.max(1, Math.min(plan.dataRows, tab.maxRows - 1));
  }

  private applyTablePlan(tab: Tab, plan: SheetPlan): void {
    const width = plan.header.length;
    this.ensureGrid(tab, 2, width);
    const dataRows = this.dataRows(tab, plan);
    // Header values are the caller's (set-up writes them); the plan adds notes, bold and rules.
    const header = this.range(tab, 1, 1, 1, width);
    const byIndex = new Map(plan.columns.map((c) => [c.index, c]));
    const notes = tab.created ? [] : (header.getNotes()[0] ?? []);
    header.setNotes([plan.header.map((_, j) => byIndex.get(j)?.note ?? notes[j] ?? "")]);
    header.setFontWeight("bold");
    // Template columns are usually side by side; user columns in between keep their own rules.
    const rules = new Map<string, Validation>();
    for (const run of runs(plan.columns)) {
      const range = this.range(tab, 2, run[0].index + 1, dataRows, run.length);
      const formats = run.map((c) => PLAN_FORMATS[c.format]);
      const validations = run.map((c) => this.validation(c, rules));
      range.setNumberFormats(Array.from({ length: dataRows }, () => formats));
      range.setDataValidations(Array.from({ length: dataRows }, () => validations));
    }
    // One width for every template column of a table: it fits every header, in one setColumnWidths
    // call per tab (each run of a distinct width is a call, and set-up must stay within 60 calls).
    // Long texts (Tittel, Kommentar) wrap in the cell editor; the .xlsx has the planned widths.
    this.applyWidths(tab, plan.columns.map((c) => ({ index: c.index, width: SHEETS_TABLE_WIDTH })));
  }

  /**
   * A form: bold header row, the value cells (column B) formatted and validated, and the whole tab
   * protected warning-only except those value cells. The help is the text in column C (a fresh form
   * is written with it; set-up adds it with every missing field row), so the labels carry no notes.
   */
  private applyFormPlan(tab: Tab, plan: SheetPlan): void {
    const rows = Math.max(...plan.columns.map((c) => (c.row ?? 0) + 1));
    this.ensureGrid(tab, rows, FORM_WIDTHS.length);
    this.boldHeader(tab, rows, FORM_WIDTHS.length);
    const byRow = new Map(plan.columns.map((c) => [c.row ?? 0, c]));
    const values = this.range(tab, 2, 2, rows - 1, 1);
    const rules = new Map<string, Validation>();
    values.setNumberFormats(Array.from({ length: rows - 1 }, (_, i) => [formFormat(byRow.get(i + 1))]));
    values.setDataValidations(Array.from({ length: rows - 1 }, (_, i) => [byRow.has(i + 1) ? this.validation(byRow.get(i + 1)!, rules) : null]));
    this.applyWidths(tab, FORM_WIDTHS);
    this.applyFormProtection(tab, values);
  }

  /**
   * Bold first row of a form. A form this object just wrote is all normal weight, so the range of
   * that write (kept) takes the weights as one 2D call; otherwise the header row is made bold.
   */
  private boldHeader(tab: Tab, rows: number, columns: number): void {
    const written = tab.ranges.get(`1,1,${rows},${columns}`);
    if (tab.created && written && tab.written?.length === rows) {
      written.setFontWeights(Array.from({ length: rows }, (_, i) => Array.from({ length: columns }, () => (i === 0 ? ("bold" as const) : null))));
    } else {
      this.range(tab, 1, 1, 1, columns).setFontWeight("bold");
    }
  }

  /**
   * One warning-only sheet protection whose only unprotected cells are the values: it covers the
   * header row and the field column (the plan's protected ranges) and the help column. On repair the
   * tab's warning-only sheet protection is taken as Samspill's and re-used (a sheet has at most one);
   * an owner's stricter sheet protection is left as it is. Range protections of earlier versions
   * (with PROTECTION_DESCRIPTION) are removed.
   */
  private applyFormProtection(tab: Tab, values: Range): void {
    if (!tab.created) {
      for (const old of tab.sheet.getProtections(this.app.ProtectionType.RANGE)) if (old.getDescription() === PROTECTION_DESCRIPTION) old.remove();
      const [existing] = tab.sheet.getProtections(this.app.ProtectionType.SHEET);
      if (existing && !existing.isWarningOnly()) return;
      if (existing) {
        existing.setUnprotectedRanges([values]);
        return;
      }
    }
    const protection = tab.sheet.protect();
    protection.setWarningOnly(true);
    protection.setUnprotectedRanges([values]);
  }

  /** One rule object per distinct rule (same kind, limits and help) in a plan. */
  private validation(column: ColumnPlan, built: Map<string, Validation>): Validation | null {
    if (!column.validation) return null;
    const key = JSON.stringify([column.validation, column.note]);
    let rule = built.get(key);
    if (!rule) built.set(key, (rule = buildValidation(() => this.app.newDataValidation(), column.validation, column.note)));
    return rule;
  }

  /** Column widths with as few setColumnWidths calls as `widthStrokes` finds. */
  private applyWidths(tab: Tab, columns: ReadonlyArray<{ index: number; width: number }>): void {
    // Columns planned at Google's default width are left as they are (new sheets have it already).
    for (const stroke of widthStrokes(columns.filter((c) => c.width !== DEFAULT_COLUMN_WIDTH))) {
      tab.sheet.setColumnWidths(stroke.index + 1, stroke.count, stroke.width);
    }
  }

  /**
   * An output tab's layout on screen: frozen header, widths, heading rows bold on a shade, wrapping
   * columns — a constant number of calls per tab. SpreadsheetApp has no print set-up (paper,
   * orientation and fit to width are chosen in File → Print), and Sheets' default font is Arial
   * already. A filter is not set: Range.createFilter fails on a tab that has one, and asking first
   * costs a call per tab on every rollup.
   */
  private applyLayout(tab: Tab, rows: number, width: number, layout: OutputLayout): void {
    this.applyWidths(tab, layout.widths.map((characters, index) => ({ index, width: Math.round(characters * 7 + 8) })));
    // A free layout (the instructions written by set-up) gets its widths only: set-up's budget.
    if (layout.frozenRows === 0) return;
    tab.sheet.setFrozenRows(layout.frozenRows);
    const headings = layout.headingRows.filter((r) => r < rows).map((r) => `A${r + 1}:${columnLetter(width - 1)}${r + 1}`);
    if (headings.length) {
      const list = tab.sheet.getRangeList(headings);
      list.setFontWeight("bold");
      list.setBackground(HEADER_BACKGROUND);
    }
    const wrapping = layout.wrap.flatMap((wrap, c) => (wrap ? [`${columnLetter(c)}1:${columnLetter(c)}${rows}`] : []));
    if (wrapping.length) tab.sheet.getRangeList(wrapping).setWrap(true);
  }

  /** Replaces Samspill's earlier rules (custom formula painting our colours); keeps the user's. */
  private applyConditionalFormats(tab: Tab, plan: SheetPlan): void {
    const existing = tab.created ? [] : tab.sheet.getConditionalFormatRules();
    const kept = existing.filter((rule) => !isSamspillRule(rule));
    if (plan.conditional.length === 0 && kept.length === existing.length) return;
    const lastRow = this.dataRows(tab, plan) + 1;
    const ours = plan.conditional.map((c) =>
      this.app
        .newConditionalFormatRule()
        .whenFormulaSatisfied(`=${c.formula}`)
        .setBackground(c.background)
        .setRanges([this.rangeA1(tab, c.range.replace(/\d+$/, (end) => String(Math.min(Number(end), lastRow))))])
        .build(),
    );
    tab.sheet.setConditionalFormatRules([...kept, ...ours]);
  }

  /**
   * Warning-only protection of each planned range (a table's header row). Samspill's earlier
   * protections are re-used instead of stacked: a warning-only range protection of part of row 1
   * only (or one with the description of earlier versions). Further such protections are redundant
   * with the header's and are removed.
   */
  private applyProtections(tab: Tab, ranges: ReadonlyArray<string>): void {
    const ours = tab.created ? [] : tab.sheet.getProtections(this.app.ProtectionType.RANGE).filter(isHeaderProtection);
    ranges.forEach((a1, i) => {
      const range = this.rangeA1(tab, a1);
      (ours[i] ? ours[i].setRange(range) : range.protect()).setWarningOnly(true);
    });
    for (const extra of ours.slice(ranges.length)) extra.remove();
  }
}

function isHeaderProtection(protection: GoogleAppsScript.Spreadsheet.Protection): boolean {
  if (protection.getDescription() === PROTECTION_DESCRIPTION) return true;
  if (!protection.isWarningOnly()) return false;
  const range = protection.getRange();
  return range.getRow() === 1 && range.getNumRows() === 1;
}

function isSamspillRule(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): boolean {
  const condition = rule.getBooleanCondition();
  if (!condition) return false;
  const background = String(condition.getBackground() ?? "").toLowerCase();
  return SAMSPILL_BACKGROUNDS.includes(background) && String(condition.getCriteriaType()) === "CUSTOM_FORMULA";
}

/** Consecutive template columns (by sheet position) as runs, each written with one range. */
function runs(columns: ReadonlyArray<ColumnPlan>): ColumnPlan[][] {
  const sorted = [...columns].sort((a, b) => a.index - b.index);
  const result: ColumnPlan[][] = [];
  for (const column of sorted) {
    const run = result[result.length - 1];
    if (run && run[run.length - 1].index === column.index - 1) run.push(column);
    else result.push([column]);
  }
  return result;
}

/**
 * setColumnWidths calls for the planned widths. Within a block of neighbouring columns the most
 * common width is set over the whole block first when that saves calls, then the other runs on top
 * (160, 260, 260, 160, 160: two calls instead of three).
 */
export function widthStrokes(columns: ReadonlyArray<{ index: number; width: number }>): Array<{ index: number; count: number; width: number }> {
  const sorted = [...columns].sort((a, b) => a.index - b.index);
  const strokes: Array<{ index: number; count: number; width: number }> = [];
  for (let start = 0; start < sorted.length; ) {
    let end = start + 1;
    while (end < sorted.length && sorted[end].index === sorted[end - 1].index + 1) end++;
    const block = sorted.slice(start, end);
    const runsOf = (skip?: number) => {
      const result: Array<{ index: number; count: number; width: number }> = [];
      for (const c of block) {
        const last = result[result.length - 1];
        if (c.width === skip) continue;
        if (last && last.width === c.width && last.index + last.count === c.index) last.count++;
        else result.push({ index: c.index, count: 1, width: c.width });
      }
      return result;
    };
    const counts = new Map<number, number>();
    for (const c of block) counts.set(c.width, (counts.get(c.width) ?? 0) + 1);
    const base = [...counts].sort((a, b) => b[1] - a[1])[0][0];
    const plain = runsOf();
    const layered = [{ index: block[0].index, count: block.length, width: base }, ...runsOf(base)];
    strokes.push(...(layered.length < plain.length ? layered : plain));
    start = end;
  }
  return strokes;
}

function formFormat(column: ColumnPlan | undefined): string {
  return column ? PLAN_FORMATS[column.format] : "General";
}

/** Field label, value and help columns of a form tab (label and value alike: one call for both). */
const FORM_WIDTHS = [
  { index: 0, width: 240 },
  { index: 1, width: 240 },
  { index: 2, width: 420 },
];
