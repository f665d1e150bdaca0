import { ConditionalFormatRuleBuilder } from "./conditional";
import { StandIn, View } from "./counting";
import { ProtectionType } from "./enums";
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
    return new Spreadsheet(
      this.view,
      this.view.world._copySpreadsheet(this.m, String(name), this.view.userEmail),
    );
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
  insertSheet(name: string): Sheet {
    if (this.m.sheetByName(name)) throw gasError(MESSAGES.sheetExists(name));
    return new Sheet(this.view, this.m.addSheet(name));
  }
  deleteSheet(sheet: unknown): void {
    const model = (sheet as { _model?: SheetModel } | null)?._model;
    if (!model || !this.m.sheets.includes(model))
      throw gasError(MESSAGES.signature("SpreadsheetApp.Spreadsheet.deleteSheet"));
    if (this.m.sheets.filter((s) => s !== model && !s.hidden).length === 0)
      throw gasError(MESSAGES.deleteOnlySheet);
    this.m.sheets = this.m.sheets.filter((s) => s !== model);
  }
  /** A1 without a tab name is on the active sheet, which the stand-in takes to be the first. */
  getRange(a1Notation: string): Range {
    return rangeFromA1(this.view, this.m.sheets[0], a1Notation);
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
  addEditors(users: unknown[]): this {
    for (const email of this.shareable(users)) this.sharing.addEditor(email);
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
  readonly ProtectionType = ProtectionType;

  getActiveSpreadsheet(): Spreadsheet | null {
    const id = this.view.activeSpreadsheetId;
    const model = id === null ? undefined : this.view.world._spreadsheets.get(id);
    return model ? new Spreadsheet(this.view, model) : null;
  }
  getUi(): Ui {
    if (!this.view.uiAvailable) throw gasError(MESSAGES.uiContext);
    return new Ui(this.view);
  }
  openById(id: string): Spreadsheet {
    return new Spreadsheet(this.view, this.view.world._open(String(id)));
  }
  create(name: string): Spreadsheet {
    return new Spreadsheet(this.view, this.view.world._createSpreadsheet(name, this.view.userEmail));
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
