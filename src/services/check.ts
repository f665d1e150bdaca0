import { assessAssociation, AssociationResult } from "../core/association-result";
import { CellTable } from "../core/cell";
import { IsoDate } from "../core/dates";
import { Issue, marksCell } from "../core/issues";
import { readForm, TabFacts } from "../core/read";
import { resolveTabs } from "../core/tabs";
import { ASSOCIATION_TEMPLATES, annualReport } from "../core/templates/association";
import { Workbook } from "../workbook/workbook";

/** Reads the four association tabs once each, by their exact names. */
export function readAssociationSheets(workbook: Workbook): Record<string, CellTable | undefined> {
  return Object.fromEntries(ASSOCIATION_TEMPLATES.map((t) => [t.name, workbook.read(t.name)]));
}

export interface AssociationWorkbookRead {
  sheets: Record<string, CellTable | undefined>;
  /** Template tab name → the workbook's tab that was read (differs only by case or spaces). */
  tabs: Record<string, string | undefined>;
  /** Renamed and copied tabs (core/tabs.ts). */
  issues: Issue[];
}

/**
 * Reads the four association tabs once each, found as people name tabs (core/tabs.ts): a tab
 * named but for case or spaces is read with a warning, a copy of a tab is a warning naming it.
 */
export function readAssociationWorkbook(workbook: Workbook): AssociationWorkbookRead {
  const { tabs, issues } = resolveTabs(
    ASSOCIATION_TEMPLATES.map((t) => t.name),
    workbook.sheetNames(),
  );
  const sheets = Object.fromEntries(ASSOCIATION_TEMPLATES.map((t) => [t.name, tabs[t.name] === undefined ? undefined : workbook.read(tabs[t.name]!)]));
  return { sheets, tabs, issues };
}

/**
 * Checks one association's workbook on its own (the add-on's "Kontroller rapporten" and
 * `samspill validate`): the report year is the workbook's own Rapportår, or this year when missing.
 */
export function checkAssociationSheets(
  sheets: Record<string, CellTable | undefined>,
  today: IsoDate,
  id = "",
  extra: { issues?: ReadonlyArray<Issue>; facts?: Readonly<Record<string, TabFacts | undefined>> } = {},
): AssociationResult {
  const probe = readForm(annualReport, sheets[annualReport.name], { year: 0, today });
  const year = probe.values.year ?? Number(today.slice(0, 4));
  const municipalityNumber = probe.values.municipalityNumber ?? "";
  return assessAssociation({ id, name: probe.values.associationName ?? id, municipalityNumber }, { kind: "read", sheets, issues: extra.issues, facts: extra.facts }, { year, today });
}

/** Issues grouped per tab, for marking cells. */
export function issuesBySheet(issues: ReadonlyArray<Issue>): Map<string, Issue[]> {
  const bySheet = new Map<string, Issue[]>(ASSOCIATION_TEMPLATES.map((t) => [t.name, []]));
  for (const issue of issues) bySheet.get(issue.sheet)?.push(issue);
  return bySheet;
}

/** Marks every cell with an error or personal data (clearing earlier marks) on each tab that exists. */
export function markIssues(workbook: Workbook, issues: ReadonlyArray<Issue>): void {
  const names = new Set(workbook.sheetNames());
  for (const [sheet, list] of issuesBySheet(issues)) {
    if (!names.has(sheet)) continue;
    workbook.markCells(sheet, list.filter(marksCell).map((i) => ({ cell: i.cell, message: i.message })));
  }
}
