import { AssociationResult } from "./association-result";
import { Cell, CellTable } from "./cell";
import { MEASURES } from "./reference";
import { Summary } from "./summary";
import { HistoryRow } from "./templates/central";
import { STATUSES } from "./templates/lists";
import { associationStatusLine, count, counted, describeIssue, formatChange, formatNumber, formatPercent, goalName, PERCENT_GOALS } from "./wording";

/**
 * The board report's content, described once: rapport.html (src/report) renders it as a page, the
 * central spreadsheet's Dashbord writes it as cells. Plain data in, plain data out: every text is
 * final bokmål, every figure is a number (the renderer formats it).
 */

/** One association as the report needs it: from a rollup's results, or read back from Innsamling. */
export interface CollectionEntry {
  id: string;
  name: string;
  municipalityNumber: string;
  county: string;
  status: string;
  rows: { read: number; counted: number; rejected: number };
}

/** How many associations have one measure of the action plan in each status. */
export interface MeasureStatusCount {
  area: string;
  measure: string;
  notStarted: number;
  inProgress: number;
  done: number;
  cancelled: number;
}

export interface ReportInput {
  summary: Summary;
  /** Historikk's rows (earlier years' national totals). */
  history?: ReadonlyArray<HistoryRow>;
  measures?: ReadonlyArray<MeasureStatusCount>;
  collection?: ReadonlyArray<CollectionEntry>;
  organisation?: string;
  /** State grant this year (Oppsett), compared with Historikk's. */
  grantThisYear?: number;
}

export interface KeyFigure {
  label: string;
  thisYear: number;
  lastYear: number | null;
  /** thisYear − lastYear; null when last year is unknown. */
  change: number | null;
  /** The change in per cent of last year; null when unknown or last year was 0. */
  changeShare: number | null;
}

export interface GoalEntry {
  id: string;
  name: string;
  target: number;
  actual: number | null;
  met: boolean | null;
  /** 0..1 of the way to the target; null when unknown. */
  progress: number | null;
  percent: boolean;
  /** "10 447 av 11 000", "8,2 % av 10 %", "ukjent (mangler fjorårets tall)". */
  text: string;
  status: "nådd" | "ikke nådd" | "ukjent";
}

export interface ProblemKind {
  description: string;
  code: string;
  errors: number;
  warnings: number;
  associations: number;
}

export interface BoardReport {
  title: string;
  year: number;
  lastYear: number;
  /** "33 foreninger: 25 OK, …". */
  statusLine: string;
  keyFigures: KeyFigure[];
  /** Said under the key figures when Historikk has no row for last year. */
  historyNote: string;
  goals: GoalEntry[];
  counties: Array<{ county: string; associations: number; members: number; activities: number; participants: number }>;
  /** Why the county table sums to fewer associations than registered ("" when it does not). */
  countyNote: string;
  activityTypes: Array<{ type: string; activities: number; participants: number; volunteerHours: number }>;
  measures: MeasureStatusCount[];
  measuresNote: string;
  problems: ProblemKind[];
  problemsLine: string;
  /** «Om tallene»: technical figures, label and value. */
  rowCounts: Array<{ label: string; value: number }>;
  fileStatuses: Array<{ status: string; associations: number; names: string[] }>;
}

const KEY_FIGURES: ReadonlyArray<[string, keyof Summary["totals"], keyof HistoryRow]> = [
  ["Medlemmer", "members", "members"],
  ["Frivillige", "volunteers", "volunteers"],
  ["Aktiviteter", "activities", "activities"],
  ["Deltakere", "participants", "participants"],
  ["Nye deltakere", "newParticipants", "newParticipants"],
  ["Frivillige timer", "volunteerHours", "volunteerHours"],
  ["Foreninger med kommuneavtale", "associationsWithAgreement", "associationsWithAgreement"],
];

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

function keyFigure(label: string, thisYear: number, last: number | undefined): KeyFigure {
  if (last === undefined) return { label, thisYear, lastYear: null, change: null, changeShare: null };
  const change = round(thisYear - last, 2);
  return { label, thisYear, lastYear: last, change, changeShare: last > 0 ? round(change / last, 4) : null };
}

