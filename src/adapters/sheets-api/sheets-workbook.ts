import type { sheets_v4 } from "googleapis/build/src/apis/sheets";
import { Cell, CellTable, columnLetter, parseA1 } from "../../core/cell";
import { ChartSpec } from "../../core/dashboard";
import { ColumnFormat, OutputLayout } from "../../core/output-table";
import { FONT_FAMILY, HEADER_BACKGROUND } from "../../core/plan";
import { SheetPlan } from "../../core/plan";
import { CellMark, CellUpdate, keptMarks, MARK_BACKGROUND, rowsFromTable, SavableWorkbook } from "../../workbook/workbook";
import { colour, fromApiValue, quoteTab, rectangular, toApiValue } from "./cells";
import { GoogleClients } from "./clients";
import { ExistingRules, numberFormat, planGrid, planRequests } from "./plan-requests";

type Request = sheets_v4.Schema$Request;
type ValueRange = sheets_v4.Schema$ValueRange;

/** Notes Samspill puts on problem cells start with this, so the next check can clear them. */
export const MARK_NOTE_PREFIX = "Samspill: ";

const NEW_TAB_ROWS = 1000;
const NEW_TAB_COLUMNS = 26;

interface Tab {
  title: string;
  sheetId: number;
  /** False until the tab exists in the spreadsheet (a queued addSheet). */
  exists: boolean;
  rowCount: number;
  columnCount: number;
  /** Cells as they will be after save (a loaded tab, or an empty new one). */
  cells: Cell[][];
  loaded: boolean;
  rules: ExistingRules;
  /** Cells carrying a Samspill mark (note with MARK_NOTE_PREFIX) in the spreadsheet. */
  marked: Set<string>;
  /** Titles of the tab's embedded charts. */
  charts: string[];
  pending: {
    charts?: ReadonlyArray<ChartSpec>;
    replace?: { formats: ReadonlyArray<ColumnFormat | undefined>; layout?: OutputLayout };
    values: ValueRange[];
    plan?: SheetPlan;
    marks?: { clear: Set<string>; set: CellMark[] };
  };
}

export interface OpenOptions {
  /** The tabs to load (default: every tab). Others can still be written; read() gives undefined for them. */
  tabs?: ReadonlyArray<string>;
}

const PROPERTIES_FIELDS = [
  "spreadsheetId",
  "properties(title,locale,timeZone)",
  "sheets(properties(sheetId,title,index,gridProperties(rowCount,columnCount)),conditionalFormats(booleanRule(condition(type,values(userEnteredValue)))),protectedRanges(protectedRangeId,description),charts(chartId,spec(title))",
  "data(startRow,startColumn,rowData(values(note,userEnteredFormat(numberFormat(type)),effectiveFormat(numberFormat(type))))))",
].join(",");

/**
 * A spreadsheet through the Sheets API as a synchronous workbook: `openSpreadsheet` loads a snapshot
 * with two requests (sent together when the caller names its tabs), changes are queued, and `save()`
 * sends them in ONE `batchUpdate` whatever the number of rows: new tabs, grid growth, clearing,
 * formats, validation, conditional formats, protection, notes, marks, and the values as updateCells
 * with literal stringValue/numberValue (never parsed, so text starting with = + - @ stays text).
 *
 * Opening asks `spreadsheets.get` for the tabs' properties, rules and each cell's number-format type
 * and note (no values), then one `values.batchGet` (UNFORMATTED_VALUE, SERIAL_NUMBER) for the wanted
 * tabs' values; a number in a DATE or DATE_TIME cell becomes a Date (12:00 UTC for a calendar date).
 */
export class SheetsWorkbook implements SavableWorkbook {
  private readonly tabs = new Map<string, Tab>();
  private readonly order: string[] = [];

  private constructor(
    private readonly clients: GoogleClients,
    readonly spreadsheetId: string,
    readonly title: string,
  ) {}

