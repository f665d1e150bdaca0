/** The spreadsheets themselves: lookup, ranges, reading and writing values, seeding and inspection. */
import { randomBytes } from "node:crypto";
import { serialFromIso } from "../../../src/core/dates";
import { columnLetter, formatRange } from "../shared/a1";
import { gridLimits, GridTab, readRange, resolveRange, TabRange } from "../shared/values";
import { ApiError, badRequest } from "./errors";
import {
  CellState,
  cellAt,
  clone,
  DEFAULT_COLUMNS,
  DEFAULT_ROWS,
  ExtendedValue,
  getCell,
  hasValue,
  Json,
  newSheet,
  Permission,
  SheetState,
  SpreadsheetState,
  valueExtent,
} from "./model";

/**
 * A seeded cell. Strings are stored as typed text (never parsed), numbers and booleans as such.
 * `{ date: "2025-03-12" }` (or a Date, read in UTC) stores a date serial with a date format;
 * `{ formula: "=SUM(A1:A3)", value: 6 }` stores the formula's text and the result Sheets computed
 * (the stand-in evaluates no formulas: nothing in src writes one).
 */
export type SeedCell =
  | string
  | number
  | boolean
  | null
  | undefined
  | Date
  | { date: string }
  | { formula: string; value: string | number | boolean };

export interface SeedSpreadsheet {
  id?: string;
  title: string;
  timeZone?: string;
  /** Tab title → rows; insertion order is tab order. The grid is 1000 × 26, or larger to hold the rows. */
  sheets: Record<string, SeedCell[][]>;
}

/** A tab as the shared range reader sees it. */
type Tab = GridTab & { sheet: SheetState };

export function randomId(length = 44): string {
  return randomBytes(length).toString("base64url").slice(0, length);
}

