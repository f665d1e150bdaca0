import { boxA1, GridBox } from "./a1";
import { StandIn, View } from "./counting";
import { gasError, MESSAGES } from "./errors";
import { CellData, SheetModel } from "./model";
import { newProtection, Protection } from "./protection";
import { Sheet } from "./sheet";
import { DataValidation, validationSpecOf } from "./validation";
import { CellValue, DEFAULT_NUMBER_FORMAT, readValue, writeInput } from "./values";

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

  /** Reads every cell position. */
  private grid<T>(read: (cell: CellData | undefined) => T): T[][] {
    const { row, col, numRows, numCols } = this._box;
    const out: T[][] = new Array(numRows);
    for (let r = 0; r < numRows; r++) {
      const line = this._sheet.rows[row - 1 + r];
      const values: T[] = new Array(numCols);
      for (let c = 0; c < numCols; c++) values[c] = read(line?.[col - 1 + c]);
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

  /** The same value for every cell, so singular setters share their plural's rules. */
  private fill<T>(value: T): T[][] {
    return Array.from({ length: this._box.numRows }, () => new Array<T>(this._box.numCols).fill(value));
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
  getNumRows(): number {
    return this._box.numRows;
  }
  getNumColumns(): number {
    return this._box.numCols;
  }
  getSheet(): Sheet {
    return new Sheet(this.view, this._sheet);
  }
  /** The selection is not modelled: nothing reads it back. */
  activate(): this {
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
  setValues(values: unknown[][]): this {
    const data = this.checkShape(values, "setValues");
    const tz = this.tz;
    return this.each((cell, r, c) => writeInput(cell, data[r][c], tz));
  }
  setValue(value: unknown): this {
    return this.setValues(this.fill(value));
  }
  getFormula(): string {
    return this.first()?.f ?? "";
  }

  // ----- formats -----
  getNumberFormat(): string {
    return this.first()?.fmt ?? DEFAULT_NUMBER_FORMAT;
  }
  getNumberFormats(): string[][] {
    return this.grid((cell) => cell?.fmt ?? DEFAULT_NUMBER_FORMAT);
  }
  setNumberFormat(format: string): this {
    return this.setNumberFormats(this.fill(format));
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
    return this.setBackgrounds(this.fill(color));
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
    return this.setFontWeights(this.fill(weight));
  }
  setFontWeights(weights: Array<Array<string | null>>): this {
    const data = this.checkShape(weights, "setFontWeights");
    return this.each((cell, r, c) => {
      const w = data[r][c];
      if (w === null || w === "normal" || w === undefined) delete cell.fw;
      else cell.fw = String(w);
    });
  }
  setWrap(wrap: boolean): this {
    return this.each((cell) => {
      cell.wrap = wrap;
    });
  }

  getNotes(): string[][] {
    return this.grid((cell) => cell?.note ?? "");
  }
  setNotes(notes: Array<Array<string | null>>): this {
    const data = this.checkShape(notes, "setNotes");
    return this.each((cell, r, c) => {
      const note = data[r][c];
      if (note === null || note === undefined || note === "") delete cell.note;
      else cell.note = String(note);
    });
  }

  // ----- data validation -----
  getDataValidation(): DataValidation | null {
    const spec = this.first()?.dv;
    return spec ? new DataValidation(this.view, spec) : null;
  }
  getDataValidations(): Array<Array<DataValidation | null>> {
    return this.grid((cell) => (cell?.dv ? new DataValidation(this.view, cell.dv) : null));
  }
  setDataValidations(rules: unknown[][]): this {
    const data = this.checkShape(rules, "setDataValidations");
    const specs = data.map((line) => line.map(validationSpecOf));
    return this.each((cell, r, c) => {
      const spec = specs[r][c];
      if (spec) cell.dv = spec;
      else delete cell.dv;
    });
  }

  protect(): Protection {
    return newProtection(this.view, this._sheet, "RANGE", { ...this._box });
  }
}

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
  setBackground(color: string | null): this {
    return this.all((r) => r.setBackground(color));
  }
  setFontWeight(weight: string | null): this {
    return this.all((r) => r.setFontWeight(weight));
  }
  setNumberFormat(format: string): this {
    return this.all((r) => r.setNumberFormat(format));
  }
  setWrap(wrap: boolean): this {
    return this.all((r) => r.setWrap(wrap));
  }
}
