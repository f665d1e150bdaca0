import { Issue } from "./issues";
import { formatNumber } from "./wording";

/**
 * Which tab of a workbook holds each template tab, as people name tabs: `Aktiviteter` is found as
 * `aktiviteter` or ` Aktiviteter ` too (with a warning), and a tab that looks like a copy of a
 * template tab (`Aktiviteter (2)`, `Kopi av Aktiviteter`, `Copy of Aktiviteter`, or a second tab named
 * but for case or spaces) is a warning naming it: its rows are not read, and the person should move
 * them into the real tab or delete the copy.
 * Every backend shares this (xlsx reader, Apps Script, Sheets API): it needs only the tab names.
 */
export interface TabResolution {
  /** Template tab name → the workbook's tab name; missing when no tab matches. */
  tabs: Record<string, string | undefined>;
  issues: Issue[];
}

/** A tab name compared as people see it: case, spaces (incl. non-breaking) and their number ignored. */
export function tabKey(name: string): string {
  return name.replace(/[\s\u00a0\u202f]+/g, "").toLowerCase();
}

const COPY_PATTERNS: ReadonlyArray<RegExp> = [
  /^(.*?)\s*\(\s*\d+\s*\)$/, // "Aktiviteter (2)" — Excel, LibreOffice ("Aktiviteter_2" below)
  /^(?:kopi\s+av|kopi\s+-|copy\s+of)\s+(.*)$/i, // Google Sheets "Kopi av …"/"Copy of …"
  /^(.*?)\s*[-_ ]\s*(?:kopi|copy)(?:\s*\d+)?$/i, // "Aktiviteter - kopi", "Aktiviteter copy 2"
  /^(.*?)_\d+$/, // LibreOffice "Aktiviteter_2"
];

export function resolveTabs(templateNames: ReadonlyArray<string>, sheetNames: ReadonlyArray<string>): TabResolution {
  const tabs: Record<string, string | undefined> = {};
  const issues: Issue[] = [];
  const used = new Set<string>();
  const wanted = new Map(templateNames.map((name) => [tabKey(name), name]));
  for (const name of templateNames) {
    if (sheetNames.includes(name)) {
      tabs[name] = name;
      used.add(name);
    }
  }
  for (const name of templateNames) {
    if (tabs[name]) continue;
    const match = sheetNames.find((sheet) => !used.has(sheet) && tabKey(sheet) === tabKey(name));
    if (match === undefined) continue;
    tabs[name] = match;
    used.add(match);
    issues.push({ sheet: name, cell: "A1", code: "tab_name_differs", severity: "warning", message: `Fanen «${match}» leses som «${name}»; gi den navnet «${name}»` });
  }
  for (const sheet of sheetNames) {
    if (used.has(sheet)) continue;
    const original = copyOf(sheet, wanted);
    if (original === undefined) continue;
    issues.push({
      sheet: original,
      cell: "A1",
      code: "copied_tab",
      severity: "warning",
      message: `Fanen «${sheet}» ser ut som en kopi av «${original}» og blir ikke lest; flytt radene til «${original}» eller slett kopien`,
    });
  }
  return { tabs, issues };
}

/**
 * The tab name in an A1 range as a spreadsheet service returns it (`'Kopi av x'!A1:B2`, `Ark1!A1`):
 * Google matches a tab name in a range regardless of case and answers with the tab's own name, so a
 * reader can see a tab named but for case without asking for the tab names.
 */
export function tabOfRange(range: string): string {
  const quoted = /^'((?:[^']|'')*)'(?:!|$)/.exec(range);
  if (quoted) return quoted[1].replace(/''/g, "'");
  const bang = range.lastIndexOf("!");
  return bang < 0 ? range : range.slice(0, bang);
}

function copyOf(sheet: string, wanted: ReadonlyMap<string, string>): string | undefined {
  // A second tab named like a template tab but for case or spaces (« Aktiviteter» beside «Aktiviteter»):
  // only one of them is read, so the other is a copy too, not a tab dropped without a word.
  const same = wanted.get(tabKey(sheet));
  if (same !== undefined) return same;
  for (const pattern of COPY_PATTERNS) {
    const match = pattern.exec(sheet.trim());
    if (match && wanted.has(tabKey(match[1]))) return wanted.get(tabKey(match[1]));
  }
  return undefined;
}

/**
 * A merged range over data holds its value in the top-left cell only: the rows below read as empty.
 * Header-row merges of a table tab, and merges within column A of a form, change nothing read.
 */
export function mergedRangeIssues(sheet: string, ranges: ReadonlyArray<string>, form: boolean): Issue[] {
  const issues: Issue[] = [];
  for (const range of ranges) {
    const [from, to = from] = range.split(":");
    const start = /^([A-Z]+)(\d+)$/.exec(from ?? "");
    const end = /^([A-Z]+)(\d+)$/.exec(to ?? "");
    if (!start || !end) continue;
    const overData = form ? !(start[1] === "A" && end[1] === "A") : Number(end[2]) >= 2;
    if (!overData) continue;
    issues.push({
      sheet,
      cell: from,
      code: "merged_cells",
      severity: "warning",
      message: `Cellene ${range} er slått sammen; bare verdien i ${from} leses. Del opp cellene og skriv verdien i hver rad`,
    });
  }
  return issues;
}

/** Values far outside the table (past column Z, or far below the last row): each named, the rest counted. */
export function strayCellIssues(sheet: string, strays: ReadonlyArray<string>, count: number): Issue[] {
  const issues: Issue[] = strays.map((cell) => ({
    sheet,
    cell,
    code: "stray_cell",
    severity: "warning",
    message: `Verdien i ${sheet}!${cell} ligger langt utenfor tabellen og blir ikke lest; slett den eller flytt den inn i tabellen`,
  }));
  const rest = count - strays.length;
  if (rest > 0) {
    issues.push({
      sheet,
      cell: strays[strays.length - 1] ?? "A1",
      code: "stray_cell",
      severity: "warning",
      message: `${rest === 1 ? "Én verdi til" : `${formatNumber(rest)} verdier til`} langt utenfor tabellen i ${sheet} blir ikke lest`,
    });
  }
  return issues;
}
