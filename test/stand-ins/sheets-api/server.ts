/** The HTTP stand-in: node:http over the in-memory store, with auth, request log, faults and latency. */
import { createServer, IncomingMessage, ServerResponse } from "node:http";
import { AddressInfo } from "node:net";
import { Auth, DEFAULT_PRINCIPAL, ServiceAccountKey, TokenError } from "./auth";
import { batchUpdate } from "./batch-update";
import * as drive from "./drive";
import { ApiError, errorBody } from "./errors";
import { FailNextOptions, FaultRateOptions, Faults } from "./faults";
import { masked } from "./fields";
import { Access, Json, SpreadsheetState } from "./model";
import { Api, route, Route } from "./routes";
import * as sheets from "./sheets";
import { SeedSpreadsheet, SpreadsheetSnapshot, Store } from "./store";

export interface RecordedRequest {
  method: string;
  /** Endpoint name ("values.batchGet", "drive.permissions.create", "token"); "unknown" for unmatched paths. */
  endpoint: string;
  spreadsheetId?: string;
  /** Query parameters; repeated ones (ranges) as arrays. */
  query: Record<string, string | string[]>;
  body?: unknown;
  /** Epoch ms when the request arrived, and when it was answered. */
  time: number;
  endTime?: number;
  status?: number;
}

export interface SheetsApiStandIn {
  /** "http://127.0.0.1:<port>"; pass `rootUrl: server.url + "/"` to google.sheets / google.drive. */
  readonly url: string;
  readonly tokenUrl: string;
  readonly requests: RecordedRequest[];
  /** Highest number of requests in flight at once since start (or the last resetStats). */
  readonly maxInFlight: number;

  addSpreadsheet(spec: SeedSpreadsheet): string;
  getValues(id: string, tab: string): Array<Array<string | number | boolean | null>>;
  getFormulas(id: string, tab: string): Array<Array<string | null>>;
  getSpreadsheet(id: string): SpreadsheetSnapshot;
  listSpreadsheets(): Array<{ id: string; title: string }>;
  /** `not_found` → 404, `no_access` → 403 (Drive: 404), `ok` clears. Works for unseeded ids too. */
  setAccess(id: string, access: Access): void;

  countBy(endpoint: string, filter?: { spreadsheetId?: string }): number;
  /** Most requests that arrived within any window of `windowMs` (sliding), e.g. 60 000 to check a per-minute budget. */
  maxInWindow(windowMs: number): number;
  resetStats(): void;

  /** Milliseconds each request waits before it is answered. */
  setLatency(ms: number): void;
  failNext(options: FailNextOptions): void;
  setFaultRate(options: FaultRateOptions | null): void;

  createServiceAccountKey(email?: string): ServiceAccountKey;
  /** Accept only tokens issued by /token (default: any bearer token). */
  requireIssuedTokens(on: boolean): void;

  /** Clears spreadsheets, faults, latency, quotas, access overrides, issued tokens, token strictness and the log (service-account keys stay registered). */
  reset(): void;
  close(): Promise<void>;
}

