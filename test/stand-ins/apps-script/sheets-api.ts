import { boxA1, GridBox, parseA1, quoteSheetName, resolveBox } from "./a1";
import { StandIn } from "./counting";
import { isDateFormat } from "./dates";
import { googleJsonError } from "./errors";
import { CellData, SpreadsheetModel } from "./model";
import { readDisplay, readRaw } from "./values";

export interface BatchGetOptions {
  ranges?: string[] | string;
  valueRenderOption?: "FORMATTED_VALUE" | "UNFORMATTED_VALUE" | "FORMULA";
  dateTimeRenderOption?: "SERIAL_NUMBER" | "FORMATTED_STRING";
  majorDimension?: "ROWS" | "COLUMNS";
}

export interface ValueRange {
  range: string;
  majorDimension: "ROWS" | "COLUMNS";
  values?: Array<Array<string | number | boolean>>;
}

/** The Sheets advanced service: Sheets.Spreadsheets.Values.{batchGet,get} and Sheets.Spreadsheets.get (grid data). */
export class SheetsAdvancedService extends StandIn {
  readonly kind = "Sheets";
  get Spreadsheets(): SheetsSpreadsheets {
    return new SheetsSpreadsheets(this.view);
  }
}

export interface SpreadsheetsGetOptions {
  includeGridData?: boolean;
  ranges?: string[] | string;
  /** Accepted and not checked: the answer always has sheets(properties(title),data(rowData(values(effectiveValue)))). */
  fields?: string;
}

export interface ExtendedValue {
  numberValue?: number;
  stringValue?: string;
  boolValue?: boolean;
}

export class SheetsSpreadsheets extends StandIn {
  readonly kind = "Sheets.Spreadsheets";
  get Values(): SheetsValues {
    return new SheetsValues(this.view);
  }

  /** spreadsheets.get: every tab's title, and with includeGridData its used cells' effective values. */
  get(
    spreadsheetId: string,
    options: SpreadsheetsGetOptions = {},
  ): {
    spreadsheetId: string;
    sheets: Array<{
      properties: { title: string; index: number };
      data?: Array<{ rowData: Array<{ values?: Array<{ effectiveValue?: ExtendedValue }> }> }>;
    }>;
  } {
    const model = openForApi(this.view.world, spreadsheetId, this.view.userEmail, "sheets.spreadsheets.get");
    return {
      spreadsheetId,
      sheets: model.sheets.map((sheet, index) => {
        const properties = { title: sheet.name, index };
        if (!options.includeGridData) return { properties };
        const rowData: Array<{ values?: Array<{ effectiveValue?: ExtendedValue }> }> = [];
        const last = sheet.lastRow();
        for (let r = 0; r < last; r++) {
          const line = sheet.rows[r] ?? [];
          const values = line.map((cell) => {
            const raw = readRaw(cell);
            if (raw === "") return {};
            return {
              effectiveValue:
                typeof raw === "number"
                  ? { numberValue: raw }
                  : typeof raw === "boolean"
                    ? { boolValue: raw }
                    : { stringValue: raw },
            };
          });
          rowData.push(values.length ? { values } : {});
        }
        return { properties, data: [{ rowData }] };
      }),
    };
  }
}

function openForApi(
  world: SheetsValues["view"]["world"],
  spreadsheetId: string,
  userEmail: string,
  method: string,
): SpreadsheetModel {
  const model = world._spreadsheets.get(spreadsheetId);
  const access = world._accessOf(spreadsheetId, userEmail);
  if (!model || model.trashed || access === "not_found")
    throw googleJsonError(method, "Requested entity was not found.");
  if (access === "no_access") throw googleJsonError(method, "The caller does not have permission");
  return model;
}

export class SheetsValues extends StandIn {
  readonly kind = "Sheets.Spreadsheets.Values";

