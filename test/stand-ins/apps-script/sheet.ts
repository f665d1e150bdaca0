import { parseA1, resolveBox } from "./a1";
import { EmbeddedChart, EmbeddedChartBuilder } from "./chart";
import { ConditionalFormatRule } from "./conditional";
import { StandIn, View } from "./counting";
import { ProtectionTypeName } from "./enums";
import { gasError, MESSAGES } from "./errors";
import {
  CellData,
  ChartModel,
  ConditionalRuleModel,
  DEFAULT_COLUMN_WIDTH,
  SheetModel,
} from "./model";
import { newProtection, Protection } from "./protection";
import { checkBox, ClearOptions, Range, RangeList } from "./range";
import { writeInput } from "./values";

/** Resolves "B2", "A1:C", "Tab!A:A" against a sheet (the named sheet when a name is given). */
export function rangeFromA1(view: View, sheet: SheetModel, a1: string): Range {
  const parsed = parseA1(String(a1));
  if (!parsed) throw gasError(MESSAGES.rangeNotFound);
  let target = sheet;
  if (parsed.sheetName !== undefined) {
    const named = sheet.spreadsheet.sheetByName(parsed.sheetName);
    if (!named) throw gasError(MESSAGES.rangeNotFound);
    target = named;
  }
  const box = resolveBox(parsed, target.maxRows, target.maxCols);
  if (!box) throw gasError(MESSAGES.rangeNotFound);
  return new Range(view, target, box);
}

function rowsOutOfBounds(): Error {
  return gasError("Those rows are out of bounds.");
}
function columnsOutOfBounds(): Error {
  return gasError("Those columns are out of bounds.");
}

/** A subset of GoogleAppsScript.Spreadsheet.Sheet. */
export class Sheet extends StandIn {
  readonly kind = "Sheet";
  constructor(
    view: View,
    readonly _model: SheetModel,
  ) {
    super(view);
  }

  private get m(): SheetModel {
    return this._model;
  }

  getName(): string {
    return this.m.name;
  }
  setName(name: string): this {
    if (this.m.spreadsheet.sheets.some((s) => s !== this.m && s.name.toLowerCase() === name.toLowerCase())) {
      throw gasError(MESSAGES.sheetExists(name));
    }
    this.m.name = name;
    return this;
  }
  getIndex(): number {
    return this.m.spreadsheet.sheets.indexOf(this.m) + 1;
  }
  activate(): this {
    this.m.spreadsheet.active.set(this.view.userEmail, { sheet: this.m });
    return this;
  }

