import { TZDate } from "@date-fns/tz";
import { TIME_ZONE } from "../../core/dates";

function pad(n: number): string {
  return n < 10 ? "0" + n : String(n);
}

/** An instant as ISO date-time on the Europe/Oslo wall clock with its offset: "2025-03-01T14:05:09+01:00". */
export function osloDateTime(instant: Date): string {
  const at = new TZDate(instant.getTime(), TIME_ZONE);
  const offset = -at.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