function goalEntry(goal: Summary["goals"][number]): GoalEntry {
  const percent = PERCENT_GOALS.has(goal.id);
  const show = (value: number) => (percent ? formatPercent(value) : formatNumber(value));
  const progress = goal.actual === null ? null : goal.target <= 0 ? (goal.actual >= goal.target ? 1 : 0) : Math.max(0, Math.min(1, goal.actual / goal.target));
  const unknownWhy = goal.id === "grantGrowth" ? "mangler statstilskudd for i fjor eller i år" : "mangler fjorårets tall";
  return {
    id: goal.id,
    name: goalName(goal.id),
    target: goal.target,
    actual: goal.actual,
    met: goal.actual === null ? null : goal.met,
    progress,
    percent,
    text: goal.actual === null ? `ukjent (${unknownWhy})` : `${show(goal.actual)} av ${show(goal.target)}`,
    status: goal.actual === null ? "ukjent" : goal.met ? "nådd" : "ikke nådd",
  };
}

/** Per measure of the action plan: how many associations have it in each status (plan order first). */
export function measureStatusCounts(rows: Iterable<{ area: string; measure: string; status?: string }>): MeasureStatusCount[] {
  const key = (area: string, measure: string) => `${area}\u0000${measure}`;
  const counts = new Map<string, MeasureStatusCount>();
  const entry = (area: string, measure: string) => {
    let found = counts.get(key(area, measure));
    if (!found) counts.set(key(area, measure), (found = { area, measure, notStarted: 0, inProgress: 0, done: 0, cancelled: 0 }));
    return found;
  };
  for (const m of MEASURES) entry(m.area, m.measure);
  for (const row of rows) {
    const e = entry(row.area, row.measure);
    const status = row.status || STATUSES[0];
    if (status === STATUSES[1]) e.inProgress++;
    else if (status === STATUSES[2]) e.done++;
    else if (status === STATUSES[3]) e.cancelled++;
    else e.notStarted++;
  }
  return [...counts.values()].filter((m) => m.notStarted + m.inProgress + m.done + m.cancelled > 0);
}

export function measuresOfResults(results: ReadonlyArray<AssociationResult>): MeasureStatusCount[] {
  return measureStatusCounts(results.flatMap((r) => r.measures ?? []));
}

export function collectionOfResults(results: ReadonlyArray<AssociationResult>): CollectionEntry[] {
  return results.map((r) => ({ id: r.id, name: r.name, municipalityNumber: r.municipalityNumber, county: r.county, status: r.status, rows: r.rows }));
}

/** An output tab read back by its header texts: one object per data row. */
function rowsByHeader(cells: CellTable | undefined): Array<Record<string, Cell>> {
  if (!cells || cells.length < 2) return [];
  const header = cells[0].map((h) => String(h ?? "").trim().toLowerCase());
  return cells.slice(1).map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ""])));
}

const text = (value: Cell | undefined) => (value instanceof Date ? "" : String(value ?? "").trim());
const num = (value: Cell | undefined) => (typeof value === "number" ? value : Number(text(value).replace(/\s/g, "").replace(",", ".")) || 0);

/** The central's Tiltak tab (one row per association and measure) read back for `samspill rapport`. */
export function measuresOfCentral(cells: CellTable | undefined): MeasureStatusCount[] {
  return measureStatusCounts(rowsByHeader(cells).map((r) => ({ area: text(r["planområde"]), measure: text(r["tiltak"]), status: text(r["status"]) })).filter((r) => r.measure));
}

/** The central's Innsamling tab read back for `samspill rapport`. */
export function collectionOfCentral(cells: CellTable | undefined): CollectionEntry[] {
  return rowsByHeader(cells)
    .filter((r) => text(r["forening-id"]))
    .map((r) => ({
      id: text(r["forening-id"]),
      name: text(r["forening"]),
      municipalityNumber: text(r["kommunenummer"]),
      county: text(r["fylke"]),
      status: text(r["status"]),
      rows: { read: num(r["rader lest"]), counted: num(r["rader talt"]), rejected: num(r["rader avvist"]) },
    }));
}

function countyNote(summary: Summary, collection: ReadonlyArray<CollectionEntry> | undefined): string {
  const inCounties = summary.byCounty.reduce((sum, c) => sum + c.associations, 0);
  const missing = summary.associations.registered - inCounties;
  if (missing <= 0) return "";
  const lead = `${count(missing, "forening er", "foreninger er")} ikke med i tabellen fordi fylket er ukjent`;
  const without = (collection ?? []).filter((c) => !c.county);
  if (!without.length) return `${lead}: kommunenummeret i Foreninger mangler eller finnes ikke i kommunelisten.`;
  const reasons = without.map((c) => `${c.name || c.id} (${c.municipalityNumber ? `kommunenummer ${c.municipalityNumber} finnes ikke i kommunelisten` : "mangler kommunenummer i Foreninger"})`);
  return `${lead}: ${reasons.join("; ")}.`;
}

