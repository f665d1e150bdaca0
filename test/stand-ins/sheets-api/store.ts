/** The spreadsheets themselves: lookup, ranges, reading and writing values, seeding and inspection. */
import { randomBytes } from "node:crypto";
import { columnLetters, formatA1, parseA1, quoteTitle } from "./a1";
import { ApiError, badRequest } from "./errors";
import { evaluateFormula } from "./formula";
import {
  Access,
  GridRange,
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
  SheetProperties,
  SheetState,
  SpreadsheetState,
  valueExtent,
} from "./model";
import {
  DateTimeRenderOption,
  formattedText,
  parseInput,
  renderCell,
  serialFromDate,
  serialFromIso,
  ValueInputOption,
  ValueRenderOption,
} from "./values";

/**
 * A seeded cell. Strings are stored as typed text (never parsed), numbers and booleans as such.
 * `{ date: "2025-03-12" }` (or a Date, read in UTC) stores a date serial with a date format,
 * `{ dateTime: "2025-03-12T14:30" }` a date-time; `{ formula: "=SUM(A1:A3)", value?: 6 }` a formula
 * (value overrides the stand-in's own small evaluator).
 */
export type SeedCell =
  | string
  | number
  | boolean
  | null
  | undefined
  | Date
  | { date: string }
  | { dateTime: string }
  | { formula: string; value?: string | number | boolean };

export interface SeedSheet {
  rows: SeedCell[][];
  rowCount?: number;
  columnCount?: number;
  frozenRowCount?: number;
}

export interface SeedSpreadsheet {
  id?: string;
  title: string;
  /** Defaults to en_US like a new API-created spreadsheet; "nb_NO" gives comma decimals and dd.mm.yyyy dates. */
  locale?: string;
  timeZone?: string;
  /** Tab title → rows (or rows plus grid options). Insertion order is tab order. */
  sheets: Record<string, SeedCell[][] | SeedSheet>;
  permissions?: Array<Omit<Permission, "id"> & { id?: string }>;
  access?: Access;
}

