import { osloDay } from "./oslo-time";

/**
 * Calendar dates travel through the core as ISO text "YYYY-MM-DD" (sortable, comparable, no time zone).
 * Date objects coming in are read as the calendar day in Europe/Oslo, so nothing shifts by a day.
 */
export const TIME_ZONE = "Europe/Oslo";
export type IsoDate = string;

function pad2(n: number): string {
  return n < 10 ? "0" + n : String(n);
}

export function isoFromParts(year: number, month: number, day: number): IsoDate | undefined {
  if (month < 1 || month > 12 || day < 1 || year < 1000 || year > 9999) return undefined;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** The Europe/Oslo calendar day of an instant (computed from Norway's rules: see oslo-time.ts). */
export function osloDayOf(date: Date): IsoDate | undefined {
  return osloDay(date);
}

/** A calendar date as a Date at 12:00 UTC: the same day in Oslo, in Sheets and in Excel. */
export function dateAtNoonUtc(iso: IsoDate): Date {
  return new Date(`${iso}T12:00:00Z`);
}

/** Spreadsheet serial day number (days since 1899-12-30) → calendar date. */
export function isoFromSerial(serial: number): IsoDate | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return undefined;
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return isoFromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function serialFromIso(iso: IsoDate): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** "2025-03-12" → "12.03.2025", the way Norwegian users read dates. */
export function norwegianDate(iso: IsoDate): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

/** Today's calendar day in Europe/Oslo for a given instant (callers pass the clock in). */
export function todayInOslo(now: Date): IsoDate {
  return osloDayOf(now) as IsoDate;
}
