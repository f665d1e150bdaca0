import { ColumnSpec, ValueOf } from "./column";
import type { ReadContext } from "../read-context";

export type Columns = Record<string, ColumnSpec<any>>;
export type RowOf<T extends { columns: Columns }> = { [K in keyof T["columns"]]: ValueOf<T["columns"][K]> };

/** A check across fields of one row; `problem` returns true when the row breaks the rule. */
export interface RowRule<R> {
  /** The field the problem is reported on (its cell). */
  field: string;
  /** Fields whose own errors make this rule moot. */
  uses: string[];
  code: string;
  message: (row: R, context: ReadContext) => string;
  problem: (row: R, context: ReadContext) => boolean;
}

export interface TemplateSpec<C extends Columns = Columns> {
  /** Tab name as users see it. */
  readonly name: string;
  /** "table": header row + one row per record; "form": column A field, column B value, column C help. */
  readonly layout: "table" | "form";
  readonly columns: C;
  readonly keys: ReadonlyArray<keyof C & string>;
  readonly rules: ReadonlyArray<RowRule<any>>;
}

export interface Template<C extends Columns = Columns> extends TemplateSpec<C> {
  rule(
    field: keyof C & string,
    uses: Array<keyof C & string>,
    code: string,
    problem: (row: RowOf<{ columns: C }>, context: ReadContext) => boolean,
    message: (row: RowOf<{ columns: C }>, context: ReadContext) => string,
  ): Template<C>;
}

function build<C extends Columns>(name: string, layout: "table" | "form", columns: C, rules: RowRule<any>[]): Template<C> {
  return {
    name,
    layout,
    columns,
    keys: Object.keys(columns) as Array<keyof C & string>,
    rules,
    rule(field, uses, code, problem, message) {
      return build(name, layout, columns, [...rules, { field, uses, code, problem, message }]);
    },
  };
}

export function table<C extends Columns>(name: string, columns: C): Template<C> {
  return build(name, "table", columns, []);
}

export function form<C extends Columns>(name: string, fields: C): Template<C> {
  return build(name, "form", fields, []);
}
