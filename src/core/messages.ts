import { ColumnSpec } from "./schema/column";
import type { ReadContext } from "./read-context";
import { osloDayOf } from "./dates";
import { PersonalDataKind, personalDataKinds } from "./privacy";
import { formatNumber } from "./wording";

/** Norwegian wording of each rule, written once: used for issue messages, header notes and sidebars. */

function range(column: ColumnSpec): string {
  const { min, max } = column;
  if (min !== undefined && max !== undefined) return ` mellom ${formatNumber(min)} og ${formatNumber(max)}`;
  if (min !== undefined) return ` på minst ${formatNumber(min)}`;
  if (max !== undefined) return ` på høyst ${formatNumber(max)}`;
  return "";
}

/** What a valid value looks like, e.g. "et helt tall mellom 0 og 10 000". */
export function describeRule(column: ColumnSpec, context?: Pick<ReadContext, "year">): string {
  switch (column.kind) {
    case "whole":
      return `et helt tall${range(column)}`;
    case "decimal":
      return `et tall${range(column)}`;
    case "date":
      if (column.inReportYear) return context ? `en dato i rapportåret ${context.year} (dd.mm.åååå)` : "en dato i rapportåret (dd.mm.åååå)";
      return column.notAfterToday ? "en dato (dd.mm.åååå), ikke senere enn i dag" : "en dato (dd.mm.åååå)";
    case "list":
      return `en av: ${(column.values ?? []).join(", ")}`;
    case "municipality":
      return "et kommunenummer med 4 siffer (f.eks. 0301)";
    case "orgNumber":
      return "et gyldig organisasjonsnummer med 9 siffer";
    case "email":
      return "en gyldig e-postadresse";
    case "text":
      return column.maxLength ? `tekst på høyst ${formatNumber(column.maxLength)} tegn` : "tekst";
  }
}

/** The help note on a header cell and the hint under a sidebar field. */
export function helpText(column: ColumnSpec): string {
  const parts = [`${column.required ? "Påkrevd" : "Valgfri"}: ${describeRule(column)}.`];
  if (column.default !== undefined) parts.push(`Tomt betyr ${column.default}.`);
  if (column.help) parts.push(column.help.endsWith(".") ? column.help : column.help + ".");
  if (column.personal) parts.push("Personopplysning: deles ikke med kommunen.");
  if (column.shownToPartners) parts.push("Vises for kommunen: skriv ikke navn, telefonnummer, e-post eller fødselsnummer.");
  return parts.join(" ");
}

function shown(raw: unknown): string {
  // A Date cell is shown as its Oslo day; an invalid Date (a broken cell) must not throw here.
  const text = raw instanceof Date ? (osloDayOf(raw) ?? "ugyldig dato") : String(raw ?? "").trim();
  return text.length > 40 ? text.slice(0, 37) + "…" : text;
}

const PERSONAL_DATA_NAMES: Readonly<Record<PersonalDataKind, string>> = {
  phone: "et telefonnummer",
  email: "en e-postadresse",
  nationalId: "et fødselsnummer",
};

/** «et telefonnummer», «et telefonnummer og en e-postadresse», «a, b og c». */
function listed(parts: string[]): string {
  return parts.length < 2 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} og ${parts[parts.length - 1]}`;
}

/** The warning on free text a municipality sees («Tittelen ser ut til å inneholde et telefonnummer. …»). */
function personalDataMessage(column: ColumnSpec, raw: unknown): string {
  const name = column.shownToPartners?.definite ?? column.header;
  const kinds = personalDataKinds(String(raw ?? ""));
  const what = kinds.length ? listed(kinds.map((kind) => PERSONAL_DATA_NAMES[kind])) : "personopplysninger";
  return `${name} ser ut til å inneholde ${what}. ${name} vises for kommunen – ta bort personopplysninger.`;
}

export function issueMessage(column: ColumnSpec, code: string, raw: unknown, context: ReadContext): string {
  const name = column.header;
  switch (code) {
    case "personal_data":
      return personalDataMessage(column, raw);
    case "required":
      return `${name} må fylles ut`;
    case "outside_report_year":
      return `${name} må være en dato i rapportåret ${context.year}`;
    case "in_future":
      return `${name} kan ikke være etter i dag`;
    case "unknown_municipality":
      return `${name} «${shown(raw)}» er ikke et kommunenummer i kommunelisten`;
    case "too_long":
      return `${name} kan ha høyst ${formatNumber(column.maxLength ?? 0)} tegn`;
    case "ambiguous_number": {
      // «1.234»: a thousands dot or a decimal point? Both readings are shown, with how to write each.
      const text = shown(raw);
      const whole = text.replace(/\./g, "");
      const decimal = text.replace(".", ",");
      return `${name} «${text}» kan bety ${formatNumber(Number(whole))} eller ${decimal}: skriv ${whole} eller ${decimal}`;
    }
    case "not_in_list":
      return `${name} må være ${describeRule(column)} (ikke «${shown(raw)}»)`;
    default: {
      // The value that could not be read is quoted, so the person sees what Samspill saw («mange»).
      const value = shown(raw);
      return `${name} må være ${describeRule(column, context)}${value ? ` (ikke «${value}»)` : ""}`;
    }
  }
}

/** Ways a spreadsheet service can fail to give a spreadsheet, beyond «finnes ikke» and «mangler tilgang». */
export type ReadFailureKind = "transient" | "auth" | "missing_tab" | "invalid" | "other";

/**
 * Why a spreadsheet could not be read, in Norwegian, per failure kind: the service's own (English)
 * text never reaches Innsamling or Avvik. Shared by the Apps Script and Sheets API readers.
 */
export const READ_FAILURE: { message: string; detail: Record<ReadFailureKind, string> } = {
  message: "Regnearket kunne ikke leses",
  detail: {
    transient: "Google svarte ikke, heller ikke etter flere forsøk; prøv igjen senere",
    auth: "Google avviste innloggingen til Samspill",
    missing_tab: "Google fant ikke fanene Samspill ba om",
    invalid: "Google avviste lesingen av fanene",
    other: "Google svarte med en feil Samspill ikke kjenner",
  },
};
