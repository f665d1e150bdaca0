import { Cell } from "../../core/cell";
import { ColumnFormat } from "../../core/output-table";
import { ValidationPlan } from "../../core/plan";

/** Sheets number formats for the core's column formats (shown the Norwegian way). */
export const NUMBER_FORMATS: Record<ColumnFormat, string> = {
  text: "@",
  whole: "#,##0",
  decimal: "#,##0.0#",
  percent: "0.0%",
  date: "dd.mm.yyyy",
  datetime: "dd.mm.yyyy hh:mm",
  year: "0",
};

/** What Sheets shows numbers and dates with when no column format was given. */
export const AUTOMATIC_FORMAT = "General";

/**
 * Strings Sheets would not keep as typed: formulas (= + - @), and text it would turn into a number,
 * date or boolean ("0301", "1 234", "12.03.2025", "TRUE"). Those cells get the plain-text format "@"
 * before the value is written, so `getValues` gives back exactly the string that was written.
 * (We do not prefix an apostrophe: in a cell that already has the "@" format, which the plan puts on
 * text columns, Sheets keeps the apostrophe as part of the text.)
 */
export function needsPlainText(value: Cell): value is string {
  if (typeof value !== "string" || value === "") return false;
  return /^[=+\-@']/.test(value) || /^\s*[\d.,$€£%(]/.test(value) || /^\s*(true|false|sann|usann)\s*$/i.test(value);
}

/** The number format a written cell gets: text stays text; numbers and dates follow the column. */
export function cellFormat(value: Cell, column: ColumnFormat | undefined): string {
  if (typeof value === "string") return "@";
  if (value instanceof Date) return NUMBER_FORMATS[column === "datetime" ? "datetime" : "date"];
  return column && column !== "text" ? NUMBER_FORMATS[column] : AUTOMATIC_FORMAT;
}

/** A value as SpreadsheetApp takes it: '' for empty, Date and numbers as they are. */
export function toSheetValue(value: Cell): string | number | boolean | Date {
  if (value === null || value === undefined) return "";
  return value instanceof Date ? new Date(value.getTime()) : value;
}

type Builder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

/** The same cell seen from wherever the rule is applied: position-independent custom formulas. */
const SELF = 'INDIRECT("RC",FALSE)';

/**
 * Sheets data validation for one planned rule. The core is the judge (Kontroller rapporten);
 * validation in the sheet is the early hint. Where the core accepts text Sheets would reject
 * — "1 234" or "1 234,5" typed as text, "12.03.2025" pasted as text, " kurs " with odd case or
 * spaces, a municipality number typed as 301 — the rule warns (setAllowInvalid(true)) instead of
 * refusing what the core would accept. Only text length is refused outright: the core rejects it too.
 */
export function buildValidation(newBuilder: () => Builder, plan: ValidationPlan, help: string): GoogleAppsScript.Spreadsheet.DataValidation {
  let builder = newBuilder();
  let allowInvalid = true;
  switch (plan.kind) {
    case "list":
      builder = builder.requireValueInList([...plan.values], true);
      break;
    case "whole":
    case "decimal": {
      const min = plan.min ?? -1e15;
      const max = plan.max ?? 1e15;
      builder = builder.requireNumberBetween(min, max);
      break;
    }
    case "date":
      builder = builder.requireDate();
      break;
    case "email":
      builder = builder.requireTextIsEmail();
      break;
    case "textLength":
      builder = builder.requireFormulaSatisfied(`=LEN(${SELF})<=${plan.max}`);
      allowInvalid = false;
      break;
    case "municipality":
      builder = builder.requireFormulaSatisfied(`=REGEXMATCH(TO_TEXT(${SELF}),"^\\d{3,4}$")`);
      break;
  }
  return builder.setAllowInvalid(allowInvalid).setHelpText(help).build();
}
