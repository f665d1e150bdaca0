import { Cell } from "../../core/cell";
import { dateAtNoonUtc, isoFromSerial, osloDayOf, serialFromIso } from "../../core/dates";
import { instantFromOsloWall, osloWallClock } from "../../core/oslo-time";

/**
 * Cells between the workbook interface and the Sheets API.
 *
 * Values are written as literal cells (updateCells with stringValue/numberValue), so a string is
 * always stored as text (also when it starts with = + - @) and a number as a number. Dates go out as serial day numbers (days since
 * 1899-12-30) and are shown as dates through the column's number format. They come back, with
 * `valueRenderOption: UNFORMATTED_VALUE` and `dateTimeRenderOption: SERIAL_NUMBER`, as numbers; a number
 * in a cell whose number format is DATE or DATE_TIME is turned back into a Date (see `fromApiValue`).
 */

export type ApiValue = string | number | boolean;

const MS_PER_DAY = 86_400_000;
const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** A Date at 12:00 UTC is a calendar date: its Oslo day as a whole serial; any other instant keeps its Oslo wall time. */
export function serialFromDate(date: Date): number | undefined {
  if (Number.isNaN(date.getTime())) return undefined;
  if (date.getUTCHours() === 12 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0 && date.getUTCMilliseconds() === 0) {
    const day = osloDayOf(date);
    return day === undefined ? undefined : serialFromIso(day);
  }
  return (osloWallClock(date).getTime() - SERIAL_EPOCH_UTC) / MS_PER_DAY;
}

/** Oslo wall-clock serial (with a time part) → the instant it names. */
export function dateFromDateTimeSerial(serial: number): Date | undefined {
  if (!Number.isFinite(serial)) return undefined;
  // Whole seconds: the wall clock's milliseconds are dropped.
  const wall = Math.floor((SERIAL_EPOCH_UTC + Math.round(serial * MS_PER_DAY)) / 1000) * 1000;
  return instantFromOsloWall(wall);
}

export function toApiValue(value: Cell): ApiValue {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return serialFromDate(value) ?? "";
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  return value;
}

export type NumberFormatType = "DATE" | "DATE_TIME" | "TIME" | string | undefined;

/** An unformatted API value → a workbook cell; `formatType` is the cell's effective number format type. */
export function fromApiValue(value: unknown, formatType?: NumberFormatType): Cell {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (formatType === "DATE") {
      const iso = isoFromSerial(value);
      return iso ? dateAtNoonUtc(iso) : value;
    }
    if (formatType === "DATE_TIME") return dateFromDateTimeSerial(value) ?? value;
    return value;
  }
  if (typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

/** Rows as the API returns them (ragged, trailing empties dropped) → a rectangular table. */
export function rectangular(rows: ReadonlyArray<ReadonlyArray<Cell>>): Cell[][] {
  let last = rows.length;
  const blank = (r: ReadonlyArray<Cell>) => r.every((v) => v === "" || v === null || v === undefined);
  while (last > 0 && blank(rows[last - 1])) last--;
  const kept = rows.slice(0, last);
  const width = Math.max(0, ...kept.map((r) => {
    let end = r.length;
    while (end > 0 && (r[end - 1] === "" || r[end - 1] === null || r[end - 1] === undefined)) end--;
    return end;
  }));
  return kept.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? ""));
}

/** `'Tab name'` the way an A1 range must quote a tab title. */
export function quoteTab(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}

/** "#FCE8B2" → Sheets Color (0–1 floats). */
export function colour(hex: string): { red: number; green: number; blue: number } {
  const n = parseInt(hex.replace("#", ""), 16);
  return { red: ((n >> 16) & 255) / 255, green: ((n >> 8) & 255) / 255, blue: (n & 255) / 255 };
}
