import * as z from "zod/mini";
import { formatNumber } from "../../core/wording";

/**
 * The trust boundary between a sidebar and the server: whatever arrives through google.script.run
 * (or a preview's stand-in) is checked against a zod/mini schema of the function's arguments before
 * the function runs. A bad payload is refused with a Norwegian message; it never reaches the core.
 *
 * google.script.run passes only primitives, plain objects and arrays (a Date makes the call fail in
 * the browser: https://developers.google.com/apps-script/guides/html/reference/run#parameters), but
 * the server does not rely on the client for that.
 */

/** The longest text a sidebar field may send; longer is refused before any rule runs (the core's own limits, e.g. Tittel 200, apply after). */
export const MAX_FIELD_TEXT = 5_000;

/** Text from a sidebar field. */
export const fieldText = z.string().check(z.maxLength(MAX_FIELD_TEXT));

/** The field values of one form, by template key: only the keys given, each optional text. */
export function formValues(keys: ReadonlyArray<string>): z.ZodMiniType<Record<string, string | undefined>> {
  return z.strictObject(Object.fromEntries(keys.map((key) => [key, z.optional(fieldText)])));
}

/** No arguments at all. */
export const noArguments = z.tuple([]);

/** How a function's arguments are named to the user: one Norwegian name per position, and field labels by key. */
export interface PayloadNames {
  /** The action as the user knows it, e.g. «Registrer aktivitet». */
  action: string;
  /** One name per argument, e.g. ["fanenavnet", "cellen"]. */
  arguments?: ReadonlyArray<string>;
  /** Field key → column header, e.g. { title: "Tittel" }. */
  fields?: Readonly<Record<string, string>>;
}

function received(input: unknown): string {
  if (input === undefined) return "ingen verdi";
  if (input === null) return "en tom verdi (null)";
  if (input instanceof Date) return "et datoobjekt";
  if (Array.isArray(input)) return "en liste";
  switch (typeof input) {
    case "string":
      return "tekst";
    case "number":
      return Number.isInteger(input) ? "et helt tall" : "et tall";
    case "boolean":
      return "sann/usann";
    case "object":
      return "et sett med felt";
    default:
      return "en verdi av ukjent slag";
  }
}

const EXPECTED: Readonly<Record<string, string>> = {
  string: "tekst",
  number: "et tall",
  int: "et helt tall",
  boolean: "sann/usann",
  object: "et sett med felt",
  array: "en liste",
  tuple: "en liste",
  record: "et sett med felt",
};

function subject(path: ReadonlyArray<PropertyKey>, names: PayloadNames): string {
  if (path.length === 0) return "Forespørselen";
  const [position, field] = path;
  const argument =
    typeof position === "number"
      ? (names.arguments?.[position] ?? `verdi nr. ${position + 1}`)
      : String(position);
  if (field === undefined) return argument.charAt(0).toUpperCase() + argument.slice(1);
  const label = names.fields?.[String(field)] ?? String(field);
  return `Feltet «${label}»`;
}

/** One zod issue in Norwegian: what was wrong and where, never zod's own (English) text. */
export function describePayloadIssue(issue: z.core.$ZodIssue, names: PayloadNames): string {
  const who = subject(issue.path, names);
  switch (issue.code) {
    case "invalid_type":
      return `${who} må være ${EXPECTED[issue.expected] ?? "noe annet"}, men var ${received(issue.input)}`;
    case "too_big":
      if (issue.origin === "string")
        return `${who} er for lang: høyst ${formatNumber(Number(issue.maximum))} tegn`;
      if (issue.origin === "array") return `${who} har for mange verdier: høyst ${issue.maximum}`;
      return `${who} er for stor: høyst ${issue.maximum}`;
    case "too_small":
      if (issue.origin === "array") {
        // A call with too few arguments: name the first one missing.
        const given = Array.isArray(issue.input) ? issue.input.length : 0;
        const missing = issue.path.length === 0 ? names.arguments?.[given] : undefined;
        return missing
          ? `${missing.charAt(0).toUpperCase()}${missing.slice(1)} mangler`
          : `${who} mangler verdier: minst ${issue.minimum}`;
      }
      if (issue.origin === "string") return `${who} er for kort`;
      return `${who} er for liten: minst ${issue.minimum}`;
    case "unrecognized_keys":
      return `${who} har ${issue.keys.length === 1 ? "et ukjent felt" : "ukjente felt"}: ${issue.keys.map((k) => `«${k}»`).join(", ")}`;
    case "invalid_format":
      return `${who} har feil form`;
    default:
      return `${who} er ugyldig`;
  }
}

/** Why the arguments are refused (Norwegian), or undefined when they are what the function takes. */
export function payloadProblem(
  schema: z.ZodMiniType,
  args: ReadonlyArray<unknown>,
  names: PayloadNames,
): string | undefined {
  const result = schema.safeParse(args, { reportInput: true });
  if (result.success) return undefined;
  const first = result.error.issues[0];
  return `Samspill avviste forespørselen «${names.action}» fra sidepanelet: ${describePayloadIssue(first, names)}. Lukk sidepanelet, åpne det igjen og prøv på nytt.`;
}

/** A refusal that reaches the sidebar through google.script.run's failure handler, with its Norwegian message. */
export class PayloadRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PayloadRefused";
  }
}

/**
 * `fn` behind its argument schema. A bad payload gives `refuse(message)` when the function has a
 * refusal value of its own (e.g. SaveResult's ok: false), else throws PayloadRefused.
 */
export function checked<R>(
  schema: z.ZodMiniType,
  names: PayloadNames,
  fn: (...args: any[]) => R,
  refuse?: (message: string) => R,
): (...args: unknown[]) => R {
  return (...args: unknown[]): R => {
    const problem = payloadProblem(schema, args, names);
    if (problem === undefined) return fn(...args);
    if (refuse) return refuse(problem);
    throw new PayloadRefused(problem);
  };
}
