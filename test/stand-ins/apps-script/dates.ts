import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/** Sheets stores a date as days since 1899-12-30 in the spreadsheet's time zone (wall-clock time). */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function dateToSerial(date: Date, timeZone: string): number {
  const zoned = new TZDate(date.getTime(), timeZone);
  const wall = Date.UTC(
    zoned.getFullYear(),
    zoned.getMonth(),
    zoned.getDate(),
    zoned.getHours(),
    zoned.getMinutes(),
    zoned.getSeconds(),
    zoned.getMilliseconds(),
  );
  return (wall - SERIAL_EPOCH) / DAY_MS;
}

export function serialToDate(serial: number, timeZone: string): Date {
  const wall = new Date(SERIAL_EPOCH + Math.round(serial * DAY_MS));
  const zoned = new TZDate(
    wall.getUTCFullYear(),
    wall.getUTCMonth(),
    wall.getUTCDate(),
    wall.getUTCHours(),
    wall.getUTCMinutes(),
    wall.getUTCSeconds(),
    wall.getUTCMilliseconds(),
    timeZone,
  );
  return new Date(zoned.getTime());
}

/**
 * Utilities.formatDate: Java SimpleDateFormat patterns. The common ones (yyyy-MM-dd, dd.MM.yyyy,
 * yyyy-MM-dd'T'HH:mm:ss, HH:mm) mean the same to date-fns, which does the work.
 */
export function formatInZone(date: Date, timeZone: string, pattern: string): string {
  return format(new TZDate(date.getTime(), timeZone), pattern);
}

/** A number format that shows a date or time (quoted text and escapes ignored). */
export function isDateFormat(pattern: string | undefined): boolean {
  if (!pattern) return false;
  const bare = pattern.replace(/"[^"]*"/g, "").replace(/\\./g, "");
  return /[dy]/i.test(bare) || /h/i.test(bare) || /\bm{3,}\b/i.test(bare);
}
