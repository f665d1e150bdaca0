import { TZDate } from "@date-fns/tz";
import type ExcelJS from "exceljs";
import { Cell, columnLetter } from "../../core/cell";
import { TIME_ZONE } from "../../core/dates";
import { ColumnFormat, OutputLayout } from "../../core/output-table";
import { FONT_FAMILY, FONT_SIZE, HEADER_BACKGROUND } from "../../core/plan";
import { toExcel } from "./cells";
import { argb, numberFormat } from "./style";

/**
 * How written tabs look in the .xlsx (the central, partner views): one explicit font, a shaded
 * bold header, number formats per column or cell, frozen header, filter, widths that fit, and page
 * set-up — A4, portrait or landscape, one page wide, the header row repeated on every page, the
 * tab name and page numbers in the footer.
 */

/** Excel's paper size code for A4. */
const A4 = 9;
const MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };

export const BODY_FONT: Partial<ExcelJS.Font> = { name: FONT_FAMILY, size: FONT_SIZE };
export const HEADING_FONT: Partial<ExcelJS.Font> = { name: FONT_FAMILY, size: FONT_SIZE, bold: true };

export function fill(hex: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: argb(hex) } };
}

/** A4, one page wide (as many pages down as needed), header row on every page, footer with page numbers. */
export function pageSetup(ws: ExcelJS.Worksheet, landscape: boolean, repeatHeader: boolean, onePage = false): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: A4,
    orientation: landscape ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: onePage ? 1 : 0,
    margins: MARGINS,
    ...(repeatHeader ? { printTitlesRow: "1:1" } : {}),
  };
  ws.headerFooter = { ...ws.headerFooter, oddFooter: "&L&A&RSide &P av &N" };
}

/** A value for a date-time cell: an instant on the Oslo wall clock (also one that falls on 12:00 UTC). */
function instantValue(value: Date): Date {
  const oslo = new TZDate(value.getTime(), TIME_ZONE);
  return new Date(Date.UTC(oslo.getFullYear(), oslo.getMonth(), oslo.getDate(), oslo.getHours(), oslo.getMinutes(), oslo.getSeconds()));
}

const RIGHT_ALIGNED = new Set<ColumnFormat>(["whole", "decimal", "percent", "year", "date", "datetime"]);

/** Points per line of 10 pt text. */
const LINE_HEIGHT = 12.75;

/**
 * Lines a text takes in a wrapping column `width` characters wide. Excel and LibreOffice do not
 * size rows to wrapped text when they open a file, so Samspill sets the heights itself.
 */
export function wrappedLines(text: string, width: number): number {
  // Widths count characters of Calibri's "0"; Arial 10 text fits about 1.15 times as many.
  const usable = Math.max(1, Math.floor((width - 1) * 1.45));
  return String(text)
    .split("\n")
    .reduce((sum, line) => sum + Math.max(1, Math.ceil([...line].length / usable)), 0);
}

export function heightFor(lines: number): number | undefined {
  return lines > 1 ? Math.ceil(lines * LINE_HEIGHT + 3) : undefined;
}

/** One output cell as exceljs writes it: its value and its style. */
export interface OutputCell {
  value: ExcelJS.CellValue;
  style: Partial<ExcelJS.Style>;
}

/** The columns a tab's rows span (the widest row, or the widths of the layout). */
export function outputWidth(rows: ReadonlyArray<ReadonlyArray<Cell>>, layout: OutputLayout): number {
  let width = layout.widths.length;
  for (const r of rows) width = Math.max(width, r.length);
  return width;
}

