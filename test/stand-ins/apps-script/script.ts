import { StandIn, View } from "./counting";
import { AuthMode, AuthorizationStatus, EventType, TriggerSource } from "./enums";
import { gasError, MESSAGES } from "./errors";
import { User } from "./users";

export const MAX_TRIGGERS_PER_USER = 20;

/** An installable trigger as the world records it; tests fire due ones themselves. */
export interface TriggerRecord {
  readonly id: string;
  readonly handlerFunction: string;
  readonly userEmail: string;
  readonly eventType: keyof typeof EventType;
  readonly source: keyof typeof TriggerSource;
  readonly sourceId: string | null;
  /** Clock triggers: when it is next due (epoch ms). */
  dueAt: number | null;
  /** Recurring clock triggers: the period. */
  everyMs: number | null;
  firedCount: number;
}

export class Session extends StandIn {
  readonly kind = "Session";
  getActiveUser(): User {
    return new User(this.view, this.view.world._activeUserEmail(this.view));
  }
  getEffectiveUser(): User {
    return new User(this.view, this.view.world._effectiveUserEmail(this.view));
  }
  getScriptTimeZone(): string {
    return this.view.world.scriptTimeZone;
  }
  getActiveUserLocale(): string {
    return "nb";
  }
  getTemporaryActiveUserKey(): string {
    let hash = 7;
    for (const ch of this.view.userEmail) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
    return `temp-${hash.toString(36)}`;
  }
}

export class ScriptApp extends StandIn {
  readonly kind = "ScriptApp";
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;

  getAuthorizationInfo(_authMode: string): AuthorizationInfo {
    return new AuthorizationInfo(this.view);
  }
  getOAuthToken(): string {
    return `ya29.stand-in.${this.view.userEmail}`;
  }
  getScriptId(): string {
    return "stand-in-script-id";
  }
  newTrigger(functionName: string): TriggerBuilder {
    return new TriggerBuilder(this.view, functionName);
  }
  getProjectTriggers(): Trigger[] {
    return this.view.world.triggers
      .filter((t) => t.userEmail === this.view.userEmail)
      .map((t) => new Trigger(this.view, t));
  }
  getUserTriggers(spreadsheet: unknown): Trigger[] {
    const id = (spreadsheet as { getId?: () => string })?.getId?.();
    return this.view.world.triggers
      .filter((t) => t.userEmail === this.view.userEmail && t.sourceId === id)
      .map((t) => new Trigger(this.view, t));
  }
  deleteTrigger(trigger: unknown): void {
    const id = (trigger as { getUniqueId?: () => string })?.getUniqueId?.();
    const world = this.view.world;
    world.triggers = world.triggers.filter((t) => t.id !== id);
  }
}

export class AuthorizationInfo extends StandIn {
  readonly kind = "AuthorizationInfo";
  getAuthorizationStatus(): string {
    return this.view.authMode === "NONE" ? AuthorizationStatus.REQUIRED : AuthorizationStatus.NOT_REQUIRED;
  }
  getAuthorizationUrl(): string | null {
    return this.view.authMode === "NONE" ? "https://script.google.com/macros/d/stand-in/authorize" : null;
  }
}

export class TriggerBuilder extends StandIn {
  readonly kind = "TriggerBuilder";
  constructor(
    view: View,
    private readonly handler: string,
  ) {
    super(view);
  }
  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this.view, this.handler);
  }
  forSpreadsheet(spreadsheet: unknown): SpreadsheetTriggerBuilder {
    const id = typeof spreadsheet === "string" ? spreadsheet : (spreadsheet as { getId(): string }).getId();
    return new SpreadsheetTriggerBuilder(this.view, this.handler, id);
  }
}

function addTrigger(view: View, record: Omit<TriggerRecord, "id" | "userEmail" | "firedCount">): Trigger {
  const world = view.world;
  if (world.triggers.filter((t) => t.userEmail === view.userEmail).length >= MAX_TRIGGERS_PER_USER) {
    throw gasError(MESSAGES.tooManyTriggers);
  }
  const full: TriggerRecord = {
    ...record,
    id: world._nextId("trigger"),
    userEmail: view.userEmail,
    firedCount: 0,
  };
  world.triggers.push(full);
  return new Trigger(view, full);
}

export class ClockTriggerBuilder extends StandIn {
  readonly kind = "ClockTriggerBuilder";
  private dueAt: number | null = null;
  private everyMs: number | null = null;
  constructor(
    view: View,
    private readonly handler: string,
  ) {
    super(view);
  }
  after(durationMilliseconds: number): this {
    this.dueAt = this.view.world.clock.millis() + durationMilliseconds;
    return this;
  }
  at(date: Date): this {
    this.dueAt = new Date(date).getTime();
    return this;
  }
  everyMinutes(n: number): this {
    if (![1, 5, 10, 15, 30].includes(n))
      throw gasError("The value passed to everyMinutes must be one of 1, 5, 10, 15 or 30.");
    return this.every(n * 60_000);
  }
  everyHours(n: number): this {
    return this.every(n * 3_600_000);
  }
  everyDays(n: number): this {
    return this.every(n * 86_400_000);
  }
  everyWeeks(n: number): this {
    return this.every(n * 7 * 86_400_000);
  }
  private every(ms: number): this {
    this.everyMs = ms;
    this.dueAt = this.view.world.clock.millis() + ms;
    return this;
  }
  atHour(_hour: number): this {
    return this;
  }
  nearMinute(_minute: number): this {
    return this;
  }
  onWeekDay(_day: unknown): this {
    return this;
  }
  inTimezone(_timezone: string): this {
    return this;
  }
  create(): Trigger {
    if (this.dueAt === null)
      throw gasError("The trigger's time is not set: call after(), at() or every…() before create().");
    return addTrigger(this.view, {
      handlerFunction: this.handler,
      eventType: "CLOCK",
      source: "CLOCK",
      sourceId: null,
      dueAt: this.dueAt,
      everyMs: this.everyMs,
    });
  }
}

export class SpreadsheetTriggerBuilder extends StandIn {
  readonly kind = "SpreadsheetTriggerBuilder";
  private eventType: TriggerRecord["eventType"] = "ON_OPEN";
  constructor(
    view: View,
    private readonly handler: string,
    private readonly spreadsheetId: string,
  ) {
    super(view);
  }
  onOpen(): this {
    this.eventType = "ON_OPEN";
    return this;
  }
  onEdit(): this {
    this.eventType = "ON_EDIT";
    return this;
  }
  onChange(): this {
    this.eventType = "ON_CHANGE";
    return this;
  }
  onFormSubmit(): this {
    this.eventType = "ON_FORM_SUBMIT";
    return this;
  }
  create(): Trigger {
    return addTrigger(this.view, {
      handlerFunction: this.handler,
      eventType: this.eventType,
      source: "SPREADSHEETS",
      sourceId: this.spreadsheetId,
      dueAt: null,
      everyMs: null,
    });
  }
}

export class Trigger extends StandIn {
  readonly kind = "Trigger";
  constructor(
    view: View,
    readonly _record: TriggerRecord,
  ) {
    super(view);
  }
  getUniqueId(): string {
    return this._record.id;
  }
  getHandlerFunction(): string {
    return this._record.handlerFunction;
  }
  getEventType(): string {
    return this._record.eventType;
  }
  getTriggerSource(): string {
    return this._record.source;
  }
  getTriggerSourceId(): string | null {
    return this._record.sourceId;
  }
}
