import { Cell } from "./cell";

/**
 * How a column of an output table is shown. Dates are Date values at 12:00 UTC (see dates.ts);
 * date-times are instants, shown on the Oslo wall clock. "whole" and "decimal" get thousands
 * separators (10 447); "year" is a whole number without one (2025).
 */
export type ColumnFormat = "text" | "whole" | "decimal" | "percent" | "date" | "datetime" | "year";

/**
 * How a written tab looks on screen and on paper, described once for every backend: the xlsx
 * backend applies all of it; Google Sheets has no print set-up in SpreadsheetApp or the Sheets API,
 * so the Google backends apply the on-screen part (frozen rows, filter, widths, header style).
 */
export interface OutputLayout {
  /** Header rows kept in view while scrolling (0: none). */
  frozenRows: number;
  /** A filter over the header row and the data. */
  filter: boolean;
  /** Column widths in characters of the default font (they fit the header and most values). */
  widths: number[];
  /** Columns whose long text wraps inside its width instead of widening the column. */
  wrap: boolean[];
  /** Rows (0-based in the grid, 0 = first row) shown as headings: bold on a shaded background. */
  headingRows: number[];
  /** A4 landscape (wide tables) or portrait; always one page wide when printed. */
  landscape: boolean;
  /** The first row is printed again at the top of every page. */
  repeatHeader: boolean;
  /** Printed on one page (a dashboard), not only one page wide. */
  onePage: boolean;
  /** Formats of single cells where a column mixes kinds (a year among counts): grid row → column formats. */
  cellFormats: Record<number, Array<ColumnFormat | undefined>>;
}

/** A tab written whole by a backend: header row plus data rows. Strings are always written as text. */
export interface OutputTable {
  name: string;
  header: string[];
  rows: Cell[][];
  formats: ColumnFormat[];
  layout: OutputLayout;
}

export interface LayoutOptions {
  /** Default: a table (frozen header, filter, header repeated on every page). "sheet": a free layout such as a dashboard. */
  kind?: "table" | "sheet";
  headingRows?: number[];
  cellFormats?: Record<number, Array<ColumnFormat | undefined>>;
  /** Longest a column grows before its text wraps (characters). */
  maxWidth?: number;
  /** Portrait, on one page. */
  onePage?: boolean;
}

/** Characters per A4 page width in the default font at 100 %: wider tables print landscape. */
const PORTRAIT_CHARACTERS = 100;
const MAX_WIDTH = 45;
const MIN_WIDTH = 6;
/** Rows looked at for widths (widths of a long table are decided by its first rows). */
const SAMPLED_ROWS = 500;

/** How many characters a value takes when shown with a format (10 447, 12,5 %, 01.12.2026 13:48). */
export function shownLength(value: Cell, format: ColumnFormat | undefined): number {
  if (value === null || value === undefined || value === "") return 0;
  if (value instanceof Date) return format === "datetime" ? 16 : 10;
  if (typeof value === "number") {
    if (format === "percent") return String(Math.round(value * 1000) / 10).length + 2;
    const whole = String(Math.trunc(Math.abs(value))).length;
    const separators = format === "year" ? 0 : Math.floor((whole - 1) / 3);
    const decimals = Number.isInteger(value) ? 0 : 3;
    return whole + separators + decimals + (value < 0 ? 1 : 0);
  }
  let longest = 0;
  for (const line of String(value).split("\n")) longest = Math.max(longest, [...line].length);
  return longest;
}

/** The layout of a grid: widths that fit, landscape when the table is wider than a portrait page. */
export function layoutFor(grid: ReadonlyArray<ReadonlyArray<Cell>>, formats: ReadonlyArray<ColumnFormat | undefined>, options: LayoutOptions = {}): OutputLayout {
  const table = (options.kind ?? "table") === "table";
  const cellFormats = options.cellFormats ?? {};
  const columns = Math.max(formats.length, ...grid.slice(0, SAMPLED_ROWS).map((r) => r.length));
  const max = options.maxWidth ?? MAX_WIDTH;
  const headings = new Set(options.headingRows ?? []);
  const widths: number[] = [];
  const wrap: boolean[] = [];
  for (let c = 0; c < columns; c++) {
    let longest = MIN_WIDTH;
    for (let r = 0; r < grid.length && r < SAMPLED_ROWS; r++) {
      // A free layout's one-cell headings run over the empty cells to their right: they do not set widths.
      if (!table && headings.has(r) && grid[r].filter((v) => v !== "" && v !== null && v !== undefined).length <= 1) continue;
      const format = cellFormats[r]?.[c] ?? (r === 0 && table ? "text" : formats[c]);
      // Header text is bold: a little wider than the same text in normal weight.
      const length = shownLength(grid[r][c], format) * (r === 0 && table ? 1.15 : 1);
      longest = Math.max(longest, length);
    }
    wrap.push(longest > max);
    widths.push(Math.ceil(Math.min(longest, max)) + 2);
  }
  const total = widths.reduce((s, w) => s + w, 0);
  return {
    frozenRows: table ? 1 : 0,
    filter: table && grid.length > 1,
    widths,
    wrap,
    headingRows: options.headingRows ?? (table ? [0] : []),
    landscape: !options.onePage && total > PORTRAIT_CHARACTERS,
    repeatHeader: table,
    onePage: options.onePage === true,
    cellFormats,
  };
}

export function outputTable(name: string, columns: Array<[string, ColumnFormat]>, rows: Cell[][], options: LayoutOptions = {}): OutputTable {
  const header = columns.map(([h]) => h);
  const formats = columns.map(([, f]) => f);
  return { name, header, formats, rows, layout: layoutFor([header, ...rows], formats, options) };
}

/** Header + rows as one grid, the way a backend writes it. */
export function grid(table: OutputTable): Cell[][] {
  return [table.header, ...table.rows];
}

/** An ISO instant ("2026-12-01T13:48:16.934Z") as a Date; anything else unchanged. */
export function instant(value: Cell): Cell {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time);
}