/** The value and style of the cell at grid row `r`, column `c`. */
export function outputCell(
  value: Cell,
  r: number,
  c: number,
  heading: boolean,
  width: number,
  formats: ReadonlyArray<ColumnFormat | undefined>,
  layout: OutputLayout,
): OutputCell {
  const format = layout.cellFormats[r]?.[c] ?? (heading ? undefined : formats[c]);
  const excel =
    format === "datetime" && value instanceof Date && !Number.isNaN(value.getTime())
      ? instantValue(value)
      : toExcel(value);
  const style: Partial<ExcelJS.Style> = { font: heading ? HEADING_FONT : BODY_FONT };
  if (excel !== null && (format || value instanceof Date) && typeof value !== "string")
    style.numFmt = numberFormat(format ?? "date", value);
  if (typeof value === "string") style.numFmt = "@";
  // Headings over numbers and dates stand right, above the right-aligned values.
  const right = heading && formats[c] !== undefined && RIGHT_ALIGNED.has(formats[c]!);
  style.alignment = {
    vertical: "top",
    wrapText: layout.wrap[c] === true,
    ...(right ? { horizontal: "right" } : {}),
  };
  if (heading && c < width) style.fill = fill(HEADER_BACKGROUND);
  if (heading) style.border = { bottom: { style: "thin", color: { argb: "FF808080" } } };
  return { value: excel, style };
}

/** A heading row is shaded across the table, also over its empty cells (columns values.length … width-1). */
export function headingFillStyle(): Partial<ExcelJS.Style> {
  return { font: HEADING_FONT, fill: fill(HEADER_BACKGROUND) };
}

/** The height of a row whose wrapping texts take more than one line (undefined: the default height). */
export function outputRowHeight(values: ReadonlyArray<Cell>, layout: OutputLayout): number | undefined {
  let lines = 1;
  values.forEach((value, c) => {
    if (layout.wrap[c] && typeof value === "string")
      lines = Math.max(lines, wrappedLines(value, layout.widths[c]));
  });
  return heightFor(lines);
}

/** Writes a grid of output cells with their fonts, formats and the tab's layout. */
export function writeOutput(
  ws: ExcelJS.Worksheet,
  rows: ReadonlyArray<ReadonlyArray<Cell>>,
  formats: ReadonlyArray<ColumnFormat | undefined>,
  layout: OutputLayout,
): void {
  writeOutputCells(ws, rows, formats, layout);
  writeOutputLayout(ws, rows.length, outputWidth(rows, layout), layout);
}

/** The cells and row heights of an output tab. */
export function writeOutputCells(
  ws: ExcelJS.Worksheet,
  rows: ReadonlyArray<ReadonlyArray<Cell>>,
  formats: ReadonlyArray<ColumnFormat | undefined>,
  layout: OutputLayout,
): void {
  const headings = new Set(layout.headingRows);
  const width = outputWidth(rows, layout);
  rows.forEach((values, r) => {
    const heading = headings.has(r);
    const row = ws.getRow(r + 1);
    values.forEach((value, c) => {
      const { value: excel, style } = outputCell(value, r, c, heading, width, formats, layout);
      const cell = row.getCell(c + 1);
      if (excel !== null) cell.value = excel;
      cell.style = style;
    });
    if (heading) {
      for (let c = values.length; c < width; c++) row.getCell(c + 1).style = headingFillStyle();
    }
  });
  if (layout.wrap.some(Boolean)) {
    rows.forEach((values, r) => {
      const height = outputRowHeight(values, layout);
      if (height) ws.getRow(r + 1).height = height;
    });
  }
}

/** What an output tab has besides its cells: widths, frozen header, filter, page set-up. */
export function writeOutputLayout(
  ws: ExcelJS.Worksheet,
  rowCount: number,
  width: number,
  layout: OutputLayout,
): void {
  layout.widths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  if (layout.frozenRows > 0)
    ws.views = [
      {
        state: "frozen",
        xSplit: 0,
        ySplit: layout.frozenRows,
        topLeftCell: `A${layout.frozenRows + 1}`,
        activeCell: `A${layout.frozenRows + 1}`,
      },
    ];
  if (layout.filter && width > 0 && rowCount > 1) ws.autoFilter = `A1:${columnLetter(width - 1)}${rowCount}`;
  pageSetup(ws, layout.landscape, layout.repeatHeader, layout.onePage);
}
