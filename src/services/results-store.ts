import { AssociationResult } from "../core/association-result";
import { Cell } from "../core/cell";
import { Workbook } from "../workbook/workbook";

/**
 * Where a rollup keeps the associations it has read so far: a working tab in the central spreadsheet
 * (hidden by the Apps Script wiring), one row per association, its AssociationResult as JSON split
 * into cells of at most 40,000 characters (a Sheets cell holds 50,000).
 *
 * Why a tab and not DocumentProperties or CacheService: a property value holds 9 KB and all of them
 * 500 KB, while one association's result can be tens of KB; CacheService forgets after at most 6
 * hours and may evict earlier. A tab holds megabytes, survives any number of runs, and costs one
 * append per flush and one read at publishing. Rows are keyed by run and association ID, and the last
 * row of an ID wins, so an association read twice (a run stopped between flush and cursor save) is
 * never counted twice.
 *
 * After publishing, the published results are copied to a second tab (LAST_TAB), which partner views
 * and reminders use without reading every association again.
 */
export const WORKING_TAB = "Samspill-innhenting";
export const LAST_TAB = "Samspill-resultater";
export const CHUNK = 40_000;
/** Stored results are written in blocks of at most this many characters (one append each), not one giant setValues. */
export const WRITE_BLOCK_CHARS = 2_000_000;
const HEADER = ["Kjøring", "Forening-ID", "Lest", "Data"];

export interface StoredResult {
  result: AssociationResult;
  readAt: string;
}

export function encodeResult(runId: string, result: AssociationResult, readAt: string): Cell[] {
  const json = JSON.stringify(result);
  const parts: string[] = [];
  for (let i = 0; i < json.length; i += CHUNK) parts.push(json.slice(i, i + CHUNK));
  return [runId, result.id, readAt, ...parts];
}

export function decodeRows(
  rows: ReadonlyArray<ReadonlyArray<Cell>> | undefined,
  runId?: string,
): Map<string, StoredResult> {
  const found = new Map<string, StoredResult>();
  for (const row of (rows ?? []).slice(1)) {
    if (runId !== undefined && String(row[0]) !== runId) continue;
    const json = row
      .slice(3)
      .map((c) => (c === null || c === undefined ? "" : String(c)))
      .join("");
    if (!json) continue;
    try {
      const result = JSON.parse(json) as AssociationResult;
      found.set(String(row[1]), { result, readAt: String(row[2] ?? "") });
    } catch {
      // A torn row (cannot happen with whole-row appends, but never trust storage): read again.
    }
  }
  return found;
}

export class ResultsStore {
  constructor(private readonly central: Workbook) {}

  clearWorking(): void {
    this.central.write(WORKING_TAB, [HEADER]);
  }

  /** One call for a batch of rows. */
  add(rows: Cell[][]): void {
    if (rows.length) this.central.append(WORKING_TAB, rows);
  }

  loadWorking(runId: string): { found: Map<string, StoredResult>; rows: Cell[][] } {
    const rows = this.central.read(WORKING_TAB) ?? [];
    return { found: decodeRows(rows, runId), rows };
  }

  /**
   * Keeps the published run's rows for partner views and reminders: the header, then blocks of rows
   * of at most WRITE_BLOCK_CHARS characters, one append each (a single setValues of every result can
   * be tens of megabytes for 1,000 associations).
   */
  saveLast(runId: string, results: ReadonlyArray<StoredResult>): void {
    this.central.write(LAST_TAB, [HEADER]);
    let block: Cell[][] = [];
    let chars = 0;
    for (const r of results) {
      const row = encodeResult(runId, r.result, r.readAt);
      const size = row.reduce<number>((n, c) => n + String(c ?? "").length, 0);
      if (block.length && chars + size > WRITE_BLOCK_CHARS) {
        this.central.append(LAST_TAB, block);
        block = [];
        chars = 0;
      }
      block.push(row);
      chars += size;
    }
    if (block.length) this.central.append(LAST_TAB, block);
  }

  loadLast(): StoredResult[] {
    return [...decodeRows(this.central.read(LAST_TAB)).values()];
  }
}
