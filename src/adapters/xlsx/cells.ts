import type { CellValue } from "exceljs";
import { Cell } from "../../core/cell";
import { osloDayOf } from "../../core/dates";
import { instantFromOsloWall, osloWallClock } from "../../core/oslo-time";

/**
 * exceljs cell values ⇄ the Workbook interface's raw cells.
 *
 * Excel stores dates as wall-clock serial numbers with no time zone; exceljs hands them over as
 * Date values whose UTC fields hold that wall clock. A value at midnight is a calendar date and
 * becomes a Date at 12:00 UTC (the interface's convention); any other value is an Oslo wall-clock
 * time and becomes that instant.
 */
export function fromExcel(value: CellValue | undefined): Cell {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return fromWallClock(value);
  if (typeof value !== "object") return String(value);
  const v = value as unknown as Record<string, unknown>;
  if ("richText" in v && Array.isArray(v.richText)) return (v.richText as Array<{ text?: string }>).map((part) => part.text ?? "").join("");
  if ("formula" in v || "sharedFormula" in v) return fromExcel(v.result as CellValue | undefined);
  if ("hyperlink" in v) return typeof v.text === "string" ? v.text : fromExcel(v.text as CellValue);
  if ("error" in v) return String(v.error);
  if ("text" in v) return fromExcel(v.text as CellValue);
  return "";
}

/** A wall-clock Date (UTC fields = Excel's wall clock) → a Cell: midnight is a calendar date. */
export function fromWallClock(wall: Date): Cell {
  const time = wall.getTime();
  if (Number.isNaN(time)) return "";
  const y = wall.getUTCFullYear();
  const m = wall.getUTCMonth();
  const d = wall.getUTCDate();
  if (wall.getUTCHours() === 0 && wall.getUTCMinutes() === 0 && wall.getUTCSeconds() === 0 && wall.getUTCMilliseconds() === 0) {
    return new Date(Date.UTC(y, m, d, 12));
  }
  return instantFromOsloWall(time);
}

/** True for a Date that carries a calendar date by the interface's convention (12:00 UTC). */
export function isCalendarDate(date: Date): boolean {
  return date.getUTCHours() === 12 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0 && date.getUTCMilliseconds() === 0;
}

/**
 * A raw cell → what exceljs should store. Strings stay strings (exceljs writes them as shared
 * strings, never as formulas, whatever they start with); calendar dates become midnight wall-clock
 * values (a whole serial number, so Excel's own date functions agree); other instants become their
 * Oslo wall-clock time.
 */
export function toExcel(value: Cell): CellValue {
  if (value === null || value === undefined || value === "") return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    if (isCalendarDate(value)) {
      const day = osloDayOf(value)!;
      return new Date(`${day}T00:00:00Z`);
    }
    const wall = osloWallClock(value);
    wall.setUTCMilliseconds(0);
    return wall;
  }
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  return value;
}
