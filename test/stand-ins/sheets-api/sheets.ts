/** Sheets v4 handlers: spreadsheets.create / get, and the values.* family. */
import { ApiError, badRequest } from "./errors";
import { applyMask, parseMask } from "./fields";
import { CellState, clone, getCell, Json, SheetState, SpreadsheetState } from "./model";
import { Store } from "./store";
import { batchUpdate } from "./batch-update";
import { DateTimeRenderOption, formattedText, ValueInputOption, ValueRenderOption } from "./values";

export interface HandlerInput {
  query: URLSearchParams;
  body: Json;
  /** Who the bearer token belongs to (service-account email for /token-issued tokens). */
  principal: string;
  baseUrl: string;
}

export function spreadsheetUrl(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}/edit`;
}

function valueRender(query: URLSearchParams, name = "valueRenderOption"): ValueRenderOption {
  const v = query.get(name) ?? "FORMATTED_VALUE";
  if (v !== "FORMATTED_VALUE" && v !== "UNFORMATTED_VALUE" && v !== "FORMULA")
    throw badRequest(`Invalid value at '${name}' (${v})`);
  return v;
}

function dateRender(query: URLSearchParams, name = "dateTimeRenderOption"): DateTimeRenderOption {
  const v = query.get(name) ?? "SERIAL_NUMBER";
  if (v !== "SERIAL_NUMBER" && v !== "FORMATTED_STRING")
    throw badRequest(`Invalid value at '${name}' (${v})`);
  return v;
}

function dimension(v: unknown): "ROWS" | "COLUMNS" {
  if (v === undefined || v === null || v === "ROWS" || v === "DIMENSION_UNSPECIFIED") return "ROWS";
  if (v === "COLUMNS") return "COLUMNS";
  throw badRequest(`Invalid value at 'major_dimension' (${String(v)})`);
}

function inputOption(v: unknown): ValueInputOption {
  if (v === undefined || v === null || v === "")
    throw badRequest("'valueInputOption' is required but not specified");
  if (v !== "RAW" && v !== "USER_ENTERED")
    throw badRequest(`Invalid value at 'value_input_option' (${String(v)})`);
  return v;
}

function valuesOf(body: Json): unknown[][] {
  const values = body.values ?? [];
  if (!Array.isArray(values) || values.some((row) => row !== null && !Array.isArray(row))) {
    throw badRequest("Invalid values: expected an array of arrays");
  }
  return values as unknown[][];
}

export function masked(result: unknown, query: URLSearchParams): unknown {
  const fields = query.get("fields");
  return fields ? applyMask(result, parseMask(fields)) : result;
}

// ---- spreadsheets ---------------------------------------------------------------------------------------

export function createSpreadsheet(store: Store, input: HandlerInput): SpreadsheetState {
  const props = (input.body.properties ?? {}) as Json;
  const sheets = (input.body.sheets ?? []) as Array<{
    properties?: Json & { title?: string; gridProperties?: Json };
  }>;
  const ss = store.create({
    title: props.title as string | undefined,
    locale: props.locale as string | undefined,
    timeZone: props.timeZone as string | undefined,
    sheetTitles: sheets.map((s, i) => s.properties?.title ?? `Sheet${i + 1}`),
    owner: input.principal,
  });
  sheets.forEach((s, i) => {
    const grid = s.properties?.gridProperties as
      Partial<SheetState["properties"]["gridProperties"]> | undefined;
    if (grid) Object.assign(ss.sheets[i].properties.gridProperties, grid);
    if (s.properties?.sheetId !== undefined) ss.sheets[i].properties.sheetId = Number(s.properties.sheetId);
  });
  for (const [key, value] of Object.entries(props)) if (key !== "title") ss.properties[key] = value;
  return ss;
}

function cellData(
  store: Store,
  ss: SpreadsheetState,
  sheet: SheetState,
  r: number,
  c: number,
  cell: CellState,
): Json {
  const out: Json = {};
  if (cell.userEnteredValue) {
    out.userEnteredValue = clone(cell.userEnteredValue);
    const effective = store.effective(ss, sheet, r, c);
    if (effective) out.effectiveValue = clone(effective);
    out.formattedValue = formattedText(effective, cell.userEnteredFormat?.numberFormat, ss.properties.locale);
  }
  if (cell.userEnteredFormat) {
    out.userEnteredFormat = clone(cell.userEnteredFormat);
    out.effectiveFormat = clone(cell.userEnteredFormat);
  }
  if (cell.note !== undefined) out.note = cell.note;
  if (cell.dataValidation) out.dataValidation = clone(cell.dataValidation);
  return out;
}

function gridData(
  store: Store,
  ss: SpreadsheetState,
  sheet: SheetState,
  r0: number,
  r1: number,
  c0: number,
  c1: number,
): Json {
  const rowData: Json[] = [];
  for (let r = r0; r < r1; r++) {
    const values: Json[] = [];
    for (let c = c0; c < c1; c++) {
      const cell = getCell(sheet, r, c);
      values.push(cell ? cellData(store, ss, sheet, r, c, cell) : {});
    }
    while (values.length && Object.keys(values[values.length - 1]).length === 0) values.pop();
    rowData.push(values.length ? { values } : {});
  }
  while (rowData.length && Object.keys(rowData[rowData.length - 1]).length === 0) rowData.pop();
  const data: Json = { rowData };
  if (r0) data.startRow = r0;
  if (c0) data.startColumn = c0;
  data.rowMetadata = sheet.rowMetadata.slice(r0, r1).map((m) => m ?? {});
  data.columnMetadata = Array.from(
    { length: c1 - c0 },
    (_, i) => sheet.columnMetadata[c0 + i] ?? { pixelSize: 100 },
  );
  return data;
}

/** The Spreadsheet resource, optionally with grid data for the given ranges (or whole tabs). */
export function spreadsheetResource(
  store: Store,
  ss: SpreadsheetState,
  options: { includeGridData?: boolean; ranges?: string[] } = {},
): Json {
  const ranges = options.ranges ?? [];
  const wanted = ranges.map((text) => store.resolve(ss, text));
  const sheets = store
    .orderedSheets(ss)
    .filter((sheet) => ranges.length === 0 || wanted.some((w) => w.sheet === sheet));
  return {
    spreadsheetId: ss.spreadsheetId,
    properties: clone(ss.properties),
    sheets: sheets.map((sheet) => {
      const out: Json = { properties: clone(sheet.properties) };
      if (sheet.conditionalFormats.length) out.conditionalFormats = clone(sheet.conditionalFormats);
      if (sheet.protectedRanges.length) out.protectedRanges = clone(sheet.protectedRanges);
      if (sheet.charts.length) out.charts = clone(sheet.charts);
      if (sheet.merges.length) out.merges = clone(sheet.merges);
      if (sheet.basicFilter) out.basicFilter = clone(sheet.basicFilter);
      if (options.includeGridData) {
        const grid = sheet.properties.gridProperties;
        const mine = wanted.filter((w) => w.sheet === sheet);
        out.data = mine.length
          ? mine.map((w) => gridData(store, ss, sheet, w.startRow, w.endRow, w.startColumn, w.endColumn))
          : [gridData(store, ss, sheet, 0, grid.rowCount, 0, grid.columnCount)];
      }
      return out;
    }),
    ...(ss.namedRanges.length ? { namedRanges: clone(ss.namedRanges) } : {}),
    spreadsheetUrl: spreadsheetUrl(ss.spreadsheetId),
  };
}

export function getSpreadsheet(store: Store, ss: SpreadsheetState, input: HandlerInput): Json {
  return spreadsheetResource(store, ss, {
    includeGridData: input.query.get("includeGridData") === "true",
    ranges: input.query.getAll("ranges"),
  });
}

export function spreadsheetBatchUpdate(store: Store, ss: SpreadsheetState, input: HandlerInput): Json {
  const result = batchUpdate(store, ss, input.body);
  if (input.body.includeSpreadsheetInResponse) {
    result.updatedSpreadsheet = spreadsheetResource(store, ss, {
      includeGridData: !!input.body.responseIncludeGridData,
      ranges: (input.body.responseRanges as string[] | undefined) ?? [],
    });
  }
  return result;
}

// ---- values ---------------------------------------------------------------------------------------------

export function valuesGet(store: Store, ss: SpreadsheetState, range: string, input: HandlerInput): Json {
  return store.read(
    ss,
    range,
    valueRender(input.query),
    dateRender(input.query),
    dimension(input.query.get("majorDimension") ?? undefined),
  );
}

export function valuesBatchGet(store: Store, ss: SpreadsheetState, input: HandlerInput): Json {
  const ranges = input.query.getAll("ranges");
  const render = valueRender(input.query);
  const dates = dateRender(input.query);
  const major = dimension(input.query.get("majorDimension") ?? undefined);
  return {
    spreadsheetId: ss.spreadsheetId,
    valueRanges: ranges.map((r) => store.read(ss, r, render, dates, major)),
  };
}

function responseData(store: Store, ss: SpreadsheetState, updatedRange: string, body: Json): Json {
  const query = new URLSearchParams();
  if (body.responseValueRenderOption) query.set("valueRenderOption", String(body.responseValueRenderOption));
  if (body.responseDateTimeRenderOption)
    query.set("dateTimeRenderOption", String(body.responseDateTimeRenderOption));
  return store.read(ss, updatedRange, valueRender(query), dateRender(query), "ROWS");
}

function withResponseOptions(input: HandlerInput): Json {
  const q = input.query;
  return {
    responseValueRenderOption: q.get("responseValueRenderOption") ?? undefined,
    responseDateTimeRenderOption: q.get("responseDateTimeRenderOption") ?? undefined,
  };
}

export function valuesUpdate(store: Store, ss: SpreadsheetState, range: string, input: HandlerInput): Json {
  const option = inputOption(input.query.get("valueInputOption"));
  if (input.body.range !== undefined && input.body.range !== range) {
    // Sheets compares the body range with the URL range.
    const a = store.resolve(ss, String(input.body.range));
    const b = store.resolve(ss, range);
    if (
      a.sheet !== b.sheet ||
      a.startRow !== b.startRow ||
      a.startColumn !== b.startColumn ||
      a.endRow !== b.endRow ||
      a.endColumn !== b.endColumn
    ) {
      throw badRequest(
        `Requested entity range [${String(input.body.range)}] does not match the request URL range [${range}].`,
      );
    }
  }
  const result = store.write(ss, range, valuesOf(input.body), option, dimension(input.body.majorDimension));
  const out: Json = { spreadsheetId: ss.spreadsheetId, ...result };
  if (input.query.get("includeValuesInResponse") === "true")
    out.updatedData = responseData(store, ss, result.updatedRange, withResponseOptions(input));
  return out;
}

export function valuesAppend(store: Store, ss: SpreadsheetState, range: string, input: HandlerInput): Json {
  const option = inputOption(input.query.get("valueInputOption"));
  const result = store.append(
    ss,
    range,
    valuesOf(input.body),
    option,
    input.query.get("insertDataOption") ?? "OVERWRITE",
    dimension(input.body.majorDimension),
  );
  const updates: Json = { spreadsheetId: ss.spreadsheetId, ...result.updates };
  if (input.query.get("includeValuesInResponse") === "true")
    updates.updatedData = responseData(store, ss, result.updates.updatedRange, withResponseOptions(input));
  return {
    spreadsheetId: ss.spreadsheetId,
    ...(result.tableRange ? { tableRange: result.tableRange } : {}),
    updates,
  };
}

/** values.batchUpdate: all ranges or none. */
export function valuesBatchUpdate(store: Store, ss: SpreadsheetState, input: HandlerInput): Json {
  const body = input.body;
  const option = inputOption(body.valueInputOption);
  const data = (body.data ?? []) as Array<Json & { range?: string }>;
  const before = clone(ss.sheets);
  const responses: Json[] = [];
  try {
    for (const item of data) {
      if (typeof item.range !== "string") throw badRequest("Invalid data[].range: a range is required");
      const result = store.write(ss, item.range, valuesOf(item), option, dimension(item.majorDimension));
      const response: Json = { spreadsheetId: ss.spreadsheetId, ...result };
      if (body.includeValuesInResponse)
        response.updatedData = responseData(store, ss, result.updatedRange, body);
      responses.push(response);
    }
  } catch (error) {
    ss.sheets = before;
    throw error;
  }
  const sum = (key: string) => responses.reduce((s, r) => s + Number(r[key] ?? 0), 0);
  const out: Json = { spreadsheetId: ss.spreadsheetId };
  if (responses.length) {
    const sheetsTouched = new Set(responses.map((r) => String(r.updatedRange).replace(/!.*$/, "")));
    Object.assign(out, {
      totalUpdatedRows: sum("updatedRows"),
      totalUpdatedColumns: sum("updatedColumns"),
      totalUpdatedCells: sum("updatedCells"),
      totalUpdatedSheets: sheetsTouched.size,
      responses,
    });
  }
  return out;
}

export function valuesClear(store: Store, ss: SpreadsheetState, range: string): Json {
  return { spreadsheetId: ss.spreadsheetId, clearedRange: store.clear(ss, range) };
}

export function valuesBatchClear(store: Store, ss: SpreadsheetState, input: HandlerInput): Json {
  const ranges = (input.body.ranges ?? []) as string[];
  ranges.forEach((r) => store.resolve(ss, r)); // validate all before clearing any
  return { spreadsheetId: ss.spreadsheetId, clearedRanges: ranges.map((r) => store.clear(ss, r)) };
}

export function assertWritable(ss: SpreadsheetState): void {
  if (ss.access === "read_only") throw new ApiError(403, "The caller does not have permission");
}
