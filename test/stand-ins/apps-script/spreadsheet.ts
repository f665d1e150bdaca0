import { ConditionalFormatRuleBuilder } from "./conditional";
import { StandIn, View } from "./counting";
import {
  BooleanCriteria,
  BorderStyle,
  DataValidationCriteria,
  Dimension,
  ProtectionType,
  SheetType,
  WrapStrategy,
} from "./enums";
import { gasError, MESSAGES } from "./errors";
import { SheetModel, SpreadsheetModel } from "./model";
import { Range } from "./range";
import { rangeFromA1, Sheet } from "./sheet";
import { Ui } from "./ui";
import { emailOf, Sharing, User } from "./users";
import { DataValidationBuilder } from "./validation";

/** A subset of GoogleAppsScript.Spreadsheet.Spreadsheet. */
export class Spreadsheet extends StandIn {
  readonly kind = "Spreadsheet";
  constructor(
    view: View,
    readonly _model: SpreadsheetModel,
  ) {
    super(view);
  }
  private get m(): SpreadsheetModel {
    return this._model;
  }
  private get sharing(): Sharing {
    return new Sharing(this.m);
  }

  getId(): string {
    return this.m.id;
  }
  getUrl(): string {
    return this.m.url;
  }
  getName(): string {
    return this.m.name;
  }
  rename(name: string): void {
    this.m.name = name;
  }
  /**
   * A copy owned by the caller, not shared, with the bound script's files
   * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#copy(String)).
   */
  copy(name: string): Spreadsheet {
    return new Spreadsheet(this.view, this.view.world._copySpreadsheet(this.m, String(name), this.view.userEmail));
  }
  getSpreadsheetTimeZone(): string {
    return this.m.timeZone;
  }
  setSpreadsheetTimeZone(timeZone: string): void {
    this.m.timeZone = timeZone;
  }

  // ----- sheets -----
  getSheets(): Sheet[] {
    return this.m.sheets.map((s) => new Sheet(this.view, s));
  }
  getSheetByName(name: string): Sheet | null {
    const sheet = this.m.sheetByName(name);
    return sheet ? new Sheet(this.view, sheet) : null;
  }
  /** insertSheet(), insertSheet(index), insertSheet(name), insertSheet(name, index); the new sheet becomes active. */
  insertSheet(nameOrIndex?: string | number, index?: number): Sheet {
    let name: string;
    let at: number | undefined;
    if (typeof nameOrIndex === "number") {
      at = nameOrIndex;
      name = this.freeName();
    } else {
      name = nameOrIndex ?? this.freeName();
      at = index;
    }
    if (this.m.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
      throw gasError(MESSAGES.sheetExists(name));
    const sheet = this.m.addSheet(name, at);
    this.m.active.set(this.view.userEmail, { sheet });
    return new Sheet(this.view, sheet);
  }
  private freeName(): string {
    for (let n = this.m.sheets.length + 1; ; n++) {
      const name = `Sheet${n}`;
      if (!this.m.sheetByName(name)) return name;
    }
  }
  deleteSheet(sheet: unknown): void {
    const model = (sheet as { _model?: SheetModel } | null)?._model;
    if (!model || !this.m.sheets.includes(model))
      throw gasError(MESSAGES.signature("SpreadsheetApp.Spreadsheet.deleteSheet"));
    if (this.m.sheets.filter((s) => s !== model && !s.hidden).length === 0)
      throw gasError(MESSAGES.deleteOnlySheet);
    this.m.sheets = this.m.sheets.filter((s) => s !== model);
  }
  getActiveSheet(): Sheet {
    return new Sheet(this.view, this.m.activeSheet(this.view.userEmail));
  }
  setActiveSheet(sheet: unknown): Sheet {
    const model = (sheet as { _model?: SheetModel } | null)?._model;
    if (!model || !this.m.sheets.includes(model))
      throw gasError(MESSAGES.signature("SpreadsheetApp.Spreadsheet.setActiveSheet"));
    this.m.active.set(this.view.userEmail, { sheet: model });
    return new Sheet(this.view, model);
  }
  getRange(a1Notation: string): Range {
    return rangeFromA1(this.view, this.m.activeSheet(this.view.userEmail), a1Notation);
  }
  getActiveRange(): Range | null {
    const active = this.m.active.get(this.view.userEmail);
    const sheet = this.m.activeSheet(this.view.userEmail);
    const box =
      active?.sheet === sheet && active.box ? active.box : { row: 1, col: 1, numRows: 1, numCols: 1 };
    return new Range(this.view, sheet, { ...box });
  }
  setActiveRange(range: unknown): Range {
    const r = range as { _sheet?: SheetModel; _box?: Range["_box"] } | null;
    if (!r?._sheet || !r._box || r._sheet.spreadsheet !== this.m)
      throw gasError(MESSAGES.signature("SpreadsheetApp.Spreadsheet.setActiveRange"));
    this.m.active.set(this.view.userEmail, { sheet: r._sheet, box: { ...r._box } });
    return new Range(this.view, r._sheet, { ...r._box });
  }
  toast(msg: string, title?: string, timeoutSeconds?: number): void {
    this.view.world.toasts.push({
      spreadsheetId: this.m.id,
      userEmail: this.view.userEmail,
      message: String(msg),
      title: title ?? "",
      timeoutSeconds: timeoutSeconds ?? 5,
    });
  }

  getViewers(): User[] {
    return this.sharing.viewers().map((e) => new User(this.view, e));
  }
  /** Google refuses an address without a Google account (world.refusedAddresses). */
  private shareable(users: unknown[]): string[] {
    const emails = users.map(emailOf);
    const refused = emails.find((e) => this.view.world.refusedAddresses.has(e));
    if (refused) throw gasError(`Invalid email: ${refused}`);
    return emails;
  }
  addEditor(user: unknown): this {
    for (const email of this.shareable([user])) this.sharing.addEditor(email);
    return this;
  }
  addEditors(users: unknown[]): this {
    for (const email of this.shareable(users)) this.sharing.addEditor(email);
    return this;
  }
  removeEditor(user: unknown): this {
    this.sharing.removeEditor(emailOf(user));
    return this;
  }
  addViewer(user: unknown): this {
    for (const email of this.shareable([user])) this.sharing.addViewer(email);
    return this;
  }
  removeViewer(user: unknown): this {
    this.sharing.removeViewer(emailOf(user));
    return this;
  }
}

/** The SpreadsheetApp global. */
export class SpreadsheetApp extends StandIn {
  readonly kind = "SpreadsheetApp";
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  readonly ProtectionType = ProtectionType;
  readonly WrapStrategy = WrapStrategy;
  readonly BorderStyle = BorderStyle;
  readonly SheetType = SheetType;
  readonly Dimension = Dimension;

