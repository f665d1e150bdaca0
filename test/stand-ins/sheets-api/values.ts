/** Turning typed input into stored values (RAW / USER_ENTERED) and stored values into API output. */
import { CellState, ExtendedValue, NumberFormat } from "./model";

export type ValueRenderOption = "FORMATTED_VALUE" | "UNFORMATTED_VALUE" | "FORMULA";
export type DateTimeRenderOption = "SERIAL_NUMBER" | "FORMATTED_STRING";
export type ValueInputOption = "RAW" | "USER_ENTERED";

const EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/** Sheets' date serial: days since 1899-12-30, the fraction is the time of day. */
export function serialFromIso(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(iso);
  if (!match) throw new Error(`Not an ISO date: ${iso}`);
  const [, y, m, d, hh = "0", mm = "0", ss = "0"] = match;
  return (Date.UTC(+y, +m - 1, +d, +hh, +mm, +ss) - EPOCH) / DAY;
}

export function serialFromDate(date: Date): number {
  return (date.getTime() - EPOCH) / DAY;
}

/** Locales whose decimal separator is a comma (Sheets formats and parses numbers by the spreadsheet's locale). */
function usesDecimalComma(locale: string): boolean {
  return /^(nb|nn|no|da|sv|fi|de|fr|es|it|nl|pt|pl|ru|cs|is)/i.test(locale);
}

function defaultPattern(type: string, locale: string): string {
  const nordic = usesDecimalComma(locale);
  switch (type) {
    case "DATE":
      return nordic ? "dd.mm.yyyy" : "M/d/yyyy";
    case "TIME":
      return nordic ? "hh:mm:ss" : "h:mm:ss am/pm";
    case "DATE_TIME":
      return nordic ? "dd.mm.yyyy hh:mm:ss" : "M/d/yyyy H:mm:ss";
    case "PERCENT":
      return "0.00%";
    default:
      return "";
  }
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

export function formatDateSerial(serial: number, pattern: string): string {
  const ms = EPOCH + Math.round(serial * DAY);
  const d = new Date(ms);
  const tokens = pattern.match(/yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|"[^"]*"|./gi) ?? [];
  const lower = tokens.map((t) => t.toLowerCase());
  const isMinute = (i: number): boolean => {
    for (let j = i - 1; j >= 0; j--) {
      if (/^h+$/.test(lower[j])) return true;
      if (/^[dmy]+$/.test(lower[j])) break;
    }
    for (let j = i + 1; j < lower.length; j++) {
      if (/^s+$/.test(lower[j])) return true;
      if (/^[dmyh]+$/.test(lower[j])) break;
    }
    return false;
  };
  const twelveHour = lower.includes("am/pm");
  const months = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ];
  const days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  const hours = d.getUTCHours();
  return tokens
    .map((token, i) => {
      const t = lower[i];
      if (t === "yyyy") return String(d.getUTCFullYear());
      if (t === "yy") return pad(d.getUTCFullYear() % 100, 2);
      if (t === "mmmm") return months[d.getUTCMonth()];
      if (t === "mmm") return months[d.getUTCMonth()].slice(0, 3);
      if (t === "mm" || t === "m") {
        const n = isMinute(i) ? d.getUTCMinutes() : d.getUTCMonth() + 1;
        return t === "mm" ? pad(n, 2) : String(n);
      }
      if (t === "dddd") return days[d.getUTCDay()];
      if (t === "ddd") return days[d.getUTCDay()].slice(0, 3);
      if (t === "dd") return pad(d.getUTCDate(), 2);
      if (t === "d") return String(d.getUTCDate());
      if (t === "hh" || t === "h") {
        const h = twelveHour ? ((hours + 11) % 12) + 1 : hours;
        return t === "hh" ? pad(h, 2) : String(h);
      }
      if (t === "ss") return pad(d.getUTCSeconds(), 2);
      if (t === "s") return String(d.getUTCSeconds());
      if (t === "am/pm") return hours < 12 ? "AM" : "PM";
      if (token.startsWith('"')) return token.slice(1, -1);
      return token;
    })
    .join("");
}

