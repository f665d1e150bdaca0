import type { sheets_v4 } from "googleapis/build/src/apis/sheets";
import { columnLetter, parseA1 } from "../../core/cell";
import { ColumnFormat } from "../../core/output-table";
import { ColumnPlan, SheetPlan, ValidationPlan } from "../../core/plan";
import { colour } from "./cells";

type Request = sheets_v4.Schema$Request;
type GridRange = sheets_v4.Schema$GridRange;

/** What a tab already carries that a repeated set-up must replace rather than add to. */
export interface ExistingRules {
  /** Conditional format rules in index order: the custom formula of each (undefined for other kinds). */
  conditionalFormulas: Array<string | undefined>;
  protectedRanges: Array<{ protectedRangeId: number; description?: string }>;
}

export const PROTECTION_DESCRIPTION = "Samspill: overskrifter (bare advarsel)";

/** How each output/template column format is shown in Sheets. */
export function numberFormat(format: ColumnFormat): sheets_v4.Schema$NumberFormat {
  switch (format) {
    case "date":
      return { type: "DATE", pattern: "dd.mm.yyyy" };
    case "datetime":
      return { type: "DATE_TIME", pattern: "dd.mm.yyyy hh:mm" };
    case "whole":
      return { type: "NUMBER", pattern: "#,##0" };
    case "year":
      return { type: "NUMBER", pattern: "0" };
    case "decimal":
      return { type: "NUMBER", pattern: "#,##0.##" };
    case "percent":
      return { type: "PERCENT", pattern: "0.0 %" };
    case "text":
      return { type: "TEXT" };
  }
}

/** "A2:H1001" or "B3" → GridRange on a tab. */
export function gridRange(sheetId: number, a1: string): GridRange {
  const [from, to = from] = a1.split(":");
  const start = parseA1(from);
  const end = parseA1(to);
  if (!start || !end) throw new Error(`Ugyldig område: ${a1}`);
  return { sheetId, startRowIndex: start.row, endRowIndex: end.row + 1, startColumnIndex: start.column, endColumnIndex: end.column + 1 };
}

function condition(validation: ValidationPlan, firstCell: string): sheets_v4.Schema$BooleanCondition | undefined {
  const values = (...list: Array<string | number>) => list.map((v) => ({ userEnteredValue: String(v) }));
  switch (validation.kind) {
    case "list":
      return { type: "ONE_OF_LIST", values: values(...validation.values) };
    case "whole":
    case "decimal":
      if (validation.min !== undefined && validation.max !== undefined) return { type: "NUMBER_BETWEEN", values: values(validation.min, validation.max) };
      if (validation.min !== undefined) return { type: "NUMBER_GREATER_THAN_EQ", values: values(validation.min) };
      if (validation.max !== undefined) return { type: "NUMBER_LESS_THAN_EQ", values: values(validation.max) };
      return undefined;
    case "date":
      return { type: "DATE_IS_VALID" };
    case "email":
      return { type: "TEXT_IS_EMAIL" };
    case "textLength":
      return { type: "CUSTOM_FORMULA", values: values(`=LEN(${firstCell})<=${validation.max}`) };
    case "municipality":
      return { type: "CUSTOM_FORMULA", values: values(`=REGEXMATCH(TO_TEXT(${firstCell}),"^[0-9]{4}$")`) };
  }
}

/** The cells a column's format and validation cover: data rows of a table, the value cell of a form field. */
function columnRange(plan: SheetPlan, column: ColumnPlan, sheetId: number): GridRange {
  if (plan.layout === "form") {
    const row = column.row ?? 0;
    return { sheetId, startRowIndex: row, endRowIndex: row + 1, startColumnIndex: column.index, endColumnIndex: column.index + 1 };
  }
  return { sheetId, startRowIndex: 1, endRowIndex: plan.dataRows + 1, startColumnIndex: column.index, endColumnIndex: column.index + 1 };
}

