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
}

export class ScriptApp extends StandIn {
  readonly kind = "ScriptApp";
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;

  newTrigger(functionName: string): TriggerBuilder {
    return new TriggerBuilder(this.view, functionName);
  }
  getProjectTriggers(): Trigger[] {
    return this.view.world.triggers
      .filter((t) => t.userEmail === this.view.userEmail)
      .map((t) => new Trigger(this.view, t));
  }
  deleteTrigger(trigger: unknown): void {
    const id = (trigger as { getUniqueId?: () => string })?.getUniqueId?.();
    const world = this.view.world;
    world.triggers = world.triggers.filter((t) => t.id !== id);
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
  private every(ms: number): this {
    this.everyMs = ms;
    this.dueAt = this.view.world.clock.millis() + ms;
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

export class Trigger extends StandIn {
  readonly kind = "Trigger";
  constructor(
    view: View,
    readonly _record: TriggerRecord,
  ) {
    super(view);
  }
  getHandlerFunction(): string {
    return this._record.handlerFunction;
  }
  getUniqueId(): string {
    return this._record.id;
  }
}
