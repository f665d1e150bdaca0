import { StandIn, View } from "./counting";
import { Button, ButtonName, ButtonSet, ButtonSetName } from "./enums";
import { gasError, MESSAGES } from "./errors";

/** Entries as Apps Script menus have them (addSubMenu is not modelled: src adds none). */
export type MenuEntry =
  | { type: "item"; caption: string; functionName: string }
  | { type: "separator" }
  | { type: "submenu"; caption: string; items: MenuEntry[] };

export interface MenuRecord {
  spreadsheetId: string | null;
  userEmail: string;
  /** The add-on menu sits under Extensions with the add-on's name. */
  addon: boolean;
  caption: string;
  items: MenuEntry[];
}

export interface DialogRecord {
  type: "sidebar" | "alert" | "prompt";
  spreadsheetId: string | null;
  userEmail: string;
  title: string;
  content: string;
  buttons?: ButtonSetName;
  response?: ButtonName;
}

/** What the person answers to the next alert or prompt (queued by tests). */
export interface UiResponse {
  button: ButtonName;
  text?: string;
}

/** SpreadsheetApp.getUi(). */
export class Ui extends StandIn {
  readonly kind = "Ui";
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  createMenu(caption: string): Menu {
    return new Menu(this.view, caption, false);
  }
  createAddonMenu(): Menu {
    return new Menu(this.view, this.view.world.addonName, true);
  }
  showSidebar(userInterface: unknown): void {
    const html = userInterface as Partial<Pick<HtmlOutput, "_content" | "_title">> | null;
    if (typeof html?._content !== "string") throw gasError(MESSAGES.signature("Ui.showSidebar"));
    this.record({ type: "sidebar", title: html._title ?? "", content: html._content });
  }
  /** alert(prompt), alert(prompt, buttons), alert(title, prompt, buttons). */
  alert(a: string, b?: string | ButtonSetName, c?: ButtonSetName): ButtonName {
    return this.ask("alert", a, b, c).button;
  }
  /** prompt(prompt), prompt(prompt, buttons), prompt(title, prompt, buttons). */
  prompt(a: string, b?: string | ButtonSetName, c?: ButtonSetName): PromptResponse {
    const answer = this.ask("prompt", a, b, c);
    return new PromptResponse(this.view, answer.button, answer.text ?? "");
  }
  /** Records the dialog; the answer is the next queued one, else OK (YES for yes/no questions). */
  private ask(type: "alert" | "prompt", a: string, b?: string, c?: ButtonSetName): UiResponse {
    const titled = c !== undefined || (b !== undefined && !(b in ButtonSet));
    const buttons = (c ?? (titled ? undefined : b) ?? "OK") as ButtonSetName;
    const answer = this.view.world.uiResponses.shift() ?? {
      button: buttons.startsWith("YES_NO") ? "YES" : "OK",
    };
    this.record({
      type,
      title: titled ? a : "",
      content: titled ? String(b) : a,
      buttons,
      response: answer.button,
    });
    return answer;
  }
  private record(dialog: Omit<DialogRecord, "spreadsheetId" | "userEmail">): void {
    this.view.world.dialogs.push({
      spreadsheetId: this.view.activeSpreadsheetId,
      userEmail: this.view.userEmail,
      ...dialog,
    });
  }
}

export class PromptResponse extends StandIn {
  readonly kind = "PromptResponse";
  constructor(
    view: View,
    private readonly button: ButtonName,
    private readonly text: string,
  ) {
    super(view);
  }
  getSelectedButton(): ButtonName {
    return this.button;
  }
  getResponseText(): string {
    return this.text;
  }
}

export class Menu extends StandIn {
  readonly kind = "Menu";
  private readonly items: MenuEntry[] = [];
  constructor(
    view: View,
    private readonly caption: string,
    private readonly addon: boolean,
  ) {
    super(view);
  }
  addItem(caption: string, functionName: string): this {
    this.items.push({ type: "item", caption, functionName });
    return this;
  }
  addSeparator(): this {
    this.items.push({ type: "separator" });
    return this;
  }
  /** Adding a menu with the same caption again replaces it (as reopening the document does). */
  addToUi(): void {
    const world = this.view.world;
    const record: MenuRecord = {
      spreadsheetId: this.view.activeSpreadsheetId,
      userEmail: this.view.userEmail,
      addon: this.addon,
      caption: this.caption,
      items: this.items.map((item) => ({ ...item })),
    };
    world.menus = world.menus.filter(
      (m) =>
        !(
          m.spreadsheetId === record.spreadsheetId &&
          m.userEmail === record.userEmail &&
          m.caption === record.caption &&
          m.addon === record.addon
        ),
    );
    world.menus.push(record);
  }
}

// ----- HtmlService -----

export class HtmlService extends StandIn {
  readonly kind = "HtmlService";
  /** The file's content from world.htmlFiles ("Sidebar" or "Sidebar.html"). */
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    const files = this.view.world.htmlFiles;
    const content = files[filename] ?? files[filename.replace(/\.html$/, "")] ?? files[`${filename}.html`];
    if (content === undefined) throw gasError(MESSAGES.noHtmlFile(filename));
    return new HtmlOutput(this.view, content);
  }
}

export class HtmlOutput extends StandIn {
  readonly kind = "HtmlOutput";
  _title = "";
  constructor(
    view: View,
    readonly _content: string,
  ) {
    super(view);
  }
  setTitle(title: string): this {
    this._title = title;
    return this;
  }
}
