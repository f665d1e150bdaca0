import fc from "fast-check";
import { propertyRuns } from "../property-runs";
import {
  holdsPersonalData,
  findEmails,
  findNationalIds,
  findPersonalData,
  findPhoneNumbers,
  isNationalIdNumber,
  maskPersonalData,
  personalDataKinds,
} from "../../src/core/privacy";

/**
 * The personal-data detectors and the one masking function of partner views (issue 13). Valid
 * fødselsnummer below were worked out by hand with the MOD11 weights of Skatteetaten
 * (k1: 3 7 6 1 8 9 4 5 2, k2: 5 4 3 2 7 6 5 4 3 2), e.g. 010190 124 → k1 = 11 − 102 mod 11 = 8,
 * k2 = 11 − 110 mod 11 = 11 → 0: 01019012480.
 */
const FNR = "01019012480";
const D_NUMBER = "41019012474"; // the same person's date as a D-nummer (day + 40)

const texts = (matches: ReturnType<typeof findPersonalData>, text: string) =>
  matches.map((m) => text.slice(m.start, m.end));

describe("e-mail addresses", () => {
  it.each([
    ["kari@example.no", ["kari@example.no"]],
    ["Møte med Ola Hansen (ola.hansen@kommune.no)", ["ola.hansen@kommune.no"]],
    ["Skriv til kari.nordmann+kurs@epost.example.com.", ["kari.nordmann+kurs@epost.example.com"]],
    ["Påmelding: per_olsen@nøtterøy.kommune.no, eller ring", ["per_olsen@nøtterøy.kommune.no"]],
    ["kari(at)example.no", ["kari(at)example.no"]],
    ["kari [at] example.no", ["kari [at] example.no"]],
    ["to: a@b.no og c@d.se", ["a@b.no", "c@d.se"]],
  ])("finds %j", (text, expected) => {
    expect(texts(findEmails(text), text)).toEqual(expected);
  });

  it.each([
    "Følg oss på @seniornett",
    "Møte @ biblioteket",
    "kari@localhost",
    "e-post: ikke oppgitt",
    "Kurs i e-post og nettbank",
    "a@b.c",
    "Kurs @ 12.03.2025",
    "@",
  ])("does not take %j for an address", (text) => {
    expect(findEmails(text)).toEqual([]);
  });
});

