/** A1 notation for the Apps Script stand-in: 1-based boxes over the parser both stand-ins share. */
import { columnLetter, parseRange, quoteTitle } from "../shared/a1";

/** A rectangle of cells, 1-based, inclusive of its first row and column. */
export interface GridBox {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** 1-based and inclusive; undefined bounds are open: a whole column ("A:A") or a whole row ("3:3"). */
export interface ParsedA1 {
  sheetName?: string;
  startRow?: number;
  startCol?: number;
  endRow?: number;
  endCol?: number;
}

export const columnToLetters = (col: number): string => columnLetter(col - 1);
export const cellA1 = (row: number, col: number): string => `${columnToLetters(col)}${row}`;
/** Quotes a sheet name the way Sheets prints it in a range ("'Per fylke'!A1", "Data!A1"). */
export const quoteSheetName = quoteTitle;

export function boxA1(box: GridBox): string {
  const first = cellA1(box.row, box.col);
  if (box.numRows === 1 && box.numCols === 1) return first;
  return `${first}:${cellA1(box.row + box.numRows - 1, box.col + box.numCols - 1)}`;
}

/** Returns undefined when the text is not A1 notation. */
export function parseA1(text: string): ParsedA1 | undefined {
  const range = parseRange(text);
  if (!range) return undefined;
  const plusOne = (n: number | undefined) => (n === undefined ? undefined : n + 1);
  return {
    sheetName: range.sheet,
    startRow: plusOne(range.startRow),
    endRow: range.endRow,
    startCol: plusOne(range.startColumn),
    endCol: range.endColumn,
  };
}

/** Resolves a parsed A1 range against a grid, or undefined when any part lies outside it. */
export function resolveBox(parsed: ParsedA1, maxRows: number, maxCols: number): GridBox | undefined {
  const row = parsed.startRow ?? 1;
  const col = parsed.startCol ?? 1;
  const endRow = parsed.endRow ?? maxRows;
  const endCol = parsed.endCol ?? maxCols;
  if (row < 1 || col < 1 || endRow > maxRows || endCol > maxCols) return undefined;
  return { row, col, numRows: endRow - row + 1, numCols: endCol - col + 1 };
}