function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function startSheetsApiStandIn(): Promise<SheetsApiStandIn> {
  let store = new Store();
  const faults = new Faults();
  const accessOverrides = new Map<string, Access>();
  const requests: RecordedRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let baseUrl = "";
  const auth = new Auth(() => `${baseUrl}/token`);

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    if (status === 204) {
      res.writeHead(204, headers).end();
      return;
    }
    const text = JSON.stringify(body);
    res
      .writeHead(status, {
        "content-type": "application/json; charset=UTF-8",
        "content-length": Buffer.byteLength(text),
        ...headers,
      })
      .end(text);
  };

  const accessOf = (id: string | undefined): Access =>
    id === undefined ? "ok" : (accessOverrides.get(id) ?? "ok");

  /** Sheets-side access: 404 and 403 exactly as the Sheets API words them. */
  const sheetFor = (r: Route): SpreadsheetState => {
    const access = accessOf(r.spreadsheetId);
    if (access === "not_found") throw new ApiError(404, "Requested entity was not found.");
    if (access === "no_access") throw new ApiError(403, "The caller does not have permission");
    return store.require(r.spreadsheetId ?? "");
  };

  /** Drive hides a file the caller cannot see behind 404. */
  const driveAccess = (r: Route) => {
    if (accessOf(r.spreadsheetId) !== "ok")
      throw new ApiError(404, `File not found: ${r.spreadsheetId ?? ""}.`, { reason: "notFound" });
  };

  const dispatch = (r: Route, input: sheets.HandlerInput): { status: number; body?: unknown } => {
    const ok = (body: unknown) => ({ status: 200, body });
    switch (r.endpoint) {
      case "spreadsheets.create":
        return ok(sheets.spreadsheetResource(store, sheets.createSpreadsheet(store, input)));
      case "spreadsheets.get":
        return ok(sheets.getSpreadsheet(store, sheetFor(r), input));
      case "spreadsheets.batchUpdate":
        return ok(batchUpdate(store, sheetFor(r), input.body));
      case "values.batchGet":
        return ok(sheets.valuesBatchGet(store, sheetFor(r), input));
      case "values.update":
        return ok(sheets.valuesUpdate(store, sheetFor(r), r.range ?? "", input));
    }
    const id = r.spreadsheetId ?? "";
    driveAccess(r);
    switch (r.endpoint) {
      case "drive.files.get":
        return ok(drive.filesGet(store, id, input));
      case "drive.permissions.create":
        return ok(drive.permissionsCreate(store, id, input));
      case "drive.permissions.list":
        return ok(drive.permissionsList(store, id, input));
      case "drive.permissions.delete":
        drive.permissionsDelete(store, id, r.permissionId ?? "");
        return { status: 204 };
    }
    throw new ApiError(404, `Method not found: ${r.endpoint}`);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", baseUrl);
    const method = (req.method ?? "GET").toUpperCase();
    const r = route(method, url.pathname);
    const entry: RecordedRequest = {
      method,
      endpoint: r?.endpoint ?? "unknown",
      spreadsheetId: r?.spreadsheetId,
      query: queryRecord(url.searchParams),
      time: Date.now(),
    };
    requests.push(entry);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const api: Api = r?.api ?? "sheets";
    const finish = (status: number, body?: unknown, headers?: Record<string, string>) => {
      entry.status = status;
      entry.endTime = Date.now();
      inFlight--;
      send(res, status, body, headers);
    };
    try {
      const raw = await readBody(req);
      const contentType = String(req.headers["content-type"] ?? "");
      let body: Json = {};
      let form = new URLSearchParams();
      if (contentType.includes("application/x-www-form-urlencoded")) {
        form = new URLSearchParams(raw);
        entry.body = Object.fromEntries(form);
      } else if (raw.trim() !== "") {
        try {
          body = JSON.parse(raw) as Json;
        } catch {
          throw new ApiError(400, `Invalid JSON payload received. Unexpected token.\n${raw.slice(0, 40)}`);
        }
        entry.body = body;
      }
      if (faults.latency > 0) await sleep(faults.latency);
      if (!r) throw new ApiError(404, `The stand-in has no endpoint for ${method} ${url.pathname}`);
      const principal = r.endpoint === "token" ? "" : auth.principal(req.headers.authorization);
      const fault = faults.check(r.endpoint, r.spreadsheetId);
      if (fault) throw fault;
      if (r.endpoint === "token") {
        finish(200, auth.token(form));
        return;
      }
      const result = dispatch(r, {
        query: url.searchParams,
        body,
        principal,
      });
      finish(
        result.status,
        r.api === "sheets" && result.status === 200
          ? masked(result.body, url.searchParams.get("fields"))
          : result.body,
      );
    } catch (error) {
      if (error instanceof TokenError) {
        finish(error.status, { error: error.error, error_description: error.description });
        return;
      }
      const apiError =
        error instanceof ApiError
          ? error
          : new ApiError(500, `Stand-in failure: ${error instanceof Error ? error.stack : String(error)}`);
      const headers: Record<string, string> = {};
      if (apiError.extra.retryAfterSeconds !== undefined)
        headers["retry-after"] = String(apiError.extra.retryAfterSeconds);
      if (apiError.code === 401) headers["www-authenticate"] = 'Bearer realm="https://accounts.google.com/"';
      if (r?.endpoint === "token") {
        finish(
          apiError.code,
          {
            error: apiError.code === 429 ? "rate_limit_exceeded" : "internal_failure",
            error_description: apiError.message,
          },
          headers,
        );
        return;
      }
      finish(apiError.code, errorBody(apiError, api), headers);
    }
  };

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: baseUrl,
    tokenUrl: `${baseUrl}/token`,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    addSpreadsheet: (spec) => store.seed(spec, DEFAULT_PRINCIPAL),
    getValues: (id, tab) => store.values(id, tab),
    getFormulas: (id, tab) => store.formulas(id, tab),
    getSpreadsheet: (id) => store.snapshot(id),
    listSpreadsheets: () =>
      [...store.spreadsheets.values()].map((ss) => ({ id: ss.spreadsheetId, title: ss.properties.title })),
    setAccess: (id, access) => {
      accessOverrides.set(id, access);
    },
    countBy: (endpoint, filter = {}) =>
      requests.filter(
        (e) =>
          e.endpoint === endpoint &&
          (filter.spreadsheetId === undefined || e.spreadsheetId === filter.spreadsheetId),
      ).length,
    maxInWindow: (windowMs) => {
      const times = requests.map((e) => e.time).sort((a, b) => a - b);
      let best = 0;
      let start = 0;
      for (let end = 0; end < times.length; end++) {
        while (times[end] - times[start] >= windowMs) start++;
        best = Math.max(best, end - start + 1);
      }
      return best;
    },
    resetStats: () => {
      requests.length = 0;
      maxInFlight = inFlight;
    },
    setLatency: (ms) => {
      faults.latency = ms;
    },
    failNext: (o) => faults.failNext(o),
    setFaultRate: (o) => faults.setFaultRate(o),
    createServiceAccountKey: (email) => auth.createServiceAccountKey(email),
    requireIssuedTokens: (on) => {
      auth.requireIssuedTokens = on;
    },
    reset: () => {
      store = new Store();
      faults.reset();
      auth.reset();
      accessOverrides.clear();
      requests.length = 0;
      maxInFlight = inFlight;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
