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

const NAMES: ReadonlyArray<keyof AppsScriptServices> = ["SpreadsheetApp", "HtmlService", "LockService", "Session", "ScriptApp", "PropertiesService", "Utilities"];

/** The services as globals of the running script (Apps Script, or a vm context in tests). */
export function globalServices(scope: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): AppsScriptServices {
  const services = {} as AppsScriptServices;
  for (const name of NAMES) Object.defineProperty(services, name, { get: () => scope[name], enumerable: true });
  return services;
}

/** True when Apps Script runs the function before the user has authorised the add-on here. */
export function isAuthModeNone(services: AppsScriptServices, e: { authMode?: unknown } | undefined): boolean {
  return e?.authMode !== undefined && e.authMode === services.ScriptApp.AuthMode.NONE;
}
