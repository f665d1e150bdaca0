import { Readable } from "node:stream";
import type ExcelJS from "exceljs";
import { Cell, columnLetter } from "../../core/cell";
import { ColumnFormat, OutputLayout } from "../../core/output-table";
import { headingFillStyle, outputCell, outputRowHeight, outputWidth } from "./output";

/**
 * Big output tabs (Tiltak has a row per association and measure) written without exceljs's cell
 * objects: exceljs keeps a cell object per cell, a second model of every cell and the whole sheet
 * XML as one string while it writes, which took ~600 MB for 1,000 associations. Here the tab's rows
 * stay the plain grid until the file is written; exceljs writes everything else (input tabs as they
 * were loaded, the tab's widths, frozen header, filter and page set-up) and the tab's <sheetData> is
 * produced row by row while the file is zipped, with exceljs's own style and shared-string tables,
 * so the file is the same as when exceljs writes the cells itself (test/adapters/xlsx/streamed-sheets.test.ts).
 */
export interface DeferredOutput {
  rows: ReadonlyArray<ReadonlyArray<Cell>>;
  formats: ReadonlyArray<ColumnFormat | undefined>;
  layout: OutputLayout;
}

/** exceljs's internals used here: the write steps of XLSX and the model's style and string tables. */
interface WriteModel {
  worksheets: Array<{ id: number; name: string }>;
  styles: { addStyleModel(style: Partial<ExcelJS.Style>, cellType?: number): number };
  sharedStrings: { add(value: string): number };
  properties?: { date1904?: boolean };
}
interface ZipWriter {
  append(data: unknown, options: { name: string; base64?: boolean }): void;
}
interface XlsxInternals {
  addWorksheets(zip: ZipWriter, model: WriteModel): Promise<void>;
}

/** exceljs's cell types (Enums.ValueType). */
const NULL = 0;
const NUMBER = 2;
const STRING = 3;
const DATE = 4;
const BOOLEAN = 9;
const ROWS_PER_CHUNK = 500;

/**
 * Writes the workbook with exceljs (writeFile or writeBuffer), the tabs in `deferred` streamed
 * from their grids. The worksheets in `deferred` must have no cells of their own.
 */
export async function writeWithDeferred<T>(
  book: ExcelJS.Workbook,
  deferred: ReadonlyMap<ExcelJS.Worksheet, DeferredOutput>,
  write: () => Promise<T>,
): Promise<T> {
  if (deferred.size === 0) return write();
  const xlsx = book.xlsx as unknown as XlsxInternals;
  const byId = new Map([...deferred].map(([ws, output]) => [ws.id, output]));
  const addWorksheets = xlsx.addWorksheets;
  xlsx.addWorksheets = async function (zip: ZipWriter, model: WriteModel) {
    const entries = new Map<string, DeferredOutput>();
    for (const sheet of model.worksheets) {
      const output = byId.get(sheet.id);
      if (output) entries.set(`xl/worksheets/sheet${sheet.id}.xml`, output);
    }
    const append = zip.append;
    zip.append = (data, options) => {
      const output = entries.get(options.name);
      append.call(zip, output ? sheetStream(String(data), output, model) : data, options);
    };
    try {
      await addWorksheets.call(this, zip, model);
    } finally {
      zip.append = append;
    }
  };
  try {
    return await write();
  } finally {
    delete (xlsx as Partial<XlsxInternals>).addWorksheets; // back to the prototype's method
  }
}

/** One cell as it is written: its style id, and its value as exceljs renders it. */
interface Rendered {
  styleId: number;
  type: number;
  text: string;
}

/**
 * The sheet XML exceljs rendered for the empty tab, with <sheetData> (and <dimension>) filled from
 * the grid. Styles and shared strings are registered now, before exceljs writes those tables;
 * the rows' XML is made as the zip reads the stream.
 */