  private active(): SpreadsheetModel | null {
    const id = this.view.activeSpreadsheetId;
    return id === null ? null : (this.view.world._spreadsheets.get(id) ?? null);
  }

  getActive(): Spreadsheet | null {
    const model = this.active();
    return model ? new Spreadsheet(this.view, model) : null;
  }
  getActiveSpreadsheet(): Spreadsheet | null {
    return this.getActive();
  }
  getActiveSheet(): Sheet | null {
    const model = this.active();
    return model ? new Sheet(this.view, model.activeSheet(this.view.userEmail)) : null;
  }
  getActiveRange(): Range | null {
    const model = this.active();
    return model ? new Spreadsheet(this.view, model).getActiveRange() : null;
  }
  setActiveSheet(sheet: unknown): Sheet {
    const model = this.active();
    if (!model) throw gasError(MESSAGES.signature("SpreadsheetApp.setActiveSheet"));
    return new Spreadsheet(this.view, model).setActiveSheet(sheet);
  }
  setActiveRange(range: unknown): Range {
    const model = this.active();
    if (!model) throw gasError(MESSAGES.signature("SpreadsheetApp.setActiveRange"));
    return new Spreadsheet(this.view, model).setActiveRange(range);
  }
  getUi(): Ui {
    if (!this.view.uiAvailable) throw gasError(MESSAGES.uiContext);
    return new Ui(this.view);
  }
  openById(id: string): Spreadsheet {
    return new Spreadsheet(this.view, this.view.world._open(this.view, String(id), "openById"));
  }
  openByUrl(url: string): Spreadsheet {
    const match = /\/spreadsheets\/d\/([a-zA-Z0-9_-]+)/.exec(String(url));
    if (!match) throw gasError(MESSAGES.invalidArgument("url"));
    return new Spreadsheet(this.view, this.view.world._open(this.view, match[1], "openByUrl"));
  }
  create(name: string, rows?: number, columns?: number): Spreadsheet {
    const model = this.view.world._createSpreadsheet({ name, owner: this.view.userEmail, rows, columns });
    return new Spreadsheet(this.view, model);
  }
  newDataValidation(): DataValidationBuilder {
    return new DataValidationBuilder(this.view);
  }
  newConditionalFormatRule(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this.view);
  }
  /** Applies this execution's queued writes: other executions see them from now on (see WriteJournal). */
  flush(): void {
    this.view.world.commitWrites(this.view.execution.id);
  }
}