  static async open(clients: GoogleClients, spreadsheetId: string, options: OpenOptions = {}): Promise<SheetsWorkbook> {
    const batchGet = (tabs: ReadonlyArray<string>) =>
      clients.sheets.spreadsheets.values.batchGet({ spreadsheetId, ranges: tabs.map(quoteTab), valueRenderOption: "UNFORMATTED_VALUE", dateTimeRenderOption: "SERIAL_NUMBER", majorDimension: "ROWS" });
    // When the caller names its tabs, values are asked for at the same time as the properties: one
    // round trip instead of two. A missing tab fails that batch (400); then only existing tabs are read.
    const early = options.tabs?.length
      ? batchGet(options.tabs).then(
          (response) => ({ values: response.data }),
          (error: unknown) => ({ error }),
        )
      : undefined;
    const { data } = await clients.sheets.spreadsheets.get({ spreadsheetId, includeGridData: true, fields: PROPERTIES_FIELDS });
    const workbook = new SheetsWorkbook(clients, spreadsheetId, data.properties?.title ?? "");
    const formatTypes = new Map<string, Array<Array<string | undefined>>>();
    for (const sheet of data.sheets ?? []) {
      const p = sheet.properties ?? {};
      const title = p.title ?? "";
      const tab: Tab = {
        title,
        sheetId: p.sheetId ?? 0,
        exists: true,
        rowCount: p.gridProperties?.rowCount ?? NEW_TAB_ROWS,
        columnCount: p.gridProperties?.columnCount ?? NEW_TAB_COLUMNS,
        cells: [],
        loaded: false,
        rules: {
          conditionalFormulas: (sheet.conditionalFormats ?? []).map((rule) => (rule.booleanRule?.condition?.type === "CUSTOM_FORMULA" ? (rule.booleanRule.condition.values?.[0]?.userEnteredValue ?? undefined) : undefined)),
          protectedRanges: (sheet.protectedRanges ?? []).map((r) => ({ protectedRangeId: r.protectedRangeId ?? 0, description: r.description ?? undefined })),
        },
        marked: new Set(),
        charts: (sheet.charts ?? []).map((chart) => chart.spec?.title ?? ""),
        pending: { values: [] },
      };
      const types: Array<Array<string | undefined>> = [];
      for (const grid of sheet.data ?? []) {
        const top = grid.startRow ?? 0;
        const left = grid.startColumn ?? 0;
        (grid.rowData ?? []).forEach((row, r) => {
          (row.values ?? []).forEach((cell, c) => {
            const type = cell.effectiveFormat?.numberFormat?.type ?? cell.userEnteredFormat?.numberFormat?.type ?? undefined;
            if (type) (types[top + r] ??= [])[left + c] = type;
            if (cell.note?.startsWith(MARK_NOTE_PREFIX)) tab.marked.add(columnLetter(left + c) + (top + r + 1));
          });
        });
      }
      formatTypes.set(title, types);
      workbook.tabs.set(title, tab);
      workbook.order.push(title);
    }

    const wanted = (options.tabs ?? workbook.order).filter((t) => workbook.tabs.has(t));
    const first = early && (await early);
    const allThere = wanted.length === options.tabs?.length;
    if (first && "error" in first && (allThere || !isBadRange(first.error))) throw first.error;
    if (wanted.length) {
      const values = first && "values" in first ? first.values : (await batchGet(wanted)).data;
      wanted.forEach((title, i) => {
        const tab = workbook.tabs.get(title)!;
        const types = formatTypes.get(title) ?? [];
        const rows = (values.valueRanges?.[i]?.values ?? []) as unknown[][];
        tab.cells = rows.map((row, r) => row.map((value, c) => fromApiValue(value, types[r]?.[c])));
        tab.loaded = true;
      });
    }
    return workbook;
  }

  sheetNames(): string[] {
    return [...this.order];
  }

  read(name: string): CellTable | undefined {
    const tab = this.tabs.get(name);
    if (!tab || (!tab.loaded && tab.exists)) return undefined;
    return rectangular(tab.cells).map((row) => row.map((v) => (v instanceof Date ? new Date(v.getTime()) : v)));
  }

