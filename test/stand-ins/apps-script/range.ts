import { boxA1, GridBox } from "./a1";
import { registerRangeFactory } from "./conditional";
import { StandIn, View } from "./counting";
import { WrapStrategyName } from "./enums";
import { gasError, MESSAGES } from "./errors";
import { CellData, SheetModel, ValidationSpec } from "./model";
import { newProtection, Protection } from "./protection";
import { Sheet } from "./sheet";
import { DataValidation, validationSpecOf } from "./validation";
import { CellValue, DEFAULT_NUMBER_FORMAT, readDisplay, readValue, writeFormula, writeInput } from "./values";

export interface ClearOptions {
  commentsOnly?: boolean;
  contentsOnly?: boolean;
  formatOnly?: boolean;
  validationsOnly?: boolean;
  skipFilteredRows?: boolean;
}

/** Throws like Sheet.getRange does when a box does not fit the sheet's grid. */
export function checkBox(
  sheet: SheetModel,
  row: number,
  col: number,
  numRows: number,
  numCols: number,
): GridBox {
  if (![row, col, numRows, numCols].every((n) => Number.isInteger(n)))
    throw gasError(MESSAGES.signature("SpreadsheetApp.Sheet.getRange"));
  if (row < 1) throw gasError(MESSAGES.rowTooSmall);
  if (col < 1) throw gasError(MESSAGES.columnTooSmall);
  if (numRows < 1) throw gasError(MESSAGES.numRowsTooSmall);
  if (numCols < 1) throw gasError(MESSAGES.numColumnsTooSmall);
  if (row + numRows - 1 > sheet.maxRows || col + numCols - 1 > sheet.maxCols)
    throw gasError(MESSAGES.outsideSheet);
  return { row, col, numRows, numCols };
}

function formatsCleared(cell: CellData): void {
  delete cell.fmt;
  delete cell.bg;
  delete cell.fc;
  delete cell.fw;
  delete cell.fst;
  delete cell.wrap;
  delete cell.ha;
  delete cell.va;
  delete cell.border;
}

/** A subset of GoogleAppsScript.Spreadsheet.Range with Google's value semantics (see values.ts). */
export class Range extends StandIn {
  readonly kind = "Range";
  constructor(
    view: View,
    readonly _sheet: SheetModel,
    readonly _box: GridBox,
  ) {
    super(view);
  }

  private get tz(): string {
    return this._sheet.spreadsheet.timeZone;
  }

  /** Visits every cell position; `write` creates missing cells. */
  private grid<T>(read: (cell: CellData | undefined, r: number, c: number) => T): T[][] {
    const { row, col, numRows, numCols } = this._box;
    const out: T[][] = new Array(numRows);
    for (let r = 0; r < numRows; r++) {
      const line = this._sheet.rows[row - 1 + r];
      const values: T[] = new Array(numCols);
      for (let c = 0; c < numCols; c++) values[c] = read(line?.[col - 1 + c], r, c);
      out[r] = values;
    }
    return out;
  }

  private each(write: (cell: CellData, r: number, c: number) => void): this {
    const { row, col, numRows, numCols } = this._box;
    for (let r = 0; r < numRows; r++)
      for (let c = 0; c < numCols; c++) write(this._sheet.cellForWrite(row + r, col + c), r, c);
    return this;
  }

  /** Existing cells only (for clearing). */
  private eachExisting(write: (cell: CellData) => void): this {
    const { row, col, numRows, numCols } = this._box;
    for (let r = 0; r < numRows; r++) {
      const line = this._sheet.rows[row - 1 + r];
      if (!line) continue;
      for (let c = 0; c < numCols; c++) {
        const cell = line[col - 1 + c];
        if (cell) write(cell);
      }
    }
    return this;
  }

  private first(): CellData | undefined {
    return this._sheet.cell(this._box.row, this._box.col);
  }

  private checkShape(data: unknown, method: string): unknown[][] {
    if (!Array.isArray(data) || !data.every((line) => Array.isArray(line)))
      throw gasError(MESSAGES.signature(`SpreadsheetApp.Range.${method}`));
    if (data.length !== this._box.numRows)
      throw gasError(MESSAGES.rowsMismatch(data.length, this._box.numRows));
    for (const line of data as unknown[][]) {
      if (line.length !== this._box.numCols)
        throw gasError(MESSAGES.columnsMismatch(line.length, this._box.numCols));
    }
    return data as unknown[][];
  }

