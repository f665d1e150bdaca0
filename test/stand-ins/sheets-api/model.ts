/** The in-memory model: spreadsheets, tabs and cells stored the way the Sheets API describes them. */

export type Json = Record<string, unknown>;

/** Sheets' ExtendedValue: exactly one of the fields is set. */
export interface ExtendedValue {
  numberValue?: number;
  stringValue?: string;
  boolValue?: boolean;
  formulaValue?: string;
}

export interface NumberFormat {
  type: string;
  pattern?: string;
}

export interface CellState {
  userEnteredValue?: ExtendedValue;
  /** Free-form CellFormat (numberFormat, backgroundColor, textFormat, ...), stored as sent. */
  userEnteredFormat?: Json & { numberFormat?: NumberFormat };
  note?: string;
  dataValidation?: Json;
  /** Seeded result of a formula the stand-in cannot (or should not) evaluate itself. */
  cachedValue?: ExtendedValue;
}

export interface GridProperties {
  rowCount: number;
  columnCount: number;
  frozenRowCount?: number;
  [key: string]: unknown;
}

export interface SheetProperties {
  sheetId: number;
  title: string;
  index: number;
  sheetType: string;
  gridProperties: GridProperties;
  [key: string]: unknown;
}

export interface GridRange {
  sheetId?: number;
  startRowIndex?: number;
  endRowIndex?: number;
  startColumnIndex?: number;
  endColumnIndex?: number;
}

export interface DimensionProperties {
  pixelSize?: number;
  [key: string]: unknown;
}

export interface SheetState {
  properties: SheetProperties;
  /** rows[r][c]; missing rows and cells are empty. */
  rows: Array<Array<CellState | undefined> | undefined>;
  conditionalFormats: Json[];
  protectedRanges: Json[];
  charts: Json[];
  rowMetadata: Array<DimensionProperties | undefined>;
  columnMetadata: Array<DimensionProperties | undefined>;
  basicFilter?: Json;
}

export type Access = "ok" | "no_access" | "not_found";

export interface Permission {
  id: string;
  type: string;
  role: string;
  emailAddress?: string;
}

export interface SpreadsheetState {
  spreadsheetId: string;
  properties: Json & { title: string; locale: string; timeZone: string };
  sheets: SheetState[];
  permissions: Permission[];
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

export function newSheet(
  properties: Partial<SheetProperties> & { sheetId: number; title: string; index: number },
): SheetState {
  const grid: Partial<GridProperties> = properties.gridProperties ?? {};
  return {
    properties: {
      ...properties,
      sheetType: properties.sheetType ?? "GRID",
      gridProperties: {
        ...grid,
        rowCount: grid.rowCount ?? DEFAULT_ROWS,
        columnCount: grid.columnCount ?? DEFAULT_COLUMNS,
      },
    },
    rows: [],
    conditionalFormats: [],
    protectedRanges: [],
    charts: [],
    rowMetadata: [],
    columnMetadata: [],
  };
}

export function getCell(sheet: SheetState, row: number, column: number): CellState | undefined {
  return sheet.rows[row]?.[column];
}

/** The cell at row/column, created when missing (the caller has checked the grid bounds). */
export function cellAt(sheet: SheetState, row: number, column: number): CellState {
  const cells = (sheet.rows[row] ??= []);
  return (cells[column] ??= {});
}

export function hasValue(cell: CellState | undefined): boolean {
  const v = cell?.userEnteredValue;
  return v !== undefined && !(v.stringValue === "" && Object.keys(v).length === 1);
}

/** The rectangle holding every cell with a value: [rows, columns]. */
export function valueExtent(sheet: SheetState): [number, number] {
  let rows = 0;
  let columns = 0;
  sheet.rows.forEach((cells, r) => {
    cells?.forEach((cell, c) => {
      if (hasValue(cell)) {
        rows = Math.max(rows, r + 1);
        columns = Math.max(columns, c + 1);
      }
    });
  });
  return [rows, columns];
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}
