// The edges of reading values as people type them (issue 14: rules a mutant could change unnoticed).
import { dateAtNoonUtc, isoFromParts, isoFromSerial, norwegianDate, serialFromIso, todayInOslo } from "../../src/core/dates";
import { listLookup, readDate, readEmail, readMunicipalityNumber, readNumber, readOrgNumber, readPercent, readText, textLength } from "../../src/core/values";

describe("numbers", () => {
  it.each([
    [".5", 0.5],
    [",5", 0.5],
    ["+3", 3],
    ["-0,25", -0.25],
    ["12 345", 12345],
    ["123 456", 123456],
    ["+1 234", 1234],
    ["-1 234,56", -1234.56],
    ["1\u2009234", 1234],
    ["\u00a012\u00a0", 12],
    [0, 0],
    [-7.5, -7.5],
  ])("reads %p as %p", (raw, expected) => {
    expect(readNumber(raw)).toBe(expected);
  });

  it.each(["1234 567", "1 2345", "1 234.5", "1 234,", "12.", "5-", "1e3", "0x10", "--1", "1 234 56", " ", "١٢"])("does not read %p", (raw) => {
    expect(readNumber(raw)).toBeUndefined();
  });

  it("reads no number from a Date, a boolean or nothing", () => {
    expect(readNumber(new Date(0))).toBeUndefined();
    expect(readNumber(false)).toBeUndefined();
    expect(readNumber(null)).toBeUndefined();
  });
});

describe("dates typed as text", () => {
  it.each([
    ["01.01.2025", "2025-01-01"],
    ["31.12.2025", "2025-12-31"],
    ["9.9.2025", "2025-09-09"],
    ["2025-03-12T00:00", "2025-03-12"],
    ["2025-03-12 00:00:00", "2025-03-12"],
    ["2025-03-12T00:00:00.000Z", "2025-03-12"],
    ["2025-03-12T00:00:00Z", "2025-03-12"],
  ])("reads %p as %p", (raw, expected) => {
    expect(readDate(raw)).toBe(expected);
  });

  it.each([
    "112.03.2025",
    "12.103.2025",
    "12.03.20255",
    "x12.03.2025",
    "12.03.2025x",
    "12-03-2025",
    "00.01.2025",
    "01.00.2025",
    "32.01.2025",
    "2025-3-12",
    "2025-03-12T10:00",
    "2025-03-12T00:00:01",
    "12025-03-12",
    "2025-03-123",
    "x2025-03-12",
    "2025-03-12x",
  ])("does not read %p", (raw) => {
    expect(readDate(raw)).toBeUndefined();
  });

  it("reads no date from a boolean, nothing, or an invalid Date", () => {
    expect(readDate(true)).toBeUndefined();
    expect(readDate(null)).toBeUndefined();
    expect(readDate(new Date(Number.NaN))).toBeUndefined();
  });
});

describe("calendar dates", () => {
  it.each([
    [2025, 1, 1, "2025-01-01"],
    [2025, 12, 31, "2025-12-31"],
    [9999, 12, 31, "9999-12-31"],
    [2024, 2, 29, "2024-02-29"],
  ])("%p-%p-%p is %p", (year, month, day, iso) => {
    expect(isoFromParts(year, month, day)).toBe(iso);
  });

  it.each([
    [2025, 0, 1],
    [2025, 13, 1],
    [2025, 1, 0],
    [2025, 1, 32],
    [2025, 4, 31],
    [2025, 2, 29],
    [10000, 1, 1],
    [999, 12, 31],
  ])("%p-%p-%p is no date", (year, month, day) => {
    expect(isoFromParts(year, month, day)).toBeUndefined();
  });

  it("serial day numbers: the fraction of a day is the time, not another day", () => {
    expect(isoFromSerial(45728.99)).toBe("2025-03-12");
    expect(isoFromSerial(Number.NaN)).toBeUndefined();
    expect(isoFromSerial(Infinity)).toBeUndefined();
    expect(serialFromIso("2025-03-12")).toBe(45728);
    expect(serialFromIso("1899-12-31")).toBe(1);
  });

  it("are shown the Norwegian way and written as noon UTC", () => {
    expect(norwegianDate("2025-03-09")).toBe("09.03.2025");
    expect(dateAtNoonUtc("2025-03-09").toISOString()).toBe("2025-03-09T12:00:00.000Z");
    expect(todayInOslo(new Date("2025-12-31T23:30:00Z"))).toBe("2026-01-01");
  });
});

