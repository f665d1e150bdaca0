import { Cell } from "./cell";
import { IsoDate, isoFromParts, isoFromSerial, osloDayOf } from "./dates";

/**
 * Reading values as people type them. Each reader returns the meant value, or undefined when the
 * cell cannot mean a value of that kind. Blank cells are handled by the caller, never here.
 */

const SPACES = /[\s\u00a0\u202f\u2009]/g;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:,\d+)?$/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$/;
/** «1.234», «12.500»: to many Norwegians a dot before three digits is a thousands separator. */
const DOT_GROUPED = /^[+-]?[1-9]\d{0,2}\.\d{3}$/;

/**
 * Text that could mean two numbers: «1.234» is 1 234 written with a thousands dot, or 1,234 written
 * with a decimal point. Neither reading is safe in the national figures, so it is not read as a
 * number; the person is asked to write it one way or the other.
 */
export function isAmbiguousNumber(value: Cell): boolean {
  return typeof value === "string" && DOT_GROUPED.test(value.trim());
}

export function readNumber(value: Cell): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (DOT_GROUPED.test(text)) return undefined;
  if (PLAIN_NUMBER.test(text)) return Number(text.replace(",", "."));
  if (GROUPED_NUMBER.test(text)) return Number(text.replace(SPACES, "").replace(",", "."));
  return undefined;
}

const NORWEGIAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/;

export function readDate(value: Cell): IsoDate | undefined {
  if (value instanceof Date) return osloDayOf(value);
  if (typeof value === "number") return isoFromSerial(value);
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  let match = NORWEGIAN_DATE.exec(text);
  if (match) return isoFromParts(Number(match[3]), Number(match[2]), Number(match[1]));
  match = ISO_DATE.exec(text);
  if (match) return isoFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
  return undefined;
}

export function readText(value: Cell): string {
  if (value instanceof Date) return osloDayOf(value) ?? "";
  return String(value ?? "").trim();
}

/** Length in characters as people count them (Unicode code points, not UTF-16 units): one emoji is one. */
export function textLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length;
}

/** Case- and space-insensitive lookup of a list value; gives the canonical spelling. */
export function listLookup(values: ReadonlyArray<string>): (value: Cell) => string | undefined {
  const canonical = new Map(values.map((v) => [v.toLowerCase(), v]));
  return (value) => {
    if (typeof value !== "string") return undefined;
    const direct = canonical.get(value.toLowerCase());
    if (direct !== undefined) return direct;
    return canonical.get(value.replace(SPACES, " ").replace(/ +/g, " ").trim().toLowerCase());
  };
}

/** A municipality number that arrived as the number 301 has lost its leading zero: "0301". */
export function readMunicipalityNumber(value: Cell): string | undefined {
  let text: string;
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < 0 || value > 9999) return undefined;
    text = String(value);
  } else if (typeof value === "string") text = value.trim();
  else return undefined;
  if (!/^\d{3,4}$/.test(text)) return undefined;
  return text.padStart(4, "0");
}

const ORG_WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/** Norwegian organisation number: 9 digits, the last a MOD11 check digit. */
export function readOrgNumber(value: Cell): string | undefined {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.replace(SPACES, "") : "";
  if (!/^\d{9}$/.test(text)) return undefined;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(text[i]) * ORG_WEIGHTS[i];
  const remainder = sum % 11;
  const check = remainder === 0 ? 0 : 11 - remainder;
  return check !== 10 && check === Number(text[8]) ? text : undefined;
}

const EMAIL = /^[^\s@,;<>()]+@[^\s@,;<>()]+\.[^\s@,;<>()]{2,}$/;

export function readEmail(value: Cell): string | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  return EMAIL.test(text) ? text : undefined;
}

/**
 * "10 %", "10%", "0,1" (as a fraction) or 10 → 0.1.
 * The rule users meet: «n %» is n percent; a plain number of 1 or more is percent points (the
 * settings say «Prosent per år»), so a plain 1 is 1 %, not 100 %; a plain number below 1 is a
 * fraction, the way a cell formatted as percent stores it (0,5 is 50 %).
 */
export function readPercent(value: Cell): number | undefined {
  if (typeof value === "string" && value.trim().endsWith("%")) {
    const number = readNumber(value.trim().slice(0, -1));
    return number === undefined ? undefined : number / 100;
  }
  const number = readNumber(value);
  if (number === undefined) return undefined;
  return Math.abs(number) >= 1 ? number / 100 : number;
}
