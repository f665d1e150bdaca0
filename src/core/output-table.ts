import { Cell } from "./cell";

/** How a column of an output table is shown. Dates are Date values at 12:00 UTC (see dates.ts). */
export type ColumnFormat = "text" | "whole" | "decimal" | "percent" | "date" | "datetime";

/** A tab written whole by a backend: header row plus data rows. Strings are always written as text. */
export interface OutputTable {
  name: string;
  header: string[];
  rows: Cell[][];
  formats: ColumnFormat[];
}

export function outputTable(name: string, columns: Array<[string, ColumnFormat]>, rows: Cell[][]): OutputTable {
  return { name, header: columns.map(([h]) => h), formats: columns.map(([, f]) => f), rows };
}

/** Header + rows as one grid, the way a backend writes it. */
export function grid(table: OutputTable): Cell[][] {
  return [table.header, ...table.rows];
}
