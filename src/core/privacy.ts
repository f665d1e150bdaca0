/**
 * Personal data in free text (SPEC "Rollup rules": the free text partner views carry has e-mail
 * addresses, phone numbers and fødselsnummer masked). Pure functions over a string: the
 * detectors, one function that lists what a text holds, and the ONE masking function every
 * partner view goes through (core/partner-slices.ts).
 *
 * Where the edge lies — what is and is not taken for personal data:
 *
 * E-mail: something@domain.tld (letters, digits and . _ % + ' - before the @; a domain with a
 * dot and a top-level domain of at least two letters), also written «kari(at)example.no» or
 * «kari [at] example.no». An @ without a domain («@seniornett») is not an address.
 *
 * Phone: a Norwegian number is 8 digits starting with 2–9. Digits are read in groups separated by
 * one separator (a space, a non-breaking or thin space, a hyphen or a dot), the same separator
 * throughout one number. Taken for a phone number:
 * - with a country prefix (+47, 0047, (+47)): 8 digits in any grouping;
 * - without one, the groupings people use for phone numbers: 91234567, 912 34 567, 91 23 45 67,
 *   and, when no other number stands next to them, 9123 4567 and 912 345 67 (so «org.nr. 966 361
 *   908 21» is an organisation number and a count);
 * Not taken for a phone number (what titles normally hold):
 * - 12 345 678 (2-3-3) without a prefix: that is how amounts are written («kr 25 000 000»);
 * - 8 unseparated digits that are a date written ddmmyyyy or yyyymmdd with a year 1900–2099
 *   (24122025, 20250312): a date, not a phone number. The price is a few Oslo landline numbers
 *   written without spaces (22122025 reads as 22.12.2025); mobile numbers (4x, 9x) never read as dates;
 * - a 4-4 grouping of two years («2025-2026»): a year range;
 * - dates with separators (12.03.2025, 2025-03-12: groupings 2-2-4 and 4-2-2), clock times
 *   (18.00, 10:30–12:00), 9-digit organisation numbers, 4-digit municipality numbers, counts,
 *   prices, room numbers: none has 8 digits in a phone grouping;
 * - a group of digits is never split: 8 digits inside a longer run of digits are not a number.
 * Where the edge cuts the other way: two 4-digit numbers side by side with only one space or
 * hyphen between them («4601 2025») read as a phone number written 9123 4567 — a word between them
 * («4601 i 2025») keeps them apart.
 *
 * Fødselsnummer and D-nummer: 11 digits, unseparated or 6 + 5 with a space or a hyphen after the
 * date, whose date part is a real day (D-nummer: day + 40; H-nummer and synthetic test numbers:
 * month + 40 / + 80) and whose two MOD11 check digits are right. Eleven digits that fail the check
 * (an account number, say) are not reported.
 *
 * Not detected at all: names, addresses, and anything else a person may write about a person.
 */

export type PersonalDataKind = "phone" | "email" | "nationalId";

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  /** UTF-16 offsets of the matched text: text.slice(start, end). */
  start: number;
  end: number;
}

/** What replaces each kind in a partner view. */
export const MASKS: Readonly<Record<PersonalDataKind, string>> = {
  phone: "[telefon fjernet]",
  email: "[e-post fjernet]",
  nationalId: "[fødselsnummer fjernet]",
};

/** Cheap test first: most titles hold no digit and no @ at all. */
const MAY_HOLD = /[@\d]|[[(]at[\])]/i;

// ---------------------------------------------------------------------------------------------
// E-mail

const AT = /@|\s?[[(]at[\])]\s?/giu;
const LOCAL_CHAR = /[\p{L}\p{N}._%+'-]/u;
const DOMAIN_CHAR = /[\p{L}\p{N}.-]/u;
const DOMAIN = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}/u;

