import type ExcelJS from "exceljs";
import { columnLetter } from "../../core/cell";
import { ColumnPlan, FORM_WIDTHS, HEADER_BACKGROUND, INPUT_BACKGROUND, OPTIONAL_HEADER_BACKGROUND, SheetPlan, ValidationPlan } from "../../core/plan";
import { BODY_FONT, fill, HEADING_FONT, heightFor, pageSetup, wrappedLines } from "./output";
import { argb, NUMBER_FORMATS, patchStyle } from "./style";

/**
 * A SheetPlan in exceljs terms. Choices where Excel differs from Google Sheets:
 * - Data validation uses Excel's "warning" style: Excel warns, but accepts, a value it does not
 *   recognise. Samspill reads more than Excel's rules know (`1 234`, ` kurs `, "12.03.2025" as text)
 *   and reports real errors with `samspill validate`, so a hard "stop" would refuse valid input.
 * - Excel has no warning-only protection. The nearest honest thing: the sheet is protected without
 *   a password, only the header row (and a form's field column) is locked, every other cell is
 *   unlocked, and inserting/deleting rows, formatting, sorting and filtering stay allowed. Excel then
 *   refuses edits to the header with a message; "Se gjennom → Opphev arkbeskyttelse" lifts it with
 *   no password, as deliberately as Sheets' "OK" on a warning.
 * - Lists longer than Excel's 255-character inline limit are kept on a hidden "Lister" tab.
 */
export const LISTS_SHEET = "Lister";
const INLINE_LIST_LIMIT = 255;
/** Unlocked columns beyond the template's own, so users can add a column of their own. */
const SPARE_COLUMNS = 20;
/** Text columns at least this wide (px) wrap their text. */
const WRAP_FROM = 260;

type DataValidation = ExcelJS.DataValidation;
interface ValidationModel {
  model: Record<string, DataValidation | undefined>;
}

export function applyPlanToSheet(excel: ExcelJS.Workbook, ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  const validations = (ws as unknown as { dataValidations: ValidationModel }).dataValidations;
  validations.model = {};
  ws.removeConditionalFormatting(undefined as unknown as number);
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: plan.frozenRows, topLeftCell: `A${plan.frozenRows + 1}`, activeCell: `A${plan.frozenRows + 1}` }];
  if (plan.layout === "form") applyForm(excel, ws, plan, validations);
  else applyTable(excel, ws, plan, validations);
  pageSetup(ws, plan.landscape === true, true);
  plan.conditional.forEach((rule, i) => {
    ws.addConditionalFormatting({
      ref: rule.range,
      rules: [{ type: "expression", priority: i + 1, formulae: [rule.formula], style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(rule.background) } } } }],
    });
  });
  void ws.protect("", {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatCells: true,
    formatColumns: true,
    formatRows: true,
    insertRows: true,
    insertColumns: true,
    deleteRows: true,
    sort: true,
    autoFilter: true,
  });
}

function applyTable(excel: ExcelJS.Workbook, ws: ExcelJS.Worksheet, plan: SheetPlan, validations: ValidationModel): void {
  const last = plan.dataRows + 1;
  const planned = new Map(plan.columns.map((c) => [c.index, c]));
  const width = Math.max(plan.header.length, ...plan.columns.map((c) => c.index + 1));
  for (let c = 0; c < width + SPARE_COLUMNS; c++) {
    const column = ws.getColumn(c + 1);
    const spec = planned.get(c);
    // Wide text columns wrap, so a long Tiltak or Kommentar stays inside the printed page.
    const wrap = spec && spec.format === "text" && spec.width >= WRAP_FROM;
    // The template's columns are light blue where a person types (a column style: no cell is stored for it).
    column.style = { ...(column.style ?? {}), font: BODY_FONT, protection: { locked: false }, ...(spec ? { numFmt: columnFormat(spec), alignment: { vertical: "top", wrapText: wrap }, fill: fill(INPUT_BACKGROUND) } : {}) };
    if (spec) column.width = excelWidth(spec.width);
  }
  // Cells that exist already do not follow the column style: give them the same format.
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const spec = planned.get(col - 1);
      patchStyle(cell, { font: BODY_FONT, protection: { locked: false }, ...(spec ? { numFmt: columnFormat(spec), fill: fill(INPUT_BACKGROUND), alignment: ws.getColumn(col).alignment } : {}) });
    });
  });
  // Rows that hold text in a wrapping column (Tiltak's prefilled measures) are made tall enough for it.
  const wrapping = plan.columns.filter((spec) => spec.format === "text" && spec.width >= WRAP_FROM);
  ws.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const lines = Math.max(1, ...wrapping.map((spec) => wrappedLines(String(row.getCell(spec.index + 1).value ?? ""), excelWidth(spec.width))));
    const height = heightFor(lines);
    if (height) row.height = height;
  });
  for (let c = 0; c < plan.header.length; c++) {
    const cell = ws.getCell(1, c + 1);
    const spec = planned.get(c);
    patchStyle(cell, { font: HEADING_FONT, fill: fill(spec && !spec.required ? OPTIONAL_HEADER_BACKGROUND : HEADER_BACKGROUND), alignment: { vertical: "middle" }, protection: { locked: true }, numFmt: undefined });
    if (spec?.note) cell.note = spec.note;
  }
  for (const spec of plan.columns) {
    if (!spec.validation) continue;
    const letter = columnLetter(spec.index);
    validations.model[`${letter}2:${letter}${last}`] = validation(excel, spec, spec.validation, `${letter}2`);
  }
}

