import {
  findEmails,
  findNationalIds,
  findPhoneNumbers,
  isNationalIdNumber,
  maskPersonalData,
} from "../../src/core/privacy";

/**
 * The edges of the personal-data detectors (issue 14): each case below pins one rule of
 * core/privacy.ts — what is read as a date, a clock time, a year range or an amount (and so keeps
 * a neighbouring number from being a phone number), the prefixed forms, and the fødselsnummer check.
 */
const phones = (text: string) => findPhoneNumbers(text).map((m) => text.slice(m.start, m.end));

/** The first individual number (000–999) after a six-digit date that gives two valid check digits. */
function nationalIdFor(date: string, wantK1Wrong = false): string {
  const check = (s: string, w: number[]) => {
    const k = 11 - (w.reduce((sum, weight, i) => sum + weight * Number(s[i]), 0) % 11);
    return k === 11 ? 0 : k;
  };
  for (let individual = 0; individual < 1000; individual++) {
    const nine = date + String(individual).padStart(3, "0");
    const k1 = check(nine, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
    if (k1 === 10) continue;
    for (const written of wantK1Wrong ? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((d) => d !== k1) : [k1]) {
      const k2 = check(nine + written, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
      if (k2 !== 10) return `${nine}${written}${k2}`;
    }
  }
  throw new Error(`no number for ${date}`);
}

describe("what reads as a date keeps its digits out of a phone number", () => {
  it.each([
    ["a 13th month", "Tlf 91-23-12-13-2025", ["91-23-12-13"]],
    ["a month 00", "Tlf 91-23-12-00-2025", ["91-23-12-00"]],
    ["a day 00", "Tlf 91-23-00-12-2025", ["91-23-00-12"]],
    ["31 April", "Tlf 91-23-31-04-2025", ["91-23-31-04"]],
    ["29 February in a common year", "Tlf 91-23-29-02-2025", ["91-23-29-02"]],
    ["a five-digit «year»", "Tlf 91-23-12-03-02025", ["91-23-12-03"]],
    ["separators that differ within the «date»", "Tlf 91-23-12-03.2025", ["91-23-12-03"]],
    ["spaces between day, month and year", "Ring 91 23 12 03 2025", ["91 23 12 03"]],
  ])("no date in %s, so the number is found (%j)", (_what, text, expected) => {
    expect(phones(text)).toEqual(expected);
  });

  it.each([
    ["30 April", "Tlf 91-23-30-04-2025"],
    ["29 February in a leap year", "Tlf 91-23-29-02-2024"],
    ["28 February", "Tlf 91-23-28-02-2025"],
    ["the first year read as a year, 1900", "Tlf 91-23-12-03-1900"],
    ["the last year read as a year, 2099", "Tlf 91-23-12-03-2099"],
  ])("a date (%s) takes the digits: no number in %j", (_what, text) => {
    expect(phones(text)).toEqual([]);
  });

  it("reads 8 unseparated digits as a date only when they are a real day", () => {
    expect(phones("Møte 29022025")).toEqual(["29022025"]);
    expect(phones("Møte 29022024")).toEqual([]);
    expect(phones("Kode 32122025")).toEqual(["32122025"]);
    expect(phones("Kode 20251332")).toEqual(["20251332"]);
  });

  it("reads 9123 4567 as a date only in the 8-digit form, and two years only as a range", () => {
    expect(phones("Tlf 2412 2025")).toEqual(["2412 2025"]);
    expect(phones("Plan 2025 2026")).toEqual([]);
  });
});

describe("9123 4567 and 912 345 67 next to a date, a year range, a clock time or an amount", () => {
  it.each([
    ["after a date", "Møte 30.04.2025 912 345 67"],
    ["after an ISO date", "Møte 2025-04-30 912 345 67"],
    ["after a year range with a hyphen", "Plan 2025-2026 912 345 67"],
    ["before a year range with a hyphen", "Tlf 9123 4567-2025-2026"],
    ["after a year range with an en dash", "Plan 2024–2025 912 345 67"],
    ["after a year range with an en dash at the start", "2024–2025 912 345 67"],
    ["after a clock time", "Kafé kl. 18.00 912 345 67"],
    ["after a clock time at the start", "kl.18.00 912 345 67"],
    ["before a clock time with a colon", "Tlf 912 345 67 10:30"],
    ["after a clock time with a colon", "Kafé 10:30 912 345 67"],
    ["before an amount", "Tlf 912 345 67 1 500,-"],
    ["before a three-digit amount", "Tlf 9123 4567.500,-"],
  ])("is a phone number %s (%j)", (_what, text) => {
    expect(phones(text)).toHaveLength(1);
    expect(maskPersonalData(text)).toContain("[telefon fjernet]");
  });

  it.each([
    ["a year", "Årsmøte 2026 912 345 67"],
    ["a clock time at 24", "Kafé kl. 24.00 912 345 67"],
    ["a clock time at 60 minutes", "Kafé kl. 18.60 912 345 67"],
    ["a clock time with three-digit hours", "Kafé kl. 118.00 912 345 67"],
    ["a clock time with one-digit minutes", "Kafé kl. 18.0 912 345 67"],
    ["two years with a space between (a year range needs a hyphen or a dash)", "Tlf 9123 4567 2025 2026"],
    ["a «clock time» with a space instead of a dot", "Kafé kl. 18 00 912 345 67"],
    ["a 4-digit number before «,-»", "Tlf 912 345 67 1500,-"],
    ["digits before a colon not followed by two digits", "Tlf 912 345 67 10:3"],
    ["a «date» with a three-digit day", "Rom 012.03.2025 912 345 67"],
    ["a «date» with a three-digit month", "Rom 12.003.2025 912 345 67"],
    ["a «date» with a year before 1900", "Rom 12.03.1800 912 345 67"],
    ["an ISO «date» with a one-digit month", "Rom 2025.3.12 912 345 67"],
    ["an ISO «date» with a one-digit day", "Rom 2025.03.5 912 345 67"],
    ["a clock time with hours written in three digits", "Kafé kl. 018.00 912 345 67"],
    [
      "an amount with a dot as thousands separator (only spaces join a thousands run)",
      "Tlf 912 345 67 1.500,-",
    ],
  ])("is not a phone number next to %s (%j)", (_what, text) => {
    expect(phones(text)).toEqual([]);
  });
});

describe("numbers with the country prefix in the same run of digits", () => {
  it("takes +47 and 0047 directly before 8 digits starting with 2–9", () => {
    expect(phones("Tlf 004791234567")).toEqual(["004791234567"]);
    expect(maskPersonalData("Tlf 004791234567")).toBe("Tlf [telefon fjernet]");
    expect(phones("Tlf 004712345678")).toEqual([]);
    expect(phones("Tlf 0047912345678")).toEqual([]);
    expect(phones("Konto 123456789012")).toEqual([]);
    expect(phones("Tlf +479123456")).toEqual([]);
    expect(phones("Tlf 4791234567")).toEqual([]);
    expect(phones("Tlf +4691234567")).toEqual([]);
  });
});

describe("fødselsnummer edges", () => {
  it("accepts 29 February, H-nummer (month + 40) and synthetic numbers (month + 80)", () => {
    const leapDay = nationalIdFor("290200");
    const hNumber = nationalIdFor("015190");
    const synthetic = nationalIdFor("018190");
    for (const number of [leapDay, hNumber, synthetic]) {
      expect(isNationalIdNumber(number)).toBe(true);
      expect(findNationalIds(`fnr ${number}`)).toHaveLength(1);
    }
  });

  it("rejects a day that does not exist and a wrong first check digit, even when the second is right", () => {
    expect(isNationalIdNumber(nationalIdFor("320190"))).toBe(false);
    expect(isNationalIdNumber(nationalIdFor("010190", true))).toBe(false);
  });

  it("rejects a run of 12 digits that starts or ends with a valid number", () => {
    expect(isNationalIdNumber("010190124801")).toBe(false);
    expect(isNationalIdNumber("001019012480")).toBe(false);
  });

  it("takes 6 + 5 digits only with a space or hyphen between, and 6 digits alone for nothing", () => {
    expect(findNationalIds("fnr 010190.12480")).toEqual([]);
    expect(findNationalIds("Kode 123456")).toEqual([]);
    expect(findNationalIds("Kode 010190")).toEqual([]);
  });
});

describe("e-mail edges and joined matches", () => {
  it("leaves leading dots out of an address and takes none without a local part", () => {
    const text = "Skriv til ..kari@example.no";
    expect(findEmails(text).map((m) => text.slice(m.start, m.end))).toEqual(["kari@example.no"]);
    expect(findEmails("Skriv til ...@example.no")).toEqual([]);
    expect(findEmails("kari@example.no")).toEqual([{ kind: "email", start: 0, end: 15 }]);
  });

  it("masks an address that starts with a phone number as one address", () => {
    expect(maskPersonalData("91234567@example.no")).toBe("[e-post fjernet]");
  });

  it("masks a phone number right after an address as a phone number of its own", () => {
    expect(maskPersonalData("kari@example.no91234567")).toBe("[e-post fjernet][telefon fjernet]");
  });
});
