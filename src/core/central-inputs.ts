import { CellTable, a1 } from "./cell";
import { IsoDate } from "./dates";
import { Issue } from "./issues";
import { readForm, readTable } from "./read";
import { history, HistoryRow, partnerViewRegistry, registry, RegistryEntry, settings, Settings } from "./templates/central";
import { readPercent } from "./values";

/** The central spreadsheet's inputs: set-up, the association registry and earlier years' totals. */
export interface CentralInputs {
  settings: Partial<Settings>;
  /** Active associations, duplicates removed (a duplicate is a registry error, never read twice). */
  associations: RegistryAssociation[];
  history: HistoryRow[];
  issues: Issue[];
}

export interface RegistryAssociation extends RegistryEntry {
  /** 1-based row in Foreninger. */
  row: number;
  partnerEmailList: string[];
}

export interface Goals {
  members: number;
  counties: number;
  participantGrowth: number;
  agreements: number;
  grantGrowth: number;
}

/**
 * Reads Oppsett, Foreninger and Historikk. `spreadsheetIdentity` says which references name the same
 * spreadsheet (default: a URL and its bare ID; local mode passes the resolved real path), so one
 * spreadsheet registered twice is read once.
 */
export function readCentralInputs(sheets: Readonly<Record<string, CellTable | undefined>>, today: IsoDate, spreadsheetIdentity: (reference: string) => string = spreadsheetKey): CentralInputs {
  const context = { year: 0, today };
  const settingsRead = readForm(settings, sheets[settings.name], context);
  const registryRead = readTable(registry, sheets[registry.name], context);
  const historyRead = sheets[history.name] ? readTable(history, sheets[history.name], context) : undefined;
  const issues: Issue[] = [...settingsRead.issues, ...registryRead.issues, ...historyIssuesAsWarnings(historyRead?.issues ?? [])];

  const seenIds = new Map<string, number>();
  const seenSheets = new Map<string, number>();
  const associations: RegistryAssociation[] = [];
  registryRead.rows.forEach((entry, i) => {
    const row = registryRead.rowNumbers[i];
    const idKey = entry.id.toLowerCase();
    const sheetKey = spreadsheetIdentity(entry.spreadsheet);
    const firstId = seenIds.get(idKey);
    const firstSheet = seenSheets.get(sheetKey);
    if (firstId !== undefined) {
      issues.push({ sheet: registry.name, cell: a1(row - 1, 0), code: "duplicate_id", severity: "error", message: `Forening-ID «${entry.id}» er brukt før (rad ${firstId}); raden leses ikke` });
      return;
    }
    if (firstSheet !== undefined) {
      // The same spreadsheet under another spelling: read once (through its first row), never twice.
      issues.push({ sheet: registry.name, cell: `E${row}`, code: "duplicate_spreadsheet", severity: "warning", message: `Regnearket i rad ${row} er det samme som i rad ${firstSheet}; det leses og telles bare én gang (rad ${firstSheet})` });
      return;
    }
    seenIds.set(idKey, row);
    seenSheets.set(sheetKey, row);
    if (entry.active === "Nei") return;
    const partnerEmailList = (entry.partnerEmails ?? "")
      .split(/[,;\s]+/)
      .map((email) => email.trim().toLowerCase())
      .filter(Boolean);
    associations.push({ ...entry, row, partnerEmailList });
  });
  return { settings: settingsRead.values, associations, history: historyRead?.rows ?? [], issues };
}

/** A spreadsheet URL and its bare ID name the same spreadsheet. */
export function spreadsheetKey(reference: string): string {
  const match = /\/d\/([a-zA-Z0-9_-]+)/.exec(reference);
  return (match ? match[1] : reference.trim()).toLowerCase();
}

export function goalTargets(values: Partial<Settings>): Goals {
  return {
    members: values.goalMembers ?? 11_000,
    counties: values.goalCounties ?? 15,
    participantGrowth: readPercent(values.goalParticipantGrowth ?? "10 %") ?? 0.1,
    agreements: values.goalAgreements ?? 100,
    grantGrowth: readPercent(values.goalGrantGrowth ?? "25 %") ?? 0.25,
  };
}

/** A workbook Samspill wrote itself; never read as an association (SPEC "Hostile input"). */
export type SamspillWorkbook = "central" | "partner_view";

const tabKey = (name: string) => name.trim().toLowerCase();
/** Tabs only a central spreadsheet has: its input tabs, output tabs and the partner-view registry. */
const CENTRAL_TABS = [settings.name, registry.name, history.name, "Innsamling", "Nasjonalt", "Per fylke", "Per aktivitetstype", "Avvik", "Logg", partnerViewRegistry.name].map(tabKey);
/** The first tab of every partner view (core/partner-slices.ts). */
const PARTNER_VIEW_TAB = tabKey("Om visningen");
const ASSOCIATION_TAB = tabKey("Årsrapport");

/**
 * Recognises a central spreadsheet or a partner view by its tabs. A workbook with an Årsrapport tab
 * is always an association's, whatever else it holds; a central has at least two of the central's
 * own tabs (e.g. Oppsett and Foreninger, or Innsamling and Nasjonalt).
 */
export function samspillWorkbookKind(sheetNames: ReadonlyArray<string>): SamspillWorkbook | undefined {
  const names = new Set(sheetNames.map(tabKey));
  if (names.has(ASSOCIATION_TAB)) return undefined;
  if (names.has(PARTNER_VIEW_TAB)) return "partner_view";
  return CENTRAL_TABS.filter((name) => names.has(name)).length >= 2 ? "central" : undefined;
}

/**
 * Historikk's reading problems are warnings: the rows and columns stay as typed, they are only not
 * used (e.g. for growth). Errors would say the central spreadsheet is wrong; it is not, it is memory.
 */
export function historyIssuesAsWarnings(issues: ReadonlyArray<Issue>): Issue[] {
  return issues.map((issue) =>
    issue.sheet === history.name && issue.severity === "error"
      ? {
          ...issue,
          severity: "warning",
          message: `${issue.message}. Raden beholdes som den er, men Samspill bruker den ikke`,
        }
      : issue,
  );
}
