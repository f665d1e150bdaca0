import * as path from "node:path";
import { AssociationSource } from "../../core/association-result";
import { CellTable } from "../../core/cell";
import { Issue } from "../../core/issues";
import { TabFacts } from "../../core/read";
import { mergedRangeIssues, resolveTabs, strayCellIssues } from "../../core/tabs";
import { annualReport, ASSOCIATION_TEMPLATES } from "../../core/templates/association";
import { BoundedWorkbook, DEFAULT_READ_LIMITS, readXlsxBuffer, readXlsxFile, XlsxReadError, XlsxReadLimits } from "./reader";

const TEMPLATE_NAMES = ASSOCIATION_TEMPLATES.map((t) => t.name);

/** File types people save instead of .xlsx: listed as «Kan ikke leses» with «Lagre som .xlsx». */
const OTHER_SPREADSHEETS = /\.(xls|ods|csv|numbers|xlsb|fods|tsv|txt)$/i;

/** The extensions read as association workbooks (.xlsm: the macros are never run nor read). */
export const WORKBOOK_EXTENSIONS = /\.(xlsx|xlsm)$/i;

/** The four tabs of an association workbook as the core reads them, with the reader's own issues. */
export type ReadAssociation = Extract<AssociationSource, { kind: "read" }> & { issues: Issue[] };

/**
 * Reads one association file through the bounded reader: what the rollup and `validate` see.
 * Never throws for a file's content: a file that cannot be read becomes an unreachable source
 * whose message says why in Norwegian.
 */
export async function readAssociationXlsx(file: string, limits: XlsxReadLimits = DEFAULT_READ_LIMITS): Promise<AssociationSource> {
  const extension = path.extname(file);
  if (!WORKBOOK_EXTENSIONS.test(file)) {
    const kind = OTHER_SPREADSHEETS.test(file) ? `i formatet ${extension.toLowerCase()}` : "ikke et Excel-regneark";
    return { kind: "unreadable", code: "unreadable_file", message: `Filen er ${kind}, som Samspill ikke leser. Lagre som .xlsx` };
  }
  try {
    return associationSource(await readXlsxFile(file, chooseAssociationTabs, limits));
  } catch (error) {
    return failedSource(error);
  }
}

/** The same from bytes (tests, previews). */
export async function readAssociationXlsxBuffer(bytes: Buffer, limits: XlsxReadLimits = DEFAULT_READ_LIMITS): Promise<AssociationSource> {
  try {
    return associationSource(await readXlsxBuffer(bytes, chooseAssociationTabs, limits));
  } catch (error) {
    return failedSource(error);
  }
}

function chooseAssociationTabs(names: string[]): string[] {
  return Object.values(resolveTabs(TEMPLATE_NAMES, names).tabs).filter((name): name is string => name !== undefined);
}

function failedSource(error: unknown): AssociationSource {
  if (error instanceof XlsxReadError) {
    if (error.reason === "not_found") return { kind: "not_found" };
    const code = error.reason === "too_large" ? "too_large" : "unreadable_file";
    return { kind: "unreadable", code, message: error.message };
  }
  return { kind: "unreadable", code: "unreadable_file", message: "Filen er skadet og kan ikke leses som et regneark" };
}

export function associationSource(workbook: BoundedWorkbook): ReadAssociation {
  const { tabs, issues } = resolveTabs(TEMPLATE_NAMES, workbook.sheetNames);
  const sheets: Record<string, CellTable | undefined> = {};
  const facts: Record<string, TabFacts | undefined> = {};
  for (const name of TEMPLATE_NAMES) {
    const actual = tabs[name];
    const sheet = actual === undefined ? undefined : workbook.sheets.get(actual);
    sheets[name] = sheet?.rows;
    if (!sheet) continue;
    if (sheet.uncachedFormulas.length) facts[name] = { uncachedFormulas: sheet.uncachedFormulas };
    issues.push(...mergedRangeIssues(name, sheet.merges, name === annualReport.name));
    issues.push(...strayCellIssues(name, sheet.strays, sheet.strayCount));
  }
  return { kind: "read", sheets, issues, facts };
}