/** Drive user permission ids are stable per user across files; derive one from the address. */
export function permissionIdFor(email: string): string {
  let h = 1469598103934665603n;
  for (const ch of email.toLowerCase())
    h = BigInt.asUintN(64, (h ^ BigInt(ch.charCodeAt(0))) * 1099511628211n);
  return h.toString().padStart(20, "0").slice(0, 20);
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

export class Store {
  readonly spreadsheets = new Map<string, SpreadsheetState>();
  private nextSheetId = 1_000_000_000;

  newSheetId(): number {
    this.nextSheetId += 7_919_351;
    return this.nextSheetId % 2_000_000_000;
  }

  /** The spreadsheet, or 404 like the real API (access is checked by the server before handlers run). */
  require(id: string): SpreadsheetState {
    const ss = this.spreadsheets.get(id);
    if (!ss) throw new ApiError(404, "Requested entity was not found.");
    return ss;
  }

  create(input: {
    title?: string;
    timeZone?: string;
    sheetTitles?: string[];
    id?: string;
    owner: string;
  }): SpreadsheetState {
    const id = input.id ?? randomId();
    if (this.spreadsheets.has(id)) throw new Error(`Spreadsheet ${id} already exists in the stand-in`);
    const titles = input.sheetTitles?.length ? input.sheetTitles : ["Sheet1"];
    const ss: SpreadsheetState = {
      spreadsheetId: id,
      properties: {
        title: input.title ?? "Untitled spreadsheet",
        locale: "en_US",
        timeZone: input.timeZone ?? "Europe/Oslo",
        autoRecalc: "ON_CHANGE",
      },
      sheets: titles.map((title, index) =>
        newSheet({ sheetId: index === 0 ? 0 : this.newSheetId(), title, index }),
      ),
      permissions: [
        { id: permissionIdFor(input.owner), type: "user", role: "owner", emailAddress: input.owner },
      ],
    };
    this.spreadsheets.set(id, ss);
    return ss;
  }

  seed(spec: SeedSpreadsheet, owner: string): string {
    const ss = this.create({
      id: spec.id,
      title: spec.title,
      timeZone: spec.timeZone,
      sheetTitles: Object.keys(spec.sheets),
      owner,
    });
    Object.values(spec.sheets).forEach((rows, index) => {
      const sheet = ss.sheets[index];
      const grid = sheet.properties.gridProperties;
      grid.rowCount = Math.max(DEFAULT_ROWS, rows.length);
      grid.columnCount = Math.max(DEFAULT_COLUMNS, ...rows.map((r) => r.length));
      rows.forEach((row, r) => row.forEach((value, c) => seedCell(sheet, r, c, value)));
    });
    return ss.spreadsheetId;
  }

  findSheet(ss: SpreadsheetState, title: string): SheetState | undefined {
    return (
      ss.sheets.find((s) => s.properties.title === title) ??
      ss.sheets.find((s) => s.properties.title.toLowerCase() === title.toLowerCase())
    );
  }

  sheetById(ss: SpreadsheetState, sheetId: number | undefined): SheetState | undefined {
    return ss.sheets.find((s) => s.properties.sheetId === (sheetId ?? 0));
  }

  orderedSheets(ss: SpreadsheetState): SheetState[] {
    return [...ss.sheets].sort((a, b) => a.properties.index - b.properties.index);
  }

  /** Resolves A1 text against the grid; reads and writes past the grid fail like Sheets does. */
  resolve(ss: SpreadsheetState, text: string): TabRange<Tab> {
    const tab = (title?: string): Tab | undefined => {
      const sheet = title === undefined ? this.orderedSheets(ss)[0] : this.findSheet(ss, title);
      return sheet && { sheet, title: sheet.properties.title, ...sheet.properties.gridProperties };
    };
    return resolveRange(text, tab, badRequest);
  }

  /**
   * values.get for one range with UNFORMATTED_VALUE / SERIAL_NUMBER (all src asks for).
   * https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets.values/get
   */
  read(ss: SpreadsheetState, text: string): Json {
    const range = this.resolve(ss, text);
    const { sheet } = range.tab;
    return readRange(range, sheet.rows.length, (r, c) => unformatted(getCell(sheet, r, c)));
  }

  /** values.update with RAW input: rows past the grid fail; strings stay text. */
  write(
    ss: SpreadsheetState,
    text: string,
    rows: unknown[][],
  ): { updatedRange: string; updatedRows: number; updatedColumns: number; updatedCells: number } {
    const range = this.resolve(ss, text);
    const { sheet } = range.tab;
    const height = rows.length;
    const width = Math.max(0, ...rows.map((r) => r?.length ?? 0));
    const endRow = range.startRow + height;
    const endColumn = range.startColumn + width;
    if (endColumn > range.tab.columnCount || endRow > range.tab.rowCount)
      throw badRequest(gridLimits(range.tab, range.startRow, range.startColumn, endRow, endColumn));
    let updatedCells = 0;
    rows.forEach((row, i) =>
      (row ?? []).forEach((raw, j) => {
        if (raw === null || raw === undefined) return;
        const cell = cellAt(sheet, range.startRow + i, range.startColumn + j);
        delete cell.cachedValue;
        cell.userEnteredValue =
          raw === ""
            ? undefined
            : toExtended(typeof raw === "object" ? JSON.stringify(raw) : (raw as string | number | boolean));
        updatedCells++;
      }),
    );
    return {
      updatedRange: formatRange(
        range.tab.title,
        range.startRow,
        range.startColumn,
        Math.max(endRow, range.startRow + 1),
        Math.max(endColumn, range.startColumn + 1),
      ),
      updatedRows: height,
      updatedColumns: width,
      updatedCells,
    };
  }

  // ---- inspection -------------------------------------------------------------------------------------

  sheetOrThrow(id: string, tab: string): { ss: SpreadsheetState; sheet: SheetState } {
    const ss = this.spreadsheets.get(id);
    if (!ss) throw new Error(`No spreadsheet ${id} in the stand-in`);
    const sheet = this.findSheet(ss, tab);
    if (!sheet)
      throw new Error(
        `No tab "${tab}" in spreadsheet ${id}; tabs: ${ss.sheets.map((s) => s.properties.title).join(", ")}`,
      );
    return { ss, sheet };
  }

  /** Unformatted values (dates as serial numbers, formulas as their seeded results) over the used rectangle; null for empty. */
  values(id: string, tab: string): Array<Array<string | number | boolean | null>> {
    const { sheet } = this.sheetOrThrow(id, tab);
    return grid(sheet, (cell) => unformatted(cell) ?? null);
  }

  formulas(id: string, tab: string): Array<Array<string | null>> {
    const { sheet } = this.sheetOrThrow(id, tab);
    return grid(sheet, (cell) => cell?.userEnteredValue?.formulaValue ?? null);
  }

  /** What tests inspect: title, sharing, and per tab its notes (by A1 cell), rules, protections, charts and widths. */
  snapshot(id: string): SpreadsheetSnapshot {
    const ss = this.spreadsheets.get(id);
    if (!ss) throw new Error(`No spreadsheet ${id} in the stand-in`);
    const sheets = this.orderedSheets(ss).map((sheet) => {
      const notes: Record<string, string> = {};
      sheet.rows.forEach((cells, r) =>
        cells?.forEach((cell, c) => {
          if (cell?.note !== undefined) notes[columnLetter(c) + (r + 1)] = cell.note;
        }),
      );
      const widths = sheet.columnMetadata.flatMap((m, i) =>
        m?.pixelSize !== undefined ? [[i, m.pixelSize]] : [],
      );
      return {
        title: sheet.properties.title,
        frozenRowCount: sheet.properties.gridProperties.frozenRowCount ?? 0,
        notes,
        conditionalFormats: clone(sheet.conditionalFormats),
        protectedRanges: clone(sheet.protectedRanges),
        charts: clone(sheet.charts),
        columnWidths: Object.fromEntries(widths) as Record<number, number>,
      };
    });
    return { id, title: ss.properties.title, permissions: clone(ss.permissions), sheets };
  }
}

export interface SheetSnapshot {
  title: string;
  frozenRowCount: number;
  /** Keyed by A1 cell ("B2"). */
  notes: Record<string, string>;
  conditionalFormats: Json[];
  protectedRanges: Json[];
  charts: Json[];
  /** Column index → pixel size, only where set. */
  columnWidths: Record<number, number>;
}

export interface SpreadsheetSnapshot {
  id: string;
  title: string;
  permissions: Permission[];
  sheets: SheetSnapshot[];
}

function seedCell(sheet: SheetState, r: number, c: number, value: SeedCell): void {
  if (value === null || value === undefined || value === "") return;
  const cell = cellAt(sheet, r, c);
  if (value instanceof Date || (typeof value === "object" && "date" in value)) {
    const serial =
      value instanceof Date ? (value.getTime() - SERIAL_EPOCH) / 86_400_000 : serialFromIso(value.date);
    cell.userEnteredValue = { numberValue: serial };
    cell.userEnteredFormat = { numberFormat: { type: "DATE", pattern: "yyyy-mm-dd" } };
  } else if (typeof value === "object") {
    cell.userEnteredValue = { formulaValue: value.formula };
    cell.cachedValue = toExtended(value.value);
  } else {
    cell.userEnteredValue = toExtended(value);
  }
}

/** The value UNFORMATTED_VALUE returns: a formula's (seeded) result, else the value itself. */
function unformatted(cell: CellState | undefined): string | number | boolean | undefined {
  if (!hasValue(cell)) return undefined;
  const value =
    cell!.userEnteredValue!.formulaValue !== undefined ? cell!.cachedValue : cell!.userEnteredValue;
  if (value?.formulaValue !== undefined) return undefined;
  return value?.numberValue ?? value?.boolValue ?? value?.stringValue;
}

export function toExtended(value: string | number | boolean): ExtendedValue {
  if (typeof value === "number") return { numberValue: value };
  if (typeof value === "boolean") return { boolValue: value };
  return { stringValue: value };
}

function grid<T>(sheet: SheetState, at: (cell: CellState | undefined) => T): T[][] {
  const [rows, columns] = valueExtent(sheet);
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => at(getCell(sheet, r, c))),
  );
}
