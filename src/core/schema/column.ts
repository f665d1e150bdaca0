import { IsoDate } from "../dates";

/**
 * One column (or form field) of a template, described once. Parsing, validation, messages, help
 * notes, Sheets/XLSX data validation and sidebar form fields all derive from this description.
 */
export type ColumnKind = "text" | "whole" | "decimal" | "date" | "list" | "municipality" | "orgNumber" | "email";

export interface ColumnOptions {
  required?: boolean;
  min?: number;
  max?: number;
  /** Text length limit, in characters. */
  maxLength?: number;
  /** Value used when the cell is blank (the cell then needs no input). */
  default?: string | number;
  /** Dates: must fall inside the report year. */
  inReportYear?: boolean;
  /** Dates: must not be after today. */
  notAfterToday?: boolean;
  /** Personal data: never leaves the association's and central's sheets. */
  personal?: boolean;
  /** Free-text comment: never leaves the association's and central's sheets. */
  freeText?: boolean;
  /**
   * Free text that municipal partner views show (Tittel, Milepæl): a value that seems to hold
   * personal data gets a `personal_data` warning, and partner views mask it (core/privacy.ts).
   * `definite` names the field in that message, in definite form («Tittelen»).
   */
  shownToPartners?: { definite: string };
  /** Filled in by Samspill itself (e.g. on submit); not a user field. */
  system?: boolean;
  /** Extra help shown as the header note and in the sidebar. */
  help?: string;
  width?: number;
}

export interface ColumnSpec<V = unknown> extends ColumnOptions {
  readonly kind: ColumnKind;
  readonly header: string;
  readonly values?: ReadonlyArray<string>;
  /** Phantom field carrying the parsed value type. */
  readonly __value?: V;
}

type Required<O> = O extends { required: true } ? true : O extends { default: string | number } ? true : false;
type Maybe<V, O> = Required<O> extends true ? V : V | undefined;

function spec<V, O extends ColumnOptions>(kind: ColumnKind, header: string, options: O, values?: ReadonlyArray<string>) {
  return { kind, header, values, ...options } as ColumnSpec<Maybe<V, O>>;
}

export const column = {
  text: <O extends ColumnOptions>(header: string, options: O = {} as O) => spec<string, O>("text", header, options),
  whole: <O extends ColumnOptions>(header: string, options: O = {} as O) => spec<number, O>("whole", header, options),
  decimal: <O extends ColumnOptions>(header: string, options: O = {} as O) =>
    spec<number, O>("decimal", header, options),
  date: <O extends ColumnOptions>(header: string, options: O = {} as O) => spec<IsoDate, O>("date", header, options),
  oneOf: <O extends ColumnOptions>(header: string, values: ReadonlyArray<string>, options: O = {} as O) =>
    spec<string, O>("list", header, options, values),
  municipality: <O extends ColumnOptions>(header: string, options: O = {} as O) =>
    spec<string, O>("municipality", header, options),
  orgNumber: <O extends ColumnOptions>(header: string, options: O = {} as O) =>
    spec<string, O>("orgNumber", header, options),
  email: <O extends ColumnOptions>(header: string, options: O = {} as O) => spec<string, O>("email", header, options),
};

export type ValueOf<C> = C extends ColumnSpec<infer V> ? V : never;
