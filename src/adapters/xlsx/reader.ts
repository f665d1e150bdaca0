import { constants, promises as fs } from "node:fs";
import type { Readable } from "node:stream";
import { SaxesParser, SaxesTagPlain } from "saxes";
import * as yauzl from "yauzl";
import { Cell, CellTable, columnLetter, parseA1 } from "../../core/cell";
import { fromWallClock } from "./cells";

/**
 * The bounded .xlsx/.xlsm reader for association workbooks (read only; writing stays with exceljs).
 *
 * It unzips with yauzl (which checks every entry's real size against the size it declares) and
 * streams only the parts a read needs through a SAX parser (saxes): the package and workbook
 * relationships, workbook.xml (tab names, 1904 dates), sharedStrings, the number formats of
 * styles.xml (to recognise dates) and the XML of the tabs asked for. Macros, drawings, notes, data
 * validation and formatting are never inflated.
 *
 * Only cells that hold values are kept, and only inside the template's reach: columns A–Z and rows
 * no more than `maxRowGap` below the last row that held a value. A value outside that (a Ctrl+End
 * slip at XFD1048576) is a stray: counted and named, never a grid. Per-file ceilings on the file's
 * size, the bytes inflated and the cells holding values make a hostile file `too_large` instead of
 * exhausting memory.
 */
export interface XlsxReadLimits {
  /** Size of the file itself (compressed). */
  maxFileBytes: number;
  /** Bytes inflated from all parts read, together. */
  maxInflatedBytes: number;
  /** Cells holding a value (strays included) plus shared strings. */
  maxCells: number;
  /** Last column read (0-based): 25 = Z. The widest template tab has 10 columns. */
  maxColumn: number;
  /** A value more than this many rows below the last row with a value is a stray. */
  maxRowGap: number;
  /** Rows a tab may reach at all (0-based row index). */
  maxRows: number;
}

export const DEFAULT_READ_LIMITS: XlsxReadLimits = {
  maxFileBytes: 50 * 2 ** 20,
  maxInflatedBytes: 200 * 2 ** 20,
  maxCells: 2_000_000,
  maxColumn: 25,
  maxRowGap: 1000,
  maxRows: 200_000,
};

/** Strays named one by one per tab; the rest are counted. */
const STRAYS_NAMED = 5;
/** Longest text kept of one cell (Excel's own limit is 32,767 characters). */
const MAX_CELL_TEXT = 32_767;

export type XlsxReadFailure = "not_found" | "unreadable" | "too_large" | "not_xlsx";

/** Why a file could not be read; `message` is Norwegian. */
export class XlsxReadError extends Error {
  constructor(
    message: string,
    readonly reason: XlsxReadFailure,
  ) {
    super(message);
  }
}

export interface BoundedSheet {
  /** Row 0 = sheet row 1; every row padded to the widest kept row; "" for empty cells. */
  rows: CellTable;
  /** Cells (0-based row, column) with a formula but no cached value. */
  uncachedFormulas: Array<[number, number]>;
  /** Merged ranges inside the read area, as written ("F2:F4"). */
  merges: string[];
  /** The first strays, in A1 notation. */
  strays: string[];
  /** All strays. */
  strayCount: number;
}

export interface BoundedWorkbook {
  /** Every worksheet's name, in tab order. */
  sheetNames: string[];
  /** The tabs asked for that exist. */
  sheets: Map<string, BoundedSheet>;
}

/**
 * Reads the tabs `choose` picks from the workbook's tab names. Opens regular files only, without
 * ever blocking (a FIFO or a device is refused after fstat).
 */
export async function readXlsxFile(file: string, choose: (names: string[]) => string[], limits: XlsxReadLimits = DEFAULT_READ_LIMITS): Promise<BoundedWorkbook> {
  return readXlsxBuffer(await readRegularFile(file, limits), choose, limits);
}

