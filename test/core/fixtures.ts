import { Cell } from "../../src/core/cell";
import { activities, annualReport, measures, milestones } from "../../src/core/templates/association";
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