  // ----- ranges -----
  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): Range {
    if (typeof rowOrA1 === "string") return rangeFromA1(this.view, this.m, rowOrA1);
    if (column === undefined) throw gasError(MESSAGES.signature("SpreadsheetApp.Sheet.getRange"));
    return new Range(this.view, this.m, checkBox(this.m, rowOrA1, column, numRows ?? 1, numColumns ?? 1));
  }
  getRangeList(a1Notations: string[]): RangeList {
    return new RangeList(
      this.view,
      a1Notations.map((a1) => rangeFromA1(this.view, this.m, a1)),
    );
  }
  getDataRange(): Range {
    return new Range(this.view, this.m, {
      row: 1,
      col: 1,
      numRows: Math.max(1, this.m.lastRow()),
      numCols: Math.max(1, this.m.lastColumn()),
    });
  }
  getLastRow(): number {
    return this.m.lastRow();
  }
  getLastColumn(): number {
    return this.m.lastColumn();
  }
  getMaxRows(): number {
    return this.m.maxRows;
  }
  getMaxColumns(): number {
    return this.m.maxCols;
  }

  // ----- rows and columns -----
  insertRows(rowIndex: number, numRows = 1): void {
    if (rowIndex < 1 || rowIndex > this.m.maxRows) throw rowsOutOfBounds();
    this.m.insertRows(rowIndex, numRows, rowIndex);
  }
  /** New rows take the formatting (number formats, colours, validation) of the row above. */
  insertRowsAfter(afterPosition: number, howMany: number): this {
    if (afterPosition < 1 || afterPosition > this.m.maxRows) throw rowsOutOfBounds();
    this.m.insertRows(afterPosition + 1, howMany, afterPosition);
    return this;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this.m.maxRows) throw rowsOutOfBounds();
    const frozenDeleted = Math.max(
      0,
      Math.min(this.m.frozenRows, rowPosition + howMany - 1) - rowPosition + 1,
    );
    if (this.m.maxRows - howMany - (this.m.frozenRows - frozenDeleted) < 1)
      throw gasError(MESSAGES.deleteAllRows);
    this.m.deleteRows(rowPosition, howMany);
  }
  insertColumns(columnIndex: number, numColumns = 1): void {
    if (columnIndex < 1 || columnIndex > this.m.maxCols) throw columnsOutOfBounds();
    this.m.insertColumns(columnIndex, numColumns, columnIndex);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    if (afterPosition < 1 || afterPosition > this.m.maxCols) throw columnsOutOfBounds();
    this.m.insertColumns(afterPosition + 1, howMany, afterPosition);
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > this.m.maxCols)
      throw columnsOutOfBounds();
    const frozenDeleted = Math.max(
      0,
      Math.min(this.m.frozenCols, columnPosition + howMany - 1) - columnPosition + 1,
    );
    if (this.m.maxCols - howMany - (this.m.frozenCols - frozenDeleted) < 1)
      throw gasError(MESSAGES.deleteAllColumns);
    this.m.deleteColumns(columnPosition, howMany);
  }
  /** Writes after the last row with content, adding a row to the grid when it is full. */
  appendRow(rowContents: unknown[]): this {
    if (!Array.isArray(rowContents)) throw gasError(MESSAGES.signature("SpreadsheetApp.Sheet.appendRow"));
    const row = this.m.lastRow() + 1;
    if (row > this.m.maxRows) this.m.insertRows(row, 1);
    if (rowContents.length > this.m.maxCols)
      this.m.insertColumns(this.m.maxCols + 1, rowContents.length - this.m.maxCols);
    const tz = this.m.spreadsheet.timeZone;
    rowContents.forEach((value, c) => writeInput(this.m.cellForWrite(row, c + 1), value, tz));
    return this;
  }

  // ----- clearing -----
  private everyCell(fn: (cell: CellData) => void): this {
    for (const line of this.m.rows) if (line) for (const cell of line) if (cell) fn(cell);
    return this;
  }
  clear(options?: ClearOptions): this {
    new Range(this.view, this.m, { row: 1, col: 1, numRows: this.m.maxRows, numCols: this.m.maxCols }).clear(
      options,
    );
    return this;
  }
  clearContents(): this {
    return this.everyCell((cell) => {
      delete cell.v;
      delete cell.f;
    });
  }

  // ----- layout -----
  setFrozenRows(rows: number): void {
    if (rows < 0 || rows > this.m.maxRows) throw gasError(MESSAGES.invalidArgument("rows"));
    this.m.frozenRows = rows;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    for (let c = startColumn; c < startColumn + numColumns; c++) this.m.columnWidths.set(c, width);
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    return this.m.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }
  hideSheet(): this {
    const visible = this.m.spreadsheet.sheets.filter((s) => !s.hidden);
    if (!this.m.hidden && visible.length <= 1) throw gasError(MESSAGES.hideAllSheets);
    this.m.hidden = true;
    return this;
  }
  isSheetHidden(): boolean {
    return this.m.hidden;
  }

  // ----- protection -----
  /** A sheet has at most one sheet protection; protecting again returns it. */
  protect(): Protection {
    const existing = this.m.protections.find((p) => p.type === "SHEET");
    if (existing) return new Protection(this.view, this.m, existing);
    return newProtection(this.view, this.m, "SHEET", {
      row: 1,
      col: 1,
      numRows: this.m.maxRows,
      numCols: this.m.maxCols,
    });
  }
  getProtections(type: ProtectionTypeName): Protection[] {
    return this.m.protections
      .filter((p) => p.type === String(type))
      .map((p) => new Protection(this.view, this.m, p));
  }

  // ----- conditional formatting -----
  setConditionalFormatRules(rules: unknown[]): void {
    this.m.conditionalRules = rules.map((rule) => {
      const model = (rule as { _model?: ConditionalRuleModel })._model;
      if (!model) throw gasError(MESSAGES.signature("SpreadsheetApp.Sheet.setConditionalFormatRules"));
      return {
        ranges: model.ranges.map((r) => ({ sheet: r.sheet, box: { ...r.box } })),
        condition: model.condition,
      };
    });
  }
  getConditionalFormatRules(): ConditionalFormatRule[] {
    return this.m.conditionalRules.map((rule) => new ConditionalFormatRule(this.view, rule));
  }

  // ----- charts -----
  newChart(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this.view, this.m);
  }
  insertChart(chart: unknown): void {
    const model = chartModelOf(chart);
    this.m.charts = this.m.charts.filter((c) => c.id !== model.id);
    this.m.charts.push(model);
  }
  getCharts(): EmbeddedChart[] {
    return this.m.charts.map((c) => new EmbeddedChart(this.view, this.m, c));
  }
}

function chartModelOf(chart: unknown): ChartModel {
  const model = (chart as { _model?: ChartModel } | null)?._model;
  if (!model || (chart as { kind?: string }).kind !== "EmbeddedChart")
    throw gasError(MESSAGES.signature("SpreadsheetApp.Sheet.insertChart"));
  return {
    ...model,
    ranges: model.ranges.map((r) => ({ sheet: r.sheet, box: { ...r.box } })),
    options: { ...model.options },
  };
}
