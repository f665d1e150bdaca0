import { google, sheets_v4, drive_v3 } from "googleapis";
import { SheetsApiStandIn, startSheetsApiStandIn } from "./index";

/** Errors from the real client carry the HTTP status as `code` (a number) and the response. */
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

  function seedAssociation(): string {
    return server.addSpreadsheet({
      title: "Seniornett Asker",
      locale: "nb_NO",
      sheets: {
        Årsrapport: [
          ["Felt", "Verdi"],
          ["Rapportår", 2025],
          ["Forening", "Seniornett Asker"],
        ],
        Aktiviteter: [
          ["Dato", "Aktivitetstype", "Tittel", "Deltakere", "Frivillige timer"],
          [{ date: "2025-03-12" }, "Kurs", "iPad for nybegynnere", 12, 4.5],
          [{ date: "2025-04-02" }, "Datahjelp", "Åpen datahjelp", 7, null],
        ],
        Milepæler: [["Kommunenummer", "Milepæl", "Frist"]],
        "Tiltak og ansvar": [
          ["Tiltak", "Ansvar"],
          ["1.1", "Lokalt"],
        ],
      },
    });
  }

  it("reads four tabs in one batchGet, omitting trailing empty cells and rows", async () => {
    const id = seedAssociation();
    const res = await sheets.spreadsheets.values.batchGet({
      spreadsheetId: id,
      ranges: ["Årsrapport", "Aktiviteter!A1:Z", "'Milepæler'!A:C", "'Tiltak og ansvar'!A1:B10"],
      valueRenderOption: "UNFORMATTED_VALUE",
    });
    expect(server.countBy("values.batchGet")).toBe(1);
    expect(server.requests[0].query.ranges).toHaveLength(4);
    const [report, activities, milestones, measures] = res.data.valueRanges ?? [];
    expect(report.values).toEqual([
      ["Felt", "Verdi"],
      ["Rapportår", 2025],
      ["Forening", "Seniornett Asker"],
    ]);
    expect(report.range).toBe("Årsrapport!A1:Z1000");
    expect(activities.values?.[1]).toEqual([45728, "Kurs", "iPad for nybegynnere", 12, 4.5]);
    expect(activities.values?.[2]).toEqual([45749, "Datahjelp", "Åpen datahjelp", 7]);
    expect(milestones.values).toEqual([["Kommunenummer", "Milepæl", "Frist"]]);
    expect(measures.range).toBe("'Tiltak og ansvar'!A1:B10");
    expect(measures.values).toEqual([
      ["Tiltak", "Ansvar"],
      ["1.1", "Lokalt"],
    ]);
  });

  it("renders values formatted (locale), unformatted, as formulas, and dates as serials or strings", async () => {
    const id = server.addSpreadsheet({
      title: "Render",
      locale: "nb_NO",
      sheets: { Ark: [[{ date: "2025-03-12" }, 4.5, true, { formula: "=B1*2" }, "", "tekst"]] },
    });
    const get = async (valueRenderOption: string, dateTimeRenderOption?: string) =>
      (
        await sheets.spreadsheets.values.get({
          spreadsheetId: id,
          range: "Ark!A1:F1",
          valueRenderOption,
          dateTimeRenderOption,
        })
      ).data.values?.[0];
    expect(await get("FORMATTED_VALUE")).toEqual(["2025-03-12", "4,5", "TRUE", "9", "", "tekst"]);
    expect(await get("UNFORMATTED_VALUE")).toEqual([45728, 4.5, true, 9, "", "tekst"]);
    expect(await get("UNFORMATTED_VALUE", "FORMATTED_STRING")).toEqual([
      "2025-03-12",
      4.5,
      true,
      9,
      "",
      "tekst",
    ]);
    expect(await get("FORMULA")).toEqual([45728, 4.5, true, "=B1*2", "", "tekst"]);
  });

  it("answers 400 'Unable to parse range' for an unknown tab", async () => {
    const id = seedAssociation();
    const error = await failure(
      sheets.spreadsheets.values.get({ spreadsheetId: id, range: "Finnes ikke!A1:B2" }),
    );
    expect(error.status).toBe(400);
    expect(error.message).toBe("Unable to parse range: Finnes ikke!A1:B2");
    expect(error.response?.data).toEqual({
      error: { code: 400, message: "Unable to parse range: Finnes ikke!A1:B2", status: "INVALID_ARGUMENT" },
    });
  });

  it("keeps RAW text as text and turns USER_ENTERED input into formulas, numbers and dates", async () => {
    const id = server.addSpreadsheet({ title: "Input", sheets: { Ut: [] } });
    await sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: "Ut!A1",
      valueInputOption: "RAW",
      requestBody: { values: [["=1+1", "42", "'sitat", 7]] },
    });
    await sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: "Ut!A2:E2",
      valueInputOption: "USER_ENTERED",
      requestBody: { values: [["=1+1", "42", "'=tekst", "2025-03-12", "=SUM(B1:B2)"]] },
    });
    expect(server.getValues(id, "Ut")).toEqual([
      ["=1+1", "42", "'sitat", 7, null],
      [2, 42, "=tekst", 45728, 42],
    ]);
    expect(server.getFormulas(id, "Ut")[1]).toEqual(["=1+1", null, null, null, "=SUM(B1:B2)"]);
    const formulas = await sheets.spreadsheets.values.get({
      spreadsheetId: id,
      range: "Ut",
      valueRenderOption: "FORMULA",
    });
    expect(formulas.data.values).toEqual([
      ["=1+1", "42", "'sitat", 7],
      ["=1+1", 42, "=tekst", 45728, "=SUM(B1:B2)"],
    ]);
  });

  it("refuses a values.update past the last row until the grid is grown, and append grows it itself", async () => {
    const id = server.addSpreadsheet({
      title: "Grid",
      sheets: { Ark: { rows: [["a"], ["b"]], rowCount: 2, columnCount: 3 } },
    });
    const error = await failure(
      sheets.spreadsheets.values.update({
        spreadsheetId: id,
        range: "Ark!A3",
        valueInputOption: "RAW",
        requestBody: { values: [["c"]] },
      }),
    );
    expect(error.status).toBe(400);
    expect(error.message).toBe("Range (Ark!A3) exceeds grid limits. Max rows: 2, max columns: 3");

    const append = await sheets.spreadsheets.values.append({
      spreadsheetId: id,
      range: "Ark!A1:C",
      valueInputOption: "RAW",
      requestBody: {
        values: [
          ["c", 1],
          ["d", 2],
        ],
      },
    });
    expect(append.data.tableRange).toBe("Ark!A1:A2");
    expect(append.data.updates?.updatedRange).toBe("Ark!A3:B4");
    expect(server.getSpreadsheet(id).sheets[0].rowCount).toBe(4);

    const sheetId = server.getSpreadsheet(id).sheets[0].sheetId;
    await sheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: { requests: [{ appendDimension: { sheetId, dimension: "ROWS", length: 10 } }] },
    });
    await sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: "Ark!A10",
      valueInputOption: "RAW",
      requestBody: { values: [["z"]] },
    });
    expect(server.getValues(id, "Ark").map((r) => r[0])).toEqual([
      "a",
      "b",
      "c",
      "d",
      null,
      null,
      null,
      null,
      null,
      "z",
    ]);
  });

  it("writes several ranges in one values.batchUpdate and clears with batchClear", async () => {
    const id = seedAssociation();
    const res = await sheets.spreadsheets.values.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        valueInputOption: "USER_ENTERED",
        data: [
          { range: "Årsrapport!B2", values: [[2026]] },
          { range: "'Tiltak og ansvar'!A3:B3", values: [["1.2", "Sentralt"]] },
        ],
      },
    });
    expect(res.data.totalUpdatedCells).toBe(3);
    expect(res.data.totalUpdatedSheets).toBe(2);
    // USER_ENTERED reads "1.2" as a number, like typing it into Sheets would.
    expect(server.getValues(id, "Tiltak og ansvar")[2]).toEqual([1.2, "Sentralt"]);
    await sheets.spreadsheets.values.batchClear({
      spreadsheetId: id,
      requestBody: { ranges: ["Aktiviteter!A2:Z"] },
    });
    expect(server.getValues(id, "Aktiviteter")).toHaveLength(1);
  });

  it("round-trips a formatting and validation plan through spreadsheets.batchUpdate", async () => {
    const id = seedAssociation();
    const meta = await sheets.spreadsheets.get({
      spreadsheetId: id,
      fields: "sheets(properties(sheetId,title,gridProperties))",
    });
    expect(Object.keys(meta.data)).toEqual(["sheets"]);
    const tab = meta.data.sheets?.find((s) => s.properties?.title === "Aktiviteter")?.properties;
    const sheetId = tab?.sheetId ?? -1;
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
              range: { sheetId, startRowIndex: 0, endRowIndex: 1 },
              cell: { userEnteredFormat: { textFormat: { bold: true } } },
              fields: "userEnteredFormat.textFormat.bold",
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
                condition: {
                  type: "ONE_OF_LIST",
                  values: [{ userEnteredValue: "Kurs" }, { userEnteredValue: "Datahjelp" }],
                },
                strict: true,
                showCustomUi: true,
              },
            },
          },
          {
            addConditionalFormatRule: {
              index: 0,
              rule: {
                ranges: [column(3)],
                booleanRule: {
                  condition: { type: "NUMBER_GREATER", values: [{ userEnteredValue: "10000" }] },
                  format: { backgroundColor: { red: 1, green: 0.8, blue: 0.8 } },
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
          { updateBorders: { range: column(0), bottom: { style: "SOLID" } } },
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
    expect(replies).toHaveLength(11);
    expect(replies[0].addSheet?.properties?.title).toBe("Ny fane");
    expect(replies[0].addSheet?.properties?.gridProperties).toEqual({ rowCount: 50, columnCount: 5 });
    expect(replies[1]).toEqual({});
    const protectedRangeId = replies[7].addProtectedRange?.protectedRange?.protectedRangeId;
    expect(typeof protectedRangeId).toBe("number");
    expect(replies[10].addChart?.chart?.chartId).toEqual(expect.any(Number));

    // What a second reader sees through the API ...
    const after = await sheets.spreadsheets.get({
      spreadsheetId: id,
      ranges: ["Aktiviteter!A1:D2"],
      includeGridData: true,
    });
    const sheet = after.data.sheets?.[0];
    expect(sheet?.properties?.gridProperties?.frozenRowCount).toBe(1);
    expect(sheet?.protectedRanges?.[0]).toMatchObject({
      protectedRangeId,
      warningOnly: true,
      description: "Overskrifter",
    });
    expect(sheet?.conditionalFormats).toHaveLength(1);
    const rows = sheet?.data?.[0].rowData ?? [];
    expect(rows[0].values?.[0].userEnteredFormat?.textFormat?.bold).toBe(true);
    expect(rows[0].values?.[3].note).toBe("Antall deltakere, 0–10000");
    expect(rows[1].values?.[0].formattedValue).toBe("12.03.2025");
    expect(rows[1].values?.[1].dataValidation?.condition?.type).toBe("ONE_OF_LIST");

    // ... and what a test can inspect directly.
    const model = server.getSpreadsheet(id);
    const activities = model.sheets.find((s) => s.title === "Aktiviteter");
    expect(activities?.frozenRowCount).toBe(1);
    expect(activities?.columnWidths).toEqual({ 2: 240 });
    expect(activities?.notes).toEqual({ D1: "Antall deltakere, 0–10000" });
    expect(Object.keys(activities?.validations ?? {})).toContain("B1000");
    expect(activities?.charts[0].spec).toEqual({ title: "Deltakere" });
    expect(model.sheets.map((s) => s.title)).toEqual([
      "Årsrapport",
      "Aktiviteter",
      "Milepæler",
      "Tiltak og ansvar",
      "Ny fane",
    ]);

    await sheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          { deleteProtectedRange: { protectedRangeId } },
          { deleteConditionalFormatRule: { sheetId, index: 0 } },
        ],
      },
    });
    expect(server.getSpreadsheet(id).sheets[1].protectedRanges).toEqual([]);
    expect(server.getSpreadsheet(id).sheets[1].conditionalFormats).toEqual([]);
  });

  it("rejects an unknown request kind with Google's error shape and applies nothing of the batch", async () => {
    const id = seedAssociation();
    const error = await failure(
      sheets.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: {
          requests: [
            { addSheet: { properties: { title: "Skal ikke finnes" } } },
            { frobnicate: {} } as sheets_v4.Schema$Request,
          ],
        },
      }),
    );
    expect(error.status).toBe(400);
    expect(error.response?.data).toEqual({
      error: {
        code: 400,
        message: `Invalid JSON payload received. Unknown name "frobnicate" at 'requests[1]': Cannot find field.`,
        status: "INVALID_ARGUMENT",
      },
    });
    expect(server.getSpreadsheet(id).sheets.map((s) => s.title)).not.toContain("Skal ikke finnes");
  });

  it("creates a spreadsheet with named tabs and reads it back", async () => {
    const created = await sheets.spreadsheets.create({
      requestBody: {
        properties: { title: "Partnervisning Asker" },
        sheets: [{ properties: { title: "Aktiviteter" } }, { properties: { title: "Milepæler" } }],
      },
    });
    const id = created.data.spreadsheetId ?? "";
    expect(created.data.spreadsheetUrl).toBe(`https://docs.google.com/spreadsheets/d/${id}/edit`);
    expect(created.data.sheets?.map((s) => [s.properties?.title, typeof s.properties?.sheetId])).toEqual([
      ["Aktiviteter", "number"],
      ["Milepæler", "number"],
    ]);
    const got = await sheets.spreadsheets.get({
      spreadsheetId: id,
      fields: "properties.title,sheets.properties.title",
    });
    expect(got.data).toEqual({
      properties: { title: "Partnervisning Asker" },
      sheets: [{ properties: { title: "Aktiviteter" } }, { properties: { title: "Milepæler" } }],
    });
  });

  describe("faults", () => {
    it("retries a 429 on GET by default (googleapis sets retry: true) and reaches the data", async () => {
      const id = seedAssociation();
      server.failNext({ endpoint: "values.batchGet", status: 429, retryAfterSeconds: 1 });
      const res = await sheets.spreadsheets.values.batchGet({ spreadsheetId: id, ranges: ["Årsrapport"] });
      expect(res.status).toBe(200);
      expect(server.requests.map((r) => r.status)).toEqual([429, 200]);
    });

    it("sends Retry-After with the 429, and gaxios retries POSTs only when retryConfig asks for it", async () => {
      const id = seedAssociation();
      const write = (options?: object) =>
        sheets.spreadsheets.values.batchUpdate(
          {
            spreadsheetId: id,
            requestBody: { valueInputOption: "RAW", data: [{ range: "Årsrapport!B2", values: [[2030]] }] },
          },
          options,
        );

      server.failNext({ endpoint: "values.batchUpdate", status: 429, retryAfterSeconds: 1 });
      const error = await failure(write());
      expect(error.status).toBe(429);
      const headers = error.response?.headers;
      expect(headers instanceof Headers ? headers.get("retry-after") : headers?.["retry-after"]).toBe("1");
      expect((error.response?.data as { error: { status: string } }).error.status).toBe("RESOURCE_EXHAUSTED");
      expect(server.countBy("values.batchUpdate")).toBe(1);

      server.failNext({ endpoint: "values.batchUpdate", status: 429, retryAfterSeconds: 1, times: 2 });
      const res = await write({
        retryConfig: { retry: 3, retryDelay: 10, retryDelayMultiplier: 1.01, httpMethodsToRetry: ["POST"] },
      });
      expect(res.status).toBe(200);
      expect(server.requests.filter((r) => r.endpoint === "values.batchUpdate").map((r) => r.status)).toEqual(
        [429, 429, 429, 200],
      );
      expect(server.getValues(id, "Årsrapport")[1][1]).toBe(2030);
    });

    it("surfaces 403 and 404 with their codes, and without retries", async () => {
      const denied = seedAssociation();
      server.setAccess(denied, "no_access");
      const e403 = await failure(
        sheets.spreadsheets.values.get({ spreadsheetId: denied, range: "Årsrapport" }),
      );
      expect(e403.code).toBe(403);
      expect(e403.message).toBe("The caller does not have permission");
      expect((e403.response?.data as { error: { status: string } }).error.status).toBe("PERMISSION_DENIED");

      server.setAccess("finnes-ikke", "not_found");
      const e404 = await failure(sheets.spreadsheets.get({ spreadsheetId: "finnes-ikke" }));
      expect(e404.code).toBe(404);
      expect(e404.message).toBe("Requested entity was not found.");
      const never = await failure(sheets.spreadsheets.get({ spreadsheetId: "aldri-sett" }));
      expect(never.code).toBe(404);
      expect(server.requests.map((r) => r.status)).toEqual([403, 404, 404]);
    });

    it("fails a seeded share of requests with 503 reproducibly", async () => {
      const id = seedAssociation();
      const run = async () => {
        server.reset();
        server.addSpreadsheet({ id, title: "x", sheets: { A: [["1"]] } });
        server.setFaultRate({ status: 503, rate: 0.3, seed: 7 });
        const statuses: number[] = [];
        for (let i = 0; i < 20; i++) {
          const r = await sheets.spreadsheets.values
            .get({ spreadsheetId: id, range: "A!A1" }, { retry: false })
            .then(
              (res) => res.status,
              (e: ClientError) => e.status ?? 0,
            );
          statuses.push(r);
        }
        return statuses;
      };
      const first = await run();
      expect(first.filter((s) => s === 503).length).toBeGreaterThan(0);
      expect(first.filter((s) => s === 200).length).toBeGreaterThan(10);
      expect(await run()).toEqual(first);
    });

    it("lets concurrent requests overlap under latency and counts them in flight", async () => {
      const id = seedAssociation();
      server.setLatency(150);
      const started = Date.now();
      await Promise.all(
        Array.from({ length: 5 }, () =>
          sheets.spreadsheets.values.get({ spreadsheetId: id, range: "Årsrapport" }),
        ),
      );
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(140);
      expect(elapsed).toBeLessThan(600);
      expect(server.maxInFlight).toBe(5);
      expect(server.maxInWindow(60_000, "values.get")).toBe(5);
      expect([...server.perMinute().values()].reduce((a, b) => a + b, 0)).toBe(5);
    });

    it("enforces a per-minute read quota with 429s", async () => {
      const id = seedAssociation();
      server.setQuota({ readsPerMinute: 3, retryAfterSeconds: 60 });
      const statuses = [];
      for (let i = 0; i < 5; i++) {
        statuses.push(
          await sheets.spreadsheets.values
            .get({ spreadsheetId: id, range: "Årsrapport" }, { retry: false })
            .then(
              (r) => r.status,
              (e: ClientError) => e.status,
            ),
        );
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    });

    it("answers 401 without a bearer token", async () => {
      const id = seedAssociation();
      const anonymous = google.sheets({
        version: "v4",
        rootUrl: server.url + "/",
        fetchImplementation: fetch,
      });
      const error = await failure(anonymous.spreadsheets.get({ spreadsheetId: id }));
      expect(error.status).toBe(401);
      expect((error.response?.data as { error: { status: string } }).error.status).toBe("UNAUTHENTICATED");
    });
  });

  it("runs the service-account JWT flow against /token end to end", async () => {
    const key = server.createServiceAccountKey("samspill-sync@stand-in.iam.gserviceaccount.com");
    expect(key.token_uri).toBe(server.tokenUrl);
    const jwt = new google.auth.JWT({
      email: key.client_email,
      key: key.private_key,
      scopes: ["https://www.googleapis.com/auth/spreadsheets"],
    });
    server.routeTokenRequests(jwt);
    const api = google.sheets({
      version: "v4",
      auth: jwt,
      rootUrl: server.url + "/",
      fetchImplementation: fetch,
    });
    server.requireIssuedTokens(true);

    const created = await api.spreadsheets.create({ requestBody: { properties: { title: "Sentral" } } });
    expect(created.status).toBe(200);
    expect(server.requests.map((r) => r.endpoint)).toEqual(["token", "spreadsheets.create"]);
    const tokenRequest = server.requests[0].body as Record<string, string>;
    expect(tokenRequest.grant_type).toBe("urn:ietf:params:oauth:grant-type:jwt-bearer");
    expect(server.requests[1].principal).toBe(key.client_email);
    const id = created.data.spreadsheetId ?? "";
    expect(server.getSpreadsheet(id).permissions[0]).toMatchObject({
      role: "owner",
      emailAddress: key.client_email,
    });

    // A revoked token gives 401. google-auth-library does not recover by itself: gtoken keeps serving its
    // cached token until it nears expiry, even with forceRefreshOnFailure. A new client gets a new token.
    server.revokeTokens();
    const revoked = await failure(api.spreadsheets.get({ spreadsheetId: id }));
    expect(revoked.status).toBe(401);
    const fresh = new google.auth.JWT({
      email: key.client_email,
      key: key.private_key,
      scopes: ["https://www.googleapis.com/auth/spreadsheets"],
    });
    server.routeTokenRequests(fresh);
    await google
      .sheets({ version: "v4", auth: fresh, rootUrl: server.url + "/", fetchImplementation: fetch })
      .spreadsheets.get({ spreadsheetId: id });
    expect(server.requests.slice(2).map((r) => `${r.endpoint} ${r.status}`)).toEqual([
      "spreadsheets.get 401",
      "token 200",
      "spreadsheets.get 200",
    ]);

    // A key the stand-in never issued is refused at /token.
    const stranger = new google.auth.JWT({
      email: "stranger@elsewhere.iam.gserviceaccount.com",
      key: key.private_key,
      scopes: ["https://www.googleapis.com/auth/spreadsheets"],
    });
    server.routeTokenRequests(stranger);
    const refused = await failure(
      google
        .sheets({ version: "v4", auth: stranger, rootUrl: server.url + "/", fetchImplementation: fetch })
        .spreadsheets.get({ spreadsheetId: id }),
    );
    expect(refused.message).toContain("invalid_grant");
  });

  describe("drive", () => {
    it("shares, lists and un-shares a spreadsheet", async () => {
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

      await drive.permissions.create({
        fileId: id,
        requestBody: { type: "user", role: "writer", emailAddress: "ola@asker.kommune.no" },
      });
      const list = await drive.permissions.list({
        fileId: id,
        fields: "permissions(id,emailAddress,role,type)",
      });
      expect(list.data.permissions?.map((p) => [p.emailAddress, p.role])).toEqual([
        ["stand-in-user@example.com", "owner"],
        ["kari@asker.kommune.no", "reader"],
        ["ola@asker.kommune.no", "writer"],
      ]);
      expect(Object.keys(list.data.permissions?.[0] ?? {}).sort()).toEqual([
        "emailAddress",
        "id",
        "role",
        "type",
      ]);

      const del = await drive.permissions.delete({ fileId: id, permissionId: created.data.id ?? "" });
      expect(del.status).toBe(204);
      expect(server.getSpreadsheet(id).permissions.map((p) => p.emailAddress)).toEqual([
        "stand-in-user@example.com",
        "ola@asker.kommune.no",
      ]);
    });

    it("creates, copies, gets and deletes spreadsheet files", async () => {
      const file = await drive.files.create({
        requestBody: { name: "Mal", mimeType: "application/vnd.google-apps.spreadsheet" },
        fields: "id,name",
      });
      const id = file.data.id ?? "";
      await sheets.spreadsheets.values.update({
        spreadsheetId: id,
        range: "A1",
        valueInputOption: "RAW",
        requestBody: { values: [["fra malen"]] },
      });
      const copy = await drive.files.copy({
        fileId: id,
        requestBody: { name: "Asker" },
        fields: "id,name,webViewLink",
      });
      expect(copy.data.name).toBe("Asker");
      expect(copy.data.webViewLink).toContain(copy.data.id ?? "missing");
      expect(server.getValues(copy.data.id ?? "", "Sheet1")).toEqual([["fra malen"]]);
      const got = await drive.files.get({ fileId: copy.data.id ?? "", fields: "id,name,webViewLink" });
      expect(got.data).toEqual({ id: copy.data.id, name: "Asker", webViewLink: copy.data.webViewLink });
      await drive.files.delete({ fileId: id });
      const gone = await failure(drive.files.get({ fileId: id }));
      expect(gone.code).toBe(404);
      expect(server.listSpreadsheets().map((s) => s.title)).toEqual(["Asker"]);
    });
  });
});
