/** How long a second person waits for the first one's change to land before giving up. */
export const LOCK_WAIT_MS = 30_000;

/** The one SpreadsheetApp call a lock release needs. */
export type Flushable = Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, "flush">;

/**
 * Releases a lock after applying this execution's queued spreadsheet writes. Apps Script bundles
 * writes and applies them later; without the flush the next holder of the lock can read the sheet
 * as it was before (getLastRow() without our new row) and write over it.
 */
export function releaseAfterFlush(lock: GoogleAppsScript.Lock.Lock, spreadsheetApp: Flushable): void {
  try {
    spreadsheetApp.flush();
  } finally {
    lock.releaseLock();
  }
}

/**
 * Runs fn holding the document lock, so two people saving at once both get their row: the second
 * waits until the first has written (and flushed). A lock that cannot be had in time is an error the sidebar shows.
 */
export function withLock<T>(lock: GoogleAppsScript.Lock.Lock, spreadsheetApp: Flushable, fn: () => T, waitMs = LOCK_WAIT_MS): T {
  if (!lock.tryLock(waitMs)) throw new Error("Regnearket er opptatt akkurat nå (noen andre lagrer). Prøv igjen om litt.");
  try {
    return fn();
  } finally {
    releaseAfterFlush(lock, spreadsheetApp);
  }
}
