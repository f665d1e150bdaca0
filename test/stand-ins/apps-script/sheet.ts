import { resolveRange } from "../shared/values";
import { EmbeddedChart, EmbeddedChartBuilder } from "./chart";
import { ConditionalFormatRule } from "./conditional";
import { StandIn, View } from "./counting";
import { ProtectionTypeName } from "./enums";
import { gasError, MESSAGES } from "./errors";
import { ChartModel, ConditionalRuleModel, SheetModel } from "./model";
import { newProtection, Protection } from "./protection";
import { checkBox, Range, RangeList } from "./range";

/** Resolves "B2", "A1:C", "Tab!A:A" against a sheet (the named sheet when a name is given). */
export function rangeFromA1(view: View, sheet: SheetModel, a1: string): Range {
  const tab = (title?: string) => {
    const found = title === undefined ? sheet : sheet.spreadsheet.sheetByName(title);
    return found && { sheet: found, title: found.name, rowCount: found.maxRows, columnCount: found.maxCols };
  };
  const notFound = () => gasError(MESSAGES.rangeNotFound);
  const {
    tab: target,
    startRow,
    endRow,
    startColumn,
    endColumn,
  } = resolveRange(String(a1), tab, notFound, () => false);
  const box = {
    row: startRow + 1,
    col: startColumn + 1,
    numRows: endRow - startRow,
    numCols: endColumn - startColumn,
  };
  return new Range(view, target.sheet, box);
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
  getMaxRows(): number {
    return this.m.maxRows;
  }
  getMaxColumns(): number {
    return this.m.maxCols;
  }

  // ----- rows and columns: the grid grows only through these -----
  /** New rows take the formatting (number formats, colours, validation) of the row above. */
  insertRowsAfter(afterPosition: number, howMany: number): this {
    if (afterPosition < 1 || afterPosition > this.m.maxRows) throw gasError("Those rows are out of bounds.");
    this.m.insertRows(afterPosition + 1, howMany, afterPosition);
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    if (afterPosition < 1 || afterPosition > this.m.maxCols)
      throw gasError("Those columns are out of bounds.");
    this.m.insertColumns(afterPosition + 1, howMany, afterPosition);
    return this;
  }

  /** Contents (values and formulas) go; formats, notes and validation stay. */
  clearContents(): this {
    for (const line of this.m.rows) {
      for (const cell of line ?? []) {
        delete cell?.v;
        delete cell?.f;
      }
    }
    return this;
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
    const model = (chart as { _model?: ChartModel } | null)?._model;
    if (!model || (chart as { kind?: string }).kind !== "EmbeddedChart")
      throw gasError(MESSAGES.signature("SpreadsheetApp.Sheet.insertChart"));
    this.m.charts = this.m.charts.filter((c) => c.id !== model.id);
    this.m.charts.push({
      ...model,
      ranges: model.ranges.map((r) => ({ sheet: r.sheet, box: { ...r.box } })),
      options: { ...model.options },
    });
  }
  getCharts(): EmbeddedChart[] {
    return this.m.charts.map((c) => new EmbeddedChart(this.view, c));
  }
}
