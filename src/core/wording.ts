/**
 * The words people read, written once: how numbers and counts are written in bokmål, the short
 * Norwegian description of every issue code, and the goals' names. Used by the core's messages,
 * the sidebars, the CLI, the central spreadsheet and the board report. Pure: no Intl locale data
 * is assumed (Apps Script and Node agree byte for byte).
 */

/** Thousands separated by a space and a decimal comma: 10447 → "10 447", 2.5 → "2,5", -1234 → "-1 234". */
export function formatNumber(value: number, maxDecimals = 2): string {
  if (!Number.isFinite(value)) return String(value);
  const factor = 10 ** maxDecimals;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  const [whole, fraction] = rounded.toFixed(maxDecimals).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  const decimals = (fraction ?? "").replace(/0+$/, "");
  const sign = value < 0 && rounded !== 0 ? "-" : "";
  return sign + grouped + (decimals ? "," + decimals : "");
}

/** 0.125 → "12,5 %". */
export function formatPercent(fraction: number, maxDecimals = 1): string {
  return `${formatNumber(fraction * 100, maxDecimals)} %`;
}

/** A signed change: +1 234, -12, ±0. */
export function formatChange(value: number, maxDecimals = 2): string {
  if (value === 0) return "±0";
  return (value > 0 ? "+" : "") + formatNumber(value, maxDecimals);
}

/**
 * A count with its noun in the right number: count(1, "advarsel", "advarsler") → "1 advarsel",
 * count(2, …) → "2 advarsler", count(10447, "deltaker", "deltakere") → "10 447 deltakere".
 * Bokmål uses the singular for exactly 1 (and -1) only; 0 takes the plural ("0 feil").
 */
export function count(n: number, singular: string, plural: string): string {
  return `${formatNumber(n)} ${Math.abs(n) === 1 ? singular : plural}`;
}

/** Nouns the product counts, singular and plural, so every place writes them the same way. */
export const NOUNS = {
  error: ["feil", "feil"],
  warning: ["advarsel", "advarsler"],
  problem: ["problem", "problemer"],
  association: ["forening", "foreninger"],
  unreachable: ["utilgjengelig", "utilgjengelige"],
  row: ["rad", "rader"],
  activity: ["aktivitet", "aktiviteter"],
  participant: ["deltaker", "deltakere"],
  file: ["fil", "filer"],
  measure: ["tiltak", "tiltak"],
  milestone: ["milepæl", "milepæler"],
  date: ["dato", "datoer"],
} as const satisfies Record<string, readonly [string, string]>;

/** count() with one of the product's nouns: counted(1, "warning") → "1 advarsel". */
export function counted(n: number, noun: keyof typeof NOUNS): string {
  const [singular, plural] = NOUNS[noun];
  return count(n, singular, plural);
}

/**
 * Every issue code the product reports, with a short description a volunteer understands.
 * The codes stay in JSON and in a last column; people read these words. A test enumerates every
 * code written in src/ and requires it here.
 */
export const ISSUE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  // cells
  required: "Påkrevd felt mangler",
  not_whole: "Ikke et helt tall",
  not_a_number: "Ikke et tall",
  ambiguous_number: "Tallet kan leses på to måter",
  out_of_range: "Tallet er utenfor grensene",
  not_a_date: "Ikke en dato",
  outside_report_year: "Datoen er utenfor rapportåret",
  in_future: "Datoen er etter i dag",
  not_in_list: "Ikke et av valgene i listen",
  not_a_municipality_number: "Ikke et kommunenummer",
  unknown_municipality: "Ukjent kommunenummer",
  invalid_org_number: "Ugyldig organisasjonsnummer",
  invalid_email: "Ugyldig e-postadresse",
  too_long: "For lang tekst",
  more_than_participants: "Flere nye deltakere enn deltakere",
  not_allowed: "Feltet skal være tomt",
  formula_without_value: "Formel uten verdi",
  personal_data: "Personopplysning i fritekst",
  // tabs and columns
  missing_column: "Kolonne mangler",
  missing_tab: "Fane mangler",
  missing_field: "Felt mangler i Årsrapport",
  extra_column: "Ukjent kolonne",
  duplicate_column: "Kolonnen finnes to ganger",
  misnamed_tab: "Fanenavnet er skrevet annerledes",
  tab_name_differs: "Fanenavnet er skrevet annerledes",
  copied_tab: "Kopi av en fane",
  merged_cells: "Sammenslåtte celler",
  stray_value: "Verdi langt utenfor tabellen",
  stray_cell: "Verdi langt utenfor tabellen",
  // the association as a whole
  wrong_year: "Feil rapportår",
  municipality_mismatch: "Annet kommunenummer enn i registeret",
  not_found: "Regnearket finnes ikke",
  no_access: "Mangler tilgang",
  unreadable_file: "Filen kan ikke leses",
  too_large: "Filen er for stor",
  // the central spreadsheet
  duplicate_id: "Forening-ID er brukt før",
  duplicate_spreadsheet: "Regnearket er registrert før",
  registry_moved: "Filen er flyttet",
};

/** The description of a code; an unknown code still reads as Norwegian, never as the code. */
export function describeIssue(code: string): string {
  return ISSUE_DESCRIPTIONS[code] ?? "Annet problem";
}

/** Severity as people read it. */
export function describeSeverity(severity: "error" | "warning"): string {
  return severity === "error" ? "Feil" : "Advarsel";
}

/** The strategy goals by their Norwegian names (SPEC "The strategy goals"). */
export const GOAL_NAMES: Readonly<Record<string, string>> = {
  members: "Medlemmer",
  counties: "Fylker med lokale tiltak",
  participantGrowth: "Vekst i deltakere",
  agreements: "Foreninger med kommuneavtale",
  grantGrowth: "Vekst i statstilskudd",
};

/** Goals measured as a share (0,10 = 10 %) rather than a count. */
export const PERCENT_GOALS: ReadonlySet<string> = new Set(["participantGrowth", "grantGrowth"]);

export function goalName(id: string): string {
  return GOAL_NAMES[id] ?? "Annet mål";
}

/** "33 foreninger: 25 OK, 5 med avvik, 2 ikke sendt inn, 1 utilgjengelig" — one wording everywhere. */
export function associationStatusLine(a: { registered: number; ok: number; withIssues: number; notSubmitted: number; unreachable: number }): string {
  return `${counted(a.registered, "association")}: ${formatNumber(a.ok)} OK, ${formatNumber(a.withIssues)} med avvik, ${formatNumber(a.notSubmitted)} ikke sendt inn, ${counted(a.unreachable, "unreachable")}`;
}
