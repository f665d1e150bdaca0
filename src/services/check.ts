import { assessAssociation, AssociationResult } from "../core/association";
import { CellTable } from "../core/cell";
import { IsoDate } from "../core/dates";
import { Issue } from "../core/issues";
import { readForm } from "../core/read";
import { ASSOCIATION_TEMPLATES, annualReport } from "../core/templates/association";
import { Workbook } from "../workbook/workbook";

/** Reads the four association tabs once each. */
export function readAssociationSheets(workbook: Workbook): Record<string, CellTable | undefined> {
  return Object.fromEntries(ASSOCIATION_TEMPLATES.map((t) => [t.name, workbook.read(t.name)]));
}

/**
 * Checks one association's workbook on its own (the add-on's "Kontroller rapporten" and
 * `samspill validate`): the report year is the workbook's own Rapportår, or this year when missing.
 */
export function checkAssociationSheets(sheets: Record<string, CellTable | undefined>, today: IsoDate, id = ""): AssociationResult {
  const probe = readForm(annualReport, sheets[annualReport.name], { year: 0, today });
  const year = probe.values.year ?? Number(today.slice(0, 4));
  const municipalityNumber = probe.values.municipalityNumber ?? "";
  return assessAssociation({ id, name: probe.values.associationName ?? id, municipalityNumber }, { kind: "read", sheets }, { year, today });
}

/** Issues grouped per tab, for marking cells. */
export function issuesBySheet(issues: ReadonlyArray<Issue>): Map<string, Issue[]> {
  const bySheet = new Map<string, Issue[]>(ASSOCIATION_TEMPLATES.map((t) => [t.name, []]));
  for (const issue of issues) bySheet.get(issue.sheet)?.push(issue);
  return bySheet;
}

/** Marks every cell with an error (clearing earlier marks) on each tab that exists. */
export function markIssues(workbook: Workbook, issues: ReadonlyArray<Issue>): void {
  const names = new Set(workbook.sheetNames());
  for (const [sheet, list] of issuesBySheet(issues)) {
    if (!names.has(sheet)) continue;
    workbook.markCells(sheet, list.filter((i) => i.severity === "error" && /^[A-Z]+\d+$/.test(i.cell)).map((i) => ({ cell: i.cell, message: i.message })));
  }
}
