import { CellTable, a1 } from "./cell";
import { IsoDate } from "./dates";
import { Issue } from "./issues";
import { readForm, readTable } from "./read";
import { history, HistoryRow, registry, RegistryEntry, settings, Settings } from "./templates/central";
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

export function readCentralInputs(sheets: Readonly<Record<string, CellTable | undefined>>, today: IsoDate): CentralInputs {
  const context = { year: 0, today };
  const settingsRead = readForm(settings, sheets[settings.name], context);
  const registryRead = readTable(registry, sheets[registry.name], context);
  const historyRead = sheets[history.name] ? readTable(history, sheets[history.name], context) : undefined;
  const issues: Issue[] = [...settingsRead.issues, ...registryRead.issues, ...(historyRead?.issues ?? [])];

  const seenIds = new Map<string, number>();
  const seenSheets = new Map<string, number>();
  const associations: RegistryAssociation[] = [];
  registryRead.rows.forEach((entry, i) => {
    const row = registryRead.rowNumbers[i];
    const idKey = entry.id.toLowerCase();
    const sheetKey = spreadsheetKey(entry.spreadsheet);
    const firstId = seenIds.get(idKey);
    const firstSheet = seenSheets.get(sheetKey);
    if (firstId !== undefined) {
      issues.push({ sheet: registry.name, cell: a1(row - 1, 0), code: "duplicate_id", severity: "error", message: `Forening-ID «${entry.id}» er brukt før (rad ${firstId}); raden leses ikke` });
      return;
    }
    if (firstSheet !== undefined) {
      issues.push({ sheet: registry.name, cell: `E${row}`, code: "duplicate_spreadsheet", severity: "error", message: `Regnearket er registrert før (rad ${firstSheet}); raden leses ikke` });
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