function formatNumber(value: number, format: NumberFormat | undefined, locale: string): string {
  const comma = usesDecimalComma(locale);
  const type = format?.type ?? "NUMBER";
  const pattern = format?.pattern || defaultPattern(type, locale);
  if (type === "DATE" || type === "TIME" || type === "DATE_TIME") return formatDateSerial(value, pattern);
  if (type === "TEXT") return String(value);
  let n = value;
  let suffix = "";
  if (pattern.includes("%")) {
    n *= 100;
    suffix = "%";
  }
  let text: string;
  const numeric = /[#0]([#0,]*)(?:\.([0#]+))?/.exec(pattern);
  if (!numeric) {
    // "General": up to 10 significant digits, no trailing zeros.
    text = Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(10)));
    return (comma ? text.replace(".", ",") : text) + suffix;
  }
  const decimals = numeric[2]?.length ?? 0;
  const grouped = numeric[0].includes(",");
  text = Math.abs(n).toFixed(decimals);
  const [whole, frac] = text.split(".");
  let int = whole;
  if (grouped) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, comma ? "\u00a0" : ",");
  const prefix = pattern.slice(0, numeric.index).replace(/["\\]/g, "");
  text = (n < 0 ? "-" : "") + prefix + int + (frac ? (comma ? "," : ".") + frac : "");
  return text + suffix;
}

const ERROR_TEXT: Record<string, string> = {
  DIVIDE_BY_ZERO: "#DIV/0!",
  VALUE: "#VALUE!",
  REF: "#REF!",
  NAME: "#NAME?",
  NUM: "#NUM!",
  N_A: "#N/A",
  ERROR: "#ERROR!",
  NULL_VALUE: "#NULL!",
};

export function errorText(type: string): string {
  return ERROR_TEXT[type] ?? "#ERROR!";
}

export function isDateFormat(format: NumberFormat | undefined): boolean {
  return format?.type === "DATE" || format?.type === "TIME" || format?.type === "DATE_TIME";
}

/** The value as formattedValue would show it. */
export function formattedText(
  value: ExtendedValue | undefined,
  format: NumberFormat | undefined,
  locale: string,
): string {
  if (!value) return "";
  if (value.errorValue) return errorText(value.errorValue.type);
  if (value.boolValue !== undefined) return value.boolValue ? "TRUE" : "FALSE";
  if (value.numberValue !== undefined) return formatNumber(value.numberValue, format, locale);
  return value.stringValue ?? "";
}

/** One cell as values.get returns it under the given render options. */
export function renderCell(
  cell: CellState | undefined,
  effective: ExtendedValue | undefined,
  valueRender: ValueRenderOption,
  dateRender: DateTimeRenderOption,
  locale: string,
): string | number | boolean {
  if (!cell) return "";
  const format = cell.userEnteredFormat?.numberFormat;
  if (valueRender === "FORMULA" && cell.userEnteredValue?.formulaValue !== undefined)
    return cell.userEnteredValue.formulaValue;
  const value = valueRender === "FORMULA" ? cell.userEnteredValue : effective;
  if (!value) return "";
  if (valueRender === "FORMATTED_VALUE") return formattedText(value, format, locale);
  if (value.errorValue) return errorText(value.errorValue.type);
  if (value.numberValue !== undefined) {
    if (isDateFormat(format) && dateRender === "FORMATTED_STRING")
      return formatNumber(value.numberValue, format, locale);
    return value.numberValue;
  }
  if (value.boolValue !== undefined) return value.boolValue;
  return value.stringValue ?? "";
}

export interface ParsedInput {
  /** Undefined clears the value. */
  value?: ExtendedValue;
  /** A number format Sheets infers from what was typed (dates, percentages). */
  numberFormat?: NumberFormat;
}

function parseNumber(text: string, locale: string): number | undefined {
  const t = text.trim().replace(/[\u00a0 ](?=\d{3}\b)/g, "");
  const pattern = usesDecimalComma(locale)
    ? /^[+-]?(\d+|\d{1,3}(\.\d{3})+)(,\d+)?([eE][+-]?\d+)?$/
    : /^[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?([eE][+-]?\d+)?$/;
  const alsoDot = /^[+-]?\d+\.\d+$/; // "1.5" is still read as a number in comma locales
  if (!pattern.test(t) && !(usesDecimalComma(locale) && alsoDot.test(t))) {
    return /^[+-]?\.\d+$/.test(t) ? Number(t) : undefined;
  }
  const normalised =
    usesDecimalComma(locale) && !alsoDot.test(t)
      ? t.replace(/\./g, "").replace(",", ".")
      : t.replace(/,/g, "");
  const n = Number(normalised);
  return Number.isFinite(n) ? n : undefined;
}

function parseDate(text: string, locale: string): ParsedInput | undefined {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  let y: number, mo: number, d: number;
  let time: [number, number, number] | undefined;
  if (m) {
    [y, mo, d] = [+m[1], +m[2], +m[3]];
    if (m[4] !== undefined) time = [+m[4], +m[5], +(m[6] ?? 0)];
  } else if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t)) && usesDecimalComma(locale)) {
    [d, mo, y] = [+m[1], +m[2], +m[3]];
  } else if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t))) {
    [mo, d, y] = usesDecimalComma(locale) ? [+m[2], +m[1], +m[3]] : [+m[1], +m[2], +m[3]];
  } else {
    return undefined;
  }
  const date = new Date(Date.UTC(y, mo - 1, d, ...(time ?? [0, 0, 0])));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  const type = time ? "DATE_TIME" : "DATE";
  const pattern = /^\d{4}-/.test(t)
    ? time
      ? "yyyy-mm-dd hh:mm:ss"
      : "yyyy-mm-dd"
    : defaultPattern(type, locale);
  return { value: { numberValue: serialFromDate(date) }, numberFormat: { type, pattern } };
}

/** One value from a values.update body, as Sheets would store it. Null means "leave the cell alone". */
export function parseInput(raw: unknown, option: ValueInputOption, locale: string): ParsedInput | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "number") return { value: { numberValue: raw } };
  if (typeof raw === "boolean") return { value: { boolValue: raw } };
  const text = typeof raw === "string" ? raw : JSON.stringify(raw);
  if (text === "") return {};
  if (option === "RAW") return { value: { stringValue: text } };
  if (text.startsWith("'")) return { value: { stringValue: text.slice(1) } };
  if (text.startsWith("=") && text.length > 1) return { value: { formulaValue: text } };
  if (/^(true|false)$/i.test(text.trim()))
    return { value: { boolValue: text.trim().toLowerCase() === "true" } };
  const percent = /^(.*)%$/.exec(text.trim());
  if (percent) {
    const n = parseNumber(percent[1], locale);
    if (n !== undefined)
      return { value: { numberValue: n / 100 }, numberFormat: { type: "PERCENT", pattern: "0%" } };
  }
  const n = parseNumber(text, locale);
  if (n !== undefined) return { value: { numberValue: n } };
  return parseDate(text, locale) ?? { value: { stringValue: text } };
}
