import { Cell, CellTable, columnLetter, parseA1 } from "../../core/cell";
import { ColumnFormat } from "../../core/output-table";
import { ColumnPlan, SheetPlan } from "../../core/plan";
import { CellMark, CellUpdate, MARK_BACKGROUND, Workbook } from "../../workbook/workbook";
import { buildValidation, cellFormat, needsPlainText, NUMBER_FORMATS, toSheetValue } from "./formats";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Validation = GoogleAppsScript.Spreadsheet.DataValidation;

/** The parts of SpreadsheetApp the backend needs besides the spreadsheet itself (builders, enums). */
export type SpreadsheetAppParts = Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, "newDataValidation" | "newConditionalFormatRule" | "ProtectionType">;

/** Every protection Samspill makes carries this description, so set-up re-uses it instead of stacking. */
export const PROTECTION_DESCRIPTION = "Samspill: overskrifter (endre bare om du vet hva du gjør)";
const SAMSPILL_BACKGROUNDS = ["#f4cccc", "#d9ead3"];
const MARK = MARK_BACKGROUND.toLowerCase();
const WHITE = "#ffffff";

/** Number formats of a template's data cells (a year is shown 2025, not 2 025). */
const PLAN_FORMATS: Record<ColumnFormat, string> = { ...NUMBER_FORMATS, whole: "0", decimal: "0.0#" };

interface LastRead {
  range: Range;
  rows: number;
  columns: number;
}

/**
 * The Workbook interface over SpreadsheetApp (the `forening` add-on and the `sentral` script).
 *
 * Service calls are what Apps Script charges time for, so everything is batched: one
 * getDataRange().getValues() per read, one setValues per written block, number formats and data
 * validation as one 2D call over the template's columns, marks as one getBackgrounds/setBackgrounds
 * over the range that was read. Sheet objects and the last read range are cached for the life of
 * this object (one server call), and forgotten when the tab is written.
 */
export class AppsScriptWorkbook implements Workbook {
  private readonly sheets = new Map<string, Sheet | null>();
  private readonly lastRead = new Map<string, LastRead>();

  constructor(
    private readonly spreadsheet: Spreadsheet,
    private readonly app: SpreadsheetAppParts,
  ) {}

  sheetNames(): string[] {
    const names = this.spreadsheet.getSheets().map((sheet) => {
      const name = sheet.getName();
      this.sheets.set(name, sheet);
      return name;
    });
    return names;
  }

  /** The sheet of a tab, from cache; undefined when the tab does not exist. */
  sheet(name: string): Sheet | undefined {
    let sheet = this.sheets.get(name);
    if (sheet === undefined) {
      sheet = this.spreadsheet.getSheetByName(name);
      this.sheets.set(name, sheet);
    }
    return sheet ?? undefined;
  }

  /** Lets a caller that already holds the sheet (an onEdit event) skip the lookup. */
  remember(name: string, sheet: Sheet): void {
    this.sheets.set(name, sheet);
  }

  read(name: string): CellTable | undefined {
    const sheet = this.sheet(name);
    if (!sheet) return undefined;
    const range = sheet.getDataRange();
    const values = range.getValues() as Cell[][];
    this.lastRead.set(name, { range, rows: values.length, columns: values[0]?.length ?? 0 });
    if (values.length === 1 && values[0].every((v) => v === "")) return [];
    return values;
  }

  /**
   * Reads the header row and the rows first..last (1-based) only: what an edit re-check needs.
   * Returns the header and the rows; the range of the rows is kept for `markRows`.
   */
  readRows(name: string, first: number, last: number, width: number): { header: Cell[]; rows: Cell[][] } | undefined {
    const sheet = this.sheet(name);
    if (!sheet) return undefined;
    const header = (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []) as Cell[];
    if (last < first) return { header, rows: [] };
    const range = sheet.getRange(first, 1, last - first + 1, width);
    const rows = range.getValues() as Cell[][];
    this.lastRead.set(name, { range, rows: rows.length, columns: width });
    return { header, rows };
  }

