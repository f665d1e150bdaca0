/**
 * spreadsheets.batchUpdate: the request kinds src sends, applied atomically, replies in order.
 * https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request
 */
import { gridLimits } from "../shared/values";
import { ApiError, badRequest } from "./errors";
import { assignMasked } from "./fields";
import { CellState, cellAt, clone, GridRange, Json, newSheet, SheetState, SpreadsheetState } from "./model";
import { Store } from "./store";

type Reply = Json;
type Handler = (request: Json, ctx: BatchContext) => Reply | undefined;

interface BatchContext {
  store: Store;
  ss: SpreadsheetState;
  fail(message: string): never;
}

let nextObjectId = 100_000;

function fieldsOf(req: Json, ctx: BatchContext): string {
  if (typeof req.fields !== "string" || req.fields === "")
    ctx.fail("At least one field must be updated, but none was specified.");
  return req.fields as string;
}

function sheetOf(ctx: BatchContext, sheetId: unknown): SheetState {
  const sheet = ctx.store.sheetById(
    ctx.ss,
    typeof sheetId === "number" ? sheetId : sheetId === undefined ? 0 : Number(sheetId),
  );
  if (!sheet) ctx.fail(`No grid with id: ${String(sheetId ?? 0)}`);
  return sheet;
}

/** A GridRange made concrete against its sheet; out-of-grid ranges fail like Sheets. */
function gridRange(
  ctx: BatchContext,
  range: GridRange | undefined,
): { sheet: SheetState; r0: number; r1: number; c0: number; c1: number } {
  const sheet = sheetOf(ctx, range?.sheetId);
  const grid = sheet.properties.gridProperties;
  const r0 = range?.startRowIndex ?? 0;
  const r1 = range?.endRowIndex ?? grid.rowCount;
  const c0 = range?.startColumnIndex ?? 0;
  const c1 = range?.endColumnIndex ?? grid.columnCount;
  if (r1 > grid.rowCount || c1 > grid.columnCount || r0 < 0 || c0 < 0)
    ctx.fail(gridLimits({ title: sheet.properties.title, ...grid }, r0, c0, r1, c1));
  return { sheet, r0, r1, c0, c1 };
}

function forEachCell(
  ctx: BatchContext,
  range: GridRange | undefined,
  fn: (cell: CellState, r: number, c: number) => void,
): void {
  const { sheet, r0, r1, c0, c1 } = gridRange(ctx, range);
  for (let r = r0; r < r1; r++) for (let c = c0; c < c1; c++) fn(cellAt(sheet, r, c), r, c);
}

/** Applies CellData fields onto a stored cell under a field mask (userEnteredValue, userEnteredFormat, note, dataValidation). */
function applyCellData(cell: CellState, data: Json, fields: string): void {
  const target = cell as unknown as Record<string, unknown>;
  assignMasked(target, data, fields);
  delete cell.cachedValue;
}

interface DimensionRange {
  sheetId?: number;
  dimension?: "ROWS" | "COLUMNS";
  startIndex?: number;
  endIndex?: number;
}

function dimension(
  ctx: BatchContext,
  range: DimensionRange | undefined,
): { sheet: SheetState; rows: boolean; start: number; end: number } {
  const sheet = sheetOf(ctx, range?.sheetId);
  const rows = range?.dimension !== "COLUMNS";
  const count = rows ? sheet.properties.gridProperties.rowCount : sheet.properties.gridProperties.columnCount;
  const start = range?.startIndex ?? 0;
  const end = range?.endIndex ?? count;
  if (range?.dimension !== "ROWS" && range?.dimension !== "COLUMNS")
    ctx.fail("range.dimension must be ROWS or COLUMNS");
  if (start < 0 || end < start) ctx.fail(`Invalid dimension range ${start}..${end}`);
  return { sheet, rows, start, end };
}

function truncateToGrid(sheet: SheetState): void {
  const grid = sheet.properties.gridProperties;
  sheet.rows.length = Math.min(sheet.rows.length, grid.rowCount);
  for (const cells of sheet.rows) if (cells) cells.length = Math.min(cells.length, grid.columnCount);
}

