import { Cell, columnLetter as letter, isBlankRow } from "../core/cell";
import { formGrid, sheetPlan, SheetPlan } from "../core/plan";
import { headerKey } from "../core/read";
import { Template } from "../core/schema/table";
import { ASSOCIATION_TEMPLATES } from "../core/templates/association";
import { instructionTable } from "../core/templates/instructions";
import { grid } from "../core/output-table";
import { Workbook } from "../workbook/workbook";

/**
 * "Sett opp rapportmal": creates each tab, or repairs it without losing data. Existing columns keep
 * their place and content; a missing column is added after the last one; a form gets missing field
 * rows. Running it twice changes nothing the second time.
 */
export function setUpTemplates(workbook: Workbook, templates: ReadonlyArray<Template<any>> = ASSOCIATION_TEMPLATES): SheetPlan[] {
  if (templates === ASSOCIATION_TEMPLATES) writeInstructions(workbook);
  return templates.map((template) => setUpTemplate(workbook, template));
}

/** «Slik fyller du ut», first among the tabs when it is new; a tab that has it already is left as it is. */
export function writeInstructions(workbook: Workbook): void {
  const table = instructionTable();
  if (workbook.read(table.name)?.length) return;
  // All text: no column formats (in Apps Script that saves a setNumberFormats call).
  workbook.write(table.name, grid(table), [], table.layout);
}

export function setUpTemplate(workbook: Workbook, template: Template<any>): SheetPlan {
  const current = workbook.read(template.name);
  if (template.layout === "form") return setUpForm(workbook, template, current);
  const header = current?.[0] ?? [];
  const plan = sheetPlan(template, header);
  if (!current || current.length === 0) {
    workbook.write(template.name, [plan.header, ...plan.prefill]);
  } else {
    const updates = plan.columns
      .filter((c) => headerKey(header[c.index]) !== headerKey(c.header))
      .map((c) => ({ cell: `${letter(c.index)}1`, value: c.header as Cell }));
    if (updates.length) workbook.setCells(template.name, updates);
    if (plan.prefill.length && current.slice(1).every((row) => isBlankRow(row))) workbook.append(template.name, plan.prefill);
  }
  workbook.applyPlan(plan);
  return plan;
}

function setUpForm(workbook: Workbook, template: Template<any>, current: Cell[][] | undefined): SheetPlan {
  const plan = sheetPlan(template);
  const fresh = formGrid(plan);
  let rows: Cell[][];
  if (!current || current.length === 0) {
    workbook.write(template.name, fresh);
    rows = fresh;
  } else {
    const present = new Set(current.map((row) => headerKey(row[0])));
    const missing = fresh.slice(1).filter((row) => !present.has(headerKey(row[0])));
    if (missing.length) workbook.append(template.name, missing);
    rows = [...current, ...missing]; // what the tab holds now: no second read
  }
  // The plan of a form addresses each field's row as it stands in this tab.
  // The first row with a label, as readForm takes it (a duplicate label lower down is not the field).
  const rowOf = new Map<string, number>();
  rows.forEach((row, r) => {
    const key = headerKey(row[0]);
    if (!rowOf.has(key)) rowOf.set(key, r);
  });
  plan.columns = plan.columns.map((c) => ({ ...c, row: rowOf.get(headerKey(c.header)) ?? 0 }));
  plan.protectedRanges = ["A1:C1", `A2:A${rows.length}`];
  workbook.applyPlan(plan);
  return plan;
}
