import { AssociationResult } from "./association-result";
import { Cell } from "./cell";
import { dateAtNoonUtc, IsoDate } from "./dates";
import { ColumnFormat, instant, OutputTable, outputTable } from "./output-table";
import { Issue } from "./issues";
import { findMunicipality } from "./reference";
import { compareAssociations, Summary } from "./summary";
import { isOverdue } from "./templates/association";
import { count, describeIssue, describeSeverity, goalName, PERCENT_GOALS } from "./wording";

/** The central spreadsheet's output tabs (SPEC "The central spreadsheet"), each rewritten whole. */

const date = (iso: IsoDate | undefined): Cell => (iso ? dateAtNoonUtc(iso) : "");
const yesNo = (value: boolean) => (value ? "Ja" : "Nei");
const municipalityName = (number: string) => findMunicipality(number)?.name ?? "";

export interface ReadStamp {
  /** ISO instant each association was read (by ID). */
  readAt: Record<string, string>;
}

/** "Påkrevd felt mangler (2), Kolonne mangler (1)": an association's problems by kind, most frequent first. */
export function problemKinds(issues: ReadonlyArray<Issue>, most = 3): string {
  const kinds = new Map<string, number>();
  for (const issue of issues) kinds.set(describeIssue(issue.code), (kinds.get(describeIssue(issue.code)) ?? 0) + 1);
  const sorted = [...kinds].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const shown = sorted.slice(0, most).map(([kind, n]) => `${kind} (${n})`);
  if (sorted.length > most) shown.push(`og ${count(sorted.length - most, "annen type", "andre typer")}`);
  return shown.join(", ");
}

export function collectionTable(results: ReadonlyArray<AssociationResult>, stamp?: ReadStamp): OutputTable {
  const rows = [...results].sort(compareAssociations).map((r) => {
    const errors = r.issues.filter((i) => i.severity === "error").length;
    return [r.id, r.name, r.municipalityNumber, municipalityName(r.municipalityNumber), r.county, r.status, r.rows.read, r.rows.counted, r.rows.rejected, errors, r.issues.length - errors, instant(r.submittedAt), instant(stamp?.readAt[r.id] ?? ""), problemKinds(r.issues)];
  });
  return outputTable(
    "Innsamling",
    [["Forening-ID", "text"], ["Forening", "text"], ["Kommunenummer", "text"], ["Kommune", "text"], ["Fylke", "text"], ["Status", "text"], ["Rader lest", "whole"], ["Rader talt", "whole"], ["Rader avvist", "whole"], ["Feil", "whole"], ["Advarsler", "whole"], ["Innsendt", "datetime"], ["Lest", "datetime"], ["Problemer", "text"]],
    rows,
  );
}

export function nationalTable(summary: Summary): OutputTable {
  const { associations: a, totals: t, rows, milestones: m } = summary;
  const figures: Array<[string, number]> = [
    ["Rapportår", summary.year],
    ["Registrerte foreninger", a.registered],
    ["Foreninger OK", a.ok],
    ["Foreninger med avvik", a.withIssues],
    ["Foreninger som ikke har sendt inn", a.notSubmitted],
    ["Foreninger som ikke kunne leses", a.unreachable],
    ["Medlemmer", t.members],
    ["Frivillige", t.volunteers],
    ["Aktiviteter", t.activities],
    ["Deltakere", t.participants],
    ["Nye deltakere", t.newParticipants],
    ["Frivillige timer", t.volunteerHours],
    ["Foreninger med kommuneavtale", t.associationsWithAgreement],
    ["Rader lest", rows.read],
    ["Rader talt", rows.counted],
    ["Rader avvist", rows.rejected],
    ["Milepæler", m.total],
    ["Milepæler fullført", m.done],
    ["Milepæler forsinket", m.overdue],
  ];
  // The year is a number without a thousands separator; the rest are counts (hours may have decimals).
  return outputTable("Nasjonalt", [["Nøkkeltall", "text"], ["Verdi", "decimal"]], figures, { cellFormats: { 1: [undefined, "year"] } });
}

export function countyTable(summary: Summary): OutputTable {
  return outputTable(
    "Per fylke",
    [["Fylkesnummer", "text"], ["Fylke", "text"], ["Foreninger", "whole"], ["Medlemmer", "whole"], ["Aktiviteter", "whole"], ["Deltakere", "whole"]],
    summary.byCounty.map((c) => [c.countyNumber, c.county, c.associations, c.members, c.activities, c.participants]),
  );
}

export function activityTypeTable(summary: Summary): OutputTable {
  return outputTable(
    "Per aktivitetstype",
    [["Aktivitetstype", "text"], ["Aktiviteter", "whole"], ["Deltakere", "whole"], ["Frivillige timer", "decimal"]],
    summary.byActivityType.map((t) => [t.type, t.activities, t.participants, t.volunteerHours]),
  );
}

export function goalsTable(summary: Summary): OutputTable {
  return outputTable(
    "Mål",
    [["Mål", "text"], ["Målverdi", "decimal"], ["Faktisk", "decimal"], ["Nådd", "text"], ["Enhet", "text"], ["Kode", "text"]],
    summary.goals.map((g) => [goalName(g.id), g.target, g.actual ?? "", g.actual === null ? "Ukjent" : yesNo(g.met), PERCENT_GOALS.has(g.id) ? "andel (0,10 = 10 %)" : "antall", g.id]),
    { cellFormats: goalCellFormats(summary, [1, 2]) },
  );
}

