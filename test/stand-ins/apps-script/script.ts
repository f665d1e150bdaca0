import { StandIn, View } from "./counting";
import { AuthMode } from "./enums";
import { gasError, MESSAGES } from "./errors";
import { User } from "./users";

export const MAX_TRIGGERS_PER_USER = 20;

/** An installable clock trigger as the world records it; tests fire due ones themselves. */
export interface TriggerRecord {
  readonly id: string;
  readonly handlerFunction: string;
  readonly userEmail: string;
  /** When it is due (epoch ms); null once it has fired. */
  dueAt: number | null;
}

export class Session extends StandIn {
  readonly kind = "Session";
  getActiveUser(): User {
    return new User(this.view, this.view.userEmail);
  }
  getEffectiveUser(): User {
    return new User(this.view, this.view.userEmail);
  }
}

export class ScriptApp extends StandIn {
  readonly kind = "ScriptApp";
  readonly AuthMode = AuthMode;

  newTrigger(functionName: string): TriggerBuilder {
    return new TriggerBuilder(this.view, functionName);
  }
  getProjectTriggers(): Trigger[] {
    return this.view.world.triggers
      .filter((t) => t.userEmail === this.view.userEmail)
      .map((t) => new Trigger(this.view, t));
  }
  deleteTrigger(trigger: unknown): void {
    const id = (trigger as { _record?: TriggerRecord } | null)?._record?.id;
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

export class ClockTriggerBuilder extends StandIn {
  readonly kind = "ClockTriggerBuilder";
  private dueAt: number | null = null;
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
  create(): Trigger {
    if (this.dueAt === null) throw gasError("The trigger's time is not set: call after() before create().");
    const world = this.view.world;
    if (world.triggers.filter((t) => t.userEmail === this.view.userEmail).length >= MAX_TRIGGERS_PER_USER)
      throw gasError(MESSAGES.tooManyTriggers);
    const record: TriggerRecord = {
      id: world._nextId("trigger"),
      handlerFunction: this.handler,
      userEmail: this.view.userEmail,
      dueAt: this.dueAt,
    };
    world.triggers.push(record);
    return new Trigger(this.view, record);
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
}