  write(name: string, rows: Cell[][], formats: ReadonlyArray<ColumnFormat | undefined> = [], layout?: OutputLayout): void {
    const tab = this.ensure(name);
    tab.cells = rows.map((r) => r.map((v) => (v instanceof Date ? new Date(v.getTime()) : (v ?? ""))));
    tab.loaded = true;
    tab.pending.replace = { formats: [...formats], layout };
    tab.pending.values = rows.length ? [{ range: `${quoteTab(name)}!A1`, majorDimension: "ROWS", values: rows.map((r) => r.map(toApiValue)) }] : [];
  }

  append(name: string, rows: Cell[][]): number {
    const tab = this.ensure(name);
    tab.loaded = true;
    tab.cells = rectangular(tab.cells);
    const first = tab.cells.length + 1;
    tab.cells.push(...rows.map((r) => r.map((v) => v ?? "")));
    if (rows.length) tab.pending.values.push({ range: `${quoteTab(name)}!A${first}`, majorDimension: "ROWS", values: rows.map((r) => r.map(toApiValue)) });
    return first;
  }

  setCells(name: string, updates: ReadonlyArray<CellUpdate>): void {
    const tab = this.ensure(name);
    tab.loaded = true;
    for (const { cell, value } of updates) {
      const at = parseA1(cell);
      if (!at) throw new Error(`Ugyldig cellereferanse: ${cell}`);
      while (tab.cells.length <= at.row) tab.cells.push([]);
      const row = tab.cells[at.row];
      while (row.length <= at.column) row.push("");
      row[at.column] = value ?? "";
      tab.pending.values.push({ range: `${quoteTab(name)}!${cell.toUpperCase()}`, majorDimension: "ROWS", values: [[toApiValue(value)]] });
    }
  }

  applyPlan(plan: SheetPlan): void {
    this.ensure(plan.name).pending.plan = plan;
  }

  markCells(name: string, marks: ReadonlyArray<CellMark>, keep: ReadonlyArray<string> = []): void {
    const tab = this.ensure(name);
    const kept = new Set(keep.map((c) => c.toUpperCase()));
    // A kept cell stays as it is now, including a mark queued by an earlier call before this save.
    const set = keptMarks(tab.pending.marks?.set ?? [], marks, keep);
    const clear = new Set([...(tab.pending.marks?.clear ?? []), ...tab.marked].filter((cell) => !kept.has(cell)));
    const stillMarked = [...tab.marked].filter((cell) => kept.has(cell));
    tab.pending.marks = { clear, set };
    tab.marked = new Set([...stillMarked, ...set.map((m) => m.cell.toUpperCase())]);
  }

  readRows(name: string, first: number, last: number, width: number): { header: Cell[]; rows: Cell[][] } | undefined {
    return rowsFromTable(this.read(name), first, last, width);
  }

  createMissing(names: ReadonlyArray<string>): void {
    for (const name of names) if (!this.sheetNames().includes(name)) this.ensure(name);
  }

  /** Adds each chart the tab does not have yet (by title); charts read their data by range. */
  ensureCharts(name: string, charts: ReadonlyArray<ChartSpec>): void {
    const tab = this.ensure(name);
    const missing = charts.filter((chart) => !tab.charts.includes(chart.title));
    if (missing.length) tab.pending.charts = missing;
  }

  /**
   * Sends every queued change in ONE batchUpdate: structure, formats and rules first, then the cell
   * values as updateCells (a stringValue is never parsed, so text starting with = + - @ stays text).
   */
  async save(): Promise<void> {
    const requests: Request[] = [];
    const values: Request[] = [];
    for (const title of this.order) {
      const tab = this.tabs.get(title)!;
      requests.push(...this.structureRequests(tab));
      values.push(...tab.pending.values.map((range) => valueRequest(tab.sheetId, range)));
    }
    requests.push(...values);
    if (requests.length) {
      const { data } = await this.clients.sheets.spreadsheets.batchUpdate({ spreadsheetId: this.spreadsheetId, requestBody: { requests } });
      this.noteReplies(requests, data.replies ?? []);
    }
    for (const tab of this.tabs.values()) {
      tab.exists = true;
      tab.pending = { values: [] };
    }
  }