  write(name: string, rows: Cell[][], formats: ReadonlyArray<ColumnFormat | undefined> = []): void {
    const existing = this.sheet(name);
    const sheet = existing ?? this.insert(name);
    this.lastRead.delete(name);
    if (existing) sheet.clearContents();
    const width = Math.max(0, ...rows.map((r) => r.length));
    if (rows.length === 0 || width === 0) return;
    this.ensureGrid(sheet, rows.length, width);
    const range = sheet.getRange(1, 1, rows.length, width);
    const values = rows.map((row) => Array.from({ length: width }, (_, j) => toSheetValue(row[j])));
    // Formats first: a string cell is plain text before its value lands, so it stays the string.
    range.setNumberFormats(values.map((row) => row.map((value, j) => cellFormat(value, formats[j]))));
    range.setValues(values);
  }

  append(name: string, rows: Cell[][]): number {
    const sheet = this.sheet(name) ?? this.insert(name);
    this.lastRead.delete(name);
    const first = sheet.getLastRow() + 1;
    const width = Math.max(0, ...rows.map((r) => r.length));
    if (rows.length === 0 || width === 0) return first;
    this.ensureGrid(sheet, first + rows.length - 1, width);
    const values = rows.map((row) => Array.from({ length: width }, (_, j) => toSheetValue(row[j])));
    this.formatCells(
      sheet,
      values.flatMap((row, i) => row.map((value, j) => ({ row: first + i, column: j + 1, value }))),
    );
    sheet.getRange(first, 1, rows.length, width).setValues(values);
    return first;
  }

  setCells(name: string, updates: ReadonlyArray<CellUpdate>): void {
    if (updates.length === 0) return;
    const sheet = this.sheet(name) ?? this.insert(name);
    this.lastRead.delete(name);
    const cells = updates.map(({ cell, value }) => {
      const at = parseA1(cell);
      if (!at) throw new Error(`Ugyldig cellereferanse: ${cell}`);
      return { row: at.row + 1, column: at.column + 1, value: toSheetValue(value) };
    });
    const top = Math.min(...cells.map((c) => c.row));
    const left = Math.min(...cells.map((c) => c.column));
    const bottom = Math.max(...cells.map((c) => c.row));
    const right = Math.max(...cells.map((c) => c.column));
    this.ensureGrid(sheet, bottom, right);
    this.formatCells(sheet, cells);
    const byPosition = new Map(cells.map((c) => [`${c.row}:${c.column}`, c.value]));
    if (byPosition.size === (bottom - top + 1) * (right - left + 1)) {
      // The updates fill a rectangle (a row of fields, a column run): one call.
      const block = Array.from({ length: bottom - top + 1 }, (_, i) => Array.from({ length: right - left + 1 }, (_, j) => byPosition.get(`${top + i}:${left + j}`)!));
      sheet.getRange(top, left, block.length, block[0].length).setValues(block);
    } else {
      for (const [position, value] of byPosition) {
        const [row, column] = position.split(":").map(Number);
        sheet.getRange(row, column).setValue(value);
      }
    }
  }

  applyPlan(plan: SheetPlan): void {
    const sheet = this.sheet(plan.name) ?? this.insert(plan.name);
    if (plan.layout === "form") this.applyFormPlan(sheet, plan);
    else this.applyTablePlan(sheet, plan);
    sheet.setFrozenRows(plan.frozenRows);
    this.applyWidths(sheet, plan.layout === "form" ? formWidths() : plan.columns.map((c) => ({ index: c.index, width: c.width })));
    this.applyConditionalFormats(sheet, plan);
    this.applyProtections(sheet, plan.protectedRanges);
  }

