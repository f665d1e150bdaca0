import { readRange, resolveRange } from "../shared/values";
import { StandIn } from "./counting";
import { googleJsonError } from "./errors";
import { SpreadsheetModel } from "./model";
import type { World } from "./world";

/** What src asks for: unformatted values, dates as serial numbers (other render options are refused). */
export interface BatchGetOptions {
  ranges?: string[];
  valueRenderOption?: string;
  dateTimeRenderOption?: string;
}

/** The Sheets advanced service: Sheets.Spreadsheets.Values.batchGet and Sheets.Spreadsheets.get (grid data). */
export class SheetsAdvancedService extends StandIn {
  readonly kind = "Sheets";
  get Spreadsheets(): SheetsSpreadsheets {
    return new SheetsSpreadsheets(this.view);
  }
}

export interface SpreadsheetsGetOptions {
  includeGridData?: boolean;
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
    const model = openForApi(this.view.world, spreadsheetId, "sheets.spreadsheets.get");
    return {
      spreadsheetId,
      sheets: model.sheets.map((sheet, index) => {
        const properties = { title: sheet.name, index };
        if (!options.includeGridData) return { properties };
        const rowData: Array<{ values?: Array<{ effectiveValue?: ExtendedValue }> }> = [];
        const lastRow = sheet.lastRow();
        for (let r = 0; r < lastRow; r++) {
          const values = (sheet.rows[r] ?? []).map((cell) => {
            const raw = cell?.v;
            if (raw === undefined) return {};
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

function openForApi(world: World, spreadsheetId: string, method: string): SpreadsheetModel {
  const access = world._accessOf(spreadsheetId);
  if (access === "not_found") throw googleJsonError(method, "Requested entity was not found.");
  if (access === "no_access") throw googleJsonError(method, "The caller does not have permission");
  return world._spreadsheets.get(spreadsheetId)!;
}

export class SheetsValues extends StandIn {
  readonly kind = "Sheets.Spreadsheets.Values";

  /** Dates stay serial numbers (days since 1899-12-30), a formula gives its seeded result. */
  batchGet(spreadsheetId: string, options: BatchGetOptions = {}) {
    const method = "sheets.spreadsheets.values.batchGet";
    if (
      options.valueRenderOption !== "UNFORMATTED_VALUE" ||
      (options.dateTimeRenderOption ?? "SERIAL_NUMBER") !== "SERIAL_NUMBER"
    )
      throw new Error("stand-in: batchGet models UNFORMATTED_VALUE with SERIAL_NUMBER only");
    const model = openForApi(this.view.world, spreadsheetId, method);
    const tab = (title?: string) => {
      const sheet = title === undefined ? model.sheets[0] : model.sheetByName(title);
      return sheet && { sheet, title: sheet.name, rowCount: sheet.maxRows, columnCount: sheet.maxCols };
    };
    const valueRanges = (options.ranges ?? []).map((text) => {
      const range = resolveRange(text, tab, (message) => googleJsonError(method, message));
      const { sheet } = range.tab;
      return readRange(range, sheet.rows.length, (r, c) => sheet.cell(r + 1, c + 1)?.v);
    });
    return { spreadsheetId, valueRanges };
  }
}
