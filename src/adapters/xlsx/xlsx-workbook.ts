import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { Cell, CellTable, columnLetter, parseA1 } from "../../core/cell";
import { ColumnFormat, layoutFor, OutputLayout } from "../../core/output-table";
import { SheetPlan } from "../../core/plan";
import { CellMark, CellUpdate, MARK_BACKGROUND, rowsFromTable, SavableWorkbook } from "../../workbook/workbook";
import { applyPlanToSheet } from "./plan";
import { outputWidth, writeOutputCells, writeOutputLayout } from "./output";
import { DeferredOutput, writeWithDeferred } from "./streamed-sheets";
import { fromExcel, toExcel } from "./cells";
import { argb, numberFormat, patchStyle } from "./style";

/** Why a file could not be opened; `message` is Norwegian and names the file. */
export class XlsxOpenError extends Error {
  constructor(
    message: string,
    readonly reason: "not_found" | "unreadable",
  ) {
    super(message);
  }
}

/** Marks written by Samspill start with this text in the cell note, so the next check can clear them. */
export const MARK_PREFIX = "Samspill: ";
const MARK_SEPARATOR = "\n\n———\n";

/**
 * An .xlsx file as a Workbook. The file is read once when opened; every change is made in memory
 * and written by save() (to a temporary file, then renamed, so a crash never leaves half a file).
 * Output tabs are kept as their grids until the file is written (streamed-sheets.ts): exceljs cell
 * objects for a 92,000-row Tiltak took most of a rollup's memory. Reading or changing such a tab,
 * or using `excel` directly, turns it into exceljs cells first.
 */
export class XlsxWorkbook implements SavableWorkbook {
  private readonly deferred = new Map<ExcelJS.Worksheet, DeferredOutput>();

  constructor(
    readonly file: string,
    private readonly book: ExcelJS.Workbook,
  ) {}

  /** The exceljs workbook, with every tab as exceljs cells. */
  get excel(): ExcelJS.Workbook {
    for (const ws of [...this.deferred.keys()]) this.materialise(ws);
    return this.book;
  }

  sheetNames(): string[] {
    return this.book.worksheets.map((ws) => ws.name);
  }