export function findEmails(text: string): PersonalDataMatch[] {
  const found: PersonalDataMatch[] = [];
  if (!MAY_HOLD.test(text)) return found;
  AT.lastIndex = 0;
  for (let m = AT.exec(text); m; m = AT.exec(text)) {
    const at = m.index;
    const after = at + m[0].length;
    let start = at;
    while (start > 0 && LOCAL_CHAR.test(text[start - 1])) start--;
    while (start < at && text[start] === ".") start++;
    if (start === at) continue;
    let end = after;
    while (end < text.length && DOMAIN_CHAR.test(text[end])) end++;
    const domain = DOMAIN.exec(text.slice(after, end));
    if (!domain) continue;
    found.push({ kind: "email", start, end: after + domain[0].length });
    AT.lastIndex = Math.max(AT.lastIndex, after + domain[0].length);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Digit groups

/** Groups of digits joined by one separator each: the raw material of phone numbers and fødselsnummer. */
const CHAIN = /\d+(?:(?:[ \u00a0\u202f\u2009]|[.-])\d+)*/g;
const SPACE = /[ \u00a0\u202f\u2009]/;

interface Group {
  digits: string;
  start: number;
  end: number;
  /** Separator kind before this group within its chain ("" for the first). */
  before: "" | "space" | "." | "-";
}

function chains(text: string): Group[][] {
  const result: Group[][] = [];
  CHAIN.lastIndex = 0;
  for (let m = CHAIN.exec(text); m; m = CHAIN.exec(text)) {
    const groups: Group[] = [];
    const base = m.index;
    const chain = m[0];
    let i = 0;
    let before: Group["before"] = "";
    while (i < chain.length) {
      let j = i;
      while (j < chain.length && chain.charCodeAt(j) >= 48 && chain.charCodeAt(j) <= 57) j++;
      groups.push({ digits: chain.slice(i, j), start: base + i, end: base + j, before });
      if (j < chain.length) before = SPACE.test(chain[j]) ? "space" : (chain[j] as "." | "-");
      i = j + 1;
    }
    result.push(groups);
  }
  return result;
}

function isYear(digits: string): boolean {
  const year = Number(digits);
  return digits.length === 4 && year >= 1900 && year <= 2099;
}

function isDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (day > days) return false;
  return month !== 2 || day < 29 || year % 4 === 0;
}

/** 8 digits that are a date written without separators: ddmmyyyy or yyyymmdd, year 1900–2099. */
function isCompactDate(digits: string): boolean {
  const n = (from: number, to: number) => Number(digits.slice(from, to));
  if (isYear(digits.slice(4)) && isDate(n(4, 8), n(2, 4), n(0, 2))) return true;
  return isYear(digits.slice(0, 4)) && isDate(n(0, 4), n(4, 6), n(6, 8));
}

// ---------------------------------------------------------------------------------------------
// Phone numbers

const PHONE_SHAPES = new Set(["8", "3-2-3", "2-2-2-2", "4-4", "3-3-2"]);
/** Groupings that are a phone number only on their own, not next to other numbers («org.nr. 966 361 908 21»). */
const ALONE_SHAPES = new Set(["4-4", "3-3-2"]);
/** A country prefix right before a number: +47, 0047, (+47), with at most one separator after it. */
const PREFIX = /(?:\(\+47\)|\+47|(?<!\d)0047)[ \u00a0\u202f\u2009.-]?$/;
/** Enough text before a number for the longest prefix, its separator and the character before it. */
const PREFIX_LOOKBACK = 9;

function phoneShapeAllowed(groups: Group[], digits: string, alone: boolean): boolean {
  const shape = groups.map((g) => g.digits.length).join("-");
  if (!PHONE_SHAPES.has(shape) || (!alone && ALONE_SHAPES.has(shape))) return false;
  if (shape === "8") return !isCompactDate(digits);
  if (shape === "4-4") return !(isYear(groups[0].digits) && isYear(groups[1].digits)); // 2025-2026
  return true;
}

function uniformSeparators(groups: Group[]): boolean {
  for (let k = 2; k < groups.length; k++) if (groups[k].before !== groups[1].before) return false;
  return true;
}

/**
 * Groups of a chain that are something else and never part of a phone number, read first:
 * dates (12.03.2025, 1.3.2025, 2025-03-12), year ranges (2025-2026, also 2025–2026 with an en
 * dash, which ends a chain), amounts ending in «,-» or «,50» (12 000,-), clock times after «kl.»
 * (kl. 18.00) and either side of a colon (10:30). So «rom 204 12 000,-» or «kommune 4601 2025-03-12» hold no phone number.
 */
function otherNumbers(text: string, groups: Group[]): boolean[] {
  const taken = groups.map(() => false);
  const take = (from: number, to: number) => {
    for (let k = from; k <= to; k++) taken[k] = true;
  };
  const n = groups.length;
  for (let k = 0; k < n; k++) {
    const [a, b, c] = [groups[k], groups[k + 1], groups[k + 2]];
    if (b && c && b.before !== "space" && c.before === b.before) {
      const [x, y, z] = [a.digits, b.digits, c.digits];
      if (x.length <= 2 && y.length <= 2 && isYear(z) && isDate(Number(z), Number(y), Number(x)))
        take(k, k + 2);
      if (isYear(x) && y.length === 2 && z.length === 2 && isDate(Number(x), Number(y), Number(z)))
        take(k, k + 2);
    }
    if (b && b.before === "-" && isYear(a.digits) && isYear(b.digits)) take(k, k + 1);
    if (
      b &&
      b.before === "." &&
      a.digits.length <= 2 &&
      b.digits.length === 2 &&
      Number(a.digits) < 24 &&
      Number(b.digits) < 60 &&
      KL.test(text.slice(Math.max(0, a.start - 4), a.start))
    )
      take(k, k + 1);
  }
  const last = groups[n - 1];
  if (isYear(last.digits) && YEAR_AFTER.test(text.slice(last.end, last.end + 7))) taken[n - 1] = true;
  if (
    isYear(groups[0].digits) &&
    YEAR_BEFORE.test(text.slice(Math.max(0, groups[0].start - 7), groups[0].start))
  )
    taken[0] = true;
  // Hours and minutes of 10:30 (the colon ends a chain).
  if (/^:\d\d/.test(text.slice(last.end, last.end + 3))) taken[n - 1] = true;
  if (/\d:$/.test(text.slice(Math.max(0, groups[0].start - 2), groups[0].start))) taken[0] = true;
  if (AMOUNT_END.test(text.slice(last.end, last.end + 3))) {
    // The thousands run before «,-»: groups of three, led by one of one to three digits.
    let k = n - 1;
    while (k > 0 && groups[k].digits.length === 3 && groups[k].before === "space") k--;
    if (groups[k].digits.length <= 3) take(k, n - 1);
  }
  return taken;
}

const KL = /kl\.?\s?$/i;
const YEAR_AFTER = /^\s?[-–]\s?(?:19|20)\d\d(?!\d)/;
const YEAR_BEFORE = /(?<!\d)(?:19|20)\d\d\s?[-–]\s?$/;
const AMOUNT_END = /^,(?:-|–|\d\d(?!\d))/;

export function findPhoneNumbers(text: string): PersonalDataMatch[] {
  const found: PersonalDataMatch[] = [];
  if (!MAY_HOLD.test(text)) return found;
  for (const groups of chains(text)) {
    const taken = otherNumbers(text, groups);
    for (let i = 0; i < groups.length; i++) {
      const first = groups[i];
      // +4791234567 and 004791234567: the prefix and the number in one group.
      if (
        first.digits.length === 10 &&
        first.digits.startsWith("47") &&
        text[first.start - 1] === "+" &&
        /[2-9]/.test(first.digits[2])
      ) {
        found.push({ kind: "phone", start: first.start - 1, end: first.end });
        continue;
      }
      if (first.digits.length === 12 && first.digits.startsWith("0047") && /[2-9]/.test(first.digits[4])) {
        found.push({ kind: "phone", start: first.start, end: first.end });
        continue;
      }
      if (first.digits[0] < "2") continue; // no Norwegian number starts with 0 or 1
      let digits = "";
      for (let j = i; j < groups.length && digits.length < 8 && !taken[j]; j++) {
        digits += groups[j].digits;
        if (digits.length !== 8) continue;
        const span = groups.slice(i, j + 1);
        if (!uniformSeparators(span)) break;
        const prefix = PREFIX.exec(text.slice(Math.max(0, first.start - PREFIX_LOOKBACK), first.start));
        const alone = (i === 0 || taken[i - 1]) && (j === groups.length - 1 || taken[j + 1]);
        if (!prefix && !phoneShapeAllowed(span, digits, alone)) break;
        found.push({
          kind: "phone",
          start: first.start - (prefix ? prefix[0].length : 0),
          end: groups[j].end,
        });
      }
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Fødselsnummer and D-nummer

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function checkDigit(digits: string, weights: ReadonlyArray<number>): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits.charCodeAt(i) - 48) * weights[i];
  const check = 11 - (sum % 11);
  return check === 11 ? 0 : check;
}

/**
 * 11 digits that are a fødselsnummer or D-nummer: a real day and month (D-nummer day + 40,
 * H-nummer month + 40, synthetic test numbers month + 80) and both MOD11 check digits right.
 */
export function isNationalIdNumber(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  let day = Number(digits.slice(0, 2));
  let month = Number(digits.slice(2, 4));
  if (day > 40) day -= 40;
  if (month > 80) month -= 80;
  else if (month > 40) month -= 40;
  if (!isDate(2000, month, day)) return false; // 29 February: any leap year will do
  const k1 = checkDigit(digits, K1_WEIGHTS);
  if (k1 === 10 || k1 !== digits.charCodeAt(9) - 48) return false;
  const k2 = checkDigit(digits, K2_WEIGHTS);
  return k2 !== 10 && k2 === digits.charCodeAt(10) - 48;
}

export function findNationalIds(text: string): PersonalDataMatch[] {
  const found: PersonalDataMatch[] = [];
  if (!MAY_HOLD.test(text)) return found;
  for (const groups of chains(text)) {
    for (let i = 0; i < groups.length; i++) {
      const one = groups[i];
      if (one.digits.length === 11 && isNationalIdNumber(one.digits)) {
        found.push({ kind: "nationalId", start: one.start, end: one.end });
        continue;
      }
      const two = groups[i + 1];
      if (
        one.digits.length === 6 &&
        two?.digits.length === 5 &&
        (two.before === "space" || two.before === "-") &&
        isNationalIdNumber(one.digits + two.digits)
      ) {
        found.push({ kind: "nationalId", start: one.start, end: two.end });
      }
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Together

/**
 * Everything personal a text seems to hold, in text order, without overlaps: a match inside
 * another is dropped (digits inside an e-mail address), overlapping matches are joined and take
 * the kind of the first.
 */
export function findPersonalData(text: string): PersonalDataMatch[] {
  if (!MAY_HOLD.test(text)) return [];
  const all = [...findEmails(text), ...findNationalIds(text), ...findPhoneNumbers(text)];
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: PersonalDataMatch[] = [];
  for (const match of all) {
    const last = merged[merged.length - 1];
    if (last && match.start < last.end) last.end = Math.max(last.end, match.end);
    else merged.push({ ...match });
  }
  return merged;
}

const seen = new Map<string, boolean>();
const SEEN_LIMIT = 10_000;

/**
 * Whether a text seems to hold personal data: the check of every Tittel and Milepæl a tab is read
 * with. Titles repeat (the same course, month after month), so answers are remembered.
 */
export function holdsPersonalData(text: string): boolean {
  if (!MAY_HOLD.test(text)) return false;
  let known = seen.get(text);
  if (known === undefined) {
    if (seen.size >= SEEN_LIMIT) seen.clear();
    known = findPersonalData(text).length > 0;
    seen.set(text, known);
  }
  return known;
}

/** The kinds of personal data a text seems to hold, in a fixed order (phone, e-mail, fødselsnummer). */
export function personalDataKinds(text: string): PersonalDataKind[] {
  const kinds = new Set(findPersonalData(text).map((m) => m.kind));
  return (["phone", "email", "nationalId"] as const).filter((kind) => kinds.has(kind));
}

/**
 * THE masking function: every free-text value that goes into a partner view passes here.
 * «Ring 912 34 567» → «Ring [telefon fjernet]». Text without personal data comes back unchanged.
 */
export function maskPersonalData(text: string): string {
  const matches = findPersonalData(text);
  if (!matches.length) return text;
  let out = "";
  let at = 0;
  for (const match of matches) {
    out += text.slice(at, match.start) + MASKS[match.kind];
    at = match.end;
  }
  return out + text.slice(at);
}
