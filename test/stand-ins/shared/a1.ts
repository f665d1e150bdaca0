/**
 * A1 ranges as both Google stand-ins read them ("'Tab name'!A1:C", "A:A", "2:5", "Tab", "B3"),
 * built on the core's single-cell parser so the product and its stand-ins agree on A1.
 * https://developers.google.com/workspace/sheets/api/guides/concepts#expandable-1 (A1 notation)
 */
import { columnLetter, parseA1 as parseCell } from "../../../src/core/cell";

export { columnLetter };

/** 0-based, end exclusive; undefined bounds are open (whole rows or columns). */
export interface A1Range {
  sheet?: string;
  startRow?: number;
  endRow?: number;
  startColumn?: number;
  endColumn?: number;
}

/** "B3" → cell, "B" → column only, "3" → row only. */
function corner(text: string): { row?: number; column?: number } | undefined {
  const plain = text.replace(/\$/g, "");
  if (/^\d+$/.test(plain)) return Number(plain) >= 1 ? { row: Number(plain) - 1 } : undefined;
  if (/^[A-Za-z]{1,3}$/.test(plain)) return { column: parseCell(`${plain}1`)!.column };
  return parseCell(plain);
}

/** Splits off a quoted or bare tab name ("'It''s'!A1" → It's, A1). */
function splitSheet(text: string): { sheet?: string; cells?: string } | undefined {
  const quoted = /^'((?:[^']|'')*)'(?:!(.*))?$/.exec(text);
  if (quoted) return { sheet: quoted[1].replace(/''/g, "'"), cells: quoted[2] };
  if (text.startsWith("'")) return undefined;
  const bang = text.lastIndexOf("!");
  return bang >= 0 ? { sheet: text.slice(0, bang), cells: text.slice(bang + 1) } : { cells: text };
}

/**
 * Parses an A1 range; `isSheet` decides a bare word ("Aktiviteter" is a tab when one has that
 * name). Reversed corners are normalised as Sheets does ("C3:A1" is A1:C3). Undefined when unreadable.
 */
export function parseRange(
  text: string,
  isSheet: (title: string) => boolean = () => false,
): A1Range | undefined {
  const split = splitSheet(text.trim());
  if (!split) return undefined;
  if (split.cells === undefined || (split.sheet === undefined && isSheet(split.cells)))
    return { sheet: split.sheet ?? split.cells };
  const [from, to, extra] = split.cells.split(":");
  const a = corner(from);
  if (!a || extra !== undefined) return undefined;
  if (to === undefined) {
    if (a.row === undefined || a.column === undefined) return undefined;
    return {
      sheet: split.sheet,
      startRow: a.row,
      endRow: a.row + 1,
      startColumn: a.column,
      endColumn: a.column + 1,
    };
  }
  const b = corner(to);
  if (!b || (a.column === undefined && b.column !== undefined)) return undefined;
  const rows = order(a.row ?? (b.row !== undefined && a.column !== undefined ? 0 : undefined), b.row);
  const columns = order(a.column, b.column);
  return {
    sheet: split.sheet,
    startRow: rows[0],
    endRow: rows[1],
    startColumn: columns[0],
    endColumn: columns[1],
  };
}

function order(
  start: number | undefined,
  last: number | undefined,
): [number | undefined, number | undefined] {
  if (start !== undefined && last !== undefined && last < start) return [last, start + 1];
  return [start, last === undefined ? undefined : last + 1];
}

/** Quotes a tab title the way Sheets prints it in ranges it returns. */
export function quoteTitle(title: string): string {
  const plain =
    /^[\p{L}_][\p{L}\p{N}_]*$/u.test(title) &&
    !/^[A-Za-z]{1,3}\d+$/.test(title) &&
    !/^R\d*C\d*$/i.test(title);
  return plain ? title : `'${title.replace(/'/g, "''")}'`;
}

/** `Tab!A1:C3` for a 0-based, end-exclusive rectangle; one cell prints as `Tab!A1`. */
export function formatRange(
  title: string,
  startRow: number,
  startColumn: number,
  endRow: number,
  endColumn: number,
): string {
  const from = columnLetter(startColumn) + (startRow + 1);
  const to = columnLetter(endColumn - 1) + endRow;
  return `${quoteTitle(title)}!${from === to ? from : `${from}:${to}`}`;
}
