import { GridBox } from "./a1";
import { rangeRefOf } from "./conditional";
import { StandIn, View } from "./counting";
import { ProtectionTypeName } from "./enums";
import { gasError } from "./errors";
import { ProtectionModel, SheetModel } from "./model";
import { Range } from "./range";

export function newProtection(
  view: View,
  sheet: SheetModel,
  type: ProtectionTypeName,
  box: GridBox,
): Protection {
  const owner = sheet.spreadsheet.owner;
  const model: ProtectionModel = {
    id: sheet.spreadsheet.nextProtectionId++,
    type,
    box,
    description: "",
    warningOnly: false,
    editors: [...new Set([owner, view.userEmail])],
    unprotected: [],
  };
  sheet.protections.push(model);
  return new Protection(view, sheet, model);
}

/** A subset of GoogleAppsScript.Spreadsheet.Protection. */
export class Protection extends StandIn {
  readonly kind = "Protection";
  constructor(
    view: View,
    readonly _sheet: SheetModel,
    readonly _model: ProtectionModel,
  ) {
    super(view);
  }
  private box(): GridBox {
    return this._model.type === "SHEET"
      ? { row: 1, col: 1, numRows: this._sheet.maxRows, numCols: this._sheet.maxCols }
      : this._model.box;
  }
  getRange(): Range {
    return new Range(this.view, this._sheet, { ...this.box() });
  }
  setRange(range: unknown): this {
    const ref = rangeRefOf(range);
    if (ref.sheet !== this._sheet) throw gasError("The protected range must be on the same sheet.");
    this._model.box = ref.box;
    return this;
  }
  getDescription(): string {
    return this._model.description;
  }
  setDescription(description: string): this {
    this._model.description = description;
    return this;
  }
  isWarningOnly(): boolean {
    return this._model.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): this {
    this._model.warningOnly = warningOnly;
    return this;
  }
  setUnprotectedRanges(ranges: unknown[]): this {
    if (this._model.type !== "SHEET")
      throw gasError("Unprotected ranges can only be set on a sheet protection.");
    this._model.unprotected = ranges.map((r) => rangeRefOf(r).box);
    return this;
  }
  remove(): void {
    this._sheet.protections = this._sheet.protections.filter((p) => p !== this._model);
  }
}