describe("Norwegian phone numbers", () => {
  it.each([
    ["91234567", "91234567"],
    ["Ring 912 34 567", "912 34 567"],
    ["Ring 91 23 45 67 etter kl. 16", "91 23 45 67"],
    ["Tlf 9123 4567", "9123 4567"],
    ["Tlf 912 345 67", "912 345 67"],
    ["Tlf 9123 4567 kl. 10:30–11:30", "9123 4567"],
    ["+47 912 34 567", "+47 912 34 567"],
    ["+4791234567", "+4791234567"],
    ["0047 91234567", "0047 91234567"],
    ["(+47) 22 123 456", "(+47) 22 123 456"],
    ["+47 22 123 456", "+47 22 123 456"],
    ["912-34-567", "912-34-567"],
    ["91.23.45.67", "91.23.45.67"],
    ["tlf. 22 12 34 56 (sentralbord)", "22 12 34 56"],
    ["Kontakt 41 23 45 67.", "41 23 45 67"],
    ["Kurs for 12 912 34 567", "912 34 567"],
    ["ring\u00a0912\u00a034\u00a0567", "912\u00a034\u00a0567"],
    ["Datahjelp 2025 91234567", "91234567"],
    ["Kafé kl. 18.00 91 23 45 67", "91 23 45 67"],
    ["Møte 12.03.2025 912.34.567", "912.34.567"],
  ])("finds the number in %j", (text, number) => {
    expect(texts(findPhoneNumbers(text), text)).toEqual([number]);
  });

  // What titles normally hold, and where the edge is drawn (see core/privacy.ts).
  it.each([
    ["dates", "Kurs 12.03.2025"],
    ["ISO dates", "Kurs 2025-03-12"],
    ["two dates", "Kurs 12.03.2025 og 2025-03-19"],
    ["a date written ddmmyyyy", "Møte 24122025"],
    ["a date written yyyymmdd", "Møte 20250312"],
    ["years", "Årsmøte 2025"],
    ["year ranges with en dash", "Plan 2025–2026"],
    ["year ranges with hyphen", "Plan 2025-2026"],
    ["clock times with a dot", "Kafé kl. 18.00"],
    ["clock time ranges with a colon", "Datahjelp 10:30–12:00"],
    ["clock time ranges with dots and a hyphen", "Quiz 20.00-22.00"],
    ["a date and a time", "Møte 24.12.2025 18.00"],
    ["organisation numbers", "Org.nr. 912345678"],
    ["grouped organisation numbers", "Org.nr. 912 345 678"],
    ["municipality numbers", "Kurs i kommune 0301 og 1804"],
    ["counts", "Kurs for 12 deltakere"],
    ["prices", "Kurs, kr 1 500"],
    ["prices with ,-", "Kurs 1 500,-"],
    ["amounts in millions", "Tilskudd kr 25 000 000"],
    ["room numbers", "Rom 2.104, 3. etasje"],
    ["room numbers, plain", "Rom 204"],
    ["numbers starting with 0 or 1", "Sak 12345678 og 01234567"],
    ["nine digits", "Referanse 912345678"],
    ["a phone number inside a longer run of digits", "Kontonummer 12345678901234"],
    ["an account number", "Konto 1503.12.34567"],
    ["a title without digits", "Kurs: Trygg på nett"],
    ["a room number next to a price", "Rom 204 12 000,-"],
    ["a municipality number next to an ISO date", "Kommune 4601 2025-03-12"],
    ["a municipality number next to a year range", "Kommune 4601 2025–2026"],
    ["a time next to a year range", "kl. 18.00 2025-2026"],
    ["an organisation number next to a count", "Org.nr. 966 361 908 21 deltakere"],
  ])("does not take %s for one (%j)", (_what, text) => {
    expect(findPhoneNumbers(text)).toEqual([]);
    expect(findPersonalData(text)).toEqual([]);
  });

  it("takes 9123 4567 and 912 345 67 for a number only with no other number right next to them (the edge, documented)", () => {
    expect(findPhoneNumbers("Rom 204 9123 4567")).toEqual([]);
    expect(findPhoneNumbers("Kommune 0301 912 345 67")).toEqual([]);
    expect(findPhoneNumbers("Rom 204 912 34 567")).toHaveLength(1);
  });

  it("takes two 4-digit numbers with only a space between for a number written 9123 4567 (the edge, documented)", () => {
    expect(texts(findPhoneNumbers("Kommune 4601 2025"), "Kommune 4601 2025")).toEqual(["4601 2025"]);
    expect(findPhoneNumbers("Kommune 4601 i 2025")).toEqual([]);
  });
});

describe("fødselsnummer and D-nummer", () => {
  it("checks both MOD11 check digits and the date", () => {
    expect(isNationalIdNumber(FNR)).toBe(true);
    expect(isNationalIdNumber(D_NUMBER)).toBe(true);
    expect(isNationalIdNumber("01019012481")).toBe(false); // k2 wrong
    expect(isNationalIdNumber("01019012490")).toBe(false); // k1 wrong
    expect(isNationalIdNumber("32019012480")).toBe(false); // no 32nd day
    expect(isNationalIdNumber("0101901248")).toBe(false); // 10 digits
  });

  it.each([
    [`Deltaker ${FNR}`, FNR],
    [`fnr 010190 12480`, "010190 12480"],
    [`fnr 010190-12480`, "010190-12480"],
    [`D-nummer ${D_NUMBER}`, D_NUMBER],
    [`(${FNR})`, FNR],
  ])("finds it in %j", (text, number) => {
    expect(texts(findNationalIds(text), text)).toEqual([number]);
    expect(personalDataKinds(text)).toEqual(["nationalId"]);
  });

  it.each(["01019012481", "12345678901", "010190 1248", "0101901248012", "Konto 1503.12.34567"])(
    "does not take %j for one",
    (text) => {
      expect(findNationalIds(text)).toEqual([]);
      expect(findPersonalData(text)).toEqual([]);
    },
  );
});

