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
  /** Applies a template's formatting, validation, notes and protection to an existing tab. */
  applyPlan(plan: SheetPlan): void;
  /** Marks problem cells (and clears every earlier mark of this tab). */
  markCells(name: string, marks: ReadonlyArray<CellMark>): void;
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
