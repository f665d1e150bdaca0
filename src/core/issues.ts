import { parseA1 } from "./cell";

/** A problem found in a workbook, with the tab, the A1 cell and a Norwegian message (SPEC "Errors"). */
export type Severity = "error" | "warning";

export interface Issue {
  /** Association ID; empty for problems in the central spreadsheet itself. */
  association?: string;
  sheet: string;
  cell: string;
  code: string;
  severity: Severity;
  message: string;
}

export const SHEET_ORDER = ["Foreninger", "Oppsett", "Historikk", "Årsrapport", "Aktiviteter", "Milepæler", "Tiltak"];

/** "F7" → [6, 5]: row, then column, so issues sort in reading order ("" first). */
function cellOrder(cell: string): [number, number] {
  const at = parseA1(cell);
  return at ? [at.row, at.column] : [-1, -1];
}

export function compareIssuesInWorkbook(a: Issue, b: Issue): number {
  const sheet = SHEET_ORDER.indexOf(a.sheet) - SHEET_ORDER.indexOf(b.sheet);
  if (sheet !== 0) return sheet;
  const [rowA, colA] = cellOrder(a.cell);
  const [rowB, colB] = cellOrder(b.cell);
  return rowA - rowB || colA - colB || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** Warnings about what a cell holds that are marked on the cell like errors: the person should act on them. */
const MARKED_WARNINGS = new Set(["personal_data"]);

/** The issues a check marks on their cell (Kontroller, onEdit): every error, and personal data in a title. */
export function marksCell(issue: Pick<Issue, "severity" | "code" | "cell">): boolean {
  return (issue.severity === "error" || MARKED_WARNINGS.has(issue.code)) && /^[A-Z]+\d+$/.test(issue.cell);
}

export function hasErrors(issues: ReadonlyArray<Issue>): boolean {
  return issues.some((issue) => issue.severity === "error");
}