  // ----- position -----
  getA1Notation(): string {
    return boxA1(this._box);
  }
  getRow(): number {
    return this._box.row;
  }
  getColumn(): number {
    return this._box.col;
  }
  getNumRows(): number {
    return this._box.numRows;
  }
  getNumColumns(): number {
    return this._box.numCols;
  }
  getLastRow(): number {
    return this._box.row + this._box.numRows - 1;
  }
  getLastColumn(): number {
    return this._box.col + this._box.numCols - 1;
  }
  getSheet(): Sheet {
    return new Sheet(this.view, this._sheet);
  }
  getCell(row: number, column: number): Range {
    if (row < 1 || column < 1 || row > this._box.numRows || column > this._box.numCols)
      throw gasError(MESSAGES.outsideSheet);
    return new Range(this.view, this._sheet, {
      row: this._box.row + row - 1,
      col: this._box.col + column - 1,
      numRows: 1,
      numCols: 1,
    });
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    const box = checkBox(
      this._sheet,
      this._box.row + rowOffset,
      this._box.col + columnOffset,
      numRows ?? this._box.numRows,
      numColumns ?? this._box.numCols,
    );
    return new Range(this.view, this._sheet, box);
  }
  activate(): this {
    this._sheet.spreadsheet.active.set(this.view.userEmail, { sheet: this._sheet, box: { ...this._box } });
    return this;
  }

  // ----- values -----
  getValues(): CellValue[][] {
    const tz = this.tz;
    const dateCtor = this.view.dateCtor;
    return this.grid((cell) => readValue(cell, tz, dateCtor));
  }
  getValue(): CellValue {
    return readValue(this.first(), this.tz, this.view.dateCtor);
  }
  getDisplayValues(): string[][] {
    const tz = this.tz;
    return this.grid((cell) => readDisplay(cell, tz));
  }
  getDisplayValue(): string {
    return readDisplay(this.first(), this.tz);
  }
  setValues(values: unknown[][]): this {
    const data = this.checkShape(values, "setValues");
    const tz = this.tz;
    return this.each((cell, r, c) => writeInput(cell, data[r][c], tz));
  }
  setValue(value: unknown): this {
    const tz = this.tz;
    return this.each((cell) => writeInput(cell, value, tz));
  }
  getFormulas(): string[][] {
    return this.grid((cell) => cell?.f ?? "");
  }
  getFormula(): string {
    return this.first()?.f ?? "";
  }
  setFormula(formula: string): this {
    return this.each((cell) => writeFormula(cell, formula));
  }
  setFormulas(formulas: string[][]): this {
    const data = this.checkShape(formulas, "setFormulas");
    return this.each((cell, r, c) => writeFormula(cell, String(data[r][c] ?? "")));
  }

  // ----- formats -----
  getNumberFormat(): string {
    return this.first()?.fmt ?? DEFAULT_NUMBER_FORMAT;
  }
  getNumberFormats(): string[][] {
    return this.grid((cell) => cell?.fmt ?? DEFAULT_NUMBER_FORMAT);
  }
  setNumberFormat(format: string): this {
    return this.each((cell) => {
      cell.fmt = format;
    });
  }
  setNumberFormats(formats: string[][]): this {
    const data = this.checkShape(formats, "setNumberFormats");
    return this.each((cell, r, c) => {
      cell.fmt = String(data[r][c]);
    });
  }
  getBackground(): string {
    return this.first()?.bg ?? "#ffffff";
  }
  getBackgrounds(): string[][] {
    return this.grid((cell) => cell?.bg ?? "#ffffff");
  }
  setBackground(color: string | null): this {
    return this.each((cell) => {
      if (color === null || color === "") delete cell.bg;
      else cell.bg = color.toLowerCase();
    });
  }
  setBackgrounds(colors: Array<Array<string | null>>): this {
    const data = this.checkShape(colors, "setBackgrounds");
    return this.each((cell, r, c) => {
      const color = data[r][c];
      if (color === null || color === "" || color === undefined) delete cell.bg;
      else cell.bg = String(color).toLowerCase();
    });
  }
  setFontWeight(weight: string | null): this {
    return this.each((cell) => {
      if (weight === null || weight === "normal") delete cell.fw;
      else cell.fw = weight;
    });
  }
  setFontWeights(weights: Array<Array<string | null>>): this {
    const data = this.checkShape(weights, "setFontWeights");
    return this.each((cell, r, c) => {
      const w = data[r][c];
      if (w === null || w === "normal" || w === undefined) delete cell.fw;
      else cell.fw = String(w);
    });
  }
  setFontColor(color: string | null): this {
    return this.each((cell) => {
      if (color === null || color === "") delete cell.fc;
      else cell.fc = color.toLowerCase();
    });
  }
  getWrapStrategy(): WrapStrategyName {
    return this.first()?.wrap ?? "OVERFLOW";
  }
  setWrap(wrap: boolean): this {
    return this.each((cell) => {
      cell.wrap = wrap ? "WRAP" : "OVERFLOW";
    });
  }
  setHorizontalAlignment(alignment: string | null): this {
    return this.each((cell) => {
      if (alignment === null || alignment === "normal" || alignment === "general") delete cell.ha;
      else cell.ha = alignment;
    });
  }

