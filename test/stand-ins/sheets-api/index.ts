/**
 * A local Sheets API v4 + Drive v3 stand-in for tests: point the real googleapis client at it with
 * `rootUrl: server.url + "/"`. See server.test.ts for usage.
 */
export { startSheetsApiStandIn } from "./server";
export type { RecordedRequest, SheetsApiStandIn, StandInOptions } from "./server";
export type { SeedCell, SeedSheet, SeedSpreadsheet, SheetSnapshot, SpreadsheetSnapshot } from "./store";
export type { FailNextOptions, FaultRateOptions, LatencySpec } from "./faults";
export type { ServiceAccountKey } from "./auth";
export type { Access, Permission } from "./model";