function sheetStream(placeholder: string, output: DeferredOutput, model: WriteModel): Readable {
  const { rows, formats, layout } = output;
  const headings = new Set(layout.headingRows);
  const width = outputWidth(rows, layout);
  const date1904 = model.properties?.date1904 === true;
  const styleIds = new Map<string, number>();
  const styleId = (key: string, style: Partial<ExcelJS.Style>, type: number) => {
    let id = styleIds.get(key);
    if (id === undefined) {
      id = model.styles.addStyleModel(style, type);
      styleIds.set(key, id);
    }
    return id;
  };
  const fillStyle = headingFillStyle();
  // Each cell's text counts once in the shared-string table (its count), as when exceljs writes it.
  const stringIds = new Map<string, number>();

  const renderRow = (values: ReadonlyArray<Cell>, r: number, register: boolean): Rendered[] => {
    const heading = headings.has(r);
    const cells: Rendered[] = [];
    values.forEach((value, c) => {
      const { value: excel, style } = outputCell(value, r, c, heading, width, formats, layout);
      const type =
        excel === null
          ? NULL
          : typeof excel === "number"
            ? NUMBER
            : typeof excel === "string"
              ? STRING
              : typeof excel === "boolean"
                ? BOOLEAN
                : excel instanceof Date
                  ? DATE
                  : -1;
      if (type < 0) throw new Error(`Utdataverdi av ukjent type i ${columnLetter(c)}${r + 1}`);
      const key = `${type}|${heading ? 1 : 0}|${style.numFmt ?? ""}|${style.alignment?.wrapText ? 1 : 0}|${style.alignment?.horizontal ?? ""}|${style.fill ? 1 : 0}`;
      const id = styleId(key, style, type);
      let text = "";
      if (type === STRING) {
        if (register) stringIds.set(excel as string, model.sharedStrings.add(excel as string));
        else text = String(stringIds.get(excel as string));
      } else if (!register) {
        if (type === NUMBER) text = String(excel);
        else if (type === BOOLEAN) text = excel ? "1" : "0";
        else if (type === DATE)
          text = String(25569 + (excel as Date).getTime() / (24 * 3600 * 1000) - (date1904 ? 1462 : 0));
      }
      cells.push({ styleId: id, type, text });
    });
    if (heading)
      for (let c = values.length; c < width; c++)
        cells.push({ styleId: styleId("heading-fill", fillStyle, NULL), type: NULL, text: "" });
    return cells;
  };

  // Registration pass: exceljs writes the style and shared-string tables after the worksheets.
  let minColumn = 0;
  let maxColumn = 0;
  let firstRow = 0;
  let lastRow = 0;
  rows.forEach((values, r) => {
    const cells = renderRow(values, r, true);
    cells.forEach((cell, c) => {
      if (cell.type === NULL) return;
      if (!minColumn || minColumn > c + 1) minColumn = c + 1;
      maxColumn = Math.max(maxColumn, c + 1);
      if (!firstRow) firstRow = r + 1;
      lastRow = r + 1;
    });
  });

  const rowXml = (values: ReadonlyArray<Cell>, r: number): string => {
    const cells = renderRow(values, r, false);
    const height = layout.wrap.some(Boolean) ? outputRowHeight(values, layout) : undefined;
    // exceljs leaves out a row without cells and height, and a cell with neither value nor style.
    const written = cells
      .map((cell, c) => (cell.type === NULL && !cell.styleId ? undefined : c))
      .filter((c): c is number => c !== undefined);
    if (written.length === 0 && !height) return "";
    const number = r + 1;
    let xml = `<row r="${number}"`;
    if (height) xml += ` ht="${height}" customHeight="1"`;
    if (cells.length > 0) xml += ` spans="1:${cells.length}"`;
    xml += ` x14ac:dyDescent="0.25">`;
    for (const c of written) {
      const cell = cells[c];
      xml += `<c r="${columnLetter(c)}${number}"`;
      if (cell.styleId) xml += ` s="${cell.styleId}"`;
      if (cell.type === NULL) xml += "/>";
      else if (cell.type === STRING) xml += ` t="s"><v>${cell.text}</v></c>`;
      else if (cell.type === BOOLEAN) xml += ` t="b"><v>${cell.text}</v></c>`;
      else xml += `><v>${cell.text}</v></c>`;
    }
    return xml + "</row>";
  };

  const dimension = firstRow
    ? `${columnLetter(minColumn - 1)}${firstRow}:${columnLetter(maxColumn - 1)}${lastRow}`
    : "A1";
  const withDimension = placeholder.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${dimension}"/>`);
  const at = withDimension.indexOf("<sheetData/>");
  if (at < 0) throw new Error("exceljs skrev arket uten <sheetData/>");
  const head = withDimension.slice(0, at);
  const tail = withDimension.slice(at + "<sheetData/>".length);

  function* chunks(): Generator<Buffer> {
    yield Buffer.from(head + "<sheetData>");
    for (let start = 0; start < rows.length; start += ROWS_PER_CHUNK) {
      let xml = "";
      for (let r = start; r < Math.min(rows.length, start + ROWS_PER_CHUNK); r++) xml += rowXml(rows[r], r);
      yield Buffer.from(xml);
    }
    yield Buffer.from("</sheetData>" + tail);
  }
  return Readable.from(chunks(), { objectMode: false });
}