describe("the masking function of partner views", () => {
  it("replaces each kind with its Norwegian mark and leaves the rest as typed", () => {
    expect(maskPersonalData("Kurs hos Kari Nordmann, ring 912 34 567 eller kari@example.no")).toBe(
      "Kurs hos Kari Nordmann, ring [telefon fjernet] eller [e-post fjernet]",
    );
    expect(maskPersonalData("Møte med Ola Hansen (ola.hansen@kommune.no)")).toBe(
      "Møte med Ola Hansen ([e-post fjernet])",
    );
    expect(maskPersonalData(`Hjelp til ${FNR} med BankID`)).toBe(
      "Hjelp til [fødselsnummer fjernet] med BankID",
    );
    expect(maskPersonalData("Kurs for 12 deltakere 12.03.2025 kl. 18.00")).toBe(
      "Kurs for 12 deltakere 12.03.2025 kl. 18.00",
    );
  });

  it("masks digits inside an address once, as the address", () => {
    expect(maskPersonalData("kari91234567@example.no")).toBe("[e-post fjernet]");
    expect(personalDataKinds("kari91234567@example.no")).toEqual(["email"]);
  });

  it("lists every kind a text holds, in a fixed order", () => {
    expect(personalDataKinds(`kari@example.no ${FNR} 91234567`)).toEqual(["phone", "email", "nationalId"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const WORDS = [
  "Kurs",
  "i",
  "BankID",
  "Datahjelp",
  "på",
  "biblioteket",
  "med",
  "Kari",
  "Nordmann",
  "Møte",
  "om",
  "Vipps",
  "for",
  "nye",
  "Åpent",
  "møte:",
  "(drop-in)",
  "–",
  "og",
  "Seniornett",
  "Bodø",
];
const word = fc.constantFrom(...WORDS);

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(""));
const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Splits an 8-digit number into a grouping people use and joins it with one separator. */
function grouped(number: string, sizes: number[], separator: string): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(number.slice(at, at + size));
    at += size;
  }
  return parts.join(separator);
}

/**
 * A Norwegian phone number as people type it: mobile (4x, 9x) or another first digit, in any usual
 * grouping, with any usual separator and with or without +47 / 0047. The two documented edges are
 * left out: a landline (2x, 3x) written unseparated or 4-4 may read as a date or a year range.
 */
const phone = fc
  .record({
    first: fc.integer({ min: 2, max: 9 }),
    rest: digits(7),
    sizes: fc.constantFrom<number[]>([8], [3, 2, 3], [2, 2, 2, 2], [4, 4], [3, 3, 2]),
    separator: fc.constantFrom(" ", "\u00a0", "-", "."),
    prefix: fc.constantFrom("", "+47 ", "+47", "0047 ", "(+47) ", "+47-"),
  })
  .filter(({ first, sizes }) => first >= 4 || (sizes.length !== 1 && sizes.join() !== "4,4"))
  .map(({ first, rest, sizes, separator, prefix }) => {
    const number = `${first}${rest}`;
    let written =
      prefix === "+47" || prefix === "0047 " ? prefix + number : prefix + grouped(number, sizes, separator);
    // 9123 4567 and 912 345 67 count as a number only with no other number right next to them.
    if (!prefix && (sizes.join() === "4,4" || sizes.join() === "3,3,2")) written = `tlf ${written}`;
    return { written, number };
  });

const email = fc
  .record({
    local: fc.stringMatching(/^[a-z][a-z0-9._+-]{0,12}[a-z0-9]$/),
    domain: fc.stringMatching(/^[a-zæøå][a-zæøå0-9-]{0,10}[a-z0-9]$/),
    tld: fc.constantFrom("no", "com", "org", "kommune.no"),
  })
  .filter(({ local }) => !local.includes(".."))
  .map(({ local, domain, tld }) => ({ written: `${local}@${domain}.${tld}`, number: "" }));

/** A valid fødselsnummer or D-nummer: a real day, an individual number, both check digits computed. */
function withCheckDigits(nine: string): string | undefined {
  const weights1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
  const weights2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const check = (s: string, w: number[]) => {
    const k = 11 - (w.reduce((sum, weight, i) => sum + weight * Number(s[i]), 0) % 11);
    return k === 11 ? 0 : k;
  };
  const k1 = check(nine, weights1);
  if (k1 === 10) return undefined;
  const k2 = check(nine + k1, weights2);
  return k2 === 10 ? undefined : `${nine}${k1}${k2}`;
}

const nationalId = fc
  .record({
    day: fc.integer({ min: 1, max: 28 }),
    month: fc.integer({ min: 1, max: 12 }),
    year: fc.integer({ min: 0, max: 99 }),
    individual: fc.integer({ min: 0, max: 999 }),
    dNumber: fc.boolean(),
    spaced: fc.boolean(),
  })
  .map(({ day, month, year, individual, dNumber, spaced }) => {
    const number = withCheckDigits(
      `${pad(dNumber ? day + 40 : day)}${pad(month)}${pad(year)}${pad(individual, 3)}`,
    );
    return number
      ? { written: spaced ? `${number.slice(0, 6)} ${number.slice(6)}` : number, number }
      : undefined;
  })
  .filter((x): x is { written: string; number: string } => x !== undefined);

/** What titles normally hold besides words: each with its word, as people write them. */
const safeToken = fc.oneof(
  fc
    .record({
      d: fc.integer({ min: 1, max: 28 }),
      m: fc.integer({ min: 1, max: 12 }),
      y: fc.integer({ min: 2000, max: 2030 }),
    })
    .chain(({ d, m, y }) =>
      fc.constantFrom(`${pad(d)}.${pad(m)}.${y}`, `${y}-${pad(m)}-${pad(d)}`, `${d}.${m}.${y}`),
    ),
  fc.integer({ min: 1990, max: 2035 }).map((y) => `i ${y}`),
  fc.integer({ min: 2000, max: 2034 }).chain((y) => fc.constantFrom(`${y}–${y + 1}`, `${y}-${y + 1}`)),
  fc
    .record({ h: fc.integer({ min: 8, max: 22 }), m: fc.constantFrom(0, 15, 30, 45) })
    .chain(({ h, m }) =>
      fc.constantFrom(
        `kl. ${pad(h)}.${pad(m)}`,
        `${pad(h)}:${pad(m)}–${pad(h + 1)}:${pad(m)}`,
        `kl. ${h}.${pad(m)}-${h + 2}.${pad(m)}`,
      ),
    ),
  digits(8).chain((d) =>
    fc.constantFrom(`org.nr. 9${d}`, `org.nr. 9${d.slice(0, 2)} ${d.slice(2, 5)} ${d.slice(5)}`),
  ),
  digits(4).map((d) => `kommune ${d}`),
  fc.integer({ min: 0, max: 500 }).map((n) => `for ${n} deltakere`),
  fc
    .integer({ min: 1, max: 99 })
    .chain((n) => fc.constantFrom(`kr ${n} 500`, `${n} 000,-`, `kr ${n} 000 000`)),
  fc
    .integer({ min: 1, max: 999 })
    .chain((n) => fc.constantFrom(`rom ${n}`, `rom ${Math.ceil(n / 100)}.${pad(n % 100)}`)),
);

const title = fc.array(fc.oneof({ weight: 3, arbitrary: word }, { weight: 1, arbitrary: safeToken }), {
  minLength: 1,
  maxLength: 12,
});

/** Separators-free digits of a text: a phone number is gone when its 8 digits no longer appear in a row. */
const digitRun = (text: string) => text.replace(/[ \u00a0.+()-]/g, "");

describe("properties of the masking function", () => {
  it("a phone number, e-mail address or valid fødselsnummer inserted anywhere in a title never reaches the view", () => {
    fc.assert(
      fc.property(title, fc.oneof(phone, email, nationalId), fc.nat(), (words, secret, at) => {
        const parts = [...words];
        parts.splice(at % (parts.length + 1), 0, secret.written);
        const text = parts.join(" ");
        const masked = maskPersonalData(text);
        expect(masked).not.toContain(secret.written);
        expect(masked).not.toMatch(/@/);
        if (secret.number) expect(digitRun(masked)).not.toContain(secret.number);
        expect(findPersonalData(masked)).toEqual([]);
        expect(masked).toMatch(/\[(telefon|e-post|fødselsnummer) fjernet\]/);
      }),
      propertyRuns(2000),
    );
  });

  it("a title with only dates, years, times, counts, prices, room, organisation and municipality numbers comes back unchanged", () => {
    fc.assert(
      fc.property(title, (words) => {
        const text = words.join(" ");
        expect(findPersonalData(text)).toEqual([]);
        expect(maskPersonalData(text)).toBe(text);
      }),
      propertyRuns(2000),
    );
  });

  it("on any text: never throws, masks to a text with nothing left to mask, and is idempotent", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: "grapheme" }),
          fc
            .array(fc.constantFrom("9", "1", " ", ".", "-", "@", "a", "no", "+47", "(at)", "0"), {
              maxLength: 40,
            })
            .map((p) => p.join("")),
        ),
        (text) => {
          const masked = maskPersonalData(text);
          expect(findPersonalData(masked)).toEqual([]);
          expect(maskPersonalData(masked)).toBe(masked);
          // The remembered answer the reader uses is the detectors' answer, asked twice.
          expect(holdsPersonalData(text)).toBe(findPersonalData(text).length > 0);
          expect(holdsPersonalData(text)).toBe(masked !== text);
        },
      ),
      propertyRuns(3000),
    );
  });
});