  /**
   * Marks problem cells with a background, clearing earlier marks, in one setBackgrounds over the
   * range last read: the user's own backgrounds are written back as they were, conditional
   * formatting is a separate layer and is not touched. Cells outside that range (a missing column's
   * header) are not marked; the sidebar lists them.
   */
  markCells(name: string, marks: ReadonlyArray<CellMark>): void {
    const sheet = this.sheet(name);
    if (!sheet) return;
    let last = this.lastRead.get(name);
    if (!last) {
      const range = sheet.getDataRange();
      last = { range, rows: range.getNumRows(), columns: range.getNumColumns() };
    }
    const top = last.range.getRow();
    const left = last.range.getColumn();
    this.markWithin(last, top, left, marks);
  }

  /** Marks in the rows last read with `readRows` (row numbers are the sheet's). */
  markRows(name: string, first: number, marks: ReadonlyArray<CellMark>): void {
    const last = this.lastRead.get(name);
    if (!last) return;
    this.markWithin(last, first, 1, marks);
  }

  private markWithin(last: LastRead, top: number, left: number, marks: ReadonlyArray<CellMark>): void {
    if (last.rows === 0 || last.columns === 0) return;
    const wanted = new Set<string>();
    for (const mark of marks) {
      const at = parseA1(mark.cell);
      if (!at) continue;
      const i = at.row + 1 - top;
      const j = at.column + 1 - left;
      if (i >= 0 && i < last.rows && j >= 0 && j < last.columns) wanted.add(`${i}:${j}`);
    }
    const current = last.range.getBackgrounds();
    let changed = false;
    const next = current.map((row, i) =>
      row.map((color, j) => {
        const isMark = String(color).toLowerCase() === MARK;
        const want = wanted.has(`${i}:${j}`);
        if (want !== isMark) changed = true;
        if (want) return MARK_BACKGROUND;
        // Unmarked and untouched cells keep their colour; plain white stays "no colour".
        return isMark || String(color).toLowerCase() === WHITE ? null : color;
      }),
    );
    if (changed) last.range.setBackgrounds(next);
  }

  private insert(name: string): Sheet {
    const sheet = this.spreadsheet.insertSheet(name);
    this.sheets.set(name, sheet);
    return sheet;
  }

  /** Grows the grid so rows × columns fit (getRange beyond the grid throws in Sheets). */
  private ensureGrid(sheet: Sheet, rows: number, columns: number): void {
    const maxRows = sheet.getMaxRows();
    if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
    const maxColumns = sheet.getMaxColumns();
    if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
  }

  /** Plain text for strings Sheets would reinterpret, a date format for dates: one RangeList each. */
  private formatCells(sheet: Sheet, cells: ReadonlyArray<{ row: number; column: number; value: unknown }>): void {
    const text: string[] = [];
    const dates: string[] = [];
    for (const { row, column, value } of cells) {
      const a1 = columnName(column) + row;
      if (needsPlainText(value as Cell)) text.push(a1);
      else if (value instanceof Date) dates.push(a1);
    }
    if (text.length) sheet.getRangeList(text).setNumberFormat("@");
    if (dates.length) sheet.getRangeList(dates).setNumberFormat(NUMBER_FORMATS.date);
  }

  private applyTablePlan(sheet: Sheet, plan: SheetPlan): void {
    const width = plan.header.length;
    this.ensureGrid(sheet, plan.dataRows + 1, width);
    const header = sheet.getRange(1, 1, 1, width);
    const notes = header.getNotes()[0] ?? [];
    const byIndex = new Map(plan.columns.map((c) => [c.index, c]));
    header.setValues([plan.header.map(toSheetValue)]);
    header.setNotes([plan.header.map((_, j) => byIndex.get(j)?.note ?? notes[j] ?? "")]);
    header.setFontWeight("bold");
    // Template columns are usually side by side; user columns in between keep their own rules.
    for (const run of runs(plan.columns)) {
      const range = sheet.getRange(2, run[0].index + 1, plan.dataRows, run.length);
      const formats = run.map((c) => PLAN_FORMATS[c.format]);
      const rules = run.map((c) => this.validation(c));
      range.setNumberFormats(Array.from({ length: plan.dataRows }, () => formats));
      range.setDataValidations(Array.from({ length: plan.dataRows }, () => rules));
    }
  }