function applyForm(excel: ExcelJS.Workbook, ws: ExcelJS.Worksheet, plan: SheetPlan, validations: ValidationModel): void {
  FORM_WIDTHS.forEach((width, c) => {
    const column = ws.getColumn(c + 1);
    column.width = excelWidth(width);
    column.style = { ...(column.style ?? {}), font: BODY_FONT, protection: { locked: c === 0 }, alignment: { wrapText: c === 2, vertical: "top" } };
  });
  for (let c = 3; c < 3 + SPARE_COLUMNS; c++) ws.getColumn(c + 1).style = { ...(ws.getColumn(c + 1).style ?? {}), protection: { locked: false } };
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      patchStyle(cell, { protection: { locked: rowNumber === 1 || col === 1 } });
    });
  });
  for (let c = 1; c <= 3; c++) patchStyle(ws.getCell(1, c), { font: HEADING_FONT, fill: fill(HEADER_BACKGROUND), protection: { locked: true } });
  for (const spec of plan.columns) {
    if (!spec.row) continue;
    // Labels are shaded like table headers: blue when the field is required, grey when optional.
    const label = ws.getCell(spec.row + 1, 1);
    patchStyle(label, { protection: { locked: true }, font: HEADING_FONT, fill: fill(spec.required ? HEADER_BACKGROUND : OPTIONAL_HEADER_BACKGROUND), alignment: { vertical: "top" } });
    if (spec.note) label.note = spec.note;
    const value = ws.getCell(spec.row + 1, 2);
    patchStyle(value, { font: BODY_FONT, numFmt: columnFormat(spec), protection: { locked: false }, fill: fill(INPUT_BACKGROUND), alignment: { vertical: "top" } });
    const help = ws.getCell(spec.row + 1, 3);
    patchStyle(help, { font: BODY_FONT, alignment: { wrapText: true, vertical: "top" } });
    const height = heightFor(wrappedLines(String(help.value ?? ""), excelWidth(FORM_WIDTHS[2])));
    if (height) ws.getRow(spec.row + 1).height = height;
    if (spec.validation) validations.model[`B${spec.row + 1}`] = validation(excel, spec, spec.validation, `B${spec.row + 1}`);
  }
}

/**
 * Template columns: decimals use General so that Excel never shows "12," for a whole number; whole
 * numbers are grouped (10 000) except years (the plan's "year": 2025, not 2 025).
 */
function columnFormat(spec: ColumnPlan): string {
  if (spec.format === "decimal") return "General";
  return NUMBER_FORMATS[spec.format];
}

/** Pixels → Excel's column width (characters of the default font, about 7 px each). */
function excelWidth(px: number): number {
  return Math.round((px / 7) * 10) / 10;
}

function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + "…" : text;
}

function validation(excel: ExcelJS.Workbook, spec: ColumnPlan, rule: ValidationPlan, topLeft: string): DataValidation {
  const messages = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: clip(spec.header, 32),
    prompt: clip(spec.note, 255),
    showErrorMessage: true,
    errorStyle: "warning",
    errorTitle: clip(spec.header, 32),
    error: clip(`${spec.header}. ${spec.note}`, 225),
  } as const;
  const between = (type: "whole" | "decimal", min?: number, max?: number): DataValidation => {
    if (min !== undefined && max !== undefined) return { type, operator: "between", formulae: [min, max], ...messages };
    if (min !== undefined) return { type, operator: "greaterThanOrEqual", formulae: [min], ...messages };
    if (max !== undefined) return { type, operator: "lessThanOrEqual", formulae: [max], ...messages };
    return { type, operator: "between", formulae: [-1e15, 1e15], ...messages };
  };
  switch (rule.kind) {
    case "list":
      return { type: "list", formulae: [listFormula(excel, rule.values)], ...messages };
    case "whole":
      return between("whole", rule.min, rule.max);
    case "decimal":
      return between("decimal", rule.min, rule.max);
    case "date":
      return { type: "date", operator: "greaterThan", formulae: [new Date(Date.UTC(1900, 0, 1))], ...messages };
    case "textLength":
      return { type: "textLength", operator: "lessThanOrEqual", formulae: [rule.max], ...messages };
    case "email":
      return { type: "custom", formulae: [`ISNUMBER(MATCH("*@*.?*",${topLeft},0))`], ...messages };
    case "municipality":
      return { type: "custom", formulae: [`AND(LEN(${topLeft})=4,ISNUMBER(VALUE(${topLeft})))`], ...messages };
  }
}

/** An inline list ("a,b,c") when it fits Excel's limit; else a range on the hidden Lister tab. */
function listFormula(excel: ExcelJS.Workbook, values: ReadonlyArray<string>): string {
  const inline = `"${values.join(",")}"`;
  if (inline.length <= INLINE_LIST_LIMIT && !values.some((v) => v.includes(",") || v.includes('"'))) return inline;
  const lists = excel.getWorksheet(LISTS_SHEET) ?? excel.addWorksheet(LISTS_SHEET, { state: "hidden" });
  let column = 1;
  for (; column <= lists.columnCount; column++) {
    const existing: string[] = [];
    lists.getColumn(column).eachCell((cell) => existing.push(String(cell.value ?? "")));
    if (existing.join("\u0000") === values.join("\u0000")) break;
  }
  if (column > lists.columnCount) values.forEach((value, i) => (lists.getCell(i + 1, column).value = value));
  const letter = columnLetter(column - 1);
  return `${LISTS_SHEET}!$${letter}$1:$${letter}$${values.length}`;
}