function problemKinds(summary: Summary): ProblemKind[] {
  const kinds = new Map<string, ProblemKind & { who: Set<string> }>();
  for (const issue of summary.issues) {
    let kind = kinds.get(issue.code);
    if (!kind) kinds.set(issue.code, (kind = { description: describeIssue(issue.code), code: issue.code, errors: 0, warnings: 0, associations: 0, who: new Set() }));
    if (issue.severity === "error") kind.errors++;
    else kind.warnings++;
    if (issue.association) kind.who.add(issue.association);
  }
  return [...kinds.values()]
    .map(({ who, ...kind }) => ({ ...kind, associations: who.size }))
    .sort((a, b) => b.errors + b.warnings - (a.errors + a.warnings) || (a.description < b.description ? -1 : 1));
}

const STATUS_ORDER = ["OK", "Med avvik", "Ikke sendt inn", "Mangler tilgang", "Finnes ikke", "Kan ikke leses"];

export function boardReport(input: ReportInput): BoardReport {
  const { summary } = input;
  const lastYear = summary.year - 1;
  const last = (input.history ?? []).find((h) => h.year === lastYear);
  const keyFigures = KEY_FIGURES.map(([label, key, historyKey]) => keyFigure(label, summary.totals[key], last?.[historyKey] as number | undefined));
  if (input.grantThisYear !== undefined) keyFigures.push(keyFigure("Statstilskudd (kr)", input.grantThisYear, last?.grant));
  const a = summary.associations;
  const fileStatuses = STATUS_ORDER.map((status) => {
    const entries = (input.collection ?? []).filter((c) => c.status === status);
    return { status, associations: entries.length, names: status === "OK" ? [] : entries.map((c) => c.name || c.id) };
  }).filter((s) => s.associations > 0);
  if (!input.collection) {
    fileStatuses.push(
      ...[
        { status: "OK", associations: a.ok, names: [] },
        { status: "Med avvik", associations: a.withIssues, names: [] },
        { status: "Ikke sendt inn", associations: a.notSubmitted, names: [] },
        { status: "Utilgjengelig", associations: a.unreachable, names: [] },
      ].filter((s) => s.associations > 0),
    );
  }
  const problems = problemKinds(summary);
  const errors = summary.issues.filter((i) => i.severity === "error").length;
  const measures = input.measures ?? [];
  return {
    title: `${input.organisation ?? "Seniornett Norge"}: nasjonal rapport ${summary.year}`,
    year: summary.year,
    lastYear,
    statusLine: associationStatusLine(a),
    keyFigures,
    historyNote: last ? "" : `Historikk har ingen tall for ${lastYear}, så endringen fra i fjor kan ikke vises.`,
    goals: summary.goals.map(goalEntry),
    counties: summary.byCounty.map((c) => ({ county: c.county, associations: c.associations, members: c.members, activities: c.activities, participants: c.participants })),
    countyNote: countyNote(summary, input.collection),
    activityTypes: summary.byActivityType.map((t) => ({ ...t })),
    measures: [...measures],
    measuresNote: measures.length
      ? "Antall foreninger som har tiltaket med hver status (fra fanen Tiltak i foreningenes regneark; bare rader uten feil er talt)."
      : "Ingen tiltak er registrert.",
    problems,
    problemsLine: summary.issues.length
      ? `${counted(summary.issues.length, "problem")} i alt: ${counted(errors, "error")} og ${counted(summary.issues.length - errors, "warning")}. Hvert problem med celle og melding står i fanen Avvik i det sentrale regnearket.`
      : "Ingen problemer funnet.",
    rowCounts: [
      { label: "Rader lest (Aktiviteter, Milepæler og Tiltak)", value: summary.rows.read },
      { label: "Rader talt", value: summary.rows.counted },
      { label: "Rader avvist (med feil, ikke talt)", value: summary.rows.rejected },
      { label: "Milepæler", value: summary.milestones.total },
      { label: "Milepæler fullført", value: summary.milestones.done },
      { label: "Milepæler forsinket", value: summary.milestones.overdue },
    ],
    fileStatuses,
  };
}

/** "+1 234 (+12,5 %)", "ny" or "" — the change column as people read it. */
export function changeText(figure: KeyFigure): string {
  if (figure.change === null) return "";
  return figure.changeShare === null ? formatChange(figure.change) : `${formatChange(figure.change)} (${figure.changeShare > 0 ? "+" : ""}${formatPercent(figure.changeShare)})`;
}