  private structureRequests(tab: Tab): Request[] {
    const { pending, sheetId } = tab;
    const requests: Request[] = [];
    const rowsNeeded = Math.max(tab.cells.length, pending.plan ? planGrid(pending.plan).rows : 0, 1);
    const columnsNeeded = Math.max(...tab.cells.map((r) => r.length), pending.plan ? planGrid(pending.plan).columns : 0, 1);
    if (!tab.exists) {
      tab.rowCount = Math.max(NEW_TAB_ROWS, rowsNeeded);
      tab.columnCount = Math.max(NEW_TAB_COLUMNS, columnsNeeded);
      requests.push({ addSheet: { properties: { sheetId, title: tab.title, gridProperties: { rowCount: tab.rowCount, columnCount: tab.columnCount } } } });
    } else if (rowsNeeded > tab.rowCount || columnsNeeded > tab.columnCount) {
      tab.rowCount = Math.max(tab.rowCount, rowsNeeded);
      tab.columnCount = Math.max(tab.columnCount, columnsNeeded);
      requests.push({ updateSheetProperties: { properties: { sheetId, gridProperties: { rowCount: tab.rowCount, columnCount: tab.columnCount } }, fields: "gridProperties.rowCount,gridProperties.columnCount" } });
    }
    if (pending.replace) {
      // With a layout, earlier heading shades and wraps go too (a dashboard's headings move with its data).
      if (tab.exists) requests.push({ updateCells: { range: { sheetId }, fields: pending.replace.layout ? "userEnteredValue,userEnteredFormat" : "userEnteredValue,userEnteredFormat.numberFormat" } });
      // Every row of the column (a text header is not changed by a number format).
      const dataRows = Math.max(tab.cells.length, 1);
      pending.replace.formats.forEach((format, column) => {
        if (!format) return;
        requests.push({
          repeatCell: { range: { sheetId, startRowIndex: 0, endRowIndex: dataRows, startColumnIndex: column, endColumnIndex: column + 1 }, cell: { userEnteredFormat: { numberFormat: numberFormat(format) } }, fields: "userEnteredFormat.numberFormat" },
        });
      });
    }
    if (pending.replace?.layout) requests.push(...layoutRequests(sheetId, tab.cells.length, pending.replace.layout));
    if (pending.plan) requests.push(...planRequests(pending.plan, sheetId, tab.rules));
    for (const chart of pending.charts ?? []) {
      requests.push(chartRequest(sheetId, chart));
      tab.charts.push(chart.title);
    }
    if (pending.marks) {
      const setting = new Set(pending.marks.set.map((m) => m.cell.toUpperCase()));
      for (const cell of pending.marks.clear) {
        if (setting.has(cell)) continue;
        const at = parseA1(cell);
        if (at) requests.push({ updateCells: { start: { sheetId, rowIndex: at.row, columnIndex: at.column }, rows: [{ values: [{}] }], fields: "note,userEnteredFormat.backgroundColor" } });
      }
      for (const mark of pending.marks.set) {
        const at = parseA1(mark.cell);
        if (!at) continue;
        requests.push({
          updateCells: {
            start: { sheetId, rowIndex: at.row, columnIndex: at.column },
            rows: [{ values: [{ note: MARK_NOTE_PREFIX + mark.message, userEnteredFormat: { backgroundColor: colour(MARK_BACKGROUND) } }] }],
            fields: "note,userEnteredFormat.backgroundColor",
          },
        });
      }
    }
    return requests;
  }

