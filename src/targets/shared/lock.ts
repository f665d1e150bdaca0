import { Flushable, releaseAfterFlush } from "../../adapters/apps-script/ports";

/** How long a second person waits for the first one's change to land before giving up. */
export const LOCK_WAIT_MS = 30_000;

export { releaseAfterFlush };
export type { Flushable };

/**
 * Runs fn holding the document lock, so two people saving at once both get their row: the second
 * waits until the first has written (and flushed). A lock that cannot be had in time is an error the sidebar shows.
 */
export function withLock<T>(lock: GoogleAppsScript.Lock.Lock, spreadsheetApp: Flushable, fn: () => T, waitMs = LOCK_WAIT_MS): T {
  return withLockOr(lock, spreadsheetApp, waitMs, fn, () => {
    throw new Error("Regnearket er opptatt akkurat nå (noen andre lagrer). Prøv igjen om litt.");
  });
}

/** Runs fn holding the lock (released after a flush); `busy` answers when the lock cannot be had within waitMs. */
export function withLockOr<T, B>(lock: GoogleAppsScript.Lock.Lock, spreadsheetApp: Flushable, waitMs: number, fn: () => T, busy: () => B): T | B {
  if (!lock.tryLock(waitMs)) return busy();
  try {
    return fn();
  } finally {
    releaseAfterFlush(lock, spreadsheetApp);
  }
}