describe("text, lists, municipality numbers, organisation numbers and e-mail", () => {
  it("text of a number or a boolean is its plain spelling, and nothing is empty text", () => {
    expect(readText(12)).toBe("12");
    expect(readText(true)).toBe("true");
    expect(readText(null)).toBe("");
    expect(readText(undefined)).toBe("");
    expect(readText(new Date(Number.NaN))).toBe("");
  });

  it("a list value must be text: the number 1 is not the list value «1»", () => {
    const lookup = listLookup(["1", "Kurs"]);
    expect(lookup(1)).toBeUndefined();
    expect(lookup("1")).toBe("1");
    expect(lookup("\u202fKurs\t")).toBe("Kurs");
    expect(lookup("K urs")).toBeUndefined();
  });

  it.each([
    [0, undefined],
    [99, undefined],
    [100, "0100"],
    [9999, "9999"],
    [10000, undefined],
    [-301, undefined],
    ["0301", "0301"],
    ["30", undefined],
    ["03011", undefined],
    ["03a1", undefined],
    ["x0301", undefined],
    ["0301x", undefined],
    [true, undefined],
  ])("municipality number %p is %p", (raw, expected) => {
    expect(readMunicipalityNumber(raw)).toBe(expected);
  });

  it.each([
    ["923609016", "923609016"],
    ["\u00a0923\u202f609 016 ", "923609016"],
    ["923609017", undefined],
    ["9236090160", undefined],
    ["x923609016", undefined],
    ["923609016x", undefined],
    ["92360901a", undefined],
    [true, undefined],
  ])("organisation number %p is %p", (raw, expected) => {
    expect(readOrgNumber(raw)).toBe(expected);
  });

  it("an organisation number whose check digit would be 10 is never valid, and remainder 0 gives check digit 0", () => {
    // 1 × weight 3 = 3 → check digit 11 - 3 = 8; 000000000 has remainder 0 → check digit 0.
    expect(readOrgNumber("000000000")).toBe("000000000");
    expect(readOrgNumber("100000008")).toBe("100000008");
    expect(readOrgNumber("100000000")).toBeUndefined();
    // 1 at weight 2 (eighth digit): sum 2, 11 - 2 = 9.
    expect(readOrgNumber("000000019")).toBe("000000019");
    // 4 × weight 3 = 12, remainder 1 → check digit 10: no ninth digit makes it valid.
    for (let d = 0; d <= 9; d++) expect(readOrgNumber(`40000000${d}`)).toBeUndefined();
  });

  it.each(["kari@example.no", "kari.nordmann+sn@bodo.kommune.no", "ola@example.com", "a@b.cd"])("e-mail %p is valid", (raw) => {
    expect(readEmail(raw)).toBe(raw);
  });

  it.each(["kari@example.n", "kari@@example.no", "kari example@x.no", "kari@x.no; ola@x.no", "<kari@x.no>", "@example.no", "kari@.no", "kari@example.", 5, "x kari@example.no"])(
    "e-mail %p is not valid",
    (raw) => {
      expect(readEmail(raw)).toBeUndefined();
    },
  );
});

describe("more edges (issue 14 survivors)", () => {
  it("pads October and the 10th with no extra zero", () => {
    expect(readDate("10.10.2025")).toBe("2025-10-10");
    expect(isoFromParts(2025, 10, 10)).toBe("2025-10-10");
  });

  it("counts an emoji as one character, a lone surrogate as one", () => {
    expect(textLength("a😀b")).toBe(3);
    expect(textLength("😀😀")).toBe(2);
    expect(textLength("\ud83d")).toBe(1);
    expect(textLength("\ud83da")).toBe(2);
    expect(textLength("a\ude00")).toBe(2);
    expect(textLength("")).toBe(0);
  });

  it("reads a percentage with spaces around it", () => {
    expect(readPercent(" 10 % ")).toBeCloseTo(0.1, 10);
    expect(readPercent("10 % ")).toBeCloseTo(0.1, 10);
  });
});