  read(name: string): CellTable | undefined {
    const ws = this.sheet(name);
    if (!ws) return undefined;
    const rows: Cell[][] = [];
    let width = 0;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values: Cell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const value = fromExcel(cell.value);
        if (value === "") return;
        while (values.length < col - 1) values.push("");
        values[col - 1] = value;
      });
      if (values.length === 0) return;
      while (rows.length < rowNumber - 1) rows.push([]);
      rows[rowNumber - 1] = values;
      width = Math.max(width, values.length);
    });
    return rows.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? ""));
  }

  write(name: string, rows: Cell[][], formats: ReadonlyArray<ColumnFormat | undefined> = [], layout?: OutputLayout): void {
    const ws = this.replaceSheet(name);
    // An output tab (it has column formats): fonts, formats, frozen header, filter, widths, print set-up.
    // Its cells are written from the grid when the file is written.
    if (layout || (formats.length && rows.length)) {
      const output: DeferredOutput = { rows, formats, layout: layout ?? layoutFor(rows, formats) };
      writeOutputLayout(ws, rows.length, outputWidth(rows, output.layout), output.layout);
      this.deferred.set(ws, output);
      return;
    }
    rows.forEach((values, r) => {
      const row = ws.getRow(r + 1);
      values.forEach((value, c) => {
        const excel = toExcel(value);
        if (excel === null) return;
        const cell = row.getCell(c + 1);
        cell.value = excel;
        const format = formats[c] ?? (value instanceof Date ? "date" : undefined);
        if ((format && r > 0) || value instanceof Date) patchStyle(cell, { numFmt: numberFormat(format ?? "date", value) });
      });
    });
  }

  append(name: string, rows: Cell[][]): number {
    const ws = this.sheet(name) ?? this.book.addWorksheet(name);
    const first = (this.read(name)?.length ?? 0) + 1;
    rows.forEach((values, i) => this.setRow(ws, first + i, values));
    return first;
  }

  setCells(name: string, updates: ReadonlyArray<CellUpdate>): void {
    const ws = this.sheet(name) ?? this.book.addWorksheet(name);
    for (const { cell: ref, value } of updates) {
      const at = parseA1(ref);
      if (!at) throw new Error(`Ugyldig cellereferanse: ${ref}`);
      this.setValue(ws.getCell(at.row + 1, at.column + 1), value);
    }
  }

  applyPlan(plan: SheetPlan): void {
    const ws = this.sheet(plan.name) ?? this.book.addWorksheet(plan.name);
    applyPlanToSheet(this.book, ws, plan);
  }

  markCells(name: string, marks: ReadonlyArray<CellMark>, keep: ReadonlyArray<string> = []): void {
    const ws = this.sheet(name) ?? this.book.addWorksheet(name);
    const kept = new Set(keep.map((c) => c.toUpperCase()));
    ws.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (kept.has(cell.address.toUpperCase())) return;
        const note = noteText(cell.note);
        if (!note.startsWith(MARK_PREFIX)) return;
        const original = note.includes(MARK_SEPARATOR) ? note.slice(note.indexOf(MARK_SEPARATOR) + MARK_SEPARATOR.length) : "";
        if (original) cell.note = original;
        else {
          // exceljs has no API to remove a note; a loaded cell also keeps it in its value's model,
          // so the value is set again (a fresh model) or the next save writes the note back.
          delete (cell as unknown as { _comment?: unknown })._comment;
          const value = cell.value;
          cell.value = value;
        }
        patchStyle(cell, { fill: undefined });
      });
    });
    for (const mark of marks) {
      const at = parseA1(mark.cell);
      if (!at || kept.has(mark.cell.toUpperCase())) continue;
      const cell = ws.getCell(at.row + 1, at.column + 1);
      const earlier = noteText(cell.note);
      cell.note = MARK_PREFIX + mark.message + (earlier ? MARK_SEPARATOR + earlier : "");
      patchStyle(cell, { fill: { type: "pattern", pattern: "solid", fgColor: { argb: argb(MARK_BACKGROUND) } } });
    }
  }

  async save(): Promise<void> {
    if (this.book.worksheets.length === 0) this.book.addWorksheet("Ark1");
    await fs.mkdir(path.dirname(path.resolve(this.file)), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    await this.writeFile(temporary);
    await fs.rename(temporary, this.file);
  }

  /** Writes the workbook to `file` as it is (no temporary file: see save()). */
  async writeFile(file: string): Promise<void> {
    await writeWithDeferred(this.book, this.deferred, () => this.book.xlsx.writeFile(file));
  }

  readRows(name: string, first: number, last: number, width: number): { header: Cell[]; rows: Cell[][] } | undefined {
    return rowsFromTable(this.read(name), first, last, width);
  }

  createMissing(names: ReadonlyArray<string>): void {
    for (const name of names) if (!this.sheet(name)) this.book.addWorksheet(name);
  }

  /** Moves a tab to a 0-based position among the tabs (e.g. a dashboard first). */
  moveSheet(name: string, position: number): void {
    const sheets = this.book.worksheets;
    const moving = sheets.find((ws) => ws.name === name);
    if (!moving) return;
    const order = sheets.filter((ws) => ws !== moving);
    order.splice(Math.max(0, Math.min(position, order.length)), 0, moving);
    order.forEach((ws, i) => ((ws as unknown as { orderNo: number }).orderNo = i + 1));
  }

  /** The file as bytes (tests and previews). */
  async buffer(): Promise<Buffer> {
    return Buffer.from(await writeWithDeferred(this.book, this.deferred, () => this.book.xlsx.writeBuffer()));
  }

  private setRow(ws: ExcelJS.Worksheet, rowNumber: number, values: ReadonlyArray<Cell>): void {
    const row = ws.getRow(rowNumber);
    values.forEach((value, c) => this.setValue(row.getCell(c + 1), value));
  }

  private setValue(cell: ExcelJS.Cell, value: Cell): void {
    cell.value = toExcel(value);
    if (value instanceof Date) {
      const format = String(cell.numFmt ?? "");
      if (!/[dy]/i.test(format)) patchStyle(cell, { numFmt: numberFormat("date", value) });
    }
  }

  /** A tab by name, an output tab kept as its grid turned into exceljs cells first. */
  private sheet(name: string): ExcelJS.Worksheet | undefined {
    const ws = this.book.getWorksheet(name);
    if (ws) this.materialise(ws);
    return ws;
  }

  private materialise(ws: ExcelJS.Worksheet): void {
    const output = this.deferred.get(ws);
    if (!output) return;
    this.deferred.delete(ws);
    writeOutputCells(ws, output.rows, output.formats, output.layout);
  }

  /** Empties a tab for a whole rewrite, keeping its place among the tabs. */
  private replaceSheet(name: string): ExcelJS.Worksheet {
    const old = this.book.getWorksheet(name);
    if (!old) return this.book.addWorksheet(name);
    this.deferred.delete(old);
    const { orderNo, state } = old as unknown as { orderNo: number; state: ExcelJS.WorksheetState };
    this.book.removeWorksheet(old.id);
    const fresh = this.book.addWorksheet(name, { state });
    (fresh as unknown as { orderNo: number }).orderNo = orderNo;
    return fresh;
  }
}

export function noteText(note: unknown): string {
  if (!note) return "";
  if (typeof note === "string") return note;
  const texts = (note as { texts?: Array<{ text?: string }> }).texts;
  return texts ? texts.map((t) => t.text ?? "").join("") : "";
}

/** Opens an .xlsx file; a missing file or one that is not a workbook gives an XlsxOpenError. */
export async function openXlsx(file: string): Promise<XlsxWorkbook> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new XlsxOpenError(`Filen «${file}» finnes ikke`, "not_found");
    if (code === "EISDIR") throw new XlsxOpenError(`«${file}» er en mappe, ikke et regneark`, "unreadable");
    throw new XlsxOpenError(`Filen «${file}» kan ikke leses (${code ?? "ukjent feil"})`, "unreadable");
  }
  return openXlsxBuffer(bytes, file);
}

export async function openXlsxBuffer(bytes: Buffer | ArrayBuffer, file = "regneark.xlsx"): Promise<XlsxWorkbook> {
  const excel = new ExcelJS.Workbook();
  try {
    await excel.xlsx.load(bytes as ArrayBuffer);
  } catch {
    throw new XlsxOpenError(`Filen «${file}» kan ikke åpnes som et Excel-regneark (.xlsx)`, "unreadable");
  }
  return new XlsxWorkbook(file, excel);
}

/** A new, empty workbook that save() writes to `file`. */
export function newXlsx(file: string): XlsxWorkbook {
  const excel = new ExcelJS.Workbook();
  excel.creator = "Samspill";
  return new XlsxWorkbook(file, excel);
}

export { columnLetter };
