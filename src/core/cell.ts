/** A raw cell as a backend hands it over: what a person typed, or what Sheets/Excel stored. */
export type Cell = string | number | boolean | Date | null | undefined;

/** A tab read as a table of raw cells; row 0 is the header row (or the first form row). */
export type CellTable = Cell[][];

export function isBlankCell(value: Cell): boolean {
  if (value === null || value === undefined || value === "") return true;
  if (typeof value !== "string") return false;
  // Most text starts with a visible character: skip the trim (and its allocation) then.
  const first = value.charCodeAt(0);
  if (first > 32 && first !== 0xa0 && first < 0x2000) return false;
  return value.trim() === "";
}

export function isBlankRow(row: ReadonlyArray<Cell> | undefined): boolean {
  if (!row) return true;
  for (let i = 0; i < row.length; i++) if (!isBlankCell(row[i])) return false;
  return true;
}

/** 0-based column index → letters (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** 0-based row and column → A1 notation (row 0 → "1"). */
export function a1(rowIndex: number, columnIndex: number): string {
  return columnLetter(columnIndex) + (rowIndex + 1);
}

/** "F7" → { row: 6, column: 5 } (0-based); undefined when not a single-cell A1 reference. */
export function parseA1(ref: string): { row: number; column: number } | undefined {
  const match = /^([A-Z]+)(\d+)$/.exec(ref.trim().toUpperCase());
  if (!match) return undefined;
  let column = 0;
  for (const ch of match[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, column: column - 1 };
}

/** Header text as users write it: trimmed, case-insensitive, inner spaces collapsed. */
export function normaliseLabel(text: Cell): string {
  return String(text ?? "")
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim()
    .toLowerCase();
}

/** Sheets and Excel would run these as formulas; outputs must keep them as text. */
export function looksLikeFormula(value: Cell): boolean {
  return typeof value === "string" && /^[=+\-@]/.test(value);
}