/** Growth goals are shares (0,10): their target and actual cells are shown as percentages. */
export function goalCellFormats(summary: Summary, columns: number[], firstRow = 1): Record<number, Array<ColumnFormat | undefined>> {
  const formats: Record<number, Array<ColumnFormat | undefined>> = {};
  summary.goals.forEach((g, i) => {
    if (!PERCENT_GOALS.has(g.id)) return;
    const row: Array<ColumnFormat | undefined> = [];
    for (const c of columns) row[c] = "percent";
    formats[firstRow + i] = row;
  });
  return formats;
}

export function milestonesTable(results: ReadonlyArray<AssociationResult>, today: IsoDate): OutputTable {
  const rows: Cell[][] = [];
  for (const r of [...results].sort(compareAssociations)) {
    for (const m of r.milestones) {
      rows.push([r.id, r.name, r.county, m.municipalityNumber, municipalityName(m.municipalityNumber), m.title, date(m.dueDate), m.responsibleParty, m.contribution ?? "", m.status, date(m.completedDate), yesNo(isOverdue(m, today)), m.comment ?? ""]);
    }
  }
  return outputTable(
    "Milepæler",
    [["Forening-ID", "text"], ["Forening", "text"], ["Fylke", "text"], ["Kommunenummer", "text"], ["Kommune", "text"], ["Milepæl", "text"], ["Frist", "date"], ["Ansvarlig part", "text"], ["Bidrag", "text"], ["Status", "text"], ["Fullført dato", "date"], ["Forsinket", "text"], ["Kommentar", "text"]],
    rows,
  );
}

export function measuresTable(results: ReadonlyArray<AssociationResult>, today: IsoDate): OutputTable {
  const rows: Cell[][] = [];
  for (const r of [...results].sort(compareAssociations)) {
    for (const m of r.measures) {
      rows.push([r.id, r.name, r.county, m.area, m.measure, m.responsibility, m.owner ?? "", date(m.dueDate), m.status, m.result ?? "", m.reached ?? "", yesNo(isOverdue(m, today))]);
    }
  }
  return outputTable(
    "Tiltak",
    [["Forening-ID", "text"], ["Forening", "text"], ["Fylke", "text"], ["Planområde", "text"], ["Tiltak", "text"], ["Ansvar", "text"], ["Ansvarlig", "text"], ["Frist", "date"], ["Status", "text"], ["Resultat", "text"], ["Antall nådd", "whole"], ["Forsinket", "text"]],
    rows,
    // One row per association and measure: long texts wrap so that it prints one page wide.
    { maxWidth: 32 },
  );
}

export function issuesTable(summary: Summary, results: ReadonlyArray<AssociationResult>): OutputTable {
  const names = new Map(results.map((r) => [r.id, r.name]));
  return outputTable(
    "Avvik",
    [["Forening-ID", "text"], ["Forening", "text"], ["Fane", "text"], ["Celle", "text"], ["Alvorlighet", "text"], ["Problem", "text"], ["Melding", "text"], ["Kode", "text"]],
    summary.issues.map((i) => [i.association ?? "", names.get(i.association ?? "") ?? "Sentralt regneark", i.sheet, i.cell, describeSeverity(i.severity), describeIssue(i.code), i.message, i.code]),
  );
}

export interface LogEntry {
  at: string;
  user: string;
  action: string;
  seconds: number;
  associations: number;
  note: string;
}

const LOG_COLUMNS: Array<[string, ColumnFormat]> = [["Tidspunkt", "datetime"], ["Bruker", "text"], ["Handling", "text"], ["Varighet (s)", "decimal"], ["Foreninger", "whole"], ["Merknad", "text"]];
const LOG_KEEP = 1000;

/** Logg is rewritten whole too: the newest entry first, earlier entries kept (up to 1000). */
export function logTable(previous: ReadonlyArray<ReadonlyArray<Cell>> | undefined, entry: LogEntry): OutputTable {
  const earlier = (previous ?? []).slice(1).filter((row) => row.some((c) => c !== "" && c !== null && c !== undefined));
  // Tidspunkt is a date-time cell (earlier versions wrote ISO text: it is read back as the instant it names).
  const rows: Cell[][] = [[instant(entry.at), entry.user, entry.action, entry.seconds, entry.associations, entry.note], ...earlier.map(([at, ...rest]) => [instant(at), ...rest])];
  return outputTable("Logg", LOG_COLUMNS, rows.slice(0, LOG_KEEP));
}

/** All output tabs of a rollup, in the order they appear in the central spreadsheet. */
export function rollupOutputs(summary: Summary, results: ReadonlyArray<AssociationResult>, today: IsoDate, stamp?: ReadStamp): OutputTable[] {
  return [
    collectionTable(results, stamp),
    nationalTable(summary),
    countyTable(summary),
    activityTypeTable(summary),
    goalsTable(summary),
    milestonesTable(results, today),
    measuresTable(results, today),
    issuesTable(summary, results),
  ];
}
