/** A1 notation for the Apps Script stand-in's 1-based boxes (parsing is shared: ../shared/values.ts). */
import { columnLetter } from "../shared/a1";

/** A rectangle of cells, 1-based, inclusive of its first row and column. */
export interface GridBox {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export const columnToLetters = (col: number): string => columnLetter(col - 1);
export const cellA1 = (row: number, col: number): string => `${columnToLetters(col)}${row}`;

export function boxA1(box: GridBox): string {
  const first = cellA1(box.row, box.col);
  if (box.numRows === 1 && box.numCols === 1) return first;
  return `${first}:${cellA1(box.row + box.numRows - 1, box.col + box.numCols - 1)}`;
}
