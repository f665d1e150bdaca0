import { TIME_ZONE } from "../../core/dates";
import { INSTRUCTIONS } from "../../core/templates/instructions";
import type { AssociationFiles } from "../../services/new-association";
import type { KeyValueStore, Lock, Scheduler } from "../../services/ports";
import type { Mailer } from "../../services/reminders";
import { AppsScriptWorkbook } from "./apps-script-workbook";

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

/** DocumentProperties (or ScriptProperties) as the KeyValueStore port. */
export function propertiesStore(properties: GoogleAppsScript.Properties.Properties): KeyValueStore {
  return {
    get: (key) => properties.getProperty(key),
    set: (key, value) => void properties.setProperty(key, value),
    delete: (key) => void properties.deleteProperty(key),
    keys: () => properties.getKeys(),
  };
}

/** LockService's lock as the Lock port; releasing flushes first. */
export function scriptLock(lock: GoogleAppsScript.Lock.Lock, spreadsheetApp: Flushable): Lock {
  return { tryLock: (ms) => lock.tryLock(ms), release: () => releaseAfterFlush(lock, spreadsheetApp) };
}

/** One pending one-off time-driven trigger for `handler` (an earlier one is replaced). */
export function triggerScheduler(scriptApp: GoogleAppsScript.Script.ScriptApp, handler: string, afterMs: number): Scheduler {
  const scheduler: Scheduler = {
    continueLater() {
      scheduler.cancel();
      scriptApp.newTrigger(handler).timeBased().after(afterMs).create();
    },
    cancel() {
      for (const trigger of scriptApp.getProjectTriggers())
        if (trigger.getHandlerFunction() === handler) scriptApp.deleteTrigger(trigger);
    },
  };
  return scheduler;
}

/** MailApp as the Mailer port. */
export function mailAppMailer(mailApp: GoogleAppsScript.Mail.MailApp): Mailer {
  return {
    send: (m) => mailApp.sendEmail(m.to, m.subject, m.body),
    remainingDailyQuota: () => mailApp.getRemainingDailyQuota(),
  };
}

/** Hides these tabs from users (working tabs); a missing tab is skipped. */
export function hideTabs(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, names: ReadonlyArray<string>): void {
  for (const name of names) {
    const sheet = ss.getSheetByName(name);
    if (sheet && !sheet.isSheetHidden()) sheet.hideSheet();
  }
}

/** The new associations' spreadsheets, made with SpreadsheetApp (no Drive scope). */
export function appsScriptAssociationFiles(app: GoogleAppsScript.Spreadsheet.SpreadsheetApp): AssociationFiles {
  // An association's spreadsheet keeps Oslo calendar days (dates are read in its time zone).
  const associationFile = (ss: GoogleAppsScript.Spreadsheet.Spreadsheet) => {
    if (ss.getSpreadsheetTimeZone() !== TIME_ZONE) ss.setSpreadsheetTimeZone(TIME_ZONE);
    return { id: ss.getId(), url: ss.getUrl(), workbook: new AppsScriptWorkbook(ss, app) };
  };
  return {
    // A new spreadsheet whose first (default) tab becomes «Slik fyller du ut», which set-up puts
    // first, so no empty "Ark1" is left behind.
    create: (title) => {
      const ss = app.create(title);
      ss.getSheets()[0].setName(INSTRUCTIONS);
      return associationFile(ss);
    },
    // Spreadsheet.copy keeps the container-bound script (build/mal), so the copy has the «Samspill» menu.
    copy: (templateId, title) => associationFile(app.openById(templateId).copy(title)),
    addEditors: (id, emails) => void app.openById(id).addEditors(emails),
    // No Drive scope to trash it: the unregistered, unshared file is renamed so staff can delete it.
    discard: (id) => {
      const ss = app.openById(id);
      ss.rename(`${ss.getName()} (ufullstendig – kan slettes)`);
    },
  };
}
