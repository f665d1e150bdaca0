import { StandIn, View } from "./counting";
import { gasError, MESSAGES } from "./errors";

/** A lock slot shared by every execution of a world: held by one execution id at a time. */
export interface LockSlot {
  holder: number | null;
}

export class LockService extends StandIn {
  readonly kind = "LockService";
  getScriptLock(): Lock {
    return new Lock(this.view, "script");
  }
  /** null when the script has no containing document (as in Google). */
  getDocumentLock(): Lock | null {
    const id = this.view.activeSpreadsheetId;
    return id === null ? null : new Lock(this.view, `document:${id}`);
  }
}

/**
 * Locks belong to the execution (the globals object) that took them. Nothing runs in parallel in a
 * test, so waiting for a lock held by another execution just advances the virtual clock by the
 * timeout and fails; end the other execution (world.endExecution) to free its locks.
 */
export class Lock extends StandIn {
  readonly kind = "Lock";
  constructor(
    view: View,
    private readonly key: string,
  ) {
    super(view);
  }
  private slot(): LockSlot {
    const locks = this.view.world._locks;
    let slot = locks.get(this.key);
    if (!slot) {
      slot = { holder: null };
      locks.set(this.key, slot);
    }
    return slot;
  }
  tryLock(timeoutInMillis: number): boolean {
    const slot = this.slot();
    const me = this.view.execution.id;
    if (slot.holder === null || slot.holder === me) {
      slot.holder = me;
      return true;
    }
    this.view.world.clock.advance(Math.max(0, timeoutInMillis));
    return false;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw gasError(MESSAGES.lockTimeout);
  }
  releaseLock(): void {
    const slot = this.slot();
    if (slot.holder === this.view.execution.id) slot.holder = null;
  }
}
