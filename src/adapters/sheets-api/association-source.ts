import { AssociationSource } from "../../core/association-result";
import { CellTable } from "../../core/cell";
import { READ_FAILURE } from "../../core/messages";
import { resolveTabs, tabOfRange } from "../../core/tabs";
import { ASSOCIATION_TEMPLATES } from "../../core/templates/association";
import { fromApiValue, quoteTab, rectangular } from "./cells";
import { GoogleClients } from "./clients";
import { classifyGoogleError, googleReason, httpStatusOf } from "./errors";

/** The spreadsheet ID in a registry cell: a full URL (…/d/ID/edit) or the bare ID (IDs are case-sensitive). */
export function spreadsheetIdFrom(reference: string): string {
  const text = reference.trim();
  const match = /\/spreadsheets\/d\/([a-zA-Z0-9_-]+)/.exec(text) ?? /\/d\/([a-zA-Z0-9_-]+)/.exec(text);
  return match ? match[1] : text;
}

const ASSOCIATION_TABS = ASSOCIATION_TEMPLATES.map((t) => t.name);

/**
 * Reads one association's four tabs with ONE `values.batchGet` (UNFORMATTED_VALUE, SERIAL_NUMBER).
 * Dates arrive as serial day numbers; the core reads a number in a date column as a serial date, so
 * no format lookup is needed. Only when a tab is missing by its exact name (the API then refuses the
 * whole batch with 400) are the tab names fetched: the core's tab rules (core/tabs.ts) then find a tab
 * named but for case or spaces (read, with a warning) and name copies of tabs (a warning), the found
 * tabs are read again, and the core reports `missing_tab` for the rest. With all four tabs in place
 * the one batchGet is all (SPEC: one request per association): Google matches a tab named but for
 * case itself and its answer names the tab as it is (a warning), but a copy next to its intact tab
 * goes unnoticed here.
 * 404 → not_found, 403 → no_access (after the gate's retries of 429/5xx), anything else → unreadable,
 * with a Norwegian reason (Google's own text only on stderr with SAMSPILL_DEBUG=1).
 */
export async function readAssociationSource(clients: GoogleClients, reference: string, tabs: ReadonlyArray<string> = ASSOCIATION_TABS, options: ReadOptions = {}): Promise<AssociationSource> {
  const spreadsheetId = spreadsheetIdFrom(reference);
  if (!spreadsheetId) return { kind: "not_found", detail: "tom adresse" };
  try {
    const titles: string[] = [];
    const sheets = await batchRead(clients, spreadsheetId, tabs, titles);
    // Google matched a tab named but for case: the answer's ranges name the tab as it is.
    const { issues } = resolveTabs(tabs, titles);
    return issues.length ? { kind: "read", sheets, issues } : { kind: "read", sheets };
  } catch (error) {
    if (httpStatusOf(error) === 400 && /range/i.test(googleReason(error))) {
      try {
        const { data } = await clients.sheets.spreadsheets.get({ spreadsheetId, fields: "sheets.properties.title" });
        const titles = (data.sheets ?? []).map((s) => s.properties?.title ?? "");
        const found = resolveTabs(tabs, titles);
        const present = tabs.filter((t) => found.tabs[t] !== undefined);
        const read = await batchRead(clients, spreadsheetId, present.map((t) => found.tabs[t]!));
        const sheets: Record<string, CellTable | undefined> = {};
        for (const t of present) sheets[t] = read[found.tabs[t]!];
        return found.issues.length ? { kind: "read", sheets, issues: found.issues } : { kind: "read", sheets };
      } catch (retryError) {
        return failure(retryError, options);
      }
    }
    return failure(error, options);
  }
}

/** Reads whole tabs by name; `titles` gets each tab's own name as Google answered it. */
async function batchRead(clients: GoogleClients, spreadsheetId: string, tabs: ReadonlyArray<string>, titles: string[] = []): Promise<Record<string, CellTable | undefined>> {
  const sheets: Record<string, CellTable | undefined> = {};
  if (!tabs.length) return sheets;
  const { data } = await clients.sheets.spreadsheets.values.batchGet({
    spreadsheetId,
    ranges: tabs.map(quoteTab),
    valueRenderOption: "UNFORMATTED_VALUE",
    dateTimeRenderOption: "SERIAL_NUMBER",
    majorDimension: "ROWS",
  });
  tabs.forEach((title, i) => {
    const range = data.valueRanges?.[i]?.range;
    titles.push(range ? tabOfRange(range) : title);
    const rows = (data.valueRanges?.[i]?.values ?? []) as unknown[][];
    sheets[title] = rectangular(rows.map((row) => row.map((value) => fromApiValue(value))));
  });
  return sheets;
}

export interface ReadOptions {
  /**
   * Throw (instead of giving `unreadable`) when Google still fails after every retry (429/5xx) or
   * refuses the sign-in: the rollup then stops without publishing half the associations.
   */
  throwWhenTransient?: boolean;
}

/** Google's own (English) text goes to stderr only with SAMSPILL_DEBUG=1, for a technician. */
function failure(error: unknown, options: ReadOptions = {}): AssociationSource {
  const kind = classifyGoogleError(error);
  if (options.throwWhenTransient && (kind === "transient" || kind === "auth")) throw error;
  if (process.env.SAMSPILL_DEBUG === "1") process.stderr.write(`samspill: Google (${kind}): ${googleReason(error)}\n`);
  if (kind === "not_found") return { kind: "not_found" };
  if (kind === "no_access") return { kind: "no_access" };
  return { kind: "unreadable", message: READ_FAILURE.message, detail: READ_FAILURE.detail[kind] };
}
