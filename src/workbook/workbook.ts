import { Cell, CellTable } from "../core/cell";
import { ColumnFormat, OutputLayout } from "../core/output-table";
import { SheetPlan } from "../core/plan";

/**
 * The one small interface every backend implements (memory, xlsx, Apps Script, Sheets API).
 *
 * It is synchronous on purpose: Apps Script is synchronous, and networked or file backends load a
 * snapshot when opened and send queued changes when saved (see `SavableWorkbook`), which is also
 * what keeps their request counts constant.
 *
 * Conventions every backend keeps (the contract suite checks them):
 * - `read` gives the used range of a tab, row 0 = sheet row 1; empty cells are "", numbers are
 *   numbers, dates are Date values; undefined when the tab does not exist.
 * - strings are written as literal text, never as formulas, even when they start with = + - @.
 * - calendar dates are written from Date values at 12:00 UTC and shown as dd.mm.yyyy.
 */
export interface Workbook {
  sheetNames(): string[];
  read(name: string): CellTable | undefined;
  /**
   * Replaces the whole content of a tab (creating it when missing); formats apply per column. A
   * layout (output tabs) adds frozen header, filter, widths, heading style and, where the platform
   * has it, print set-up.
   */
  write(name: string, rows: Cell[][], formats?: ReadonlyArray<ColumnFormat | undefined>, layout?: OutputLayout): void;
  /** Adds rows after the last used row; returns the 1-based sheet row of the first added row. */
  append(name: string, rows: Cell[][]): number;
  /** Sets single cells, e.g. { cell: "B11", value: "2025-03-01" }. */
  setCells(name: string, updates: ReadonlyArray<CellUpdate>): void;
  /**
   * Rows first..last (1-based sheet rows) of columns 1..width, each row `width` cells ('' for empty),
   * and the header row: what re-checking an edit needs without reading the whole tab. Undefined when
   * the tab does not exist. A backend may then limit `markCells` to those rows.
   */
  readRows(name: string, first: number, last: number, width: number): { header: Cell[]; rows: Cell[][] } | undefined;
  /** Creates each of these tabs that does not exist yet, empty; existing tabs are left as they are. */
  createMissing(names: ReadonlyArray<string>): void;
  /** Applies a template's formatting, validation, notes and protection to an existing tab. */
  applyPlan(plan: SheetPlan): void;
  /**
   * Marks problem cells (and clears every earlier mark of this tab). Cells in `keep` are left as they
   * are, marked or not: their mark cannot be judged by this call.
   */
  markCells(name: string, marks: ReadonlyArray<CellMark>, keep?: ReadonlyArray<string>): void;
}

/** readRows from a whole-tab read, for backends that hold the tab in memory anyway. */
export function rowsFromTable(table: CellTable | undefined, first: number, last: number, width: number): { header: Cell[]; rows: Cell[][] } | undefined {
  if (!table) return undefined;
  const row = (r: number): Cell[] => Array.from({ length: width }, (_, j) => table[r - 1]?.[j] ?? "");
  const rows: Cell[][] = [];
  for (let r = first; r <= last; r++) rows.push(row(r));
  return { header: row(1), rows };
}

/** Which earlier and new marks a `markCells(name, marks, keep)` call leaves (cells upper-case A1). */
export function keptMarks<M extends { cell: string }>(earlier: ReadonlyArray<M>, marks: ReadonlyArray<M>, keep: ReadonlyArray<string> = []): M[] {
  const kept = new Set(keep.map((c) => c.toUpperCase()));
  return [...earlier.filter((m) => kept.has(m.cell.toUpperCase())), ...marks.filter((m) => !kept.has(m.cell.toUpperCase()))];
}

export interface CellUpdate {
  cell: string;
  value: Cell;
}

export interface CellMark {
  cell: string;
  message: string;
}

/** A backend whose changes are sent in one go (xlsx file, Sheets API). */
export interface SavableWorkbook extends Workbook {
  save(): Promise<void>;
}

export const MARK_BACKGROUND = "#FCE8B2";
