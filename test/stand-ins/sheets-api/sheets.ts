/** Sheets v4 handlers for spreadsheets.create / get, values.batchGet, values.update (RAW); batchUpdate is in batch-update.ts. */
import { ApiError, badRequest } from "./errors";
import { CellState, clone, getCell, Json, SheetState, SpreadsheetState } from "./model";
import { Store } from "./store";

export interface HandlerInput {
  query: URLSearchParams;
  body: Json;
  /** Who the bearer token belongs to (service-account email for /token-issued tokens). */
  principal: string;
}

export function spreadsheetUrl(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}/edit`;
}

/** Render options the stand-in does not model are refused, so a change in src shows up as a failing test. */
function onlyModelled(query: URLSearchParams): void {
  const wanted: Record<string, string> = {
    valueRenderOption: "UNFORMATTED_VALUE",
    dateTimeRenderOption: "SERIAL_NUMBER",
    majorDimension: "ROWS",
  };
  for (const [name, value] of Object.entries(wanted)) {
    const given = query.get(name);
    if (given !== null && given !== value)
      throw new ApiError(400, `The stand-in models ${name}=${value} only (got ${given})`);
  }
}

// ---- spreadsheets ---------------------------------------------------------------------------------------

export function createSpreadsheet(store: Store, input: HandlerInput): SpreadsheetState {
  const props = (input.body.properties ?? {}) as Json;
  const sheets = (input.body.sheets ?? []) as Array<{ properties?: { title?: string } }>;
  const ss = store.create({
    title: props.title as string | undefined,
    timeZone: props.timeZone as string | undefined,
    sheetTitles: sheets.map((s, i) => s.properties?.title ?? `Sheet${i + 1}`),
    owner: input.principal,
  });
  for (const [key, value] of Object.entries(props)) if (key !== "title") ss.properties[key] = value;
  return ss;
}

function cellData(cell: CellState): Json {
  const out: Json = {};
  if (cell.userEnteredValue) {
    out.userEnteredValue = clone(cell.userEnteredValue);
    const effective =
      cell.userEnteredValue.formulaValue !== undefined ? cell.cachedValue : cell.userEnteredValue;
    if (effective) out.effectiveValue = clone(effective);
  }
  if (cell.userEnteredFormat) {
    out.userEnteredFormat = clone(cell.userEnteredFormat);
    out.effectiveFormat = clone(cell.userEnteredFormat);
  }
  if (cell.note !== undefined) out.note = cell.note;
  if (cell.dataValidation) out.dataValidation = clone(cell.dataValidation);
  return out;
}

/** GridData of a whole tab: empty trailing cells and rows left out, as Sheets does. */
function gridData(sheet: SheetState): Json {
  const rowData: Json[] = [];
  for (let r = 0; r < sheet.rows.length; r++) {
    const values: Json[] = [];
    for (let c = 0; c < (sheet.rows[r]?.length ?? 0); c++) {
      const cell = getCell(sheet, r, c);
      values.push(cell ? cellData(cell) : {});
    }
    while (values.length && Object.keys(values[values.length - 1]).length === 0) values.pop();
    rowData.push(values.length ? { values } : {});
  }
  while (rowData.length && Object.keys(rowData[rowData.length - 1]).length === 0) rowData.pop();
  return {
    rowData,
    columnMetadata: Array.from(
      { length: sheet.properties.gridProperties.columnCount },
      (_, i) => sheet.columnMetadata[i] ?? { pixelSize: 100 },
    ),
  };
}

/**
 * The Spreadsheet resource, with grid data of every tab when asked (src asks without `ranges`).
 * https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/get
 */
export function spreadsheetResource(store: Store, ss: SpreadsheetState, includeGridData = false): Json {
  return {
    spreadsheetId: ss.spreadsheetId,
    properties: clone(ss.properties),
    sheets: store.orderedSheets(ss).map((sheet) => {
      const out: Json = { properties: clone(sheet.properties) };
      if (sheet.conditionalFormats.length) out.conditionalFormats = clone(sheet.conditionalFormats);
      if (sheet.protectedRanges.length) out.protectedRanges = clone(sheet.protectedRanges);
      if (sheet.charts.length) out.charts = clone(sheet.charts);
      if (sheet.basicFilter) out.basicFilter = clone(sheet.basicFilter);
      if (includeGridData) out.data = [gridData(sheet)];
      return out;
    }),
    spreadsheetUrl: spreadsheetUrl(ss.spreadsheetId),
  };
}

export function getSpreadsheet(store: Store, ss: SpreadsheetState, input: HandlerInput): Json {
  if (input.query.getAll("ranges").length)
    throw new ApiError(400, "The stand-in models spreadsheets.get without ranges only");
  return spreadsheetResource(store, ss, input.query.get("includeGridData") === "true");
}

// ---- values ---------------------------------------------------------------------------------------------

/** https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets.values/batchGet */
export function valuesBatchGet(store: Store, ss: SpreadsheetState, input: HandlerInput): Json {
  onlyModelled(input.query);
  return {
    spreadsheetId: ss.spreadsheetId,
    valueRanges: input.query.getAll("ranges").map((r) => store.read(ss, r)),
  };
}

/** https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets.values/update (RAW: input is stored as typed) */
export function valuesUpdate(store: Store, ss: SpreadsheetState, range: string, input: HandlerInput): Json {
  const option = input.query.get("valueInputOption");
  if (!option) throw badRequest("'valueInputOption' is required but not specified");
  if (option !== "RAW")
    throw new ApiError(400, `The stand-in models valueInputOption=RAW only (got ${option})`);
  const values = input.body.values ?? [];
  if (!Array.isArray(values) || values.some((row) => row !== null && !Array.isArray(row)))
    throw badRequest("Invalid values: expected an array of arrays");
  return { spreadsheetId: ss.spreadsheetId, ...store.write(ss, range, values as unknown[][]) };
}
