import { AssociationSource } from "../../core/association-result";
import { Cell, CellTable } from "../../core/cell";
import { RegistryAssociation } from "../../core/central-inputs";
import { READ_FAILURE } from "../../core/messages";
import { resolveTabs, tabOfRange } from "../../core/tabs";
import { ASSOCIATION_TEMPLATES } from "../../core/templates/association";
import type { GoogleFailure } from "../../services/ports";
import { classifyError, RetryOptions, withRetry } from "./retry";

/**
 * Reads one association with the Sheets advanced service in at most 2 calls:
 * 1. values.batchGet of the four tabs (UNFORMATTED_VALUE, dates as SERIAL_NUMBER: the core reads
 *    serial numbers in date columns). This is the one call when all four tabs exist.
 * 2. Only when a tab is missing by its exact name (batchGet then fails as a whole with "Unable to
 *    parse range"): spreadsheets.get with grid data of every tab, which says which tabs exist and
 *    gives their values in the same call. The core's tab rules (core/tabs.ts) then read a tab named
 *    but for case or spaces (with a warning) and name copies of tabs (a warning). With all four tabs
 *    in place the one batchGet is all: Google matches a tab named but for case itself and its answer
 *    names the tab as it is (a warning), but a copy next to its intact tab goes unnoticed here.
 * Transient failures are retried (retry.ts); not found / no access become statuses; any other
 * failure is `unreadable` with a Norwegian reason — Google's English never reaches Innsamling/Avvik.
 */

type SheetsService = Pick<GoogleAppsScript.Sheets, "Spreadsheets">;

export interface ReaderOptions extends RetryOptions {
  /** Keeps reads at most this often (the Sheets API allows 60 reads per minute per user). */
  minIntervalMs?: number;
  now?: () => number;
}

const TABS = ASSOCIATION_TEMPLATES.map((t) => t.name);
const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;

export function cellOf(value: GoogleAppsScript.Sheets.Schema.ExtendedValue | undefined): Cell {
  if (!value) return "";
  if (value.numberValue !== undefined && value.numberValue !== null) return value.numberValue;
  if (value.stringValue !== undefined && value.stringValue !== null) return value.stringValue;
  if (value.boolValue !== undefined && value.boolValue !== null) return value.boolValue;
  if (value.errorValue) return `#${value.errorValue.type ?? "ERROR"}`;
  return "";
}

/** The ID in a spreadsheet URL, or the reference itself (case kept: IDs are case-sensitive). */
export function spreadsheetId(reference: string): string {
  return /\/d\/([a-zA-Z0-9_-]+)/.exec(reference)?.[1] ?? reference.trim();
}

export function createAssociationReader(
  Sheets: SheetsService,
  options: ReaderOptions,
): (entry: RegistryAssociation) => AssociationSource {
  const interval = options.minIntervalMs ?? 0;
  const now = options.now ?? (() => Date.now());
  let last = -Infinity;
  const paced = <T>(call: () => T): T =>
    withRetry(() => {
      const wait = last + interval - now();
      if (wait > 0) options.sleep(wait);
      last = now();
      return call();
    }, options);

  return (entry) => {
    const id = spreadsheetId(entry.spreadsheet);
    try {
      const response = paced(() =>
        Sheets.Spreadsheets!.Values!.batchGet(id, {
          ranges: TABS.map(quoted),
          valueRenderOption: "UNFORMATTED_VALUE",
          dateTimeRenderOption: "SERIAL_NUMBER",
        }),
      );
      const ranges = response.valueRanges ?? [];
      const sheets: Record<string, CellTable | undefined> = {};
      TABS.forEach((name, i) => (sheets[name] = (ranges[i]?.values ?? []) as CellTable));
      // Google matched a tab named but for case: the answer's ranges name the tab as it is.
      const { issues } = resolveTabs(
        TABS,
        TABS.map((name, i) => (ranges[i]?.range ? tabOfRange(ranges[i].range!) : name)),
      );
      return issues.length ? { kind: "read", sheets, issues } : { kind: "read", sheets };
    } catch (error) {
      const failure = classifyError(error);
      if (failure !== "missing_tab") return unreachable(failure);
    }
    try {
      const spreadsheet = paced(() =>
        Sheets.Spreadsheets!.get(id, {
          includeGridData: true,
          fields: "sheets(properties(title),data(rowData(values(effectiveValue))))",
        }),
      );
      const all = spreadsheet.sheets ?? [];
      const found = resolveTabs(
        TABS,
        all.map((sheet) => sheet.properties?.title ?? ""),
      );
      const sheets: Record<string, CellTable | undefined> = {};
      for (const name of TABS) {
        const sheet = all.find(
          (s) => found.tabs[name] !== undefined && s.properties?.title === found.tabs[name],
        );
        if (!sheet) continue;
        sheets[name] = (sheet.data?.[0]?.rowData ?? []).map((row) =>
          (row.values ?? []).map((v) => cellOf(v.effectiveValue)),
        );
      }
      return found.issues.length ? { kind: "read", sheets, issues: found.issues } : { kind: "read", sheets };
    } catch (error) {
      return unreachable(classifyError(error));
    }
  };
}

/** A failure as a status: not found / no access, else `unreadable` with a Norwegian reason (core/messages). */
function unreachable(failure: GoogleFailure): AssociationSource {
  if (failure === "not_found" || failure === "no_access") return { kind: failure };
  return { kind: "unreadable", message: READ_FAILURE.message, detail: READ_FAILURE.detail[failure] };
}
