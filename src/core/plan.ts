import { Cell, columnLetter, isBlankCell } from "./cell";
import { locateColumns } from "./read";
import { helpText } from "./messages";
import { ColumnFormat } from "./output-table";
import { MEASURES } from "./reference";
import { ColumnSpec } from "./schema/column";
import { Template } from "./schema/table";
import { measures } from "./templates/association";
import { CANCELLED, DONE } from "./templates/lists";

/**
 * What "Sett opp rapportmal" / `samspill template` make of a template: header, notes, widths,
 * formats, data validation, conditional formatting and protection. Backends translate this one plan
 * into Sheets requests, SpreadsheetApp calls or exceljs properties, so a rule is still written once.
 */
export type ValidationPlan =
  | { kind: "list"; values: ReadonlyArray<string> }
  | { kind: "whole"; min?: number; max?: number }
  | { kind: "decimal"; min?: number; max?: number }
  | { kind: "date" }
  | { kind: "email" }
  | { kind: "textLength"; max: number }
  | { kind: "municipality" };

export interface ColumnPlan {
  key: string;
  /** 0-based column in the tab as it is (existing columns keep their place; missing ones go last). */
  index: number;
  header: string;
  /** Help note on the header cell (or on the field label of a form). */
  note: string;
  width: number;
  format: ColumnFormat;
  validation?: ValidationPlan;
  required: boolean;
  /** Forms only: 0-based row of the field in the tab (its value is in column B of that row). */
  row?: number;
}

export interface ConditionalPlan {
  /** "overdue" paints red, "done" paints green. */
  kind: "overdue" | "done";
  /** Whole-row range in A1 notation, e.g. "A2:H1000". */
  range: string;
  /** A formula relative to the range's first row, valid in Sheets and Excel. */
  formula: string;
  background: string;
}

export interface SheetPlan {
  name: string;
  layout: "table" | "form";
  /** Table: the whole header row after repair (unknown user columns kept). Form: the field labels. */
  header: Cell[];
  columns: ColumnPlan[];
  frozenRows: number;
  /** Rows (after the header) that validation and formats cover. */
  dataRows: number;
  conditional: ConditionalPlan[];
  /** Warning-only protection of the header row (and of column A on a form). */
  protectedRanges: string[];
  /** Rows to put in a new, empty tab (Tiltak is prefilled from the action plan). */
  prefill: Cell[][];
  /** Printed A4 landscape (wide tabs) or portrait; always one page wide, header row on every page. */
  landscape?: boolean;
}

export const DATA_ROWS = 1000;
export const FORM_HEADER = ["Felt", "Verdi", "Hjelp"];
export const OVERDUE_BACKGROUND = "#F4CCCC";
export const DONE_BACKGROUND = "#D9EAD3";

/** One explicit font family everywhere Samspill writes (no serif fallback for a style that names none). */
export const FONT_FAMILY = "Arial";
export const FONT_SIZE = 10;
/** Header of a required column (and label of a required field): light blue. */
export const HEADER_BACKGROUND = "#C9DAF8";
/** Header of an optional column: light grey, so required and optional are told apart at a glance. */
export const OPTIONAL_HEADER_BACKGROUND = "#EFEFEF";
/** Cells a person fills in. */
export const INPUT_BACKGROUND = "#EAF1FB";
/** Widths (px) of a form's label, value and help columns. */
export const FORM_WIDTHS = [220, 160, 340];
/** A table wider than this (px) is printed landscape. */
const PORTRAIT_PX = 760;

/** Pixels a header needs in bold Arial 10 (about 7.5 px a character, plus padding and the filter button). */
export function headerWidth(header: string): number {
  return Math.ceil([...header].length * 7.5 + 22);
}

/** Planned widths come in few sizes (each distinct run of widths is a call in Apps Script). */
const WIDTH_STEPS = [100, 140, 160, 260];
function fitWidth(planned: number, header: string): number {
  const needed = Math.max(planned, headerWidth(header));
  return WIDTH_STEPS.find((w) => w >= needed) ?? needed;
}