/** The bytes of a regular file; anything else (FIFO, device, folder, missing) is an XlsxReadError. */
export async function readRegularFile(file: string, limits: Pick<XlsxReadLimits, "maxFileBytes"> = DEFAULT_READ_LIMITS): Promise<Buffer> {
  let handle: fs.FileHandle;
  try {
    // O_NONBLOCK: opening a FIFO with no writer must not wait for one.
    handle = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw openError(file, (error as NodeJS.ErrnoException).code);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new XlsxReadError(`«${file}» er en mappe, ikke et regneark`, "unreadable");
    if (!stat.isFile()) throw new XlsxReadError(`«${file}» er ikke en vanlig fil (men f.eks. en enhet eller et rør) og leses ikke`, "unreadable");
    if (stat.size > limits.maxFileBytes) throw new XlsxReadError(`Filen er for stor til å leses (${megabytes(stat.size)}; grensen er ${megabytes(limits.maxFileBytes)})`, "too_large");
    const bytes = Buffer.allocUnsafe(stat.size);
    let offset = 0;
    while (offset < bytes.length) {
      const { bytesRead } = await handle.read(bytes, offset, bytes.length - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return offset === bytes.length ? bytes : bytes.subarray(0, offset);
  } catch (error) {
    if (error instanceof XlsxReadError) throw error;
    throw openError(file, (error as NodeJS.ErrnoException).code);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function openError(file: string, code: string | undefined): XlsxReadError {
  switch (code) {
    case "ENOENT":
      return new XlsxReadError(`Filen «${file}» finnes ikke`, "not_found");
    case "EISDIR":
      return new XlsxReadError(`«${file}» er en mappe, ikke et regneark`, "unreadable");
    case "EACCES":
    case "EPERM":
      return new XlsxReadError(`Samspill har ikke lov til å lese filen «${file}»`, "unreadable");
    case "ELOOP":
      return new XlsxReadError(`«${file}» er en snarvei som peker i ring`, "unreadable");
    default:
      return new XlsxReadError(`Filen «${file}» kan ikke leses (${code ?? "ukjent feil"})`, "unreadable");
  }
}

/** 2000000 → "2 000 000" (no locale data needed). */
function grouped(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 2 ** 20)} MB`;
}

/** What kind of file the first bytes say it is, when it is not a zip package. */
function notZip(bytes: Buffer): XlsxReadError {
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0) {
    return new XlsxReadError("Filen er i det gamle Excel-formatet (.xls) eller kryptert. Lagre som .xlsx", "not_xlsx");
  }
  return new XlsxReadError("Filen er ikke et Excel-regneark (.xlsx). Lagre som .xlsx", "not_xlsx");
}

export async function readXlsxBuffer(bytes: Buffer, choose: (names: string[]) => string[], limits: XlsxReadLimits = DEFAULT_READ_LIMITS): Promise<BoundedWorkbook> {
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw notZip(bytes);
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true });
  } catch {
    throw new XlsxReadError("Filen er skadet (zip-innholdet kan ikke leses)", "unreadable");
  }
  try {
    const reader = new PackageReader(zip, limits);
    await reader.listEntries();
    return await reader.read(choose);
  } catch (error) {
    if (error instanceof XlsxReadError) throw error;
    throw new XlsxReadError("Filen er skadet og kan ikke leses som et regneark", "unreadable");
  } finally {
    zip.close();
  }
}

const RELATIONSHIP_TYPE = /\/(officeDocument|worksheet|sharedStrings|styles)$/;

class PackageReader {
  private readonly entries = new Map<string, yauzl.Entry>();
  private readonly lowerCase = new Map<string, yauzl.Entry>();
  private inflated = 0;
  private cells = 0;

  constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly limits: XlsxReadLimits,
  ) {}

  listEntries(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.zip.on("entry", (entry: yauzl.Entry) => {
        const name = entry.fileName.replace(/\\/g, "/").replace(/^\/+/, "");
        this.entries.set(name, entry);
        this.lowerCase.set(name.toLowerCase(), entry);
        if (this.entries.size > 10_000) reject(new XlsxReadError("Filen har for mange deler til å være et regneark", "too_large"));
        else this.zip.readEntry();
      });
      this.zip.on("end", () => resolve());
      this.zip.on("error", reject);
      this.zip.readEntry();
    });
  }

  private entry(name: string): yauzl.Entry | undefined {
    return this.entries.get(name) ?? this.lowerCase.get(name.toLowerCase());
  }

  async read(choose: (names: string[]) => string[]): Promise<BoundedWorkbook> {
    if (!this.entry("[Content_Types].xml")) {
      if (this.entry("mimetype") && this.entry("content.xml")) throw new XlsxReadError("Filen er et OpenDocument-regneark (.ods), ikke .xlsx. Lagre som .xlsx", "not_xlsx");
      throw new XlsxReadError("Filen er en zip-fil, men ikke et Excel-regneark (.xlsx). Lagre som .xlsx", "not_xlsx");
    }
    const root = await this.relationships("");
    const workbookPart = root.get("officeDocument")?.[0] ?? "xl/workbook.xml";
    if (!this.entry(workbookPart)) throw new XlsxReadError("Filen er ikke et Excel-regneark (.xlsx): arbeidsboken mangler. Lagre som .xlsx", "not_xlsx");
    const rels = await this.relationships(workbookPart, true);

    // workbook.xml: the tabs in order, with their relationship IDs, and the date system.
    const tabs: Array<{ name: string; target?: string }> = [];
    let date1904 = false;
    await this.parse(workbookPart, (parser) => {
      parser.on("opentag", (tag) => {
        const name = localName(tag.name);
        if (name === "workbookPr") date1904 = isTrue(tag.attributes.date1904);
        else if (name === "sheet") {
          const id = attribute(tag, "id");
          const target = id ? rels.byId.get(id) : undefined;
          if (target?.type === "worksheet") tabs.push({ name: String(tag.attributes.name ?? ""), target: target.path });
          else if (!target) tabs.push({ name: String(tag.attributes.name ?? "") });
        }
      });
    });
    const sheetNames = tabs.map((t) => t.name);
    const wanted = new Set(choose(sheetNames));
    const sheets = new Map<string, BoundedSheet>();
    const toRead = tabs.filter((t) => wanted.has(t.name) && t.target && this.entry(t.target));
    if (toRead.length === 0) return { sheetNames, sheets };

    const strings = await this.sharedStrings(rels.byType.get("sharedStrings")?.[0]);
    const dateStyles = await this.dateStyles(rels.byType.get("styles")?.[0]);
    for (const tab of toRead) sheets.set(tab.name, await this.sheet(tab.target!, strings, dateStyles, date1904));
    return { sheetNames, sheets };
  }

  /** A part's relationships: target paths resolved against the part's folder (or absolute ones). */
  private async relationships(part: string, withIds = false): Promise<Map<string, string[]> & { byId: Map<string, { type: string; path: string }>; byType: Map<string, string[]> }> {
    const slash = part.lastIndexOf("/");
    const folder = part.slice(0, slash + 1);
    const relsPart = `${folder}_rels/${part.slice(slash + 1)}.rels`;
    const byType = new Map<string, string[]>();
    const byId = new Map<string, { type: string; path: string }>();
    if (this.entry(relsPart)) {
      await this.parse(relsPart, (parser) => {
        parser.on("opentag", (tag) => {
          if (localName(tag.name) !== "Relationship") return;
          if (String(tag.attributes.TargetMode ?? "") === "External") return;
          const match = RELATIONSHIP_TYPE.exec(String(tag.attributes.Type ?? ""));
          const path = resolvePart(folder, String(tag.attributes.Target ?? ""));
          if (!match || !path) return;
          const type = match[1];
          byType.set(type, [...(byType.get(type) ?? []), path]);
          if (withIds) byId.set(String(tag.attributes.Id ?? ""), { type, path });
        });
      });
    }
    return Object.assign(byType, { byId, byType });
  }

  private async sharedStrings(part: string | undefined): Promise<string[]> {
    const strings: string[] = [];
    if (!part || !this.entry(part)) return strings;
    let text = "";
    let inText = false;
    let phonetic = 0;
    await this.parse(part, (parser) => {
      parser.on("opentag", (tag) => {
        const name = localName(tag.name);
        if (name === "si") text = "";
        else if (name === "t" && phonetic === 0) inText = true;
        else if (name === "rPh") phonetic++;
      });
      parser.on("text", (chunk) => {
        if (inText && text.length < MAX_CELL_TEXT) text += chunk;
      });
      parser.on("closetag", (tag) => {
        const name = localName(tag.name);
        if (name === "t") inText = false;
        else if (name === "rPh") phonetic--;
        else if (name === "si") {
          strings.push(text);
          this.countCell();
        }
      });
    });
    return strings;
  }

  /** Which cell style indexes (cellXfs order) show a number as a date or time. */
  private async dateStyles(part: string | undefined): Promise<Set<number>> {
    const dates = new Set<number>();
    if (!part || !this.entry(part)) return dates;
    const formats = new Map<number, string>();
    const styleFormats: number[] = [];
    let inCellXfs = false;
    await this.parse(part, (parser) => {
      parser.on("opentag", (tag) => {
        const name = localName(tag.name);
        if (name === "numFmt") formats.set(Number(tag.attributes.numFmtId), String(tag.attributes.formatCode ?? ""));
        else if (name === "cellXfs") inCellXfs = true;
        else if (name === "xf" && inCellXfs) styleFormats.push(Number(tag.attributes.numFmtId ?? 0));
      });
      parser.on("closetag", (tag) => {
        if (localName(tag.name) === "cellXfs") inCellXfs = false;
      });
    });
    styleFormats.forEach((id, index) => {
      if (isDateFormat(id, formats.get(id))) dates.add(index);
    });
    return dates;
  }

  private async sheet(part: string, strings: ReadonlyArray<string>, dateStyles: ReadonlySet<number>, date1904: boolean): Promise<BoundedSheet> {
    const { maxColumn, maxRowGap, maxRows } = this.limits;
    const rows: Cell[][] = [];
    const result: BoundedSheet = { rows, uncachedFormulas: [], merges: [], strays: [], strayCount: 0 };
    let lastRow = 0; // the header row counts as filled: data may start a little below it
    let width = 0;
    let rowIndex = -1;
    let column = -1;
    // The cell being read.
    let ref = "";
    let type = "";
    let style = 0;
    let hasFormula = false;
    let hasValue = false;
    let collecting = false;
    let inInline = false;
    let phonetic = 0;
    let text = "";

    const finishCell = () => {
      const bounded = column <= maxColumn && rowIndex <= lastRow + maxRowGap;
      let value: Cell = "";
      if (hasValue) value = cellValue(type, text, style, strings, dateStyles, date1904);
      if (value === "") {
        if (hasFormula && !hasValue && bounded) {
          result.uncachedFormulas.push([rowIndex, column]);
          this.countCell();
          if (rowIndex >= maxRows) throw tooManyRows(maxRows);
        }
        return;
      }
      this.countCell();
      if (!bounded) {
        result.strayCount++;
        if (result.strays.length < STRAYS_NAMED) result.strays.push(ref || columnLetter(column) + (rowIndex + 1));
        return;
      }
      if (rowIndex >= maxRows) throw tooManyRows(maxRows);
      let row = rows[rowIndex];
      if (!row) rows[rowIndex] = row = [];
      while (row.length < column) row.push("");
      row[column] = value;
      if (column + 1 > width) width = column + 1;
      if (rowIndex > lastRow) lastRow = rowIndex;
    };

    await this.parse(part, (parser) => {
      parser.on("opentag", (tag) => {
        switch (localName(tag.name)) {
          case "row": {
            const r = Number(tag.attributes.r);
            rowIndex = Number.isInteger(r) && r > 0 ? r - 1 : rowIndex + 1;
            column = -1;
            break;
          }
          case "c": {
            ref = String(tag.attributes.r ?? "");
            const at = ref ? parseA1(ref) : undefined;
            if (at) {
              column = at.column;
              if (at.row !== rowIndex && at.row >= 0) rowIndex = at.row;
            } else column++;
            type = String(tag.attributes.t ?? "n");
            style = Number(tag.attributes.s ?? 0);
            hasFormula = hasValue = inInline = false;
            text = "";
            break;
          }
          case "f":
            hasFormula = true;
            break;
          case "v":
            hasValue = true;
            collecting = true;
            text = "";
            break;
          case "is":
            inInline = true;
            hasValue = true;
            break;
          case "rPh":
            phonetic++;
            break;
          case "t":
            if (inInline && phonetic === 0) collecting = true;
            break;
          case "mergeCell": {
            const range = String(tag.attributes.ref ?? "");
            const start = parseA1(range.split(":")[0] ?? "");
            if (start && start.column <= maxColumn && result.merges.length < 1000) result.merges.push(range);
            break;
          }
        }
      });
      parser.on("text", (chunk) => {
        if (collecting && text.length < MAX_CELL_TEXT) text += chunk;
      });
      parser.on("closetag", (tag) => {
        switch (localName(tag.name)) {
          case "v":
          case "t":
            collecting = false;
            break;
          case "rPh":
            phonetic--;
            break;
          case "c":
            finishCell();
            break;
        }
      });
    });

    // Only the top-left cell of a merged range holds its value (some writers keep hidden values).
    for (const range of result.merges) {
      const [from, to] = range.split(":").map((a) => parseA1(a));
      if (!from || !to) continue;
      for (let r = from.row; r <= Math.min(to.row, rows.length - 1); r++) {
        const row = rows[r];
        if (!row) continue;
        for (let c = from.column; c <= Math.min(to.column, row.length - 1); c++) if (r !== from.row || c !== from.column) row[c] = "";
      }
    }
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] ?? (rows[r] = []);
      while (row.length < width) row.push("");
    }
    return result;
  }

  private countCell(): void {
    if (++this.cells > this.limits.maxCells) {
      throw new XlsxReadError(`Filen er for stor til å leses (over ${grouped(this.limits.maxCells)} celler med innhold)`, "too_large");
    }
  }

  /** Streams one part through a SAX parser, counting the inflated bytes against the ceiling. */
  private async parse(part: string, listen: (parser: SaxesParser) => void): Promise<void> {
    const entry = this.entry(part);
    if (!entry) return;
    const limit = this.limits.maxInflatedBytes;
    if (this.inflated + entry.uncompressedSize > limit) throw inflatedTooLarge(limit);
    const parser = new SaxesParser({ position: false });
    let failure: Error | undefined;
    parser.on("error", (error) => {
      failure ??= error;
    });
    listen(parser);
    const stream: Readable = await this.zip.openReadStreamPromise(entry);
    const decoder = new TextDecoder("utf-8");
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        this.inflated += chunk.length;
        if (this.inflated > limit) throw inflatedTooLarge(limit);
        parser.write(decoder.decode(chunk, { stream: true }));
        if (failure) throw failure;
      }
      parser.write(decoder.decode());
      parser.close();
      if (failure) throw failure;
    } finally {
      stream.destroy();
    }
  }
}

function inflatedTooLarge(limit: number): XlsxReadError {
  return new XlsxReadError(`Filen er for stor til å leses (over ${megabytes(limit)} utpakket)`, "too_large");
}

function tooManyRows(maxRows: number): XlsxReadError {
  return new XlsxReadError(`Filen er for stor til å leses (over ${grouped(maxRows)} rader)`, "too_large");
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute by local name (r:id, or any prefix a writer chose). */
function attribute(tag: SaxesTagPlain, local: string): string | undefined {
  for (const [name, value] of Object.entries(tag.attributes)) if (localName(name) === local && name !== local) return String(value);
  return undefined;
}

function isTrue(value: unknown): boolean {
  return value === "1" || value === "true";
}

/** A relationship target as a zip entry name: relative to the source part's folder, or absolute ("/xl/…"). */
export function resolvePart(folder: string, target: string): string | undefined {
  if (!target) return undefined;
  const segments = (target.startsWith("/") ? target.slice(1) : folder + target).split("/");
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") out.pop();
    else out.push(decodeURIComponentSafe(segment));
  }
  return out.join("/");
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function cellValue(type: string, text: string, style: number, strings: ReadonlyArray<string>, dateStyles: ReadonlySet<number>, date1904: boolean): Cell {
  switch (type) {
    case "s":
      return strings[Number(text)] ?? "";
    case "inlineStr":
    case "str":
    case "e":
      return text;
    case "b":
      return text.trim() === "1" || text.trim() === "true";
    case "d": {
      const wall = new Date(/Z|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.length <= 10 ? `${text}T00:00:00` : text}Z`);
      return Number.isNaN(wall.getTime()) ? text : fromWallClock(wall);
    }
    default: {
      if (text.trim() === "") return "";
      const number = Number(text);
      if (!Number.isFinite(number)) return text;
      if (dateStyles.has(style)) return serialToDate(number, date1904) ?? number;
      return number;
    }
  }
}

/** An Excel serial day number → a Date by the Workbook interface's convention (see cells.ts). */
function serialToDate(serial: number, date1904: boolean): Cell | undefined {
  if (serial < 0 || serial > 2_958_465) return undefined; // after 9999-12-31
  // 1900 system: day 1 = 1900-01-01, with Lotus's phantom 1900-02-29 (day 60).
  const days = date1904 ? serial - 24107 : serial < 60 ? serial - 25568 : serial - 25569;
  const wall = new Date(Math.round(days * 86_400_000));
  return fromWallClock(wall);
}

// Built-in number formats that are dates or times (ECMA-376 18.8.30, plus the East Asian ones).
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81]);

export function isDateFormat(id: number, code: string | undefined): boolean {
  if (code === undefined) return BUILT_IN_DATES.has(id);
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/general/gi, "");
  return /[dmyhs]/i.test(bare.split(";")[0]);
}
