import { Cell, CellTable, parseA1 } from "../../core/cell";
import { ColumnFormat } from "../../core/output-table";
import { SheetPlan } from "../../core/plan";
import { CellMark, CellUpdate, keptMarks, rowsFromTable, Workbook } from "../../workbook/workbook";

interface MemorySheet {
  cells: Cell[][];
  formats: Array<ColumnFormat | undefined>;
  plan?: SheetPlan;
  marks: CellMark[];
}

/** An in-memory workbook: the reference backend for tests, previews and the core's own checks. */
export class MemoryWorkbook implements Workbook {
  private readonly sheets = new Map<string, MemorySheet>();

  constructor(initial: Record<string, Cell[][]> = {}) {
    for (const [name, cells] of Object.entries(initial)) this.sheets.set(name, { cells: cells.map((r) => r.map(normalise)), formats: [], marks: [] });
  }

  sheetNames(): string[] {
    return [...this.sheets.keys()];
  }

  read(name: string): CellTable | undefined {
    const sheet = this.sheets.get(name);
    if (!sheet) return undefined;
    const rows = trimmed(sheet.cells);
    const width = Math.max(0, ...rows.map((r) => r.length));
    return rows.map((r) => Array.from({ length: width }, (_, j) => copy(r[j])));
  }

  write(name: string, rows: Cell[][], formats: ReadonlyArray<ColumnFormat | undefined> = []): void {
    const sheet = this.ensure(name);
    sheet.cells = rows.map((r) => r.map(normalise));
    sheet.formats = [...formats];
  }

  append(name: string, rows: Cell[][]): number {
    const sheet = this.ensure(name);
    sheet.cells = trimmed(sheet.cells);
    const first = sheet.cells.length + 1;
    sheet.cells.push(...rows.map((r) => r.map(normalise)));
    return first;
  }

  setCells(name: string, updates: ReadonlyArray<CellUpdate>): void {
    const sheet = this.ensure(name);
    for (const { cell, value } of updates) {
      const at = parseA1(cell);
      if (!at) throw new Error(`Ugyldig cellereferanse: ${cell}`);
      while (sheet.cells.length <= at.row) sheet.cells.push([]);
      const row = sheet.cells[at.row];
      while (row.length <= at.column) row.push("");
      row[at.column] = normalise(value);
    }
  }

  applyPlan(plan: SheetPlan): void {
    this.ensure(plan.name).plan = plan;
  }

  markCells(name: string, marks: ReadonlyArray<CellMark>, keep: ReadonlyArray<string> = []): void {
    const sheet = this.ensure(name);
    sheet.marks = keptMarks(sheet.marks, marks, keep);
  }

  readRows(name: string, first: number, last: number, width: number): { header: Cell[]; rows: Cell[][] } | undefined {
    return rowsFromTable(this.read(name), first, last, width);
  }

  createMissing(names: ReadonlyArray<string>): void {
    for (const name of names) this.ensure(name);
  }

  /** For tests: the plan last applied and the current marks. */
  inspect(name: string): { plan?: SheetPlan; marks: CellMark[]; formats: Array<ColumnFormat | undefined> } | undefined {
    const sheet = this.sheets.get(name);
    return sheet && { plan: sheet.plan, marks: [...sheet.marks], formats: [...sheet.formats] };
  }

  private ensure(name: string): MemorySheet {
    let sheet = this.sheets.get(name);
    if (!sheet) {
      sheet = { cells: [], formats: [], marks: [] };
      this.sheets.set(name, sheet);
    }
    return sheet;
  }
}

function normalise(value: Cell): Cell {
  if (value === null || value === undefined) return "";
  return value instanceof Date ? new Date(value.getTime()) : value;
}

function copy(value: Cell): Cell {
  return value instanceof Date ? new Date(value.getTime()) : (value ?? "");
}

/** Drops trailing empty rows and cells, as getDataRange() would see the sheet. */
function trimmed(cells: Cell[][]): Cell[][] {
  const rows = cells.map((r) => {
    let end = r.length;
    while (end > 0 && (r[end - 1] === "" || r[end - 1] === null || r[end - 1] === undefined)) end--;
    return r.slice(0, end);
  });
  let last = rows.length;
  while (last > 0 && rows[last - 1].length === 0) last--;
  return rows.slice(0, last);
}
