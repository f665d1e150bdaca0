import type ExcelJS from "exceljs";
import { Cell } from "../../core/cell";
import { ColumnFormat } from "../../core/output-table";
import { isCalendarDate } from "./cells";

/**
 * Excel number formats per column format. Format codes use Excel's invariant tokens ("," groups
 * thousands, "." is the decimal mark); Excel and LibreOffice show them with the reader's locale
 * (10 447 and 12,5 in Norway). Years use "0" (2025, never 2 025); decimals that happen to be whole
 * use the whole-number format, so a dangling decimal mark ("12,") is never shown.
 */
export const NUMBER_FORMATS: Record<ColumnFormat, string> = {
  text: "@",
  whole: "#,##0",
  decimal: "#,##0.##",
  percent: "0.0 %",
  date: "dd.mm.yyyy",
  datetime: "dd.mm.yyyy hh:mm",
  year: "0",
};

export function numberFormat(format: ColumnFormat, value?: Cell): string {
  if (format === "date" && value instanceof Date && !isCalendarDate(value)) return NUMBER_FORMATS.datetime;
  if (format === "decimal" && typeof value === "number" && Number.isInteger(value)) return NUMBER_FORMATS.whole;
  return NUMBER_FORMATS[format];
}

/**
 * Changes a cell's style without touching other cells: exceljs shares one style object between
 * cells that were loaded with the same style, so the object is always replaced, never mutated.
 */
export function patchStyle(cell: ExcelJS.Cell, patch: Partial<ExcelJS.Style> & Record<string, unknown>): void {
  const next: Record<string, unknown> = { ...(cell.style ?? {}) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  cell.style = next as Partial<ExcelJS.Style>;
}

/** "#FCE8B2" → "FFFCE8B2" (exceljs colours are ARGB). */
export function argb(hex: string): string {
  return "FF" + hex.replace("#", "").toUpperCase();
}
