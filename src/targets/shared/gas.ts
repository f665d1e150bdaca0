/**
 * The Apps Script services a target uses, read from the global scope when first needed (never at
 * load time: in AuthMode.NONE even touching some of them is refused). Tests hand in a stand-in.
 */
export interface AppsScriptServices {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  LockService: GoogleAppsScript.Lock.LockService;
  Session: GoogleAppsScript.Base.Session;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  Utilities: GoogleAppsScript.Utilities.Utilities;
}

/** The bound central script also uses the Sheets advanced service and MailApp. */
export interface SentralServices extends AppsScriptServices {
  Sheets: GoogleAppsScript.Sheets;
  MailApp: GoogleAppsScript.Mail.MailApp;
}

const NAMES: ReadonlyArray<keyof SentralServices> = ["SpreadsheetApp", "HtmlService", "LockService", "Session", "ScriptApp", "PropertiesService", "Utilities", "Sheets", "MailApp"];

/**
 * The services as globals of the running script (Apps Script, or a vm context in tests). Each is read
 * when used, so a service the script does not enable (Sheets in the add-on) is never touched.
 */
export function globalServices(scope: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): SentralServices {
  const services = {} as SentralServices;
  for (const name of NAMES) Object.defineProperty(services, name, { get: () => scope[name], enumerable: true });
  return services;
}

/** True when Apps Script runs the function before the user has authorised the add-on here. */
export function isAuthModeNone(services: AppsScriptServices, e: { authMode?: unknown } | undefined): boolean {
  return e?.authMode !== undefined && e.authMode === services.ScriptApp.AuthMode.NONE;
}
