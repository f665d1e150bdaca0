import { a1, Cell, CellTable, columnLetter, isBlankCell, isBlankRow, normaliseLabel, parseA1 } from "./cell";
import { Issue } from "./issues";
import { issueMessage } from "./messages";
import type { ReadContext } from "./read-context";
import { holdsPersonalData } from "./privacy";
import { findMunicipality } from "./reference";
import { ColumnSpec } from "./schema/column";
import { RowOf, Template } from "./schema/table";
import { isAmbiguousNumber, listLookup, readDate, readEmail, readMunicipalityNumber, readNumber, readOrgNumber, readText, textLength } from "./values";

export type { ReadContext };

export interface TableRead<R> {
  /** False when the tab is missing. */
  present: boolean;
  rows: R[];
  /** 1-based sheet row number of each counted row. */
  rowNumbers: number[];
  issues: Issue[];
  read: number;
  counted: number;
  rejected: number;
  /** Only with `{ keepRejected: true }`: each rejected row, in sheet order. */
  rejectedRows?: Array<RejectedRow<R>>;
}

/** An error of a rejected row, with the key of the field it belongs to (a row rule: its field). */
export type RowIssue<R> = Issue & { field: keyof R & string };

/** A row with at least one error: the fields that did parse, the failed ones left undefined. */
export interface RejectedRow<R> {
  /** 1-based sheet row number. */
  rowNumber: number;
  row: Partial<R>;
  /**
   * The row's errors (copies of those in `issues`, plus `field`). When the tab lacks a required
   * column nothing is parsed: `row` is empty and the issues are the missing_column errors.
   */
  issues: Array<RowIssue<R>>;
}

export interface ReadOptions {
  /** Also return the rejected rows (`rejectedRows`). Off by default: the usual read allocates nothing for them. */
  keepRejected?: boolean;
  /** What the file reader learnt about the tab beyond its values (formulas without a cached value). */
  facts?: TabFacts;
}

/**
 * What a file reader learnt about a tab beyond the values (only a file backend knows these: Sheets
 * always computes formulas and gives merged cells' value only at the top-left cell).
 */
export interface TabFacts {
  /** Cells (0-based row, column) holding a formula with no cached value: their cell reads as "". */
  uncachedFormulas?: ReadonlyArray<readonly [number, number]>;
}

/** The issue for a formula without a cached value: an error where a value is needed to count the row. */
function uncachedFormulaIssue(sheet: string, cell: string, spec: ColumnSpec): Issue {
  const numeric = spec.kind === "whole" || spec.kind === "decimal";
  const severity = spec.required || numeric ? "error" : "warning";
  const message = `${spec.header} er en formel uten lagret verdi; åpne filen i Excel eller LibreOffice, lagre den på nytt, eller skriv inn verdien`;
  return { sheet, cell, code: "formula_without_value", severity, message };
}

function uncachedByRow(facts: TabFacts | undefined): Map<number, Set<number>> | undefined {
  if (!facts?.uncachedFormulas?.length) return undefined;
  const byRow = new Map<number, Set<number>>();
  for (const [row, column] of facts.uncachedFormulas) {
    let columns = byRow.get(row);
    if (!columns) byRow.set(row, (columns = new Set()));
    columns.add(column);
  }
  return byRow;
}

const FAILED = Symbol("failed");
type Parsed = unknown | typeof FAILED;
type CellParser = (raw: Cell, context: ReadContext) => Parsed;

/** Set by a parser that returns FAILED: the issue code. Avoids an allocation per cell. */
let failure = "";
function fail(code: string): typeof FAILED {
  failure = code;
  return FAILED;
}

function numberParser(column: ColumnSpec, whole: boolean): CellParser {
  const min = column.min ?? -Infinity;
  const max = column.max ?? Infinity;
  return (raw) => {
    const value = readNumber(raw);
    if (value === undefined) return fail(isAmbiguousNumber(raw) ? "ambiguous_number" : whole ? "not_whole" : "not_a_number");
    if (whole && !Number.isInteger(value)) return fail("not_whole");
    if (value < min || value > max) return fail("out_of_range");
    return value;
  };
}

