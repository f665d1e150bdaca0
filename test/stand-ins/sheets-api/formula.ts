/**
 * A deliberately small formula evaluator so USER_ENTERED formulas read back with a value:
 * numbers, strings, booleans, cell and range references (also on other tabs), + - * / ^ & and
 * comparisons, and SUM COUNT COUNTA AVERAGE MIN MAX IF IFERROR AND OR NOT ROUND ABS LEN CONCATENATE.
 * Anything else evaluates to #NAME? (seed `{ formula, value }` when a test needs a specific result).
 */
import { columnIndex } from "./a1";
import { ExtendedValue } from "./model";

type Scalar = number | string | boolean | null | FormulaError;
type Value = Scalar | Scalar[][];

class FormulaError {
  constructor(readonly type: string) {}
}

export interface FormulaContext {
  /** Effective value of a cell; sheetTitle undefined = the formula's own tab. Undefined tab → #REF!. */
  cell(sheetTitle: string | undefined, row: number, column: number): ExtendedValue | undefined | "no_sheet";
  /** Bounds for open ranges like A:A. */
  gridSize(sheetTitle: string | undefined): [number, number] | undefined;
}

const TOKEN =
  /\s*(?:(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|("(?:[^"]|"")*")|((?:'(?:[^']|'')+'|[\p{L}_][\p{L}\p{N}_.]*)!\$?[A-Za-z]{0,3}\$?\d*(?::\$?[A-Za-z]{0,3}\$?\d*)?)|(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d*)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3})|([A-Za-z_][A-Za-z0-9_.]*)|(<>|<=|>=|[-+*/^&=<>(),;:]))/uy;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) {
      if (text.slice(start).trim() === "") break;
      throw new FormulaError("ERROR");
    }
    const kinds = ["num", "str", "xref", "ref", "name", "op"];
    const i = m.slice(1).findIndex((g) => g !== undefined);
    tokens.push(`${kinds[i]}\u0000${m[i + 1]}`);
  }
  return tokens;
}

function toNumber(v: Scalar): number | FormulaError {
  if (v instanceof FormulaError) return v;
  if (v === null || v === "") return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const n = Number(v);
  return Number.isFinite(n) ? n : new FormulaError("VALUE");
}

function toText(v: Scalar): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

function scalar(v: Value): Scalar {
  return Array.isArray(v) ? (v[0]?.[0] ?? null) : v;
}

function flat(args: Value[]): Scalar[] {
  return args.flatMap((a) => (Array.isArray(a) ? a.flat() : [a]));
}

function fromExtended(v: ExtendedValue | undefined): Scalar {
  if (!v) return null;
  if (v.errorValue) return new FormulaError(v.errorValue.type);
  if (v.numberValue !== undefined) return v.numberValue;
  if (v.boolValue !== undefined) return v.boolValue;
  return v.stringValue ?? null;
}