  /** Keeps what the server assigned (protected range IDs) so a second set-up replaces, not adds. */
  private noteReplies(requests: Request[], replies: sheets_v4.Schema$Response[]): void {
    requests.forEach((request, i) => {
      if (request.deleteProtectedRange) {
        for (const t of this.tabs.values()) t.rules.protectedRanges = t.rules.protectedRanges.filter((r) => r.protectedRangeId !== request.deleteProtectedRange!.protectedRangeId);
      }
      const tab = [...this.tabs.values()].find((t) => t.sheetId === sheetIdOf(request));
      if (!tab) return;
      if (request.deleteConditionalFormatRule) tab.rules.conditionalFormulas.splice(request.deleteConditionalFormatRule.index ?? 0, 1);
      if (request.addConditionalFormatRule) {
        const formula = request.addConditionalFormatRule.rule?.booleanRule?.condition?.values?.[0]?.userEnteredValue ?? undefined;
        tab.rules.conditionalFormulas.splice(request.addConditionalFormatRule.index ?? tab.rules.conditionalFormulas.length, 0, formula);
      }
      const added = replies[i]?.addProtectedRange?.protectedRange;
      if (added?.protectedRangeId !== undefined && added.protectedRangeId !== null) tab.rules.protectedRanges.push({ protectedRangeId: added.protectedRangeId, description: added.description ?? undefined });
    });
  }

  private ensure(name: string): Tab {
    let tab = this.tabs.get(name);
    if (!tab) {
      tab = { title: name, sheetId: this.freeSheetId(), exists: false, rowCount: 0, columnCount: 0, cells: [], loaded: true, rules: { conditionalFormulas: [], protectedRanges: [] }, marked: new Set(), charts: [], pending: { values: [] } };
      this.tabs.set(name, tab);
      this.order.push(name);
    }
    return tab;
  }

  private freeSheetId(): number {
    const used = new Set([...this.tabs.values()].map((t) => t.sheetId));
    let id = 1 + Math.floor(Math.random() * 2_000_000_000);
    while (used.has(id)) id = 1 + Math.floor(Math.random() * 2_000_000_000);
    return id;
  }
}

/**
 * An output tab's layout as requests: frozen header, widths, heading rows bold on a shade, wrapping
 * columns, single cells' formats and a filter. Their number depends on the columns and headings,
 * never on the rows. Google Sheets has no print set-up in the API (paper, orientation, fit to width
 * and repeated rows are chosen in File → Print), so that part of the layout is the xlsx backend's only.
 */
export function layoutRequests(sheetId: number, rows: number, layout: OutputLayout): Request[] {
  const requests: Request[] = [];
  const width = layout.widths.length;
  requests.push({ updateSheetProperties: { properties: { sheetId, gridProperties: { frozenRowCount: layout.frozenRows } }, fields: "gridProperties.frozenRowCount" } });
  layout.widths.forEach((characters, c) => {
    requests.push({ updateDimensionProperties: { range: { sheetId, dimension: "COLUMNS", startIndex: c, endIndex: c + 1 }, properties: { pixelSize: Math.round(characters * 7 + 8) }, fields: "pixelSize" } });
  });
  requests.push({ repeatCell: { range: { sheetId, startRowIndex: 0, endRowIndex: Math.max(rows, 1), startColumnIndex: 0, endColumnIndex: Math.max(width, 1) }, cell: { userEnteredFormat: { textFormat: { fontFamily: FONT_FAMILY }, verticalAlignment: "TOP" } }, fields: "userEnteredFormat.textFormat.fontFamily,userEnteredFormat.verticalAlignment" } });
  for (const row of layout.headingRows) {
    requests.push({ repeatCell: { range: { sheetId, startRowIndex: row, endRowIndex: row + 1, startColumnIndex: 0, endColumnIndex: Math.max(width, 1) }, cell: { userEnteredFormat: { textFormat: { bold: true, fontFamily: FONT_FAMILY }, backgroundColor: colour(HEADER_BACKGROUND) } }, fields: "userEnteredFormat.textFormat.bold,userEnteredFormat.backgroundColor" } });
  }
  layout.wrap.forEach((wrap, c) => {
    if (wrap) requests.push({ repeatCell: { range: { sheetId, startRowIndex: 0, endRowIndex: Math.max(rows, 1), startColumnIndex: c, endColumnIndex: c + 1 }, cell: { userEnteredFormat: { wrapStrategy: "WRAP" } }, fields: "userEnteredFormat.wrapStrategy" } });
  });
  for (const [row, formats] of Object.entries(layout.cellFormats)) {
    formats.forEach((format, c) => {
      if (!format) return;
      requests.push({ repeatCell: { range: { sheetId, startRowIndex: Number(row), endRowIndex: Number(row) + 1, startColumnIndex: c, endColumnIndex: c + 1 }, cell: { userEnteredFormat: { numberFormat: numberFormat(format) } }, fields: "userEnteredFormat.numberFormat" } });
    });
  }
  if (layout.filter && rows > 1 && width > 0) requests.push({ setBasicFilter: { filter: { range: { sheetId, startRowIndex: 0, endRowIndex: rows, startColumnIndex: 0, endColumnIndex: width } } } });
  return requests;
}

