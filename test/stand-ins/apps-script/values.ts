import { dateToSerial, isDateFormat, serialToDate } from "./dates";
import { CellData } from "./model";

/** A value as getValues returns it. */
export type CellValue = string | number | boolean | Date;

export const DEFAULT_NUMBER_FORMAT = "0.###############";
export const PLAIN_TEXT_FORMAT = "@";
const DATE_FORMAT = "dd.MM.yyyy";
const DATE_TIME_FORMAT = "dd.MM.yyyy HH:mm:ss";
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function setDate(cell: CellData, date: Date, timeZone: string): void {
  const serial = dateToSerial(date, timeZone);
  cell.v = serial;
  if (!isDateFormat(cell.fmt)) cell.fmt = Number.isInteger(serial) ? DATE_FORMAT : DATE_TIME_FORMAT;
}

export function isDate(value: unknown): value is Date {
  // Works for Dates made in another realm (a vm context) too.
  return Object.prototype.toString.call(value) === "[object Date]";
}

/**
 * Fault injection for Selvtest's tests: behaviour Google does not document, switched on to see that
 * Selvtest notices it. Off by default.
 */
export const quirks = {
  /** Text starting with "=" written to a plain-text ("@") cell becomes a formula. */
  formulasInPlainTextCells: false,
};

/**
 * Writes a value the way Range.setValue(s) does: as if a person typed it.
 * - "=..." is a formula, "'..." is text without the apostrophe;
 * - in a plain-text ("@") cell every string is kept as typed;
 * - otherwise number-like text becomes a number, TRUE/FALSE a boolean, yyyy-mm-dd a date, and text
 *   starting with + or - that is not a number becomes a (broken) formula, as in the Sheets editor.
 * Decimal text is read with a point; the locale's decimal comma is not modelled.
 */
export function writeInput(cell: CellData, input: unknown, timeZone: string): void {
  delete cell.v;
  delete cell.f;
  if (input === null || input === undefined || input === "") return;
  if (isDate(input)) {
    if (Number.isNaN(input.getTime())) cell.v = "";
    else setDate(cell, input, timeZone);
    return;
  }
  if (typeof input === "number" || typeof input === "boolean") {
    cell.v = input;
    return;
  }
  const text = String(input);
  if (
    cell.fmt === PLAIN_TEXT_FORMAT &&
    !(quirks.formulasInPlainTextCells && text.startsWith("=") && text.length > 1)
  ) {
    cell.v = text;
    return;
  }
  if (text.startsWith("'")) {
    if (text.length > 1) cell.v = text.slice(1);
    return;
  }
  if (text.startsWith("=") && text.length > 1) {
    cell.f = text;
    return;
  }
  if (NUMBER_TEXT.test(text)) {
    cell.v = Number(text);
    return;
  }
  if (/^(true|false)$/i.test(text)) {
    cell.v = text.toLowerCase() === "true";
    return;
  }
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const serial = Date.UTC(+iso[1], +iso[2] - 1, +iso[3]);
    const check = new Date(serial);
    if (check.getUTCMonth() === +iso[2] - 1) {
      cell.v = (serial - Date.UTC(1899, 11, 30)) / 86_400_000;
      if (!isDateFormat(cell.fmt)) cell.fmt = "yyyy-mm-dd";
      return;
    }
  }
  if (/^[+-]./.test(text)) {
    cell.f = `=${text}`;
    return;
  }
  cell.v = text;
}

/** getValues: '' when empty, dates (numbers in a date format) as Date, formulas as their seeded result or ''. */
export function readValue(
  cell: CellData | undefined,
  timeZone: string,
  dateCtor: DateConstructor = Date,
): CellValue {
  if (!cell || cell.v === undefined) return "";
  if (typeof cell.v === "number" && isDateFormat(cell.fmt))
    return new dateCtor(serialToDate(cell.v, timeZone).getTime());
  return cell.v;
}