function validationFor(column: ColumnSpec): ValidationPlan | undefined {
  switch (column.kind) {
    case "list":
      return { kind: "list", values: column.values ?? [] };
    case "whole":
      return { kind: "whole", min: column.min, max: column.max };
    case "decimal":
      return { kind: "decimal", min: column.min, max: column.max };
    case "date":
      return { kind: "date" };
    case "email":
      return { kind: "email" };
    case "municipality":
      return { kind: "municipality" };
    case "text":
      return column.maxLength ? { kind: "textLength", max: column.maxLength } : undefined;
    case "orgNumber":
      return undefined;
  }
}

function formatFor(column: ColumnSpec): ColumnFormat {
  if (column.kind === "date") return "date";
  // A whole number from 1000 up (Rapportår) is a year: no thousands separator.
  if (column.kind === "whole") return (column.min ?? 0) >= 1000 ? "year" : "whole";
  if (column.kind === "decimal") return "decimal";
  return "text";
}

export function columnPlans(template: Template<any>, indexes?: ReadonlyArray<number>): ColumnPlan[] {
  return template.keys.map((key, i) => {
    const spec = template.columns[key] as ColumnSpec;
    return { key, index: indexes?.[i] ?? i, header: spec.header, note: helpText(spec), width: fitWidth(spec.width ?? 140, spec.header), format: formatFor(spec), validation: spec.system ? undefined : validationFor(spec), required: spec.required === true };
  });
}

function statusConditionals(columns: ReadonlyArray<ColumnPlan>, lastColumn: string): ConditionalPlan[] {
  const letter = (key: string) => columnLetter(columns.find((c) => c.key === key)!.index);
  const status = `$${letter("status")}2`;
  const due = `$${letter("dueDate")}2`;
  const range = `A2:${lastColumn}${DATA_ROWS + 1}`;
  return [
    { kind: "overdue", range, formula: `AND(${due}<>"",${due}<TODAY(),${status}<>"${DONE}",${status}<>"${CANCELLED}")`, background: OVERDUE_BACKGROUND },
    { kind: "done", range, formula: `${status}="${DONE}"`, background: DONE_BACKGROUND },
  ];
}

/**
 * The plan for a template over a tab as it stands: pass the tab's current header row to keep users'
 * column order and extra columns; missing template columns are placed after the last used column.
 */
export function sheetPlan(template: Template<any>, currentHeader: ReadonlyArray<Cell> = []): SheetPlan {
  if (template.layout === "form") {
    const columns = columnPlans(template).map((c, i) => ({ ...c, index: 1, row: i + 1 }));
    return { name: template.name, layout: "form", header: columns.map((c) => c.header), columns, frozenRows: 1, dataRows: columns.length, conditional: [], protectedRanges: ["A1:C1", `A2:A${columns.length + 1}`], prefill: [], landscape: false };
  }
  const found = locateColumns(template, currentHeader, []);
  let next = currentHeader.length;
  while (next > 0 && isBlankCell(currentHeader[next - 1])) next--;
  const indexes = found.map((index) => (index >= 0 ? index : next++));
  const columns = columnPlans(template, indexes);
  const header: Cell[] = Array.from({ length: next }, (_, j) => currentHeader[j] ?? "");
  for (const column of columns) header[column.index] = column.header;
  const lastColumn = columnLetter(header.length - 1);
  const hasStatus = template.keys.includes("status") && template.keys.includes("dueDate");
  return {
    name: template.name,
    layout: "table",
    header,
    columns,
    frozenRows: 1,
    dataRows: DATA_ROWS,
    conditional: hasStatus ? statusConditionals(columns, lastColumn) : [],
    protectedRanges: [`A1:${lastColumn}1`],
    prefill: template === measures ? MEASURES.map((m) => [m.area, m.measure, m.activity, m.responsibility, "", "", "Ikke startet", "", ""]) : [],
    landscape: columns.reduce((sum, c) => sum + c.width, 0) > PORTRAIT_PX,
  };
}

/** The cells of a fresh form tab: header row, then one row per field with its help text. */
export function formGrid(plan: SheetPlan): Cell[][] {
  return [FORM_HEADER, ...plan.columns.map((c) => [c.header, "", c.note])];
}
