import { isAmbiguousNumber, readDate, readMunicipalityNumber, readNumber, readOrgNumber, readEmail, readPercent, listLookup } from "../../src/core/values";

describe("reading numbers as people type them", () => {
  it.each([
    [1234, 1234],
    ["1234", 1234],
    ["1 234", 1234],
    ["1\u00a0234", 1234],
    ["1\u202f234", 1234],
    ["1 234,5", 1234.5],
    ["12,75", 12.75],
    ["12.75", 12.75],
    [" 42 ", 42],
    ["-3", -3],
    ["1 234 567", 1234567],
    ["0.500", 0.5],
    ["1.2345", 1.2345],
    ["1234.567", 1234.567],
  ])("reads %p as %p", (raw, expected) => {
    expect(readNumber(raw)).toBe(expected);
  });

  it.each(["", "abc", "12a", "1 23", "1,2,3", "1.234,5", "1.234", "-12.500", " 999.000 ", "1.234.567", NaN, Infinity, true, new Date()])("does not read %p as a number", (raw) => {
    expect(readNumber(raw as never)).toBeUndefined();
  });
});

describe("a number written with one dot before three digits can be read two ways", () => {
  it.each(["1.234", "12.500", "-999.000", " 1.000 "])("%p is ambiguous", (raw) => {
    expect(isAmbiguousNumber(raw)).toBe(true);
  });
  it.each(["0.500", "1.23", "1234.567", "1.234.567", "1,234", "1 234", 1.234, ""])("%p is not", (raw) => {
    expect(isAmbiguousNumber(raw)).toBe(false);
  });
});

describe("reading dates without a day shift", () => {
  it.each([
    ["12.03.2025", "2025-03-12"],
    ["1.2.2025", "2025-02-01"],
    ["2025-03-12", "2025-03-12"],
    [" 2025-03-12 ", "2025-03-12"],
    ["29.02.2024", "2024-02-29"],
  ])("reads text %p as %p", (raw, expected) => {
    expect(readDate(raw)).toBe(expected);
  });

  it.each(["31.02.2025", "29.02.2025", "2025-13-01", "12/03/2025", "i går", "12.03.25"])("rejects %p", (raw) => {
    expect(readDate(raw)).toBeUndefined();
  });

  it("reads a Date as its day in Europe/Oslo, also at midnight Oslo time and across daylight saving", () => {
    // Midnight in Oslo is 23:00 or 22:00 UTC the day before: a naive UTC reading shifts a day.
    expect(readDate(new Date("2025-03-11T23:00:00Z"))).toBe("2025-03-12");
    expect(readDate(new Date("2025-07-14T22:00:00Z"))).toBe("2025-07-15");
    expect(readDate(new Date("2025-03-30T01:30:00Z"))).toBe("2025-03-30");
    expect(readDate(new Date("2025-10-26T12:00:00Z"))).toBe("2025-10-26");
  });

  it("reads spreadsheet serial day numbers (Sheets API UNFORMATTED_VALUE)", () => {
    expect(readDate(45728)).toBe("2025-03-12");
    expect(readDate(0)).toBeUndefined();
  });
});

describe("reading list values, municipality numbers, org numbers and e-mail", () => {
  const activityType = (value: string) => listLookup(["Kurs", "Åpent møte"])(value);
  it("matches list values regardless of case and stray spaces", () => {
    expect(activityType(" Kurs ")).toBe("Kurs");
    expect(activityType("kurs")).toBe("Kurs");
    expect(activityType("åpent  møte")).toBe("Åpent møte");
    expect(activityType("ÅPENT\u00a0MØTE")).toBe("Åpent møte");
    expect(activityType("Kursing")).toBeUndefined();
  });

  it("restores the leading zero a municipality number lost as a number", () => {
    expect(readMunicipalityNumber(301)).toBe("0301");
    expect(readMunicipalityNumber("301")).toBe("0301");
    expect(readMunicipalityNumber(" 1804 ")).toBe("1804");
    expect(readMunicipalityNumber("18045")).toBeUndefined();
    expect(readMunicipalityNumber(18.04)).toBeUndefined();
  });

  it("checks the MOD11 digit of an organisation number", () => {
    expect(readOrgNumber("974760673")).toBe("974760673");
    expect(readOrgNumber("974 760 673")).toBe("974760673");
    expect(readOrgNumber(974760673)).toBe("974760673");
    expect(readOrgNumber("974760674")).toBeUndefined();
    expect(readOrgNumber("97476067")).toBeUndefined();
  });

  it("reads e-mail addresses and percentages", () => {
    expect(readEmail(" ola@example.no ")).toBe("ola@example.no");
    expect(readEmail("ola@example")).toBeUndefined();
    expect(readPercent("10 %")).toBeCloseTo(0.1);
    expect(readPercent("25%")).toBeCloseTo(0.25);
    expect(readPercent(0.1)).toBeCloseTo(0.1);
  });
});