const handlers: Record<string, Handler> = {
  addSheet(req, ctx) {
    const props = (req.properties ?? {}) as Json & {
      title?: string;
      sheetId?: number;
      index?: number;
      gridProperties?: Json;
    };
    const title = props.title ?? `Sheet${ctx.ss.sheets.length + 1}`;
    if (ctx.store.findSheet(ctx.ss, title)?.properties.title.toLowerCase() === title.toLowerCase()) {
      ctx.fail(`A sheet with the name "${title}" already exists. Please enter another name.`);
    }
    if (props.sheetId !== undefined && ctx.store.sheetById(ctx.ss, props.sheetId))
      ctx.fail(`Sheet with id ${props.sheetId} already exists.`);
    const index = Math.min(props.index ?? ctx.ss.sheets.length, ctx.ss.sheets.length);
    for (const s of ctx.ss.sheets) if (s.properties.index >= index) s.properties.index++;
    const sheet = newSheet({
      ...(props as object),
      sheetId: props.sheetId ?? ctx.store.newSheetId(),
      title,
      index,
    } as Parameters<typeof newSheet>[0]);
    ctx.ss.sheets.push(sheet);
    return { addSheet: { properties: clone(sheet.properties) } };
  },
  updateSheetProperties(req, ctx) {
    const props = (req.properties ?? {}) as Json & { sheetId?: number; title?: string };
    const fields = fieldsOf(req, ctx);
    const sheet = sheetOf(ctx, props.sheetId);
    if (props.title !== undefined && props.title !== sheet.properties.title) {
      const clash = ctx.store.findSheet(ctx.ss, props.title);
      if (clash && clash !== sheet)
        ctx.fail(`A sheet with the name "${props.title}" already exists. Please enter another name.`);
    }
    const oldIndex = sheet.properties.index;
    assignMasked(
      sheet.properties as unknown as Json,
      { ...props, sheetId: sheet.properties.sheetId },
      fields,
    );
    const grid = sheet.properties.gridProperties;
    grid.rowCount ??= 1000;
    grid.columnCount ??= 26;
    if ((grid.frozenRowCount ?? 0) >= grid.rowCount)
      ctx.fail("You can't freeze all visible rows on the sheet.");
    if (sheet.properties.index !== oldIndex) {
      const others = ctx.ss.sheets
        .filter((s) => s !== sheet)
        .sort((a, b) => a.properties.index - b.properties.index);
      others.splice(Math.min(sheet.properties.index, others.length), 0, sheet);
      others.forEach((s, i) => (s.properties.index = i));
    }
    truncateToGrid(sheet);
    return undefined;
  },
  updateDimensionProperties(req, ctx) {
    const { sheet, rows, start, end } = dimension(ctx, req.range as DimensionRange);
    const fields = fieldsOf(req, ctx);
    const meta = rows ? sheet.rowMetadata : sheet.columnMetadata;
    for (let i = start; i < end; i++) {
      const entry = (meta[i] ??= {});
      assignMasked(entry, (req.properties ?? {}) as Json, fields);
    }
    return undefined;
  },
  repeatCell(req, ctx) {
    const fields = fieldsOf(req, ctx);
    const data = (req.cell ?? {}) as Json;
    forEachCell(ctx, req.range as GridRange, (cell) => applyCellData(cell, data, fields));
    return undefined;
  },
  updateCells(req, ctx) {
    const fields = fieldsOf(req, ctx);
    const rows = (req.rows ?? []) as Array<{ values?: Json[] }>;
    const start = req.start as { sheetId?: number; rowIndex?: number; columnIndex?: number } | undefined;
    const range = (req.range as GridRange | undefined) ?? {
      sheetId: start?.sheetId,
      startRowIndex: start?.rowIndex ?? 0,
      endRowIndex: (start?.rowIndex ?? 0) + rows.length,
      startColumnIndex: start?.columnIndex ?? 0,
      endColumnIndex: (start?.columnIndex ?? 0) + Math.max(0, ...rows.map((r) => r.values?.length ?? 0)),
    };
    const { sheet, r0, c0, r1, c1 } = gridRange(ctx, range);
    for (let r = r0; r < r1; r++) {
      for (let c = c0; c < c1; c++) {
        const data = rows[r - r0]?.values?.[c - c0];
        // With a range, cells not covered by rows are cleared for the masked fields.
        if (data === undefined && !req.range) continue;
        applyCellData(cellAt(sheet, r, c), data ?? {}, fields);
      }
    }
    return undefined;
  },
  setDataValidation(req, ctx) {
    const rule = req.rule as Json | undefined;
    forEachCell(ctx, req.range as GridRange, (cell) => {
      if (rule) cell.dataValidation = clone(rule);
      else delete cell.dataValidation;
    });
    return undefined;
  },
  addConditionalFormatRule(req, ctx) {
    const rule = req.rule as Json & { ranges?: GridRange[] };
    const ranges = rule?.ranges ?? [];
    if (ranges.length === 0) ctx.fail("rule.ranges must not be empty");
    const sheet = sheetOf(ctx, ranges[0].sheetId);
    for (const r of ranges) gridRange(ctx, r);
    const index = Math.min(Number(req.index ?? 0), sheet.conditionalFormats.length);
    sheet.conditionalFormats.splice(index, 0, clone(rule));
    return undefined;
  },
  deleteConditionalFormatRule(req, ctx) {
    const sheet = sheetOf(ctx, req.sheetId);
    const index = Number(req.index ?? 0);
    if (index >= sheet.conditionalFormats.length)
      ctx.fail(`No conditional format on sheet ${sheet.properties.sheetId} at index ${index}`);
    const [rule] = sheet.conditionalFormats.splice(index, 1);
    return { deleteConditionalFormatRule: { rule } };
  },
  addProtectedRange(req, ctx) {
    const input = clone(
      (req.protectedRange ?? {}) as Json & { range?: GridRange; protectedRangeId?: number },
    );
    const sheet = sheetOf(ctx, input.range?.sheetId);
    if (input.range) gridRange(ctx, input.range);
    const protectedRange: Json = {
      ...input,
      protectedRangeId: input.protectedRangeId ?? nextObjectId++,
      range: { ...input.range, sheetId: sheet.properties.sheetId },
    };
    if (!protectedRange.warningOnly) protectedRange.requestingUserCanEdit = true;
    sheet.protectedRanges.push(protectedRange);
    return { addProtectedRange: { protectedRange: clone(protectedRange) } };
  },
  deleteProtectedRange(req, ctx) {
    for (const sheet of ctx.ss.sheets) {
      const at = sheet.protectedRanges.findIndex((p) => p.protectedRangeId === req.protectedRangeId);
      if (at >= 0) {
        sheet.protectedRanges.splice(at, 1);
        return undefined;
      }
    }
    ctx.fail(`No protected range with id: ${String(req.protectedRangeId)}`);
  },
  setBasicFilter(req, ctx) {
    const filter = (req.filter ?? {}) as Json & { range?: GridRange };
    sheetOf(ctx, filter.range?.sheetId).basicFilter = clone(filter);
    return undefined;
  },
  addChart(req, ctx) {
    const chart = clone(
      (req.chart ?? {}) as Json & {
        chartId?: number;
        position?: { overlayPosition?: { anchorCell?: { sheetId?: number } }; sheetId?: number };
      },
    );
    const sheetId = chart.position?.overlayPosition?.anchorCell?.sheetId ?? chart.position?.sheetId;
    const sheet = sheetOf(ctx, sheetId);
    chart.chartId ??= nextObjectId++;
    sheet.charts.push(chart);
    return { addChart: { chart: clone(chart) } };
  },
};