export function evaluateFormula(formula: string, context: FormulaContext): ExtendedValue {
  try {
    const tokens = tokenize(formula.replace(/^=/, ""));
    let pos = 0;
    const peek = (): [string, string] | undefined => {
      const t = tokens[pos];
      if (t === undefined) return undefined;
      const [kind, text] = t.split("\u0000");
      return [kind, text];
    };
    const take = (): [string, string] => {
      const t = peek();
      if (!t) throw new FormulaError("ERROR");
      pos++;
      return t;
    };
    const isOp = (...ops: string[]): boolean => {
      const t = peek();
      return !!t && t[0] === "op" && ops.includes(t[1]);
    };

    const reference = (text: string): Value => {
      let sheet: string | undefined;
      let cells = text;
      const bang = text.lastIndexOf("!");
      if (bang >= 0) {
        sheet = text
          .slice(0, bang)
          .replace(/^'(.*)'$/, "$1")
          .replace(/''/g, "'");
        cells = text.slice(bang + 1);
      }
      const [from, to] = cells.replace(/\$/g, "").split(":");
      const a = /^([A-Za-z]*)(\d*)$/.exec(from);
      const b = /^([A-Za-z]*)(\d*)$/.exec(to ?? from);
      if (!a || !b) throw new FormulaError("REF");
      const size = context.gridSize(sheet);
      if (!size) return new FormulaError("REF");
      const r0 = a[2] ? +a[2] - 1 : 0;
      const c0 = a[1] ? columnIndex(a[1]) : 0;
      const r1 = b[2] ? +b[2] - 1 : size[0] - 1;
      const c1 = b[1] ? columnIndex(b[1]) : size[1] - 1;
      const rows: Scalar[][] = [];
      for (let r = r0; r <= r1; r++) {
        const row: Scalar[] = [];
        for (let c = c0; c <= c1; c++) {
          const v = context.cell(sheet, r, c);
          if (v === "no_sheet") return new FormulaError("REF");
          row.push(fromExtended(v));
        }
        rows.push(row);
      }
      return to === undefined ? rows[0][0] : rows;
    };

    const call = (name: string, args: Value[]): Value => {
      const nums = (): number[] => flat(args).filter((v): v is number => typeof v === "number");
      const firstError = flat(args).find((v) => v instanceof FormulaError);
      switch (name) {
        case "SUM":
          return firstError ?? nums().reduce((s, n) => s + n, 0);
        case "COUNT":
          return nums().length;
        case "COUNTA":
          return flat(args).filter((v) => v !== null && v !== "").length;
        case "AVERAGE": {
          if (firstError) return firstError;
          const ns = nums();
          return ns.length ? ns.reduce((s, n) => s + n, 0) / ns.length : new FormulaError("DIVIDE_BY_ZERO");
        }
        case "MIN":
          return firstError ?? (nums().length ? Math.min(...nums()) : 0);
        case "MAX":
          return firstError ?? (nums().length ? Math.max(...nums()) : 0);
        case "IF": {
          const test = scalar(args[0]);
          if (test instanceof FormulaError) return test;
          return test && test !== 0 ? (args[1] ?? true) : (args[2] ?? false);
        }
        case "IFERROR": {
          const v = scalar(args[0]);
          return v instanceof FormulaError ? (args[1] ?? "") : args[0];
        }
        case "AND":
          return firstError ?? flat(args).every((v) => !!v);
        case "OR":
          return firstError ?? flat(args).some((v) => !!v);
        case "NOT":
          return !scalar(args[0]);
        case "ROUND": {
          const n = toNumber(scalar(args[0]));
          const digits = toNumber(scalar(args[1] ?? 0));
          if (n instanceof FormulaError) return n;
          if (digits instanceof FormulaError) return digits;
          const f = 10 ** digits;
          return Math.round(n * f) / f;
        }
        case "ABS": {
          const n = toNumber(scalar(args[0]));
          return n instanceof FormulaError ? n : Math.abs(n);
        }
        case "LEN":
          return toText(scalar(args[0])).length;
        case "CONCATENATE":
          return firstError ?? flat(args).map(toText).join("");
        default:
          return new FormulaError("NAME");
      }
    };

    const primary = (): Value => {
      const [kind, text] = take();
      if (kind === "num") return Number(text);
      if (kind === "str") return text.slice(1, -1).replace(/""/g, '"');
      if (kind === "xref" || kind === "ref") return reference(text);
      if (kind === "name") {
        const upper = text.toUpperCase();
        if (isOp("(")) {
          take();
          const args: Value[] = [];
          if (!isOp(")")) {
            do {
              if (args.length) take();
              args.push(comparison());
            } while (isOp(",", ";"));
          }
          if (take()[1] !== ")") throw new FormulaError("ERROR");
          return call(upper, args);
        }
        if (upper === "TRUE" || upper === "FALSE") return upper === "TRUE";
        return new FormulaError("NAME");
      }
      if (text === "(") {
        const v = comparison();
        if (take()[1] !== ")") throw new FormulaError("ERROR");
        return v;
      }
      throw new FormulaError("ERROR");
    };
    const arithmetic = (a: Value, b: Value, f: (x: number, y: number) => number | FormulaError): Scalar => {
      const x = toNumber(scalar(a));
      const y = toNumber(scalar(b));
      if (x instanceof FormulaError) return x;
      if (y instanceof FormulaError) return y;
      return f(x, y);
    };
    const unary = (): Value => {
      if (isOp("-")) {
        take();
        return arithmetic(0, unary(), (x, y) => x - y);
      }
      if (isOp("+")) take();
      let v = primary();
      while (isOp("^")) {
        take();
        v = arithmetic(v, primary(), (x, y) => x ** y);
      }
      return v;
    };
    const term = (): Value => {
      let v = unary();
      while (isOp("*", "/")) {
        const op = take()[1];
        v = arithmetic(v, unary(), (x, y) =>
          op === "*" ? x * y : y === 0 ? new FormulaError("DIVIDE_BY_ZERO") : x / y,
        );
      }
      return v;
    };
    const additive = (): Value => {
      let v = term();
      while (isOp("+", "-")) {
        const op = take()[1];
        v = arithmetic(v, term(), (x, y) => (op === "+" ? x + y : x - y));
      }
      return v;
    };
    const concat = (): Value => {
      let v = additive();
      while (isOp("&")) {
        take();
        const a = scalar(v);
        const b = scalar(additive());
        v = a instanceof FormulaError ? a : b instanceof FormulaError ? b : toText(a) + toText(b);
      }
      return v;
    };
    const comparison = (): Value => {
      let v = concat();
      while (isOp("=", "<>", "<", ">", "<=", ">=")) {
        const op = take()[1];
        const a = scalar(v);
        const b = scalar(concat());
        if (a instanceof FormulaError) return a;
        if (b instanceof FormulaError) return b;
        const x = typeof a === "string" ? a.toLowerCase() : (a ?? 0);
        const y = typeof b === "string" ? b.toLowerCase() : (b ?? 0);
        v = { "=": x === y, "<>": x !== y, "<": x < y, ">": x > y, "<=": x <= y, ">=": x >= y }[op] ?? false;
      }
      return v;
    };

    const result = scalar(comparison());
    if (pos !== tokens.length) throw new FormulaError("ERROR");
    if (result instanceof FormulaError) return { errorValue: { type: result.type, message: "" } };
    if (result === null) return { stringValue: "" };
    if (typeof result === "number")
      return Number.isFinite(result) ? { numberValue: result } : { errorValue: { type: "NUM", message: "" } };
    if (typeof result === "boolean") return { boolValue: result };
    return { stringValue: result };
  } catch (error) {
    const type = error instanceof FormulaError ? error.type : "ERROR";
    return { errorValue: { type, message: type === "ERROR" ? "Formula parse error." : "" } };
  }
}
