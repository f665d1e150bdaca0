/**
 * Ranges and values as both Google stand-ins answer values.get / batchGet with UNFORMATTED_VALUE and
 * SERIAL_NUMBER (all src asks for): the range resolved against a tab's grid, trailing empty cells and
 * rows left out, `values` absent when nothing is left.
 * https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets.values/get
 */
import { formatRange, parseRange } from "./a1";

export type RawValue = string | number | boolean;

/** A tab as far as ranges go: its title and grid size. */
export interface GridTab {
  title: string;
  rowCount: number;
  columnCount: number;
}

/** A range made concrete on a tab: 0-based, end exclusive. */
export interface TabRange<T extends GridTab> {
  tab: T;
  startRow: number;
  endRow: number;
  startColumn: number;
  endColumn: number;
}

/** Sheets' message for a range past the grid. */
export function gridLimits(
  tab: GridTab,
  startRow: number,
  startColumn: number,
  endRow: number,
  endColumn: number,
): string {
  const shown = formatRange(tab.title, startRow, startColumn, endRow, endColumn);
  return `Range (${shown}) exceeds grid limits. Max rows: ${tab.rowCount}, max columns: ${tab.columnCount}`;
}

/**
 * Resolves A1 text; `tab(undefined)` is the tab A1 without a tab name means. Unreadable text or an
 * unknown tab, and a range past the grid, fail with the Sheets API's messages. A bare word is a whole
 * tab when `isSheet` says so (the Sheets API: when a tab has that title).
 */
export function resolveRange<T extends GridTab>(
  text: string,
  tab: (title?: string) => T | undefined,
  fail: (message: string) => Error,
  isSheet = (title: string) => tab(title) !== undefined,
): TabRange<T> {
  const parts = parseRange(text, isSheet);
  const found = parts && tab(parts.sheet);
  if (!parts || !found) throw fail(`Unable to parse range: ${text}`);
  const { rowCount, columnCount } = found;
  const [startRow, startColumn] = [parts.startRow ?? 0, parts.startColumn ?? 0];
  const [endRow, endColumn] = [parts.endRow ?? rowCount, parts.endColumn ?? columnCount];
  if (endRow > rowCount || startRow >= rowCount || endColumn > columnCount || startColumn >= columnCount)
    throw fail(
      gridLimits(
        found,
        startRow,
        startColumn,
        Math.max(endRow, startRow + 1),
        Math.max(endColumn, startColumn + 1),
      ),
    );
  return { tab: found, startRow, endRow, startColumn, endColumn };
}

/** A range's values; `value(row, column)` is a cell's (undefined when empty), rows from `usedRows` on are empty. */
export function readRange(
  range: TabRange<GridTab>,
  usedRows: number,
  value: (row: number, column: number) => RawValue | undefined,
): { range: string; majorDimension: "ROWS"; values?: RawValue[][] } {
  const rows: RawValue[][] = [];
  for (let r = range.startRow; r < Math.min(range.endRow, usedRows); r++) {
    const row: RawValue[] = [];
    for (let c = range.startColumn; c < range.endColumn; c++) row.push(value(r, c) ?? "");
    while (row.length && row[row.length - 1] === "") row.pop();
    rows.push(row);
  }
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  const a1 = formatRange(range.tab.title, range.startRow, range.startColumn, range.endRow, range.endColumn);
  return rows.length
    ? { range: a1, majorDimension: "ROWS", values: rows }
    : { range: a1, majorDimension: "ROWS" };
}
