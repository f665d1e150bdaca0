import { StandIn, View } from "./counting";
import { Button, ButtonName, ButtonSet, ButtonSetName, SandboxMode, XFrameOptionsMode } from "./enums";
import { gasError, MESSAGES } from "./errors";

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
  type: "sidebar" | "modal" | "modeless" | "alert" | "prompt";
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
    this.record("sidebar", userInterface);
  }
  private record(type: DialogRecord["type"], userInterface: unknown, title?: string): void {
    const html = userInterface as { getContent?: () => string; getTitle?: () => string };
    if (typeof html?.getContent !== "function") throw gasError(MESSAGES.signature(`Ui.${type}`));
    this.view.world.dialogs.push({
      type,
      spreadsheetId: this.view.activeSpreadsheetId,
      userEmail: this.view.userEmail,
      title: title ?? html.getTitle?.() ?? "",
      content: html.getContent(),
    });
  }
  /** alert(prompt), alert(prompt, buttons), alert(title, prompt, buttons). */
  alert(a: string, b?: string | ButtonSetName, c?: ButtonSetName): ButtonName {
    let title = "";
    let prompt = a;
    let buttons: ButtonSetName = "OK";
    if (c !== undefined) {
      title = a;
      prompt = String(b);
      buttons = c;
    } else if (b !== undefined) {
      if (b in ButtonSet) buttons = b as ButtonSetName;
      else {
        title = a;
        prompt = b;
      }
    }
    const answer = this.answer(buttons);
    this.view.world.dialogs.push({
      type: "alert",
      spreadsheetId: this.view.activeSpreadsheetId,
      userEmail: this.view.userEmail,
      title,
      content: prompt,
      buttons,
      response: answer.button,
    });
    return answer.button;
  }
  /** prompt(prompt), prompt(prompt, buttons), prompt(title, prompt, buttons). */
  prompt(a: string, b?: string | ButtonSetName, c?: ButtonSetName): PromptResponse {
    let title = "";
    let prompt = a;
    let buttons: ButtonSetName = "OK";
    if (c !== undefined) {
      title = a;
      prompt = String(b);
      buttons = c;
    } else if (b !== undefined) {
      if (b in ButtonSet) buttons = b as ButtonSetName;
      else {
        title = a;
        prompt = b;
      }
    }
    const answer = this.answer(buttons);
    this.view.world.dialogs.push({
      type: "prompt",
      spreadsheetId: this.view.activeSpreadsheetId,
      userEmail: this.view.userEmail,
      title,
      content: prompt,
      buttons,
      response: answer.button,
    });
    return new PromptResponse(this.view, answer.button, answer.text ?? "");
  }
  private answer(buttons: ButtonSetName): UiResponse {
    const queued = this.view.world.uiResponses.shift();
    if (queued) return queued;
    return { button: buttons === "YES_NO" || buttons === "YES_NO_CANCEL" ? "YES" : "OK", text: "" };
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
  readonly _items: MenuEntry[] = [];
  constructor(
    view: View,
    readonly _caption: string,
    private readonly addon: boolean,
  ) {
    super(view);
  }
  addItem(caption: string, functionName: string): this {
    this._items.push({ type: "item", caption, functionName });
    return this;
  }
  addSeparator(): this {
    this._items.push({ type: "separator" });
    return this;
  }
  /** Adding a menu with the same caption again replaces it (as reopening the document does). */
  addToUi(): void {
    const world = this.view.world;
    const record: MenuRecord = {
      spreadsheetId: this.view.activeSpreadsheetId,
      userEmail: this.view.userEmail,
      addon: this.addon,
      caption: this._caption,
      items: JSON.parse(JSON.stringify(this._items)) as MenuEntry[],
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
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  createHtmlOutput(html?: string): HtmlOutput {
    return new HtmlOutput(this.view, html ?? "");
  }
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    return new HtmlOutput(this.view, this.file(filename));
  }
  private file(filename: string): string {
    const files = this.view.world.htmlFiles;
    const content = files[filename] ?? files[filename.replace(/\.html$/, "")] ?? files[`${filename}.html`];
    if (content === undefined) throw gasError(MESSAGES.noHtmlFile(filename));
    return content;
  }
}

export class HtmlOutput extends StandIn {
  readonly kind = "HtmlOutput";
  private title = "";
  private width = 0;
  private height = 0;
  private sandbox: string = SandboxMode.IFRAME;
  private xFrame: string = XFrameOptionsMode.DEFAULT;
  private readonly metaTags: Array<{ name: string; content: string }> = [];
  constructor(
    view: View,
    private content: string,
  ) {
    super(view);
  }
  getContent(): string {
    return this.content;
  }
  setContent(content: string): this {
    this.content = content;
    return this;
  }
  append(addedContent: string): this {
    this.content += addedContent;
    return this;
  }
  clear(): this {
    this.content = "";
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): this {
    this.title = title;
    return this;
  }
}
