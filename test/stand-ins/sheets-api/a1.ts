/** A1 notation as the Sheets API reads and writes it: `'Tab name'!A1:Z`, `Tab!A:C`, `Tab!2:5`, `Tab`, `B3`. */

export interface A1Parts {
  /** Undefined when the text names no tab (the first tab is meant). */
  sheetTitle?: string;
  /** 0-based, end exclusive; undefined bounds are open (whole rows/columns, or to the grid's end). */
  startRow?: number;
  endRow?: number;
  startColumn?: number;
  endColumn?: number;
  /** True when the text gave a single cell ("B3"), which writes treat as an anchor. */
  singleCell: boolean;
}

export function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL_REF = /^\$?([A-Za-z]{0,3})\$?(\d{0,7})$/;

/** Splits `'It''s'!A1` into the tab title and the cell part; quotes are undone. */
function splitSheet(text: string): { sheet?: string; cells?: string; quoted: boolean } | undefined {
  if (text.startsWith("'")) {
    let i = 1;
    let title = "";
    for (; i < text.length; i++) {
      if (text[i] === "'") {
        if (text[i + 1] === "'") {
          title += "'";
          i++;
          continue;
        }
        break;
      }
      title += text[i];
    }
    if (i >= text.length) return undefined;
    const rest = text.slice(i + 1);
    if (rest === "") return { sheet: title, quoted: true };
    if (!rest.startsWith("!")) return undefined;
    return { sheet: title, cells: rest.slice(1), quoted: true };
  }
  const bang = text.lastIndexOf("!");
  if (bang >= 0) return { sheet: text.slice(0, bang), cells: text.slice(bang + 1), quoted: false };
  return { cells: text, quoted: false };
}

function parseCells(cells: string): Omit<A1Parts, "sheetTitle"> | undefined {
  const [from, to, extra] = cells.split(":");
  if (extra !== undefined || from === undefined) return undefined;
  const a = CELL_REF.exec(from);
  if (!a || (a[1] === "" && a[2] === "")) return undefined;
  if (to === undefined) {
    if (a[1] === "" || a[2] === "") return undefined;
    const row = Number(a[2]) - 1;
    const column = columnIndex(a[1]);
    if (row < 0) return undefined;
    return { startRow: row, endRow: row + 1, startColumn: column, endColumn: column + 1, singleCell: true };
  }
  const b = CELL_REF.exec(to);
  if (!b || (b[1] === "" && b[2] === "")) return undefined;
  // "A:B" (columns), "1:3" (rows), "A2:C" (open-ended rows), "A2:C9".
  const parts: Omit<A1Parts, "sheetTitle"> = { singleCell: false };
  if (a[1] !== "") parts.startColumn = columnIndex(a[1]);
  if (a[2] !== "") parts.startRow = Number(a[2]) - 1;
  if (b[1] !== "") parts.endColumn = columnIndex(b[1]) + 1;
  if (b[2] !== "") parts.endRow = Number(b[2]);
  if (a[1] === "" && b[1] !== "") return undefined;
  if (a[2] === "" && b[2] !== "" && a[1] !== "") parts.startRow = 0;
  if (parts.startRow !== undefined && parts.startRow < 0) return undefined;
  // Sheets normalises reversed corners ("C3:A1" is A1:C3).
  if (parts.startRow !== undefined && parts.endRow !== undefined && parts.endRow <= parts.startRow) {
    [parts.startRow, parts.endRow] = [parts.endRow - 1, parts.startRow + 1];
  }
  if (
    parts.startColumn !== undefined &&
    parts.endColumn !== undefined &&
    parts.endColumn <= parts.startColumn
  ) {
    [parts.startColumn, parts.endColumn] = [parts.endColumn - 1, parts.startColumn + 1];
  }
  return parts;
}

/**
 * Parses an A1 range. `hasSheet` decides the ambiguous bare form: "Aktiviteter" is a tab when such a
 * tab exists, "B3" is a cell on the first tab otherwise. Returns undefined when the text cannot be parsed.
 */
export function parseA1(text: string, hasSheet: (title: string) => boolean): A1Parts | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const split = splitSheet(trimmed);
  if (!split) return undefined;
  if (split.sheet !== undefined && split.cells === undefined)
    return { sheetTitle: split.sheet, singleCell: false };
  if (split.sheet === undefined && split.cells !== undefined) {
    if (hasSheet(split.cells)) return { sheetTitle: split.cells, singleCell: false };
    const parts = parseCells(split.cells);
    return parts ? { ...parts } : undefined;
  }
  const parts = parseCells(split.cells ?? "");
  return parts ? { sheetTitle: split.sheet, ...parts } : undefined;
}

/** Quotes a tab title the way Sheets prints it in ranges it returns. */
export function quoteTitle(title: string): string {
  const plain =
    /^[\p{L}_][\p{L}\p{N}_]*$/u.test(title) &&
    !/^[A-Za-z]{1,3}\d+$/.test(title) &&
    !/^R\d*C\d*$/i.test(title);
  return plain ? title : `'${title.replace(/'/g, "''")}'`;
}

/** `Tab!A1:C3` for a 0-based, end-exclusive rectangle; a 1×1 rectangle prints as `Tab!A1`. */
export function formatA1(
  title: string,
  startRow: number,
  startColumn: number,
  endRow: number,
  endColumn: number,
): string {
  const from = columnLetters(startColumn) + (startRow + 1);
  const to = columnLetters(endColumn - 1) + endRow;
  return `${quoteTitle(title)}!${from === to ? from : `${from}:${to}`}`;
}