  batchGet(
    spreadsheetId: string,
    options: BatchGetOptions = {},
  ): { spreadsheetId: string; valueRanges: ValueRange[] } {
    const model = this.open(spreadsheetId, "sheets.spreadsheets.values.batchGet");
    const ranges =
      options.ranges === undefined ? [] : Array.isArray(options.ranges) ? options.ranges : [options.ranges];
    return {
      spreadsheetId,
      valueRanges: ranges.map((range) =>
        readValueRange(model, range, options, "sheets.spreadsheets.values.batchGet"),
      ),
    };
  }

  get(spreadsheetId: string, range: string, options: BatchGetOptions = {}): ValueRange {
    const model = this.open(spreadsheetId, "sheets.spreadsheets.values.get");
    return readValueRange(model, range, options, "sheets.spreadsheets.values.get");
  }

  private open(spreadsheetId: string, method: string): SpreadsheetModel {
    return openForApi(this.view.world, spreadsheetId, this.view.userEmail, method);
  }
}

function readValueRange(
  model: SpreadsheetModel,
  range: string,
  options: BatchGetOptions,
  method: string,
): ValueRange {
  // A quoted name alone ("'Milepæler'") is the whole sheet, as in Google's A1 notation.
  const quotedName = /^'((?:[^']|'')+)'$/.exec(range.trim());
  const parsed = quotedName ? { sheetName: quotedName[1].replace(/''/g, "'") } : parseA1(range);
  // A bare name ("Aktiviteter") is a whole sheet; A1 without a sheet means the first sheet.
  const sheet =
    parsed?.sheetName !== undefined
      ? model.sheetByName(parsed.sheetName)
      : parsed
        ? model.sheets[0]
        : model.sheetByName(range);
  if (!sheet) throw googleJsonError(method, `Unable to parse range: ${range}`);
  const box: GridBox | undefined = parsed
    ? resolveBox(parsed, sheet.maxRows, sheet.maxCols)
    : { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols };
  if (!box) {
    throw googleJsonError(
      method,
      `Range (${quoteSheetName(sheet.name)}!${range.split("!").pop()}) exceeds grid limits. Max rows: ${sheet.maxRows}, max columns: ${sheet.maxCols}`,
    );
  }
  const render = options.valueRenderOption ?? "FORMATTED_VALUE";
  const dateTime = options.dateTimeRenderOption ?? "SERIAL_NUMBER";
  const tz = model.timeZone;
  const cellOut = (cell: CellData | undefined): string | number | boolean => {
    if (render === "FORMULA" && cell?.f !== undefined) return cell.f;
    if (render === "FORMATTED_VALUE") return readDisplay(cell, tz);
    if (cell && typeof cell.v === "number" && isDateFormat(cell.fmt) && dateTime === "FORMATTED_STRING")
      return readDisplay(cell, tz);
    return readRaw(cell);
  };
  const rows: Array<Array<string | number | boolean>> = [];
  for (let r = 0; r < box.numRows; r++) {
    const line = sheet.rows[box.row - 1 + r];
    const out: Array<string | number | boolean> = [];
    for (let c = 0; c < box.numCols; c++) out.push(cellOut(line?.[box.col - 1 + c]));
    while (out.length > 0 && out[out.length - 1] === "") out.pop();
    rows.push(out);
  }
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  const values = options.majorDimension === "COLUMNS" ? transpose(rows) : rows;
  const result: ValueRange = {
    range: `${quoteSheetName(sheet.name)}!${boxA1(box)}`,
    majorDimension: options.majorDimension ?? "ROWS",
  };
  if (values.length > 0) result.values = values;
  return result;
}

function transpose(rows: Array<Array<string | number | boolean>>): Array<Array<string | number | boolean>> {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const cols = Array.from({ length: width }, (_, c) => rows.map((r) => r[c] ?? ""));
  for (const col of cols) while (col.length > 0 && col[col.length - 1] === "") col.pop();
  return cols;
}
