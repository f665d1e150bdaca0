import { AssociationResult } from "../../core/association";
import { todayInOslo } from "../../core/dates";
import { grid, outputTable } from "../../core/output-table";
import { partnerAddresses, partnerView } from "../../core/partners";
import { readTable } from "../../core/read";
import { findMunicipality } from "../../core/reference";
import { partnerViewRegistry, spreadsheetUrl } from "../../core/templates/central";
import { readCentral } from "../../services/rollup";
import { Workbook } from "../../workbook/workbook";

/**
 * "Oppdater kommunevisninger": one view spreadsheet per municipality that has partner addresses in
 * Foreninger, holding only core/partners partnerView for that municipality, shared as viewer with
 * exactly the registered addresses (new ones added, removed ones un-shared). The view's ID is kept in
 * the central tab "Kommunevisninger" so the same spreadsheet is updated next time.
 */

export const viewRegistry = partnerViewRegistry;
export const VIEWS_TAB = viewRegistry.name;

/** Drive-side capabilities, implemented with SpreadsheetApp in Apps Script and in memory in tests. */
export interface ViewFiles {
  /** The spreadsheet as a Workbook, or undefined when it no longer exists or cannot be opened. */
  open(id: string): Workbook | undefined;
  /** A new spreadsheet whose first tab is named `firstTab`. */
  create(title: string, firstTab?: string): { id: string; workbook: Workbook };
  viewers(id: string): string[];
  addViewers(id: string, emails: string[]): void;
  removeViewer(id: string, email: string): void;
}

export interface PartnerViewsOptions {
  central: Workbook;
  files: ViewFiles;
  results: ReadonlyArray<AssociationResult>;
  now: () => Date;
}

export interface PartnerViewsOutcome {
  updated: number;
  created: number;
  added: number;
  removed: number;
  message: string;
}

const normal = (email: string) => email.trim().toLowerCase();

export function viewTitle(municipalityNumber: string): string {
  return `Samspill – kommunevisning ${municipalityNumber} ${findMunicipality(municipalityNumber)?.name ?? ""}`.trim();
}

export function updatePartnerViews({
  central,
  files,
  results,
  now,
}: PartnerViewsOptions): PartnerViewsOutcome {
  const at = now();
  const today = todayInOslo(at);
  const inputs = readCentral(central, today);
  const addresses = new Map([...partnerAddresses(inputs.associations)].map(([number, emails]) => [number, new Set(emails)]));

  const recorded = readTable(viewRegistry, central.read(VIEWS_TAB), { year: 0, today });
  const records = new Map(recorded.rows.map((r) => [r.municipalityNumber, { ...r }]));
  const outcome = { updated: 0, created: 0, added: 0, removed: 0 };

  const numbers = [...new Set([...addresses.keys(), ...records.keys()])].sort();
  for (const number of numbers) {
    const wanted = addresses.get(number) ?? new Set<string>();
    let record = records.get(number);
    let workbook = record?.spreadsheetId ? files.open(record.spreadsheetId) : undefined;
    if (!wanted.size) {
      // No partner any more: un-share, keep the spreadsheet and its record for later.
      if (workbook && record?.spreadsheetId) {
        for (const viewer of files.viewers(record.spreadsheetId)) {
          files.removeViewer(record.spreadsheetId, viewer);
          outcome.removed++;
        }
        record.sharedWith = "";
        record.updatedAt = at.toISOString();
      }
      continue;
    }
    const views = partnerView(results, number, today);
    if (!workbook || !record?.spreadsheetId) {
      const made = files.create(viewTitle(number), views[0].name);
      workbook = made.workbook;
      record = {
        municipalityNumber: number,
        municipality: findMunicipality(number)?.name ?? "",
        spreadsheetId: made.id,
        url: spreadsheetUrl(made.id),
        sharedWith: "",
        updatedAt: "",
      };
      records.set(number, record);
      outcome.created++;
    }
    for (const view of views) workbook.write(view.name, grid(view), view.formats);
    const id = record.spreadsheetId as string;
    const current = new Set(files.viewers(id).map(normal));
    const toAdd = [...wanted].filter((e) => !current.has(e)).sort();
    if (toAdd.length) files.addViewers(id, toAdd);
    for (const viewer of [...current].filter((e) => !wanted.has(e)).sort()) files.removeViewer(id, viewer);
    outcome.added += toAdd.length;
    outcome.removed += [...current].filter((e) => !wanted.has(e)).length;
    record.sharedWith = [...wanted].sort().join(", ");
    record.updatedAt = at.toISOString();
    outcome.updated++;
  }

  const rows = [...records.values()]
    .sort((a, b) => a.municipalityNumber.localeCompare(b.municipalityNumber))
    .map((r) => [
      r.municipalityNumber,
      r.municipality ?? "",
      r.spreadsheetId ?? "",
      r.url || (r.spreadsheetId ? spreadsheetUrl(r.spreadsheetId) : ""),
      r.sharedWith ?? "",
      r.updatedAt ?? "",
    ]);
  const tab = outputTable(
    VIEWS_TAB,
    viewRegistry.keys.map((key) => [viewRegistry.columns[key].header, "text"] as [string, "text"]),
    rows,
  );
  central.write(VIEWS_TAB, grid(tab), tab.formats);

  const message = `Oppdaterte ${outcome.updated} kommunevisninger (${outcome.created} nye). Delt med ${outcome.added} nye adresser, fjernet tilgang for ${outcome.removed}.`;
  return { ...outcome, message };
}