/**
 * A SheetPlan as batchUpdate requests: earlier Samspill rules removed first (so set-up can run again),
 * then frozen rows, widths, number formats, data validation, conditional formats, warning-only
 * protection and help notes. The number of requests depends on the template, never on the data.
 */
export function planRequests(plan: SheetPlan, sheetId: number, existing: ExistingRules = { conditionalFormulas: [], protectedRanges: [] }): Request[] {
  const requests: Request[] = [];
  const planFormulas = new Set(plan.conditional.map((c) => `=${c.formula}`));
  for (let index = existing.conditionalFormulas.length - 1; index >= 0; index--) {
    const formula = existing.conditionalFormulas[index];
    if (formula !== undefined && planFormulas.has(formula)) requests.push({ deleteConditionalFormatRule: { sheetId, index } });
  }
  for (const range of existing.protectedRanges) {
    if (range.description?.startsWith("Samspill")) requests.push({ deleteProtectedRange: { protectedRangeId: range.protectedRangeId } });
  }

  requests.push({
    updateSheetProperties: { properties: { sheetId, gridProperties: { frozenRowCount: plan.frozenRows } }, fields: "gridProperties.frozenRowCount" },
  });

  for (const column of plan.columns) {
    requests.push({
      updateDimensionProperties: { range: { sheetId, dimension: "COLUMNS", startIndex: column.index, endIndex: column.index + 1 }, properties: { pixelSize: column.width }, fields: "pixelSize" },
    });
  }
  if (plan.layout === "form") {
    requests.push({ updateDimensionProperties: { range: { sheetId, dimension: "COLUMNS", startIndex: 0, endIndex: 1 }, properties: { pixelSize: 260 }, fields: "pixelSize" } });
    requests.push({ updateDimensionProperties: { range: { sheetId, dimension: "COLUMNS", startIndex: 2, endIndex: 3 }, properties: { pixelSize: 360 }, fields: "pixelSize" } });
  }

  for (const column of plan.columns) {
    const range = columnRange(plan, column, sheetId);
    requests.push({ repeatCell: { range, cell: { userEnteredFormat: { numberFormat: numberFormat(column.format) } }, fields: "userEnteredFormat.numberFormat" } });
    const firstCell = columnLetter(column.index) + ((range.startRowIndex ?? 0) + 1);
    const rule = column.validation && condition(column.validation, firstCell);
    requests.push({ setDataValidation: { range, rule: rule ? { condition: rule, strict: false, showCustomUi: true, inputMessage: column.note || undefined } : undefined } });
  }

  plan.conditional.forEach((conditional, index) => {
    requests.push({
      addConditionalFormatRule: {
        index,
        rule: {
          ranges: [gridRange(sheetId, conditional.range)],
          booleanRule: { condition: { type: "CUSTOM_FORMULA", values: [{ userEnteredValue: `=${conditional.formula}` }] }, format: { backgroundColor: colour(conditional.background) } },
        },
      },
    });
  });

  for (const range of plan.protectedRanges) {
    requests.push({ addProtectedRange: { protectedRange: { range: gridRange(sheetId, range), description: PROTECTION_DESCRIPTION, warningOnly: true } } });
  }

  for (const column of plan.columns) {
    const at = plan.layout === "form" ? { rowIndex: column.row ?? 0, columnIndex: 0 } : { rowIndex: 0, columnIndex: column.index };
    requests.push({ updateCells: { start: { sheetId, ...at }, rows: [{ values: [{ note: column.note }] }], fields: "note" } });
  }
  return requests;
}

/** The grid a plan's ranges need (the workbook grows a smaller tab before applying the plan). */
export function planGrid(plan: SheetPlan): { rows: number; columns: number } {
  const columns = Math.max(plan.header.length, ...plan.columns.map((c) => c.index + 1), plan.layout === "form" ? 3 : 1);
  const rows = plan.layout === "form" ? Math.max(plan.header.length + 1, ...plan.columns.map((c) => (c.row ?? 0) + 1)) : plan.dataRows + 1;
  return { rows, columns };
}
