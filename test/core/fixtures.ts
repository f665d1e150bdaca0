import { ActivityFact, AssociationResult } from "../../src/core/association-result";
import { Cell } from "../../src/core/cell";
import { findMunicipality } from "../../src/core/reference";
import { activities, annualReport, MeasureRow, measures, Milestone, milestones } from "../../src/core/templates/association";
import { Template } from "../../src/core/schema/table";

/** The header row of a template, as a person sees it. */
export function headerOf(template: Template<any>): string[] {
  return template.keys.map((key) => template.columns[key].header);
}

/** A row in template order from a partial record keyed by field. */
export function rowOf(template: Template<any>, values: Record<string, Cell>): Cell[] {
  return template.keys.map((key) => values[key] ?? "");
}

export interface AssociationFixture {
  report?: Record<string, Cell>;
  activities?: Array<Record<string, Cell>>;
  milestones?: Array<Record<string, Cell>>;
  measures?: Array<Record<string, Cell>>;
}

export const GOOD_REPORT: Record<string, Cell> = {
  year: 2025,
  associationName: "Seniornett Bodø",
  municipalityNumber: "1804",
  members: 120,
  volunteers: 14,
  agreement: "Skriftlig",
  agreementDate: "15.01.2024",
  contactName: "Kari Nordmann",
  contactEmail: "kari@example.no",
  submittedAt: "2026-01-20T10:00:00+01:00",
  submittedBy: "kari@example.no",
};

/** The four tabs of an association workbook as raw cell tables. */
export function associationSheets(fixture: AssociationFixture = {}): Record<string, Cell[][]> {
  const report = { ...GOOD_REPORT, ...fixture.report };
  return {
    [annualReport.name]: [["Felt", "Verdi", "Hjelp"], ...annualReport.keys.map((key) => [annualReport.columns[key].header, report[key] ?? "", ""])],
    [activities.name]: [headerOf(activities), ...(fixture.activities ?? []).map((r) => rowOf(activities, r))],
    [milestones.name]: [headerOf(milestones), ...(fixture.milestones ?? []).map((r) => rowOf(milestones, r))],
    [measures.name]: [headerOf(measures), ...(fixture.measures ?? []).map((r) => rowOf(measures, r))],
  };
}

export const GOOD_ACTIVITY: Record<string, Cell> = { date: "12.03.2025", type: "Kurs", title: "iPad for nybegynnere", participants: 12, newParticipants: 4, volunteers: 2, volunteerHours: "6,5" };

/** An association's result as the rollup keeps it: its home county from the reference, nothing read unless given. */
export function resultOf(id: string, municipalityNumber: string, values: Partial<AssociationResult> = {}): AssociationResult {
  const home = findMunicipality(municipalityNumber);
  return {
    id,
    name: `Seniornett ${home?.name ?? id}`,
    municipalityNumber,
    countyNumber: home?.countyNumber ?? "",
    county: home?.county ?? "",
    status: "OK",
    rows: { read: 0, counted: 0, rejected: 0 },
    submittedAt: "",
    report: {},
    activities: [],
    milestones: [],
    measures: [],
    issues: [],
    ...values,
  };
}

/** A counted activity as a result keeps it (dates ISO). */
export function activityFact(values: Partial<ActivityFact> = {}): ActivityFact {
  return { date: "2025-03-12", type: "Kurs", title: "iPad for nybegynnere", municipalityNumber: "1804", partner: "Ingen", participants: 12, newParticipants: 4, volunteers: 2, volunteerHours: 6.5, ...values };
}

/** A counted milestone as a result keeps it; optional fields empty unless given. */
export function milestoneFact(values: Partial<Milestone> = {}): Milestone {
  return { municipalityNumber: "1804", title: "Avtale signert", dueDate: "2025-03-01", responsibleParty: "Begge", contribution: undefined, status: "Ikke startet", completedDate: undefined, comment: undefined, ...values };
}

/** A counted Tiltak row as a result keeps it; optional fields empty unless given. */
export function measureFact(values: Partial<MeasureRow> = {}): MeasureRow {
  return { area: "Rekruttering", measure: "Verve nye medlemmer", activity: undefined, responsibility: "Lokalt", owner: undefined, dueDate: undefined, status: "Ikke startet", result: undefined, reached: undefined, ...values };
}
