import { Cell } from "../../src/core/cell";
import { IsoDate } from "../../src/core/dates";
import { shiftDays, sidebarDemoSheets } from "../../src/demo/data";
import { headerKey } from "../../src/core/read";
import { annualReport } from "../../src/core/templates/association";
import { MemoryWorkbook } from "../../src/adapters/memory/memory-workbook";
import { setUpTemplates } from "../../src/services/setup";

export { shiftDays };

/**
 * The sidebar preview's association workbook (also the browser tests'): the four tabs set up by
 * Samspill and filled with src/demo/data.ts's sidebarDemoSheets — the one home of demo data.
 */
export function demoAssociationWorkbook(today: IsoDate): MemoryWorkbook {
  const workbook = new MemoryWorkbook();
  setUpTemplates(workbook);
  const sheets = sidebarDemoSheets(today);
  fillForm(workbook, annualReport, sheets.report);
  workbook.append("Aktiviteter", sheets.activities);
  workbook.append("Milepæler", sheets.milestones);
  return workbook;
}

/** Sets form fields (column A label, column B value) of a field/value tab by their template keys. */
export function fillForm(workbook: MemoryWorkbook, template: { name: string; keys: ReadonlyArray<string>; columns: Record<string, { header: string }> }, values: Record<string, Cell>): void {
  const form = workbook.read(template.name) ?? [];
  const updates = form.flatMap((row, r) => {
    const key = template.keys.find((k) => headerKey(template.columns[k].header) === headerKey(row[0]));
    return key && key in values ? [{ cell: `B${r + 1}`, value: values[key] }] : [];
  });
  workbook.setCells(template.name, updates);
}

/** The demo association with its errors fixed (optionally submitted). */
export function cleanAssociationWorkbook(today: IsoDate, name: string, municipalityNumber: string, submittedAt = ""): MemoryWorkbook {
  const workbook = demoAssociationWorkbook(today);
  workbook.write("Aktiviteter", (workbook.read("Aktiviteter") ?? []).slice(0, 4));
  workbook.write("Milepæler", (workbook.read("Milepæler") ?? []).slice(0, 6));
  fillForm(workbook, annualReport, { associationName: name, municipalityNumber, submittedAt, submittedBy: submittedAt ? "leder@example.no" : "" });
  return workbook;
}
