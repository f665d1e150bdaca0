/**
 * A local Sheets API v4 + Drive v3 stand-in for tests: point the real googleapis client at it with
 * `rootUrl: server.url + "/"`. See server.test.ts for usage.
 */
export { startSheetsApiStandIn } from "./server";
export type { SheetsApiStandIn } from "./server";
