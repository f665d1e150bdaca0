/** The Sheets API backend (googleapis): workbook, association reads, partner views, auth and quota. */
export { googleAuth, GOOGLE_SCOPES, readServiceAccountKey } from "./auth";
export type { AuthOptions, GoogleCredentials } from "./auth";
export { googleClients } from "./clients";
export type { ClientOptions, GoogleClients } from "./clients";
export { RequestGate, DEFAULT_CONCURRENCY, DEFAULT_MAX_RETRIES, DEFAULT_RATE_PER_MINUTE } from "./gate";
export type { GateOptions, GateStats } from "./gate";
export { classifyGoogleError, GoogleModeError, spreadsheetProblem } from "./errors";
export { openSpreadsheet, SheetsWorkbook, MARK_NOTE_PREFIX } from "./sheets-workbook";
export { readAssociationSource, spreadsheetIdFrom } from "./association-source";
export { planRequests } from "./plan-requests";
export { createViewSpreadsheet, sheetsApiViewFiles, viewExists } from "./partner-views";
