/** A1 notation: parsing "Tab!A1:B2", "'Min fane'!A:A", "B3", "2:5", and formatting boxes back. */

/** A rectangle of cells, 1-based, inclusive of its first row and column. */
export interface GridBox {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export interface ParsedA1 {
  sheetName?: string;
  /** Undefined bounds are open: a whole column ("A:A") or a whole row ("3:3"). */
  startRow?: number;
  startCol?: number;
  endRow?: number;
  endCol?: number;
}

export function columnToLetters(col: number): string {
  let letters = "";
  let n = col;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function lettersToColumn(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col;
}

export function cellA1(row: number, col: number): string {
  return `${columnToLetters(col)}${row}`;
}

export function boxA1(box: GridBox): string {
  const first = cellA1(box.row, box.col);
  if (box.numRows === 1 && box.numCols === 1) return first;
  return `${first}:${cellA1(box.row + box.numRows - 1, box.col + box.numCols - 1)}`;
}

/** Quotes a sheet name the way Sheets prints it in a range ("'Per fylke'!A1", "Data!A1"). */
export function quoteSheetName(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const PART = /^\$?([A-Za-z]*)\$?(\d*)$/;

/** Returns undefined when the text is not A1 notation. */
export function parseA1(text: string): ParsedA1 | undefined {
  let rest = text.trim();
  let sheetName: string | undefined;
  const bang = rest.lastIndexOf("!");
  if (bang >= 0) {
    let name = rest.slice(0, bang);
    rest = rest.slice(bang + 1);
    if (name.startsWith("'") && name.endsWith("'") && name.length >= 2)
      name = name.slice(1, -1).replace(/''/g, "'");
    sheetName = name;
  }
  if (rest === "") return sheetName !== undefined ? { sheetName } : undefined;
  const [a, b, extra] = rest.split(":");
  if (extra !== undefined) return undefined;
  const start = PART.exec(a);
  const end = b === undefined ? start : PART.exec(b);
  if (!start || !end) return undefined;
  const [, c1, r1] = start;
  const [, c2, r2] = end;
  if ((c1 === "" && r1 === "") || (c2 === "" && r2 === "")) return undefined;
  if (b === undefined && (c1 === "" || r1 === "")) return undefined; // "A" or "3" alone is not a range
  const parsed: ParsedA1 = { sheetName };
  if (c1) parsed.startCol = lettersToColumn(c1);
  if (r1) parsed.startRow = Number(r1);
  if (c2) parsed.endCol = lettersToColumn(c2);
  if (r2) parsed.endRow = Number(r2);
  // "A2:C" means rows 2..end; "A:C" means every row; "2:5" means every column.
  if (parsed.startRow === undefined && parsed.endRow !== undefined) parsed.startRow = 1;
  if (parsed.startCol === undefined && parsed.endCol !== undefined) parsed.startCol = 1;
  return parsed;
}

/** Resolves a parsed A1 range against a grid, or undefined when any part lies outside it. */
export function resolveBox(parsed: ParsedA1, maxRows: number, maxCols: number): GridBox | undefined {
  const startRow = parsed.startRow ?? 1;
  const startCol = parsed.startCol ?? 1;
  const endRow =
    parsed.endRow ??
    (parsed.startRow !== undefined && parsed.endCol === undefined && parsed.startCol === undefined
      ? startRow
      : maxRows);
  const endCol =
    parsed.endCol ??
    (parsed.startCol !== undefined && parsed.endRow === undefined && parsed.startRow === undefined
      ? startCol
      : maxCols);
  const r1 = Math.min(startRow, endRow);
  const r2 = Math.max(startRow, endRow);
  const c1 = Math.min(startCol, endCol);
  const c2 = Math.max(startCol, endCol);
  if (r1 < 1 || c1 < 1 || r2 > maxRows || c2 > maxCols) return undefined;
  return { row: r1, col: c1, numRows: r2 - r1 + 1, numCols: c2 - c1 + 1 };
}