  getNotes(): string[][] {
    return this.grid((cell) => cell?.note ?? "");
  }
  setNote(note: string | null): this {
    return this.each((cell) => {
      if (note === null || note === "") delete cell.note;
      else cell.note = String(note);
    });
  }
  setNotes(notes: Array<Array<string | null>>): this {
    const data = this.checkShape(notes, "setNotes");
    return this.each((cell, r, c) => {
      const note = data[r][c];
      if (note === null || note === undefined || note === "") delete cell.note;
      else cell.note = String(note);
    });
  }
  clearNote(): this {
    return this.eachExisting((cell) => delete cell.note);
  }

  // ----- data validation -----
  getDataValidation(): DataValidation | null {
    const spec = this.first()?.dv;
    return spec ? new DataValidation(this.view, spec) : null;
  }
  getDataValidations(): Array<Array<DataValidation | null>> {
    return this.grid((cell) => (cell?.dv ? new DataValidation(this.view, cell.dv) : null));
  }
  setDataValidation(rule: unknown): this {
    const spec = validationSpecOf(rule);
    return this.each((cell) => {
      if (spec) cell.dv = spec;
      else delete cell.dv;
    });
  }
  setDataValidations(rules: unknown[][]): this {
    const data = this.checkShape(rules, "setDataValidations");
    const specs = data.map((line) => line.map(validationSpecOf));
    return this.each((cell, r, c) => {
      const spec: ValidationSpec | undefined = specs[r][c];
      if (spec) cell.dv = spec;
      else delete cell.dv;
    });
  }
  clearDataValidations(): this {
    return this.eachExisting((cell) => delete cell.dv);
  }

  // ----- clearing -----
  /** Without options: contents and formats (notes and validation stay). */
  clear(options?: ClearOptions): this {
    const o = options ?? {};
    const only = o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly;
    return this.eachExisting((cell) => {
      if (!only || o.contentsOnly) {
        delete cell.v;
        delete cell.f;
      }
      if (!only || o.formatOnly) formatsCleared(cell);
      if (o.validationsOnly) delete cell.dv;
      if (o.commentsOnly) delete cell.note;
    });
  }
  clearContent(): this {
    return this.eachExisting((cell) => {
      delete cell.v;
      delete cell.f;
    });
  }
  clearFormat(): this {
    return this.eachExisting(formatsCleared);
  }

  protect(): Protection {
    return newProtection(this.view, this._sheet, "RANGE", { ...this._box });
  }
}

registerRangeFactory((view, ref) => new Range(view, ref.sheet, ref.box));

/** Sheet.getRangeList(): the same operation on several ranges. */
export class RangeList extends StandIn {
  readonly kind = "RangeList";
  constructor(
    view: View,
    private readonly ranges: Range[],
  ) {
    super(view);
  }
  private all(fn: (range: Range) => void): this {
    for (const range of this.ranges) fn(range);
    return this;
  }
  getRanges(): Range[] {
    return [...this.ranges];
  }
  activate(): this {
    const last = this.ranges[this.ranges.length - 1];
    if (last) last.activate();
    return this;
  }
  setValue(value: unknown): this {
    return this.all((r) => r.setValue(value));
  }
  setFormula(formula: string): this {
    return this.all((r) => r.setFormula(formula));
  }
  setBackground(color: string | null): this {
    return this.all((r) => r.setBackground(color));
  }
  setFontWeight(weight: string | null): this {
    return this.all((r) => r.setFontWeight(weight));
  }
  setFontColor(color: string | null): this {
    return this.all((r) => r.setFontColor(color));
  }
  setNumberFormat(format: string): this {
    return this.all((r) => r.setNumberFormat(format));
  }
  setNote(note: string | null): this {
    return this.all((r) => r.setNote(note));
  }
  setWrap(wrap: boolean): this {
    return this.all((r) => r.setWrap(wrap));
  }
  setHorizontalAlignment(alignment: string | null): this {
    return this.all((r) => r.setHorizontalAlignment(alignment));
  }
  setDataValidation(rule: unknown): this {
    return this.all((r) => r.setDataValidation(rule));
  }
  clearDataValidations(): this {
    return this.all((r) => r.clearDataValidations());
  }
  clear(options?: ClearOptions): this {
    return this.all((r) => r.clear(options));
  }
  clearContent(): this {
    return this.all((r) => r.clearContent());
  }
  clearFormat(): this {
    return this.all((r) => r.clearFormat());
  }
  clearNote(): this {
    return this.all((r) => r.clearNote());
  }
}
