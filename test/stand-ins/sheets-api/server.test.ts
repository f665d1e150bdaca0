/**
 * The Sheets API stand-in, driven by the real googleapis client: only the behaviours src relies on,
 * each with the Google page it follows.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { google, sheets_v4, drive_v3 } from "googleapis";
import { googleAuth } from "../../../src/adapters/sheets-api/auth";
import { SheetsApiStandIn, startSheetsApiStandIn } from "./index";

/** Errors from the real client carry the HTTP status and the response. */
interface ClientError {
  code?: number | string;
  status?: number;
  message: string;
  response?: { status: number; headers: Headers | Record<string, string>; data: unknown };
}

async function failure(promise: Promise<unknown>): Promise<ClientError> {
  try {
    await promise;
  } catch (error) {
    return error as ClientError;
  }
  throw new Error("expected the call to fail");
}

const statusOf = (error: ClientError) => (error.response?.data as { error: { status: string } }).error.status;

describe("Sheets API stand-in driven by the real googleapis client", () => {
  let server: SheetsApiStandIn;
  let sheets: sheets_v4.Sheets;
  let drive: drive_v3.Drive;

  beforeAll(async () => {
    server = await startSheetsApiStandIn();
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.reset();
    const auth = new google.auth.OAuth2();
    auth.setCredentials({ access_token: "test" });
    sheets = google.sheets({ version: "v4", auth, rootUrl: server.url + "/", fetchImplementation: fetch });
    drive = google.drive({ version: "v3", auth, rootUrl: server.url + "/", fetchImplementation: fetch });
  });

  const seedAssociation = () =>
    server.addSpreadsheet({
      title: "Seniornett Asker",
      sheets: {
        Årsrapport: [
          ["Felt", "Verdi"],
          ["Rapportår", 2025],
          ["Sum", { formula: "=SUM(Aktiviteter!D:D)", value: 19 }],
        ],
        Aktiviteter: [
          ["Dato", "Aktivitetstype", "Tittel", "Deltakere", "Frivillige timer"],
          [{ date: "2025-03-12" }, "Kurs", "iPad for nybegynnere", 12, 4.5],
          [{ date: "2025-04-02" }, "Datahjelp", "Åpen datahjelp", 7, null],
        ],
        "Tiltak og ansvar": [
          ["Tiltak", "Ansvar"],
          ["1.1", "Lokalt"],
        ],
      },
    });

  // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets.values/batchGet
  // https://developers.google.com/workspace/sheets/api/reference/rest/v4/ValueRenderOption (UNFORMATTED_VALUE: a formula's result)
  // https://developers.google.com/workspace/sheets/api/reference/rest/v4/DateTimeRenderOption (SERIAL_NUMBER: days since 1899-12-30)
  it("reads several tabs in one values.batchGet: dates as serials, formulas as results, trailing empty cells and rows left out", async () => {
    const id = seedAssociation();
    const res = await sheets.spreadsheets.values.batchGet({
      spreadsheetId: id,
      ranges: ["Årsrapport", "Aktiviteter!A1:Z", "'Tiltak og ansvar'!A1:B10"],
      valueRenderOption: "UNFORMATTED_VALUE",
      dateTimeRenderOption: "SERIAL_NUMBER",
      majorDimension: "ROWS",
    });
    expect(server.countBy("values.batchGet")).toBe(1);
    const [report, activities, measures] = res.data.valueRanges ?? [];
    expect(report.range).toBe("Årsrapport!A1:Z1000");
    expect(report.values).toEqual([
      ["Felt", "Verdi"],
      ["Rapportår", 2025],
      ["Sum", 19],
    ]);
    expect(activities.values?.slice(1)).toEqual([
      [45728, "Kurs", "iPad for nybegynnere", 12, 4.5],
      [45749, "Datahjelp", "Åpen datahjelp", 7],
    ]);
    expect(measures.range).toBe("'Tiltak og ansvar'!A1:B10");
    expect(server.getFormulas(id, "Årsrapport")[2]).toEqual([null, "=SUM(Aktiviteter!D:D)"]);
  });

  // https://cloud.google.com/apis/design/errors (code, message, status); the messages are the APIs' own
  it.each<[string, (id: string) => Promise<unknown>, number, unknown, string]>([
    [
      "400 'Unable to parse range' for an unknown tab",
      (id) => sheets.spreadsheets.values.batchGet({ spreadsheetId: id, ranges: ["Finnes ikke!A1:B2"] }),
      400,
      "Unable to parse range: Finnes ikke!A1:B2",
      "INVALID_ARGUMENT",
    ],
    [
      "403 for a spreadsheet the caller may not open",
      (id) => {
        server.setAccess(id, "no_access");
        return sheets.spreadsheets.get({ spreadsheetId: id });
      },
      403,
      "The caller does not have permission",
      "PERMISSION_DENIED",
    ],
    [
      "404 for an unknown spreadsheet",
      () => sheets.spreadsheets.get({ spreadsheetId: "aldri-sett" }),
      404,
      "Requested entity was not found.",
      "NOT_FOUND",
    ],
    [
      "401 without a bearer token",
      (id) =>
        google
          .sheets({ version: "v4", rootUrl: server.url + "/", fetchImplementation: fetch })
          .spreadsheets.get({ spreadsheetId: id }),
      401,
      expect.stringMatching(/^Request is missing required authentication credential/),
      "UNAUTHENTICATED",
    ],
  ])("answers %s with Google's error body", async (_, call, code, message, status) => {
    const error = await failure(call(seedAssociation()));
    expect(error.response?.data).toEqual({ error: { code, message, status } });
  });

  // https://developers.google.com/workspace/sheets/api/reference/rest/v4/ValueInputOption (RAW: stored as-is)
  it("keeps RAW text that looks like a formula as text, and refuses a write past the grid", async () => {
    const id = server.addSpreadsheet({ title: "Input", sheets: { Ut: [["a"]] } });
    await sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: "Ut!A1",
      valueInputOption: "RAW",
      requestBody: { values: [["=1+1", "42", 7]] },
    });
    expect(server.getValues(id, "Ut")).toEqual([["=1+1", "42", 7]]);
    expect(server.getFormulas(id, "Ut")).toEqual([[null, null, null]]);
    const error = await failure(
      sheets.spreadsheets.values.update({
        spreadsheetId: id,
        range: "Ut!A1001",
        valueInputOption: "RAW",
        requestBody: { values: [["c"]] },
      }),
    );
    expect(error.message).toBe("Range (Ut!A1001) exceeds grid limits. Max rows: 1000, max columns: 26");
  });

  // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request (the request kinds src sends)
  // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/get (includeGridData, fields)
  it("applies the request kinds src sends in one batchUpdate, with replies in order, and shows them to spreadsheets.get", async () => {
    const id = seedAssociation();
    const meta = await sheets.spreadsheets.get({
      spreadsheetId: id,
      fields: "sheets(properties(sheetId,title))",
    });
    expect(Object.keys(meta.data)).toEqual(["sheets"]);
    const sheetId =
      meta.data.sheets?.find((s) => s.properties?.title === "Aktiviteter")?.properties?.sheetId ?? -1;
    const column = (c: number) => ({ sheetId, startRowIndex: 1, startColumnIndex: c, endColumnIndex: c + 1 });
    const res = await sheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            addSheet: { properties: { title: "Ny fane", gridProperties: { rowCount: 50, columnCount: 5 } } },
          },
          {
            updateSheetProperties: {
              properties: { sheetId, gridProperties: { frozenRowCount: 1 } },
              fields: "gridProperties.frozenRowCount",
            },
          },
          {
            repeatCell: {
              range: column(0),
              cell: { userEnteredFormat: { numberFormat: { type: "DATE", pattern: "dd.mm.yyyy" } } },
              fields: "userEnteredFormat.numberFormat",
            },
          },
          {
            updateCells: {
              start: { sheetId, rowIndex: 0, columnIndex: 3 },
              rows: [{ values: [{ note: "Antall deltakere, 0–10000" }] }],
              fields: "note",
            },
          },
          {
            setDataValidation: {
              range: column(1),
              rule: {
                condition: { type: "ONE_OF_LIST", values: [{ userEnteredValue: "Kurs" }] },
                strict: true,
              },
            },
          },
          {
            addConditionalFormatRule: {
              index: 0,
              rule: {
                ranges: [column(3)],
                booleanRule: {
                  condition: { type: "CUSTOM_FORMULA", values: [{ userEnteredValue: "=D2>10000" }] },
                  format: { backgroundColor: { red: 1 } },
                },
              },
            },
          },
          {
            addProtectedRange: {
              protectedRange: {
                range: { sheetId, startRowIndex: 0, endRowIndex: 1 },
                description: "Overskrifter",
                warningOnly: true,
              },
            },
          },
          {
            updateDimensionProperties: {
              range: { sheetId, dimension: "COLUMNS", startIndex: 2, endIndex: 3 },
              properties: { pixelSize: 240 },
              fields: "pixelSize",
            },
          },
          { setBasicFilter: { filter: { range: { sheetId } } } },
          {
            addChart: {
              chart: {
                spec: { title: "Deltakere" },
                position: { overlayPosition: { anchorCell: { sheetId, rowIndex: 0, columnIndex: 8 } } },
              },
            },
          },
        ],
      },
    });
    const replies = res.data.replies ?? [];
    expect(replies).toHaveLength(10);
    expect(replies[0].addSheet?.properties?.title).toBe("Ny fane");
    expect(replies[1]).toEqual({});
    const protectedRangeId = replies[6].addProtectedRange?.protectedRange?.protectedRangeId;
    expect(replies[9].addChart?.chart?.chartId).toEqual(expect.any(Number));

    const after = await sheets.spreadsheets.get({ spreadsheetId: id, includeGridData: true });
    const sheet = after.data.sheets?.find((s) => s.properties?.title === "Aktiviteter");
    expect(sheet?.properties?.gridProperties?.frozenRowCount).toBe(1);
    expect(sheet?.protectedRanges?.[0]).toMatchObject({
      protectedRangeId,
      warningOnly: true,
      description: "Overskrifter",
    });
    const rows = sheet?.data?.[0].rowData ?? [];
    expect(rows[0].values?.[3].note).toBe("Antall deltakere, 0–10000");
    expect(rows[1].values?.[0].effectiveFormat?.numberFormat?.type).toBe("DATE");
    expect(rows[1].values?.[1].dataValidation?.condition?.type).toBe("ONE_OF_LIST");
    expect(server.getSpreadsheet(id).sheets[1].columnWidths).toEqual({ 2: 240 });

    await sheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          { deleteProtectedRange: { protectedRangeId } },
          { deleteConditionalFormatRule: { sheetId, index: 0 } },
        ],
      },
    });
    expect(server.getSpreadsheet(id).sheets[1]).toMatchObject({
      protectedRanges: [],
      conditionalFormats: [],
    });
  });

  // https://developers.google.com/workspace/sheets/api/limits ("All Sheets requests are applied atomically")
  it("applies nothing of a batchUpdate when one request is refused", async () => {
    const id = seedAssociation();
    const error = await failure(
      sheets.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: {
          requests: [
            { addSheet: { properties: { title: "Skal ikke finnes" } } },
            { addSheet: { properties: { title: "Aktiviteter" } } },
          ],
        },
      }),
    );
    expect(error.status).toBe(400);
    expect(error.message).toContain('A sheet with the name "Aktiviteter" already exists');
    expect(server.getSpreadsheet(id).sheets.map((s) => s.title)).not.toContain("Skal ikke finnes");
  });

  // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/create
  it("creates a spreadsheet owned by the caller with the named tabs", async () => {
    const created = await sheets.spreadsheets.create({
      requestBody: {
        properties: { title: "Partnervisning Asker" },
        sheets: [{ properties: { title: "Aktiviteter" } }, { properties: { title: "Milepæler" } }],
      },
    });
    const id = created.data.spreadsheetId ?? "";
    expect(created.data.spreadsheetUrl).toBe(`https://docs.google.com/spreadsheets/d/${id}/edit`);
    expect(created.data.sheets?.map((s) => s.properties?.title)).toEqual(["Aktiviteter", "Milepæler"]);
    expect(server.getSpreadsheet(id).permissions[0]).toMatchObject({
      role: "owner",
      emailAddress: "stand-in-user@example.com",
    });
  });

  describe("failures", () => {
    // https://developers.google.com/workspace/sheets/api/limits (429 per-minute quota; retry with backoff)
    it("answers 429 RESOURCE_EXHAUSTED with Retry-After, as scripted", async () => {
      const id = seedAssociation();
      server.failNext({ endpoint: "spreadsheets.batchUpdate", status: 429, retryAfterSeconds: 1 });
      const error = await failure(
        sheets.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests: [{ addSheet: {} }] } }),
      );
      expect(error.status).toBe(429);
      const headers = error.response?.headers;
      expect(headers instanceof Headers ? headers.get("retry-after") : headers?.["retry-after"]).toBe("1");
      expect(statusOf(error)).toBe("RESOURCE_EXHAUSTED");
    });

    // https://cloud.google.com/apis/design/errors (503 UNAVAILABLE: retry with backoff); seeded, so runs repeat
    it("fails a seeded share of requests with 503, the same way every run", async () => {
      const id = seedAssociation();
      const run = async () => {
        server.reset();
        server.addSpreadsheet({ id, title: "x", sheets: { A: [["1"]] } });
        server.setFaultRate({ status: 503, rate: 0.3, seed: 7 });
        const statuses: number[] = [];
        for (let i = 0; i < 20; i++)
          statuses.push(
            await sheets.spreadsheets.get({ spreadsheetId: id }, { retry: false }).then(
              (r) => r.status,
              (e: ClientError) => e.status ?? 0,
            ),
          );
        return statuses;
      };
      const first = await run();
      expect(first.filter((s) => s === 503).length).toBeGreaterThan(0);
      expect(await run()).toEqual(first);
    });

    // Not Google's behaviour but the stand-in's gauge: the rate-limit tests measure concurrency with it
    it("lets requests overlap under latency and counts them in flight", async () => {
      const id = seedAssociation();
      server.setLatency(150);
      await Promise.all(Array.from({ length: 5 }, () => sheets.spreadsheets.get({ spreadsheetId: id })));
      expect(server.maxInFlight).toBe(5);
      expect(server.maxInWindow(60_000)).toBe(5);
    });
  });

  // https://developers.google.com/identity/protocols/oauth2/service-account (JWT-bearer grant at the key's token_uri)
  it("issues tokens for the service-account keys it made, at the key file's token_uri, and refuses others", async () => {
    const key = server.createServiceAccountKey("samspill-sync@stand-in.iam.gserviceaccount.com");
    expect(key.token_uri).toBe(server.tokenUrl);
    const dir = mkdtempSync(join(tmpdir(), "samspill-stand-in-"));
    writeFileSync(join(dir, "key.json"), JSON.stringify(key));
    server.requireIssuedTokens(true);
    const auth = await googleAuth({ credentialsFile: join(dir, "key.json") });
    const api = google.sheets({ version: "v4", auth, rootUrl: server.url + "/", fetchImplementation: fetch });
    const created = await api.spreadsheets.create({ requestBody: { properties: { title: "Sentral" } } });
    expect(server.requests.map((r) => r.endpoint)).toEqual(["token", "spreadsheets.create"]);
    expect((server.requests[0].body as Record<string, string>).grant_type).toBe(
      "urn:ietf:params:oauth:grant-type:jwt-bearer",
    );
    expect(server.getSpreadsheet(created.data.spreadsheetId ?? "").permissions[0].emailAddress).toBe(
      key.client_email,
    );

    writeFileSync(
      join(dir, "stranger.json"),
      JSON.stringify({ ...key, client_email: "stranger@elsewhere.iam.gserviceaccount.com" }),
    );
    await expect(googleAuth({ credentialsFile: join(dir, "stranger.json") })).rejects.toThrow(
      /Google avviste innloggingen/,
    );
  });

  // https://developers.google.com/workspace/drive/api/reference/rest/v3/permissions
  it("shares, lists and un-shares a spreadsheet through Drive; the owner stays", async () => {
    const id = seedAssociation();
    const created = await drive.permissions.create({
      fileId: id,
      sendNotificationEmail: false,
      requestBody: { type: "user", role: "reader", emailAddress: "Kari@Asker.kommune.no" },
      fields: "id,emailAddress,role,type",
    });
    expect(created.data).toMatchObject({
      role: "reader",
      type: "user",
      emailAddress: "kari@asker.kommune.no",
    });
    expect(server.requests[0].query.sendNotificationEmail).toBe("false");
    const list = await drive.permissions.list({
      fileId: id,
      fields: "permissions(id,emailAddress,role,type)",
    });
    expect(list.data.permissions?.map((p) => [p.emailAddress, p.role])).toEqual([
      ["stand-in-user@example.com", "owner"],
      ["kari@asker.kommune.no", "reader"],
    ]);
    expect((await drive.permissions.delete({ fileId: id, permissionId: created.data.id ?? "" })).status).toBe(
      204,
    );
    const owner = list.data.permissions?.[0].id ?? "";
    expect((await failure(drive.permissions.delete({ fileId: id, permissionId: owner }))).status).toBe(403);
    expect(server.getSpreadsheet(id).permissions.map((p) => p.emailAddress)).toEqual([
      "stand-in-user@example.com",
    ]);
  });

  // https://developers.google.com/workspace/drive/api/reference/rest/v3/files/get (404 for a file the caller cannot see)
  it("gets a file's id and trashed flag, and hides unreachable files behind 404", async () => {
    const id = seedAssociation();
    expect((await drive.files.get({ fileId: id, fields: "id,trashed" })).data).toEqual({
      id,
      trashed: false,
    });
    server.setAccess(id, "no_access");
    expect((await failure(drive.files.get({ fileId: id }))).code).toBe(404);
  });
});