  private applyFormPlan(sheet: Sheet, plan: SheetPlan): void {
    const rows = Math.max(...plan.columns.map((c) => (c.row ?? 0) + 1));
    this.ensureGrid(sheet, rows, 3);
    const header = sheet.getRange(1, 1, 1, 3);
    header.setFontWeight("bold");
    // Field labels (column A) carry the help as notes; values (column B) the format and validation.
    const byRow = new Map(plan.columns.map((c) => [c.row ?? 0, c]));
    const block = sheet.getRange(1, 1, rows, 2);
    const current = block.getNotes();
    block.setNotes(current.map((row, r) => [byRow.get(r)?.note ?? row[0] ?? "", row[1] ?? ""]));
    const values = sheet.getRange(2, 2, rows - 1, 1);
    values.setNumberFormats(Array.from({ length: rows - 1 }, (_, i) => [formFormat(byRow.get(i + 1))]));
    values.setDataValidations(Array.from({ length: rows - 1 }, (_, i) => [byRow.has(i + 1) ? this.validation(byRow.get(i + 1)!) : null]));
  }

  private validation(column: ColumnPlan): Validation | null {
    if (!column.validation) return null;
    return buildValidation(() => this.app.newDataValidation(), column.validation, column.note);
  }

  private applyWidths(sheet: Sheet, columns: ReadonlyArray<{ index: number; width: number }>): void {
    const sorted = [...columns].sort((a, b) => a.index - b.index);
    for (let i = 0; i < sorted.length; ) {
      let j = i + 1;
      while (j < sorted.length && sorted[j].index === sorted[j - 1].index + 1 && sorted[j].width === sorted[i].width) j++;
      sheet.setColumnWidths(sorted[i].index + 1, j - i, sorted[i].width);
      i = j;
    }
  }

  /** Replaces Samspill's earlier rules (custom formula painting our colours); keeps the user's. */
  private applyConditionalFormats(sheet: Sheet, plan: SheetPlan): void {
    const existing = sheet.getConditionalFormatRules();
    const kept = existing.filter((rule) => !isSamspillRule(rule));
    if (plan.conditional.length === 0 && kept.length === existing.length) return;
    const ranges = new Map<string, Range>();
    const ours = plan.conditional.map((c) => {
      let range = ranges.get(c.range);
      if (!range) ranges.set(c.range, (range = sheet.getRange(c.range)));
      return this.app.newConditionalFormatRule().whenFormulaSatisfied(`=${c.formula}`).setBackground(c.background).setRanges([range]).build();
    });
    sheet.setConditionalFormatRules([...kept, ...ours]);
  }

  /** Warning-only protection of each planned range, re-using Samspill's earlier protections. */
  private applyProtections(sheet: Sheet, ranges: ReadonlyArray<string>): void {
    const ours = sheet.getProtections(this.app.ProtectionType.RANGE).filter((p) => p.getDescription() === PROTECTION_DESCRIPTION);
    ranges.forEach((a1, i) => {
      const range = sheet.getRange(a1);
      const protection = ours[i] ? ours[i].setRange(range) : range.protect().setDescription(PROTECTION_DESCRIPTION);
      protection.setWarningOnly(true);
    });
    for (const extra of ours.slice(ranges.length)) extra.remove();
  }
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

function formFormat(column: ColumnPlan | undefined): string {
  return column ? PLAN_FORMATS[column.format] : "General";
}

/** Field label, value and help columns of a form tab. */
function formWidths(): Array<{ index: number; width: number }> {
  return [
    { index: 0, width: 240 },
    { index: 1, width: 220 },
    { index: 2, width: 420 },
  ];
}

/** 1-based column number → letters. */
function columnName(column: number): string {
  return columnLetter(column - 1);
}
