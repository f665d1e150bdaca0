// Europe/Oslo time at each rule change, to the millisecond (issue 14). The expected values were read
// from Node's ICU (Intl.DateTimeFormat with timeZone "Europe/Oslo") and are written out here, so this
// file runs in milliseconds; oslo-time.test.ts compares every hour of 1970–2100 with @date-fns/tz.
import { instantFromOsloWall, osloDateTime, osloDay, osloLongDateTime, osloOffsetMinutes, osloShortDateTime, osloWallClock } from "../../src/core/oslo-time";

const at = (iso: string) => Date.parse(iso);
const justBefore = (iso: string) => Date.parse(iso) - 1;

describe("Oslo's offset from UTC", () => {
  it("is one hour all year up to 1979 (no summer time 1966–1979)", () => {
    expect(osloOffsetMinutes(at("1979-07-01T12:00Z"))).toBe(60);
    expect(osloOffsetMinutes(at("1970-01-01T00:00Z"))).toBe(60);
  });

  it.each([
    ["1980 (first Sunday of April to last Sunday of September)", "1980-04-06T01:00Z", "1980-09-28T01:00Z"],
    ["1981 (last Sunday of March to last Sunday of September)", "1981-03-29T01:00Z", "1981-09-27T01:00Z"],
    ["1995 (the last year summer time ended in September)", "1995-03-26T01:00Z", "1995-09-24T01:00Z"],
    ["1996 (the EU rule: last Sunday of October)", "1996-03-31T01:00Z", "1996-10-27T01:00Z"],
    ["2025", "2025-03-30T01:00Z", "2025-10-26T01:00Z"],
    ["2100", "2100-03-28T01:00Z", "2100-10-31T01:00Z"],
  ])("in %s is two hours from 01:00 UTC on the first day to 01:00 UTC on the last, exclusive", (_year, start, end) => {
    expect(osloOffsetMinutes(justBefore(start))).toBe(60);
    expect(osloOffsetMinutes(at(start))).toBe(120);
    expect(osloOffsetMinutes(justBefore(end))).toBe(120);
    expect(osloOffsetMinutes(at(end))).toBe(60);
  });

  it("in 1980 had no summer time on the last Sunday of March (it started in April)", () => {
    expect(osloOffsetMinutes(at("1980-03-30T12:00Z"))).toBe(60);
  });

  it("in 1995 was back to one hour in October, in 1996 still two", () => {
    expect(osloOffsetMinutes(at("1995-10-01T12:00Z"))).toBe(60);
    expect(osloOffsetMinutes(at("1996-10-01T12:00Z"))).toBe(120);
  });

  it("is the same when asked twice for a year (the summer time of each year is remembered)", () => {
    expect(osloOffsetMinutes(at("2031-07-01T00:00Z"))).toBe(120);
    expect(osloOffsetMinutes(at("2031-12-01T00:00Z"))).toBe(60);
    expect(osloOffsetMinutes(at("2031-07-01T00:00Z"))).toBe(120);
  });

  it("is NaN for an invalid instant", () => {
    expect(osloOffsetMinutes(NaN)).toBeNaN();
  });
});

describe("an Oslo wall-clock time as an instant", () => {
  const wall = (y: number, m: number, d: number, h: number, min = 0) => Date.UTC(y, m - 1, d, h, min);

  it("is one hour earlier in UTC in winter and two in summer", () => {
    expect(instantFromOsloWall(wall(2025, 1, 15, 12)).toISOString()).toBe("2025-01-15T11:00:00.000Z");
    expect(instantFromOsloWall(wall(2025, 7, 1, 12)).toISOString()).toBe("2025-07-01T10:00:00.000Z");
  });

  it("for a time skipped in spring (02:30 on 30 March 2025) is read as standard time", () => {
    expect(instantFromOsloWall(wall(2025, 3, 30, 2, 30)).toISOString()).toBe("2025-03-30T01:30:00.000Z");
    expect(instantFromOsloWall(wall(2025, 3, 30, 3, 0)).toISOString()).toBe("2025-03-30T01:00:00.000Z");
  });

  it("for a time that occurs twice in autumn (02:30 on 26 October 2025) is the second, standard-time one", () => {
    expect(instantFromOsloWall(wall(2025, 10, 26, 2, 30)).toISOString()).toBe("2025-10-26T01:30:00.000Z");
    expect(instantFromOsloWall(wall(2025, 10, 26, 1, 30)).toISOString()).toBe("2025-10-25T23:30:00.000Z");
  });

  it("is an invalid Date for NaN", () => {
    expect(instantFromOsloWall(NaN).getTime()).toBeNaN();
  });
});

describe("an instant on the Oslo wall clock", () => {
  it("moves to the next calendar day after 23:00 UTC in winter and 22:00 UTC in summer", () => {
    expect(osloDay(new Date("2025-12-31T22:59:59.999Z"))).toBe("2025-12-31");
    expect(osloDay(new Date("2025-12-31T23:00:00Z"))).toBe("2026-01-01");
    expect(osloDay(new Date("2025-06-30T22:00:00Z"))).toBe("2025-07-01");
    expect(osloWallClock(new Date("2025-06-30T22:00:00Z")).toISOString()).toBe("2025-07-01T00:00:00.000Z");
  });

  it("has no calendar day when invalid or outside the years 1000–9999", () => {
    expect(osloDay(new Date(NaN))).toBeUndefined();
    expect(osloDay(new Date("0999-06-01T12:00:00Z"))).toBeUndefined();
    expect(osloDay(new Date("1000-06-01T12:00:00Z"))).toBe("1000-06-01");
    expect(osloDay(new Date("9999-06-01T12:00:00Z"))).toBe("9999-06-01");
    expect(osloDay(new Date(Date.UTC(10000, 5, 1, 12)))).toBeUndefined();
  });

  it("is written as ISO date-time with its offset, two digits in every field", () => {
    expect(osloDateTime(new Date("2025-03-01T08:05:09Z"))).toBe("2025-03-01T09:05:09+01:00");
    expect(osloDateTime(new Date("2025-10-10T08:10:10Z"))).toBe("2025-10-10T10:10:10+02:00");
  });

  it("is written short as «dd.mm.åååå kl. tt.mm» and long as «d. måned åååå kl. tt:mm»", () => {
    expect(osloShortDateTime(new Date("2025-03-01T08:05:00Z"))).toBe("01.03.2025 kl. 09.05");
    expect(osloShortDateTime(new Date("2025-12-10T09:10:00Z"))).toBe("10.12.2025 kl. 10.10");
    expect(osloLongDateTime(new Date("2025-03-01T08:05:00Z"))).toBe("1. mars 2025 kl. 09:05");
    expect(osloLongDateTime(new Date("2025-12-31T21:10:00Z"))).toBe("31. desember 2025 kl. 22:10");
  });
});
