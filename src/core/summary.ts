import { AssociationResult } from "./association-result";
import { CentralInputs, goalTargets } from "./central-inputs";
import { Issue } from "./issues";
import { findMunicipality } from "./reference";
import { ACTIVITY_TYPES, DONE } from "./templates/lists";
import { isOverdue } from "./templates/association";
import { IsoDate } from "./dates";

/** The summary JSON other tools read (SPEC "summary JSON"); key order is part of the format. */
export interface Summary {
  schemaVersion: 1;
  year: number;
  associations: { registered: number; ok: number; withIssues: number; notSubmitted: number; unreachable: number };
  rows: { read: number; counted: number; rejected: number };
  totals: Totals;
  byCounty: CountyTotals[];
  byActivityType: ActivityTypeTotals[];
  milestones: { total: number; done: number; overdue: number };
  goals: Goal[];
  issues: Issue[];
}

export interface Totals {
  members: number;
  volunteers: number;
  activities: number;
  participants: number;
  newParticipants: number;
  volunteerHours: number;
  associationsWithAgreement: number;
}

export interface CountyTotals {
  countyNumber: string;
  county: string;
  associations: number;
  members: number;
  activities: number;
  participants: number;
}

export interface ActivityTypeTotals {
  type: string;
  activities: number;
  participants: number;
  volunteerHours: number;
}

export type GoalId = "members" | "counties" | "participantGrowth" | "agreements" | "grantGrowth";
export interface Goal {
  id: GoalId;
  target: number;
  actual: number | null;
  met: boolean;
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** Stable order everywhere: county, municipality, association ID. */
export function compareAssociations(a: AssociationResult, b: AssociationResult): number {
  const key = (r: AssociationResult) => `${r.countyNumber || "99"}|${r.municipalityNumber}|${r.id}`;
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export interface SummaryInput {
  year: number;
  today: IsoDate;
  central: CentralInputs;
  results: ReadonlyArray<AssociationResult>;
}

export function summarise({ year, today, central, results }: SummaryInput): Summary {
  const ordered = [...results].sort(compareAssociations);
  const associations = { registered: ordered.length, ok: 0, withIssues: 0, notSubmitted: 0, unreachable: 0 };
  const rows = { read: 0, counted: 0, rejected: 0 };
  const totals: Totals = { members: 0, volunteers: 0, activities: 0, participants: 0, newParticipants: 0, volunteerHours: 0, associationsWithAgreement: 0 };
  const byCounty = new Map<string, CountyTotals>();
  const byType = new Map<string, ActivityTypeTotals>(ACTIVITY_TYPES.map((type) => [type, { type, activities: 0, participants: 0, volunteerHours: 0 }]));
  const activeCounties = new Set<string>();
  const milestones = { total: 0, done: 0, overdue: 0 };

  for (const result of ordered) {
    if (result.status === "OK") associations.ok++;
    else if (result.status === "Med avvik") associations.withIssues++;
    else if (result.status === "Ikke sendt inn") associations.notSubmitted++;
    else associations.unreachable++;
    rows.read += result.rows.read;
    rows.counted += result.rows.counted;
    rows.rejected += result.rows.rejected;

    const members = result.report.members ?? 0;
    totals.members += members;
    totals.volunteers += result.report.volunteers ?? 0;
    if (result.report.agreement === "Muntlig" || result.report.agreement === "Skriftlig") totals.associationsWithAgreement++;

    let county = byCounty.get(result.countyNumber);
    if (!county) {
      county = { countyNumber: result.countyNumber, county: result.county, associations: 0, members: 0, activities: 0, participants: 0 };
      byCounty.set(result.countyNumber, county);
    }
    county.associations++;
    county.members += members;

    for (const activity of result.activities) {
      totals.activities++;
      totals.participants += activity.participants;
      totals.newParticipants += activity.newParticipants;
      totals.volunteerHours += activity.volunteerHours;
      county.activities++;
      county.participants += activity.participants;
      const type = byType.get(activity.type)!;
      type.activities++;
      type.participants += activity.participants;
      type.volunteerHours += activity.volunteerHours;
      const where = findMunicipality(activity.municipalityNumber);
      if (where) activeCounties.add(where.countyNumber);
    }
    for (const milestone of result.milestones) {
      milestones.total++;
      if (milestone.status === DONE) milestones.done++;
      if (isOverdue(milestone, today)) milestones.overdue++;
    }
  }
  totals.volunteerHours = round(totals.volunteerHours, 2);
  for (const type of byType.values()) type.volunteerHours = round(type.volunteerHours, 2);

  const issues = [...central.issues.map((issue) => ({ association: "", ...issue })), ...ordered.flatMap((r) => r.issues)];
  return {
    schemaVersion: 1,
    year,
    associations,
    rows,
    totals,
    byCounty: [...byCounty.values()].filter((c) => c.countyNumber).sort((a, b) => a.countyNumber.localeCompare(b.countyNumber)),
    byActivityType: [...byType.values()],
    milestones,
    goals: computeGoals(year, central, totals, activeCounties.size),
    issues,
  };
}

function growth(now: number | undefined, before: number | undefined): number | null {
  if (now === undefined || before === undefined || before <= 0) return null;
  return round(now / before - 1, 4);
}

function computeGoals(year: number, central: CentralInputs, totals: Totals, activeCounties: number): Goal[] {
  const targets = goalTargets(central.settings);
  const lastYear = central.history.find((h) => h.year === year - 1);
  const grantLastYear = central.settings.grantLastYear ?? lastYear?.grant;
  const goal = (id: GoalId, actual: number | null): Goal => ({ id, target: targets[id], actual, met: actual !== null && actual >= targets[id] });
  return [
    goal("members", totals.members),
    goal("counties", activeCounties),
    goal("participantGrowth", growth(totals.participants, lastYear?.participants)),
    goal("agreements", totals.associationsWithAgreement),
    goal("grantGrowth", growth(central.settings.grantThisYear, grantLastYear)),
  ];
}

/** Byte-stable JSON: fixed key order comes from construction; two-space indent and a final newline. */
export function summaryJson(summary: Summary): string {
  return JSON.stringify(summary, null, 2) + "\n";
}