function parserFor(column: ColumnSpec): CellParser {
  switch (column.kind) {
    case "whole":
      return numberParser(column, true);
    case "decimal":
      return numberParser(column, false);
    case "date":
      return (raw, context) => {
        const value = readDate(raw);
        if (value === undefined) return fail("not_a_date");
        if (column.inReportYear && Number(value.slice(0, 4)) !== context.year) return fail("outside_report_year");
        if (column.notAfterToday && value > context.today) return fail("in_future");
        return value;
      };
    case "list": {
      const lookup = listLookup(column.values ?? []);
      return (raw) => lookup(raw) ?? fail("not_in_list");
    }
    case "municipality":
      return (raw) => {
        const value = readMunicipalityNumber(raw);
        if (value === undefined) return fail("not_a_municipality_number");
        return findMunicipality(value) ? value : fail("unknown_municipality");
      };
    case "orgNumber":
      return (raw) => readOrgNumber(raw) ?? fail("invalid_org_number");
    case "email":
      return (raw) => readEmail(raw) ?? fail("invalid_email");
    case "text": {
      const maxLength = column.maxLength ?? Infinity;
      return (raw) => {
        const value = readText(raw);
        // Only a text longer in UTF-16 units can be too long: count code points then.
        return value.length > maxLength && textLength(value) > maxLength ? fail("too_long") : value;
      };
    }
  }
}

/**
 * Parsers are pure, and spreadsheets repeat the same texts (types, dates, municipality numbers)
 * thousands of times: results for text are cached per column and per read context.
 */
const MEMO_LIMIT = 20_000;
function memoised(parse: CellParser): CellParser {
  let memo = new Map<string, unknown>();
  let failures = new Map<string, string>();
  let memoContext: ReadContext | undefined;
  return (raw, context) => {
    if (typeof raw !== "string") return parse(raw, context);
    if (context !== memoContext) {
      memo = new Map();
      failures = new Map();
      memoContext = context;
    }
    const known = memo.get(raw);
    if (known !== undefined) return known;
    const failed = failures.get(raw);
    if (failed !== undefined) return fail(failed);
    const value = parse(raw, context);
    if (memo.size + failures.size > MEMO_LIMIT) {
      memo.clear();
      failures.clear();
    }
    if (value === FAILED) failures.set(raw, failure);
    else memo.set(raw, value);
    return value;
  };
}

interface CompiledColumn {
  key: string;
  spec: ColumnSpec;
  parse: CellParser;
  fallback: unknown;
  required: boolean;
  /** Free text shown in partner views: checked for personal data (a warning). */
  screened: boolean;
}

const compiledCache = new WeakMap<Template<any>, CompiledColumn[]>();

function compile(template: Template<any>): CompiledColumn[] {
  let compiled = compiledCache.get(template);
  if (!compiled) {
    compiled = template.keys.map((key) => {
      const spec = template.columns[key] as ColumnSpec;
      const parse = spec.kind === "text" ? parserFor(spec) : memoised(parserFor(spec));
      return { key, spec, parse, fallback: spec.default, required: spec.required === true, screened: spec.shownToPartners !== undefined };
    });
    compiledCache.set(template, compiled);
  }
  return compiled;
}

/** Header matching tolerant of case, spaces and a trailing "*" or ":". */
export function headerKey(text: Cell): string {
  return normaliseLabel(text).replace(/\s+/g, "").replace(/[*:]+$/, "");
}

