import { StandIn, View } from "./counting";
import { gasError, MESSAGES } from "./errors";
import { SpreadsheetModel } from "./model";
import { emailOf, Sharing, User } from "./users";

export const SPREADSHEET_MIME_TYPE = "application/vnd.google-apps.spreadsheet";

/** DriveApp: files are the world's spreadsheets. */
export class DriveApp extends StandIn {
  readonly kind = "DriveApp";
  getFileById(id: string): File {
    const model = this.view.world._spreadsheets.get(String(id));
    const access = this.view.world._accessOf(String(id), this.view.userEmail);
    if (!model || model.trashed || access !== "ok") throw gasError(MESSAGES.driveNotFound);
    return new File(this.view, model);
  }
}

export class File extends StandIn {
  readonly kind = "File";
  constructor(
    view: View,
    readonly _model: SpreadsheetModel,
  ) {
    super(view);
  }
  private get sharing(): Sharing {
    return new Sharing(this._model);
  }
  getId(): string {
    return this._model.id;
  }
  getName(): string {
    return this._model.name;
  }
  setName(name: string): this {
    this._model.name = name;
    return this;
  }
  getUrl(): string {
    return this._model.url;
  }
  getViewers(): User[] {
    return this.sharing.viewers().map((e) => new User(this.view, e));
  }
  addEditor(user: unknown): this {
    this.sharing.addEditor(emailOf(user));
    return this;
  }
  addEditors(users: unknown[]): this {
    for (const user of users) this.sharing.addEditor(emailOf(user));
    return this;
  }
  removeEditor(user: unknown): this {
    this.sharing.removeEditor(emailOf(user));
    return this;
  }
  addViewer(user: unknown): this {
    this.sharing.addViewer(emailOf(user));
    return this;
  }
  removeViewer(user: unknown): this {
    this.sharing.removeViewer(emailOf(user));
    return this;
  }
  /** A copy of the spreadsheet (content, formats, rules), owned by the caller and not shared. */
  makeCopy(name?: string, _destination?: unknown): File {
    const copy = this.view.world._copySpreadsheet(
      this._model,
      name ?? `Copy of ${this._model.name}`,
      this.view.userEmail,
    );
    return new File(this.view, copy);
  }
}
