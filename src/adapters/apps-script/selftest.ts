import { ValidationPlan } from "../../core/plan";
import { ScratchPort, SelfTestPorts } from "../../services/selftest";
import { PLAN_FORMATS } from "./apps-script-workbook";
import { AUTOMATIC_FORMAT, buildValidation, NUMBER_FORMATS } from "./formats";

/** The Apps Script services Selvtest touches (the same in both targets). */
export interface SelfTestServices {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  Utilities: Pick<GoogleAppsScript.Utilities.Utilities, "formatDate">;
  LockService: GoogleAppsScript.Lock.LockService;
}

/** Every number format Samspill puts on cells: the templates' column formats, output formats and automatic. */
export function numberFormatsInUse(): string[] {
  return [...new Set([...Object.values(PLAN_FORMATS), ...Object.values(NUMBER_FORMATS), AUTOMATIC_FORMAT])];
}

const SCRATCH_PREFIX = "Samspill selvtest";

/**
 * Selvtest's ports over SpreadsheetApp: a hidden tab named «Samspill selvtest …» that is deleted
 * afterwards (also when a check throws); the document lock; the spreadsheet's time zone; and
 * Utilities.formatDate as the platform's own Oslo clock.
 */
export function appsScriptSelfTestPorts(g: SelfTestServices, now: () => Date): SelfTestPorts {
  const spreadsheet = () => g.SpreadsheetApp.getActiveSpreadsheet();
  return {
    now,
    platformOsloToday: () => g.Utilities.formatDate(new Date(now().getTime()), "Europe/Oslo", "yyyy-MM-dd"),
    spreadsheetTimeZone: () => spreadsheet().getSpreadsheetTimeZone(),
    withScratch<T>(fn: (scratch: ScratchPort) => T): T {
      const ss = spreadsheet();
      // A tab left by an earlier, interrupted Selvtest goes first.
      for (const sheet of ss.getSheets()) if (sheet.getName().startsWith(SCRATCH_PREFIX)) ss.deleteSheet(sheet);
      const sheet = ss.insertSheet(`${SCRATCH_PREFIX} ${now().getTime()}`);
      try {
        sheet.hideSheet();
        return fn(scratchPort(g, sheet));
      } finally {
        ss.deleteSheet(sheet);
      }
    },
    lock() {
      const lock = g.LockService.getDocumentLock();
      if (!lock || !lock.tryLock(10_000)) return false;
      try {
        g.SpreadsheetApp.flush();
      } finally {
        lock.releaseLock();
      }
      return true;
    },
  };
}

function scratchPort(g: SelfTestServices, sheet: GoogleAppsScript.Spreadsheet.Sheet): ScratchPort {
  return {
    writePlainText(text) {
      const cell = sheet.getRange(1, 1);
      cell.setNumberFormat("@");
      cell.setValue(text);
      g.SpreadsheetApp.flush();
      return { value: cell.getValue(), formula: cell.getFormula() };
    },
    numberFormats() {
      const formats = numberFormatsInUse();
      const range = sheet.getRange(1, 2, formats.length, 1);
      range.setNumberFormats(formats.map((f) => [f]));
      range.setValues(formats.map(() => [1234.5]));
      g.SpreadsheetApp.flush();
      const back = range.getNumberFormats();
      return formats.map((format, i) => ({ format, readBack: String(back[i]?.[0] ?? "") }));
    },
    validations(rules: ReadonlyArray<{ plan: ValidationPlan; help: string }>) {
      if (rules.length === 0) return 0;
      const built = rules.map((r) => [buildValidation(() => g.SpreadsheetApp.newDataValidation(), r.plan, r.help)]);
      const range = sheet.getRange(1, 3, rules.length, 1);
      range.setDataValidations(built);
      g.SpreadsheetApp.flush();
      return range.getDataValidations().filter((row) => row[0] !== null).length;
    },
  };
}
