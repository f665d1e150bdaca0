import { TZDate, tzOffset } from "@date-fns/tz";
import { instantFromOsloWall, osloDateTime, osloDay, osloLongDateTime, osloOffsetMinutes, osloShortDateTime } from "../../src/core/oslo-time";

const HOUR = 3_600_000;

describe("Europe/Oslo time from Norway's rules (no Intl time-zone names)", () => {
  it("has the same offset as the IANA database (@date-fns/tz) for every hour of 1970–2100", () => {
    const mismatches: string[] = [];
    for (let t = Date.UTC(1970, 0, 1); t < Date.UTC(2101, 0, 1); t += HOUR) {
      const expected = tzOffset("Europe/Oslo", new Date(t));
      if (osloOffsetMinutes(t) !== expected && mismatches.length < 5) mismatches.push(`${new Date(t).toISOString()}: ${osloOffsetMinutes(t)} ≠ ${expected}`);
    }
    expect(mismatches).toEqual([]);
  });

  it("turns an Oslo wall-clock time into the same instant as @date-fns/tz around every change of 1970–2100", () => {
    const mismatches: string[] = [];
    for (let year = 1970; year <= 2100; year++) {
      for (const month of [2, 3, 8, 9]) {
        for (let day = 1; day <= 31; day++) {
          if (new Date(Date.UTC(year, month, day)).getUTCDay() !== 0) continue;
          for (let hour = 0; hour < 5; hour++) {
            for (const minute of [0, 30]) {
              const expected = new TZDate(year, month, day, hour, minute, "Europe/Oslo").getTime();
              const actual = instantFromOsloWall(Date.UTC(year, month, day, hour, minute)).getTime();
              if (actual !== expected && mismatches.length < 5) mismatches.push(`${year}-${month + 1}-${day} ${hour}:${minute}`);
            }
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("gives the Oslo calendar day and clock of an instant", () => {
    expect(osloDay(new Date("2025-03-11T23:30:00Z"))).toBe("2025-03-12");
    expect(osloDay(new Date("2025-07-11T22:30:00Z"))).toBe("2025-07-12");
    expect(osloDay(new Date(NaN))).toBeUndefined();
    expect(osloDateTime(new Date("2025-03-01T13:05:09Z"))).toBe("2025-03-01T14:05:09+01:00");
    expect(osloDateTime(new Date("2025-06-01T13:05:09Z"))).toBe("2025-06-01T15:05:09+02:00");
    expect(osloShortDateTime(new Date("2025-03-12T13:05:00Z"))).toBe("12.03.2025 kl. 14.05");
    expect(osloLongDateTime(new Date("2025-03-01T13:05:00Z"))).toBe("1. mars 2025 kl. 14:05");
  });

  it("needs no Intl time-zone support: it works where Intl.DateTimeFormat rejects longOffset", () => {
    const original = Intl.DateTimeFormat;
    const rejecting = function (locale?: string | string[], options?: Intl.DateTimeFormatOptions) {
      if (options?.timeZoneName || options?.timeZone) throw new RangeError("Invalid option : timeZoneName");
      return new original(locale, options);
    } as unknown as typeof Intl.DateTimeFormat;
    Intl.DateTimeFormat = rejecting;
    try {
      expect(osloDateTime(new Date("2025-10-26T00:30:00Z"))).toBe("2025-10-26T02:30:00+02:00");
      expect(osloDateTime(new Date("2025-10-26T01:30:00Z"))).toBe("2025-10-26T02:30:00+01:00");
    } finally {
      Intl.DateTimeFormat = original;
    }
  });
});