/** A bar or column chart over a header row + data rows range, anchored at a cell. */
function chartRequest(sheetId: number, chart: ChartSpec): Request {
  const [from, to] = chart.range.split(":").map((cell) => parseA1(cell)!);
  const column = (index: number) => ({ sourceRange: { sources: [{ sheetId, startRowIndex: from.row, endRowIndex: to.row + 1, startColumnIndex: index, endColumnIndex: index + 1 }] } });
  const anchor = parseA1(chart.anchor)!;
  return {
    addChart: {
      chart: {
        spec: {
          title: chart.title,
          basicChart: {
            chartType: chart.kind === "bar" ? "BAR" : "COLUMN",
            legendPosition: "NO_LEGEND",
            headerCount: 1,
            domains: [{ domain: column(from.column) }],
            series: [{ series: column(from.column + 1), targetAxis: chart.kind === "bar" ? "BOTTOM_AXIS" : "LEFT_AXIS" }],
          },
        },
        position: { overlayPosition: { anchorCell: { sheetId, rowIndex: anchor.row, columnIndex: anchor.column } } },
      },
    },
  };
}

/** The 400 Google gives a batchGet that names a tab the spreadsheet does not have. */
function isBadRange(error: unknown): boolean {
  const e = error as { response?: { status?: number }; status?: number; code?: number | string };
  return (e.response?.status ?? e.status ?? Number(e.code)) === 400;
}

/** Queued values ("'Tab'!B7" + rows) as an updateCells request of literal values. */
function valueRequest(sheetId: number, range: ValueRange): Request {
  const at = parseA1(String(range.range ?? "").replace(/^.*!/, "")) ?? { row: 0, column: 0 };
  const rows = ((range.values ?? []) as unknown[][]).map((row) => ({ values: row.map(literalCell) }));
  return { updateCells: { start: { sheetId, rowIndex: at.row, columnIndex: at.column }, rows, fields: "userEnteredValue" } };
}

function literalCell(value: unknown): sheets_v4.Schema$CellData {
  if (typeof value === "number") return { userEnteredValue: { numberValue: value } };
  if (typeof value === "boolean") return { userEnteredValue: { boolValue: value } };
  if (typeof value === "string" && value !== "") return { userEnteredValue: { stringValue: value } };
  return {};
}

function sheetIdOf(request: Request): number | undefined {
  return (
    request.deleteConditionalFormatRule?.sheetId ??
    request.addConditionalFormatRule?.rule?.ranges?.[0]?.sheetId ??
    request.addProtectedRange?.protectedRange?.range?.sheetId ??
    undefined
  ) ?? undefined;
}

/** Opens a spreadsheet as a workbook (two requests: properties and formats, then values). */
export function openSpreadsheet(clients: GoogleClients, spreadsheetId: string, options: OpenOptions = {}): Promise<SheetsWorkbook> {
  return SheetsWorkbook.open(clients, spreadsheetId, options);
}
