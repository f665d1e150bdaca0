import { drive as driveApi, drive_v3 } from "googleapis/build/src/apis/drive";
import { sheets as sheetsApi, sheets_v4 } from "googleapis/build/src/apis/sheets";
import type { GoogleCredentials } from "./auth";
import { GateOptions, RequestGate } from "./gate";

/** The Sheets and Drive clients of one run, sharing one request gate (limits, retries, counts). */
export interface GoogleClients {
  sheets: sheets_v4.Sheets;
  drive: drive_v3.Drive;
  gate: RequestGate;
}

export interface ClientOptions extends GateOptions {
  auth: GoogleCredentials;
  /**
   * googleapis' own `rootUrl` option: one root for both Sheets and Drive instead of Google's
   * (a proxy or a private endpoint; the tests' local stand-in). Google's roots when absent.
   */
  rootUrl?: string;
}

export function googleClients(options: ClientOptions): GoogleClients {
  const gate = new RequestGate(options);
  // googleapis-common pins its own copy of gaxios; the options are the same at run time.
  const common = { auth: options.auth, ...gate.requestOptions(), ...(options.rootUrl ? { rootUrl: withSlash(options.rootUrl) } : {}) };
  const sheets = sheetsApi({ ...common, version: "v4" } as unknown as sheets_v4.Options);
  const drive = driveApi({ ...common, version: "v3" } as unknown as drive_v3.Options);
  return { sheets, drive, gate };
}

function withSlash(url: string): string {
  return url.endsWith("/") ? url : url + "/";
}