/** Index of each template key in a header row; -1 when the column is missing. */
export function locateColumns(template: Template<any>, header: ReadonlyArray<Cell>, issues: Issue[]): number[] {
  const wanted = new Map(template.keys.map((key, i) => [headerKey((template.columns[key] as ColumnSpec).header), i]));
  const indexes = template.keys.map(() => -1);
  for (let j = 0; j < header.length; j++) {
    if (isBlankCell(header[j])) continue;
    const i = wanted.get(headerKey(header[j]));
    if (i === undefined) {
      issues.push(warning(template.name, a1(0, j), "extra_column", `Kolonnen «${readText(header[j])}» i ${template.name} er ukjent og blir ikke lest`));
    } else if (indexes[i] >= 0) {
      issues.push(warning(template.name, a1(0, j), "duplicate_column", `Kolonnen «${readText(header[j])}» finnes to ganger; bare den første leses`));
    } else indexes[i] = j;
  }
  let next = header.length;
  template.keys.forEach((key, i) => {
    if (indexes[i] >= 0) return;
    const spec = template.columns[key] as ColumnSpec;
    const message = `Fanen ${template.name} mangler kolonnen «${spec.header}»`;
    issues.push({ sheet: template.name, cell: columnLetter(next++) + "1", code: "missing_column", severity: spec.required ? "error" : "warning", message });
  });
  return indexes;
}

function warning(sheet: string, cell: string, code: string, message: string): Issue {
  return { sheet, cell, code, severity: "warning", message };
}

export function missingTab(name: string): Issue {
  return { sheet: name, cell: "A1", code: "missing_tab", severity: "error", message: `Regnearket mangler fanen «${name}»` };
}

/**
 * Reads a table tab: finds columns by header, parses every non-blank row, and reports every problem
 * with its cell. A row with any error is rejected whole; warnings do not reject. With
 * `{ keepRejected: true }` the rejected rows come back too (`rejectedRows`), for a sidebar that
 * lets the user fix them.
 */
