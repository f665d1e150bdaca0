/**
 * Europe/Oslo time without Intl time-zone support.
 *
 * Apps Script's V8 is not documented to support `Intl.DateTimeFormat(…, { timeZoneName: "longOffset" })`,
 * which time-zone libraries use to find an offset; where it is missing they return NaN without
 * throwing. So the one offset Samspill needs is computed here from Norway's rules, with plain
 * arithmetic on UTC fields:
 *
 * - CET (UTC+1) all year up to and including 1979 (Norway had no summer time 1966–1979);
 * - 1980: summer time (UTC+2) from the first Sunday of April 01:00 UTC to the last Sunday of September 01:00 UTC;
 * - 1981–1995: from the last Sunday of March 01:00 UTC to the last Sunday of September 01:00 UTC;
 * - 1996 onwards (the EU rule): from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC.
 *
 * Guaranteed range: 1970–2100, where this equals the IANA time-zone database for Europe/Oslo hour by
 * hour (test/core/oslo-time.test.ts compares every hour with @date-fns/tz). After 2100 the EU rule
 * simply continues, as IANA does. Before 1970 the result is CET without summer time, which differs
 * from history in 1940–1945 and 1959–1965; Samspill never handles dates that old as instants (calendar
 * dates of any year are plain text "YYYY-MM-DD" and need no offset).
 *
 * Two modules, two jobs: this one turns instants into Oslo wall-clock time and back; core/dates.ts
 * handles calendar dates as ISO text (IsoDate) and builds on osloDay below.
 */

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

/** Summer time [start, end) in UTC milliseconds, by year. */
const summerByYear = new Map<number, readonly [number, number] | null>();

/** 01:00 UTC on the last Sunday of a month (month 1–12). */
function lastSunday(year: number, month: number): number {
  const lastDay = Date.UTC(year, month, 0); // day 0 of the next month
  const weekday = new Date(lastDay).getUTCDay(); // 0 = Sunday
  return lastDay - weekday * MS_PER_DAY + MS_PER_HOUR;
}

/** 01:00 UTC on the first Sunday of a month (month 1–12). */
function firstSunday(year: number, month: number): number {
  const first = Date.UTC(year, month - 1, 1);
  const weekday = new Date(first).getUTCDay();
  return first + ((7 - weekday) % 7) * MS_PER_DAY + MS_PER_HOUR;
}

function summerTime(year: number): readonly [number, number] | null {
  let span = summerByYear.get(year);
  if (span === undefined) {
    if (year < 1980) span = null;
    else if (year === 1980) span = [firstSunday(1980, 4), lastSunday(1980, 9)];
    else if (year <= 1995) span = [lastSunday(year, 3), lastSunday(year, 9)];
    else span = [lastSunday(year, 3), lastSunday(year, 10)];
    summerByYear.set(year, span);
  }
  return span;
}

/** Minutes Oslo is ahead of UTC at an instant (UTC milliseconds): 60 or 120. NaN for NaN. */
export function osloOffsetMinutes(utcMillis: number): number {
  if (Number.isNaN(utcMillis)) return NaN;
  const span = summerTime(new Date(utcMillis).getUTCFullYear());
  return span !== null && utcMillis >= span[0] && utcMillis < span[1] ? 120 : 60;
}

/** The Oslo wall clock of an instant as a Date whose UTC fields hold that wall clock. */
export function osloWallClock(instant: Date): Date {
  const time = instant.getTime();
  return new Date(time + osloOffsetMinutes(time) * MS_PER_MINUTE);
}

/**
 * The instant an Oslo wall-clock time names, the wall clock given as UTC milliseconds of its fields
 * (`Date.UTC(y, m, d, h, …)`). As the IANA-based libraries do, a time skipped in spring (02:30 on the
 * last Sunday of March) is read as standard time (03:30 summer time), and a time that occurs twice in
 * autumn is the second (standard-time) one.
 */
export function instantFromOsloWall(wallMillis: number): Date {
  if (Number.isNaN(wallMillis)) return new Date(NaN);
  const standard = wallMillis - 60 * MS_PER_MINUTE;
  if (osloOffsetMinutes(standard) === 60) return new Date(standard);
  const summer = wallMillis - 120 * MS_PER_MINUTE;
  return new Date(osloOffsetMinutes(summer) === 120 ? summer : standard);
}

function pad2(n: number): string {
  return n < 10 ? "0" + n : String(n);
}

/** The Europe/Oslo calendar day of an instant: "2025-03-12"; undefined for an invalid Date. */
export function osloDay(instant: Date): string | undefined {
  const wall = osloWallClock(instant);
  const year = wall.getUTCFullYear();
  if (Number.isNaN(year) || year < 1000 || year > 9999) return undefined;
  return `${year}-${pad2(wall.getUTCMonth() + 1)}-${pad2(wall.getUTCDate())}`;
}

/** An instant as ISO date-time on the Europe/Oslo wall clock with its offset: "2025-03-01T14:05:09+01:00". */
export function osloDateTime(instant: Date): string {
  const time = instant.getTime();
  const offset = osloOffsetMinutes(time);
  const wall = new Date(time + offset * MS_PER_MINUTE);
  return (
    `${wall.getUTCFullYear()}-${pad2(wall.getUTCMonth() + 1)}-${pad2(wall.getUTCDate())}` +
    `T${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}:${pad2(wall.getUTCSeconds())}+${pad2(offset / 60)}:00`
  );
}

const MONTHS = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"];

/** "12.03.2025 kl. 14.05" on the Oslo wall clock. */
export function osloShortDateTime(instant: Date): string {
  const wall = osloWallClock(instant);
  return `${pad2(wall.getUTCDate())}.${pad2(wall.getUTCMonth() + 1)}.${wall.getUTCFullYear()} kl. ${pad2(wall.getUTCHours())}.${pad2(wall.getUTCMinutes())}`;
}

/** "12. mars 2025 kl. 14:05" on the Oslo wall clock (the board report's long form). */
export function osloLongDateTime(instant: Date): string {
  const wall = osloWallClock(instant);
  return `${wall.getUTCDate()}. ${MONTHS[wall.getUTCMonth()]} ${wall.getUTCFullYear()} kl. ${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}`;
}