/** Applies every request or none (Sheets batchUpdate is atomic), returning replies[] in order. */
export function batchUpdate(store: Store, ss: SpreadsheetState, body: Json): Json {
  const requests = body.requests;
  if (!Array.isArray(requests) || requests.length === 0)
    throw badRequest("Must specify at least one request.");
  const before = clone({ sheets: ss.sheets });
  const replies: Reply[] = [];
  try {
    requests.forEach((raw: unknown, i: number) => {
      const request = (raw ?? {}) as Json;
      const kinds = Object.keys(request);
      if (kinds.length !== 1)
        throw badRequest(
          `Invalid requests[${i}]: exactly one request kind must be set, found ${kinds.length}`,
        );
      const kind = kinds[0];
      const handler = handlers[kind];
      if (!handler)
        throw badRequest(
          `Invalid JSON payload received. Unknown name "${kind}" at 'requests[${i}]': Cannot find field.`,
        );
      const ctx: BatchContext = {
        store,
        ss,
        fail: (message) => {
          throw badRequest(`Invalid requests[${i}].${kind}: ${message}`);
        },
      };
      replies.push(handler((request[kind] ?? {}) as Json, ctx) ?? {});
    });
  } catch (error) {
    ss.sheets = before.sheets;
    throw error instanceof ApiError ? error : new ApiError(500, String(error));
  }
  return { spreadsheetId: ss.spreadsheetId, replies };
}