export function readTable<T extends Template<any>>(
  template: T,
  cells: CellTable | undefined,
  context: ReadContext,
  options: { keepRejected: true },
): TableRead<RowOf<T>> & { rejectedRows: Array<RejectedRow<RowOf<T>>> };
export function readTable<T extends Template<any>>(template: T, cells: CellTable | undefined, context: ReadContext, options?: ReadOptions): TableRead<RowOf<T>>;
export function readTable<T extends Template<any>>(template: T, cells: CellTable | undefined, context: ReadContext, options?: ReadOptions): TableRead<RowOf<T>> {
  const result: TableRead<RowOf<T>> = { present: cells !== undefined, rows: [], rowNumbers: [], issues: [], read: 0, counted: 0, rejected: 0 };
  const kept: Array<RejectedRow<RowOf<T>>> | undefined = options?.keepRejected ? [] : undefined;
  if (kept) result.rejectedRows = kept;
  if (!cells) {
    result.issues.push(missingTab(template.name));
    return result;
  }
  const columns = compile(template);
  const indexes = locateColumns(template, cells[0] ?? [], result.issues);
  const unreadable = columns.some((column, i) => column.required && indexes[i] < 0);
  // Field of each issue of the current row, only when rejected rows are kept.
  const rowFields: string[] | undefined = kept ? [] : undefined;
  const missingRequired = kept && unreadable ? missingColumnIssues(columns, indexes, result.issues) : undefined;
  const sheet = template.name;
  const rules = template.rules;
  const columnCount = columns.length;
  const keyBit = new Map(template.keys.map((key, i) => [key, 2 ** i]));
  const ruleMasks = rules.map((rule) => rule.uses.reduce((mask, key) => mask | (keyBit.get(key) ?? 0), 0));
  const ruleColumns = rules.map((rule) => indexes[template.keys.indexOf(rule.field)]);
  const screened = columns.map((column, c) => (column.screened && indexes[c] >= 0 ? c : -1)).filter((c) => c >= 0);

  const uncached = uncachedByRow(options?.facts);
  const rowCount = uncached ? Math.max(cells.length, ...[...uncached.keys()].map((r) => r + 1)) : cells.length;

  for (let r = 1; r < rowCount; r++) {
    const raw = cells[r] ?? [];
    const formulas = uncached?.get(r);
    if (!formulas && isBlankRow(raw)) continue;
    result.read++;
    if (unreadable) {
      result.rejected++; // reported once, as missing_column
      if (kept && missingRequired) kept.push({ rowNumber: r + 1, row: {}, issues: missingRequired.map((issue) => ({ ...issue })) });
      continue;
    }
    const firstIssue = result.issues.length;
    if (rowFields) rowFields.length = 0;
    const row: Record<string, unknown> = {};
    let ok = true;
    let failedMask = 0;
    for (let c = 0; c < columnCount; c++) {
      const column = columns[c];
      const index = indexes[c];
      const value = index >= 0 ? raw[index] : undefined;
      let parsed: Parsed;
      if (formulas && index >= 0 && formulas.has(index) && isBlankCell(value)) {
        const issue = uncachedFormulaIssue(sheet, a1(r, index), column.spec);
        result.issues.push(issue);
        if (issue.severity === "error") {
          ok = false;
          failedMask |= 2 ** c;
          if (rowFields) rowFields.push(column.key);
          row[column.key] = undefined;
          continue;
        }
        parsed = column.fallback;
      } else if (isBlankCell(value)) {
        if (column.required) parsed = fail("required");
        else parsed = column.fallback;
      } else parsed = column.parse(value, context);
      if (parsed === FAILED) {
        ok = false;
        failedMask |= 2 ** c;
        result.issues.push({ sheet, cell: a1(r, index), code: failure, severity: "error", message: issueMessage(column.spec, failure, value, context) });
        if (rowFields) rowFields.push(column.key);
        row[column.key] = undefined;
      } else row[column.key] = parsed;
    }
    for (let k = 0; k < rules.length; k++) {
      if (failedMask & ruleMasks[k]) continue;
      const rule = rules[k];
      if (rule.problem(row, context)) {
        ok = false;
        result.issues.push({ sheet, cell: a1(r, ruleColumns[k]), code: rule.code, severity: "error", message: rule.message(row, context) });
        if (rowFields) rowFields.push(rule.field);
      }
    }
    if (ok) {
      result.rows.push(row as RowOf<T>);
      result.rowNumbers.push(r + 1);
      result.counted++;
    } else {
      result.rejected++;
      if (kept && rowFields) {
        const issues = result.issues.slice(firstIssue).map((issue, i) => ({ ...issue, field: rowFields[i] as keyof RowOf<T> & string }));
        kept.push({ rowNumber: r + 1, row: row as Partial<RowOf<T>>, issues });
      }
    }
    // Free text a municipality sees: personal data in it is a warning on its cell (the row still counts).
    for (let s = 0; s < screened.length; s++) {
      const column = columns[screened[s]];
      const text = row[column.key];
      if (typeof text === "string" && holdsPersonalData(text)) {
        result.issues.push({ sheet, cell: a1(r, indexes[screened[s]]), code: "personal_data", severity: "warning", message: issueMessage(column.spec, "personal_data", text, context) });
      }
    }
  }
  return result;
}

/** The missing_column errors of required columns, each with its field (locateColumns reported them in key order). */
function missingColumnIssues(columns: CompiledColumn[], indexes: number[], issues: Issue[]): Array<Issue & { field: string }> {
  const missing = issues.filter((issue) => issue.code === "missing_column" && issue.severity === "error");
  const keys = columns.filter((column, i) => column.required && indexes[i] < 0).map((column) => column.key);
  return missing.map((issue, i) => ({ ...issue, field: keys[i] }));
}

export interface FormRead<R> {
  present: boolean;
  /** Fields that read cleanly; a field with an error is left out (undefined). */
  values: Partial<R>;
  /** 1-based sheet row of each field found. */
  rowOf: Partial<Record<keyof R, number>>;
  issues: Issue[];
}