export interface ResolvedRange {
  sheet: SheetState;
  startRow: number;
  endRow: number;
  startColumn: number;
  endColumn: number;
  singleCell: boolean;
  /** Whether the text bounded rows/columns itself (writes may then not spill past it). */
  boundedRows: boolean;
  boundedColumns: boolean;
}

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
    if (!ss || ss.trashed) throw new ApiError(404, "Requested entity was not found.");
    return ss;
  }

  create(input: {
    title?: string;
    locale?: string;
    timeZone?: string;
    sheetTitles?: string[];
    id?: string;
    owner: string;
  }): SpreadsheetState {
    const id = input.id ?? randomId();
    if (this.spreadsheets.has(id)) throw new Error(`Spreadsheet ${id} already exists in the stand-in`);
    const titles = input.sheetTitles?.length ? input.sheetTitles : ["Sheet1"];
    const now = new Date().toISOString();
    const ss: SpreadsheetState = {
      spreadsheetId: id,
      properties: {
        title: input.title ?? "Untitled spreadsheet",
        locale: input.locale ?? "en_US",
        timeZone: input.timeZone ?? "Europe/Oslo",
        autoRecalc: "ON_CHANGE",
      },
      sheets: titles.map((title, index) =>
        newSheet({ sheetId: index === 0 ? 0 : this.newSheetId(), title, index }),
      ),
      namedRanges: [],
      permissions: [
        { id: permissionIdFor(input.owner), type: "user", role: "owner", emailAddress: input.owner },
      ],
      access: "ok",
      trashed: false,
      createdTime: now,
      modifiedTime: now,
    };
    this.spreadsheets.set(id, ss);
    return ss;
  }

  seed(spec: SeedSpreadsheet, owner: string): string {
    const ss = this.create({
      id: spec.id,
      title: spec.title,
      locale: spec.locale,
      timeZone: spec.timeZone,
      sheetTitles: Object.keys(spec.sheets),
      owner,
    });
    Object.entries(spec.sheets).forEach(([, content], index) => {
      const sheet = ss.sheets[index];
      const { rows, ...options } = Array.isArray(content) ? { rows: content } : content;
      const width = Math.max(0, ...rows.map((r) => r.length));
      const grid = sheet.properties.gridProperties;
      grid.rowCount = options.rowCount ?? Math.max(DEFAULT_ROWS, rows.length);
      grid.columnCount = options.columnCount ?? Math.max(DEFAULT_COLUMNS, width);
      if (options.frozenRowCount !== undefined) grid.frozenRowCount = options.frozenRowCount;
      rows.forEach((row, r) => row.forEach((value, c) => this.seedCell(sheet, r, c, value)));
    });
    for (const p of spec.permissions ?? []) {
      ss.permissions.push({
        ...p,
        id: p.id ?? (p.emailAddress ? permissionIdFor(p.emailAddress) : randomId(20)),
      });
    }
    if (spec.access) ss.access = spec.access;
    return ss.spreadsheetId;
  }

  private seedCell(sheet: SheetState, r: number, c: number, value: SeedCell): void {
    if (value === null || value === undefined || value === "") return;
    const cell = cellAt(sheet, r, c);
    const dateFormat = (type: string) => ({
      type,
      pattern: type === "DATE" ? "yyyy-mm-dd" : "yyyy-mm-dd hh:mm:ss",
    });
    if (value instanceof Date) {
      cell.userEnteredValue = { numberValue: serialFromDate(value) };
      cell.userEnteredFormat = { numberFormat: dateFormat("DATE") };
    } else if (typeof value === "object" && "date" in value) {
      cell.userEnteredValue = { numberValue: serialFromIso(value.date) };
      cell.userEnteredFormat = { numberFormat: dateFormat("DATE") };
    } else if (typeof value === "object" && "dateTime" in value) {
      cell.userEnteredValue = { numberValue: serialFromIso(value.dateTime) };
      cell.userEnteredFormat = { numberFormat: dateFormat("DATE_TIME") };
    } else if (typeof value === "object" && "formula" in value) {
      cell.userEnteredValue = { formulaValue: value.formula };
      if (value.value !== undefined) cell.cachedValue = toExtended(value.value);
    } else {
      cell.userEnteredValue = toExtended(value);
    }
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
  resolve(ss: SpreadsheetState, text: string, options: { allowRowsPastGrid?: boolean } = {}): ResolvedRange {
    const parts = parseA1(text, (title) => !!this.findSheet(ss, title));
    if (!parts) throw badRequest(`Unable to parse range: ${text}`);
    const sheet =
      parts.sheetTitle !== undefined ? this.findSheet(ss, parts.sheetTitle) : this.orderedSheets(ss)[0];
    if (!sheet) throw badRequest(`Unable to parse range: ${text}`);
    const grid = sheet.properties.gridProperties;
    const range: ResolvedRange = {
      sheet,
      startRow: parts.startRow ?? 0,
      endRow: parts.endRow ?? grid.rowCount,
      startColumn: parts.startColumn ?? 0,
      endColumn: parts.endColumn ?? grid.columnCount,
      singleCell: parts.singleCell,
      boundedRows: parts.endRow !== undefined,
      boundedColumns: parts.endColumn !== undefined,
    };
    const rowsOver = range.endRow > grid.rowCount || range.startRow >= grid.rowCount;
    const columnsOver = range.endColumn > grid.columnCount || range.startColumn >= grid.columnCount;
    if (columnsOver || (rowsOver && !options.allowRowsPastGrid)) {
      const shown = formatA1(
        sheet.properties.title,
        range.startRow,
        range.startColumn,
        Math.max(range.endRow, range.startRow + 1),
        Math.max(range.endColumn, range.startColumn + 1),
      );
      throw badRequest(
        `Range (${shown.replace(/^'(.*)'!/, (_m, t: string) => `'${t}'!`)}) exceeds grid limits. Max rows: ${grid.rowCount}, max columns: ${grid.columnCount}`,
      );
    }
    return range;
  }

  /** The value a cell shows: its literal value, or its formula's result. */
  effective(
    ss: SpreadsheetState,
    sheet: SheetState,
    row: number,
    column: number,
    visiting = new Set<string>(),
  ): ExtendedValue | undefined {
    const cell = getCell(sheet, row, column);
    const value = cell?.userEnteredValue;
    if (!value || value.formulaValue === undefined) return value;
    if (cell.cachedValue) return cell.cachedValue;
    const key = `${sheet.properties.sheetId}:${row}:${column}`;
    if (visiting.has(key)) return { errorValue: { type: "REF", message: "Circular dependency detected." } };
    visiting.add(key);
    try {
      return evaluateFormula(value.formulaValue, {
        cell: (title, r, c) => {
          const target = title === undefined ? sheet : this.findSheet(ss, title);
          if (!target) return "no_sheet";
          return this.effective(ss, target, r, c, visiting);
        },
        gridSize: (title) => {
          const target = title === undefined ? sheet : this.findSheet(ss, title);
          if (!target) return undefined;
          const [rows, columns] = valueExtent(target);
          return [Math.max(rows, 1), Math.max(columns, 1)];
        },
      });
    } finally {
      visiting.delete(key);
    }
  }

  formatted(ss: SpreadsheetState, sheet: SheetState, row: number, column: number): string {
    const cell = getCell(sheet, row, column);
    return formattedText(
      this.effective(ss, sheet, row, column),
      cell?.userEnteredFormat?.numberFormat,
      ss.properties.locale,
    );
  }

  /** values.get for one range: trailing empty rows and cells dropped, `values` absent when empty. */
  read(
    ss: SpreadsheetState,
    text: string,
    valueRender: ValueRenderOption,
    dateRender: DateTimeRenderOption,
    majorDimension: "ROWS" | "COLUMNS",
  ): { range: string; majorDimension: string; values?: unknown[][] } {
    const range = this.resolve(ss, text);
    const { sheet } = range;
    const grid: unknown[][] = [];
    // Rows past the last stored row are empty and trimmed below anyway: skip them (whole-tab reads stay cheap).
    const lastRow = Math.min(range.endRow, sheet.rows.length);
    for (let r = range.startRow; r < lastRow; r++) {
      const row: unknown[] = [];
      for (let c = range.startColumn; c < range.endColumn; c++) {
        const cell = getCell(sheet, r, c);
        row.push(
          hasValue(cell)
            ? renderCell(cell, this.effective(ss, sheet, r, c), valueRender, dateRender, ss.properties.locale)
            : "",
        );
      }
      grid.push(row);
    }
    const oriented =
      majorDimension === "COLUMNS" ? transpose(grid, range.endColumn - range.startColumn) : grid;
    const trimmed = oriented.map((row) => {
      let end = row.length;
      while (end > 0 && row[end - 1] === "") end--;
      return row.slice(0, end);
    });
    while (trimmed.length && trimmed[trimmed.length - 1].length === 0) trimmed.pop();
    const a1 = formatA1(
      sheet.properties.title,
      range.startRow,
      range.startColumn,
      range.endRow,
      range.endColumn,
    );
    return trimmed.length ? { range: a1, majorDimension, values: trimmed } : { range: a1, majorDimension };
  }

  /** values.update for one range. Rows past the grid fail (append and batchUpdate grow it instead). */
  write(
    ss: SpreadsheetState,
    text: string,
    input: unknown[][],
    option: ValueInputOption,
    majorDimension: "ROWS" | "COLUMNS" = "ROWS",
    options: { growRows?: boolean } = {},
  ): { updatedRange: string; updatedRows: number; updatedColumns: number; updatedCells: number } {
    const range = this.resolve(ss, text, { allowRowsPastGrid: options.growRows });
    const rows =
      majorDimension === "COLUMNS" ? transpose(input, Math.max(0, ...input.map((c) => c.length))) : input;
    const height = rows.length;
    const width = Math.max(0, ...rows.map((r) => r?.length ?? 0));
    const { sheet } = range;
    const title = sheet.properties.title;
    if (height === 0 || width === 0) {
      return {
        updatedRange: formatA1(
          title,
          range.startRow,
          range.startColumn,
          range.startRow + 1,
          range.startColumn + 1,
        ),
        updatedRows: 0,
        updatedColumns: 0,
        updatedCells: 0,
      };
    }
    const requested = quoteTitle(title) + "!" + text.replace(/^.*!/, "");
    if (!range.singleCell && range.boundedRows && range.startRow + height > range.endRow) {
      throw badRequest(
        `Requested writing within range [${requested}], but tried writing to row [${range.startRow + height}]`,
      );
    }
    if (!range.singleCell && range.boundedColumns && range.startColumn + width > range.endColumn) {
      throw badRequest(
        `Requested writing within range [${requested}], but tried writing to column [${columnLetters(range.startColumn + width - 1)}]`,
      );
    }
    const grid = sheet.properties.gridProperties;
    const endRow = range.startRow + height;
    const endColumn = range.startColumn + width;
    if (endColumn > grid.columnCount || (endRow > grid.rowCount && !options.growRows)) {
      throw badRequest(
        `Range (${formatA1(title, range.startRow, range.startColumn, endRow, endColumn)}) exceeds grid limits. Max rows: ${grid.rowCount}, max columns: ${grid.columnCount}`,
      );
    }
    if (endRow > grid.rowCount) grid.rowCount = endRow;
    let updatedCells = 0;
    rows.forEach((row, i) =>
      (row ?? []).forEach((raw, j) => {
        const parsed = parseInput(raw, option, ss.properties.locale);
        if (parsed === null) return;
        const cell = cellAt(sheet, range.startRow + i, range.startColumn + j);
        setValue(cell, parsed.value, parsed.numberFormat);
        updatedCells++;
      }),
    );
    touch(ss);
    return {
      updatedRange: formatA1(title, range.startRow, range.startColumn, endRow, endColumn),
      updatedRows: height,
      updatedColumns: width,
      updatedCells,
    };
  }

  clear(ss: SpreadsheetState, text: string): string {
    const range = this.resolve(ss, text);
    for (let r = range.startRow; r < range.endRow; r++) {
      const cells = range.sheet.rows[r];
      if (!cells) continue;
      for (let c = range.startColumn; c < Math.min(range.endColumn, cells.length); c++) {
        const cell = cells[c];
        if (cell) {
          delete cell.userEnteredValue;
          delete cell.cachedValue;
        }
      }
    }
    touch(ss);
    return formatA1(
      range.sheet.properties.title,
      range.startRow,
      range.startColumn,
      range.endRow,
      range.endColumn,
    );
  }

  /** values.append: finds the table in the range's columns and writes below its last row, growing the grid. */
  append(
    ss: SpreadsheetState,
    text: string,
    input: unknown[][],
    option: ValueInputOption,
    insertDataOption: string,
    majorDimension: "ROWS" | "COLUMNS",
  ): {
    tableRange?: string;
    updates: { updatedRange: string; updatedRows: number; updatedColumns: number; updatedCells: number };
  } {
    const range = this.resolve(ss, text);
    const { sheet } = range;
    let lastRow = -1;
    let firstRow = -1;
    for (let r = range.startRow; r < sheet.properties.gridProperties.rowCount; r++) {
      const cells = sheet.rows[r];
      if (!cells) continue;
      for (let c = range.startColumn; c < Math.min(range.endColumn, cells.length); c++) {
        if (hasValue(cells[c])) {
          if (firstRow < 0) firstRow = r;
          lastRow = r;
          break;
        }
      }
    }
    const at = lastRow + 1 > range.startRow ? lastRow + 1 : range.startRow;
    const height = majorDimension === "COLUMNS" ? Math.max(0, ...input.map((c) => c.length)) : input.length;
    if (insertDataOption === "INSERT_ROWS" && at < sheet.properties.gridProperties.rowCount) {
      sheet.rows.splice(at, 0, ...new Array<undefined>(height).fill(undefined));
      sheet.properties.gridProperties.rowCount += height;
    }
    const anchor = `${quoteTitle(sheet.properties.title)}!${columnLetters(range.startColumn)}${at + 1}`;
    const updates = this.write(ss, anchor, input, option, majorDimension, { growRows: true });
    let tableEndColumn = range.startColumn;
    if (firstRow >= 0) {
      for (let r = firstRow; r <= lastRow; r++) {
        const cells = sheet.rows[r] ?? [];
        for (let c = range.startColumn; c < Math.min(range.endColumn, cells.length); c++)
          if (hasValue(cells[c])) tableEndColumn = Math.max(tableEndColumn, c + 1);
      }
    }
    const tableRange =
      firstRow >= 0
        ? formatA1(sheet.properties.title, firstRow, range.startColumn, lastRow + 1, tableEndColumn)
        : undefined;
    return tableRange ? { tableRange, updates } : { updates };
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

  /** Unformatted values (dates as serial numbers, formulas as results) over the used rectangle; null for empty. */
  values(id: string, tab: string): Array<Array<string | number | boolean | null>> {
    const { ss, sheet } = this.sheetOrThrow(id, tab);
    const [rows, columns] = valueExtent(sheet);
    return grid(rows, columns, (r, c) => {
      if (!hasValue(getCell(sheet, r, c))) return null;
      return renderCell(
        getCell(sheet, r, c),
        this.effective(ss, sheet, r, c),
        "UNFORMATTED_VALUE",
        "SERIAL_NUMBER",
        ss.properties.locale,
      );
    });
  }

  formulas(id: string, tab: string): Array<Array<string | null>> {
    const { sheet } = this.sheetOrThrow(id, tab);
    const [rows, columns] = valueExtent(sheet);
    return grid(rows, columns, (r, c) => getCell(sheet, r, c)?.userEnteredValue?.formulaValue ?? null);
  }

  snapshot(id: string): SpreadsheetSnapshot {
    const ss = this.spreadsheets.get(id);
    if (!ss) throw new Error(`No spreadsheet ${id} in the stand-in`);
    return {
      id: ss.spreadsheetId,
      title: ss.properties.title,
      locale: ss.properties.locale,
      timeZone: ss.properties.timeZone,
      access: ss.access,
      trashed: ss.trashed,
      permissions: clone(ss.permissions),
      namedRanges: clone(ss.namedRanges),
      sheets: this.orderedSheets(ss).map((sheet) => {
        const notes: Record<string, string> = {};
        const formats: Record<string, Json> = {};
        const validations: Record<string, Json> = {};
        sheet.rows.forEach((cells, r) =>
          cells?.forEach((cell, c) => {
            const key = columnLetters(c) + (r + 1);
            if (cell?.note !== undefined) notes[key] = cell.note;
            if (cell?.userEnteredFormat) formats[key] = clone(cell.userEnteredFormat);
            if (cell?.dataValidation) validations[key] = clone(cell.dataValidation);
          }),
        );
        const sizes = (meta: SheetState["rowMetadata"]) => {
          const out: Record<number, number> = {};
          meta.forEach((m, i) => {
            if (m?.pixelSize !== undefined) out[i] = m.pixelSize;
          });
          return out;
        };
        const grid = sheet.properties.gridProperties;
        return {
          sheetId: sheet.properties.sheetId,
          title: sheet.properties.title,
          index: sheet.properties.index,
          hidden: !!sheet.properties.hidden,
          rowCount: grid.rowCount,
          columnCount: grid.columnCount,
          frozenRowCount: grid.frozenRowCount ?? 0,
          frozenColumnCount: grid.frozenColumnCount ?? 0,
          properties: clone(sheet.properties),
          values: this.values(id, sheet.properties.title),
          formulas: this.formulas(id, sheet.properties.title),
          notes,
          formats,
          validations,
          conditionalFormats: clone(sheet.conditionalFormats),
          protectedRanges: clone(sheet.protectedRanges),
          charts: clone(sheet.charts),
          merges: clone(sheet.merges),
          columnWidths: sizes(sheet.columnMetadata),
          rowHeights: sizes(sheet.rowMetadata),
          basicFilter: sheet.basicFilter ? clone(sheet.basicFilter) : undefined,
        };
      }),
    };
  }
}

export interface SheetSnapshot {
  sheetId: number;
  title: string;
  index: number;
  hidden: boolean;
  rowCount: number;
  columnCount: number;
  frozenRowCount: number;
  frozenColumnCount: number;
  properties: SheetProperties;
  values: Array<Array<string | number | boolean | null>>;
  formulas: Array<Array<string | null>>;
  /** Keyed by A1 cell ("B2"). */
  notes: Record<string, string>;
  formats: Record<string, Json>;
  validations: Record<string, Json>;
  conditionalFormats: Json[];
  protectedRanges: Json[];
  charts: Json[];
  merges: GridRange[];
  /** Column / row index → pixel size, only where set. */
  columnWidths: Record<number, number>;
  rowHeights: Record<number, number>;
  basicFilter?: Json;
}

export interface SpreadsheetSnapshot {
  id: string;
  title: string;
  locale: string;
  timeZone: string;
  access: Access;
  trashed: boolean;
  permissions: Permission[];
  namedRanges: Json[];
  sheets: SheetSnapshot[];
}

export function toExtended(value: string | number | boolean): ExtendedValue {
  if (typeof value === "number") return { numberValue: value };
  if (typeof value === "boolean") return { boolValue: value };
  return { stringValue: value };
}

export function setValue(
  cell: CellState,
  value: ExtendedValue | undefined,
  numberFormat?: { type: string; pattern?: string },
): void {
  delete cell.cachedValue;
  if (value === undefined) delete cell.userEnteredValue;
  else cell.userEnteredValue = value;
  if (numberFormat && !cell.userEnteredFormat?.numberFormat)
    cell.userEnteredFormat = { ...cell.userEnteredFormat, numberFormat };
}

export function touch(ss: SpreadsheetState): void {
  ss.modifiedTime = new Date().toISOString();
}

function transpose(rows: unknown[][], width: number): unknown[][] {
  const out: unknown[][] = [];
  for (let c = 0; c < width; c++) out.push(rows.map((row) => (row?.[c] === undefined ? null : row[c])));
  return out;
}

function grid<T>(rows: number, columns: number, at: (r: number, c: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: T[] = [];
    for (let c = 0; c < columns; c++) row.push(at(r, c));
    out.push(row);
  }
  return out;
}