/** Reads a field/value tab: column A holds the field label, column B its value. */
export function readForm<T extends Template<any>>(template: T, cells: CellTable | undefined, context: ReadContext, options?: Pick<ReadOptions, "facts">): FormRead<RowOf<T>> {
  const result: FormRead<RowOf<T>> = { present: cells !== undefined, values: {}, rowOf: {}, issues: [] };
  if (!cells) {
    result.issues.push(missingTab(template.name));
    return result;
  }
  const columns = compile(template);
  const byLabel = new Map(columns.map((column, i) => [headerKey(column.spec.header), i]));
  const rowIndexes = columns.map(() => -1);
  for (let r = 0; r < cells.length; r++) {
    const label = cells[r]?.[0];
    if (isBlankCell(label)) continue;
    const i = byLabel.get(headerKey(label));
    if (i !== undefined && rowIndexes[i] < 0) rowIndexes[i] = r;
  }
  const values = result.values as Record<string, unknown>;
  const failed = new Set<string>();
  let lastRow = cells.length;
  columns.forEach((column, i) => {
    const r = rowIndexes[i];
    if (r < 0) {
      if (column.required) {
        result.issues.push({ sheet: template.name, cell: a1(lastRow++, 0), code: "missing_field", severity: "error", message: `Fanen ${template.name} mangler feltet «${column.spec.header}» i kolonne A` });
      } else values[column.key] = column.fallback;
      return;
    }
    (result.rowOf as Record<string, number>)[column.key] = r + 1;
    const raw = cells[r][1];
    let parsed: Parsed;
    if (isBlankCell(raw) && options?.facts?.uncachedFormulas?.some(([row, col]) => row === r && col === 1)) {
      const issue = uncachedFormulaIssue(template.name, a1(r, 1), column.spec);
      result.issues.push(issue);
      if (issue.severity === "error") {
        failed.add(column.key);
        return;
      }
      parsed = column.fallback;
    } else if (isBlankCell(raw)) parsed = column.required ? fail("required") : column.fallback;
    else parsed = column.parse(raw, context);
    if (parsed === FAILED) {
      failed.add(column.key);
      result.issues.push({ sheet: template.name, cell: a1(r, 1), code: failure, severity: "error", message: issueMessage(column.spec, failure, raw, context) });
    } else values[column.key] = parsed;
  });
  for (const rule of template.rules) {
    if (rule.uses.some((key) => failed.has(key))) continue;
    if (rule.problem(values, context)) {
      const r = (result.rowOf as Record<string, number>)[rule.field];
      result.issues.push({ sheet: template.name, cell: r ? `B${r}` : "A1", code: rule.code, severity: "error", message: rule.message(values, context) });
      delete values[rule.field];
    }
  }
  return result;
}

export interface RecordCheck<R> {
  /** The parsed row when it has no errors. */
  row?: R;
  /** Problems per field key (the sidebar shows each at its field). */
  errors: Array<{ field: string; code: string; message: string }>;
  /** Warnings per field key (personal data in a title): shown at the field, they do not block saving. */
  warnings: Array<{ field: string; code: string; message: string }>;
}

/**
 * Checks one record given as field values (a sidebar form), with exactly the rules of the tab:
 * the same parsing, messages and row rules as reading the sheet.
 */
export function checkRecord<T extends Template<any>>(template: T, values: Readonly<Record<string, Cell>>, context: ReadContext): RecordCheck<RowOf<T>> {
  const keys = template.keys;
  const header = keys.map((key) => (template.columns[key] as ColumnSpec).header);
  const cells = [header, keys.map((key) => values[key] ?? "")];
  const read = readTable(template, cells, context);
  if (read.read === 0) {
    // An empty form is not "no row": every required field is reported.
    const errors = keys
      .filter((key) => (template.columns[key] as ColumnSpec).required)
      .map((key) => ({ field: key, code: "required", message: issueMessage(template.columns[key] as ColumnSpec, "required", "", context) }));
    return { errors, warnings: [] };
  }
  const byField = (issue: Issue) => ({ field: keys[parseA1(issue.cell)?.column ?? -1], code: issue.code, message: issue.message });
  const errors = read.issues.filter((issue) => issue.severity === "error").map(byField);
  const warnings = read.issues.filter((issue) => issue.severity === "warning" && parseA1(issue.cell)?.row === 1).map(byField);
  return { row: read.rows[0], errors, warnings };
}
