import { AssociationResult } from "../../src/core/association-result";
import { CentralInputs } from "../../src/core/central-inputs";
import { Issue, Severity } from "../../src/core/issues";
import { Goal, GoalId, summarise, Summary } from "../../src/core/summary";
import { MeasureRow } from "../../src/core/templates/association";
import { HistoryRow } from "../../src/core/templates/central";
import { resultOf } from "./fixtures";

/** Builders for the board report and Dashbord tests: a Summary made by summarise() from association results. */

export const TODAY = "2025-11-25";

export function result(id: string, values: Partial<AssociationResult> = {}): AssociationResult {
  return resultOf(id, "1804", { name: `Seniornett ${id}`, submittedAt: "2025-11-01", ...values });
}
export function activity(values: Partial<AssociationResult["activities"][number]> = {}): AssociationResult["activities"][number] {
  return { date: "2025-03-12", type: "Kurs", title: "iPad", municipalityNumber: "1804", partner: "Ingen", participants: 10, newParticipants: 2, volunteers: 1, volunteerHours: 1, ...values };
}

export function measureRow(area: string, measure: string, status?: string): MeasureRow {
  return { area, measure, activity: undefined, responsibility: "Lokalt", owner: undefined, dueDate: undefined, status: status as MeasureRow["status"], result: undefined, reached: undefined };
}

export const central = (values: Partial<CentralInputs> = {}): CentralInputs => ({ settings: {}, associations: [], history: [], issues: [], ...values });

export function summaryOf(results: AssociationResult[] = [], centralInputs: CentralInputs = central()): Summary {
  return summarise({ year: 2025, today: TODAY, central: centralInputs, results });
}

/** An empty 2025 summary with some parts set directly (a board report only reads what it is given). */
export function summaryWith(parts: Partial<Summary>): Summary {
  return { ...summaryOf(), ...parts };
}

/** A Historikk row: every figure the row leaves out is empty. */
export function historyRow(year: number, values: Partial<HistoryRow> = {}): HistoryRow {
  return {
    year,
    members: undefined,
    volunteers: undefined,
    activities: undefined,
    participants: undefined,
    newParticipants: undefined,
    volunteerHours: undefined,
    associationsWithAgreement: undefined,
    grant: undefined,
    ...values,
  };
}

export function goal(id: GoalId, target: number, actual: number | null, met: boolean): Goal {
  return { id, target, actual, met };
}

export function issue(code: string, severity: Severity, association = "a"): Issue {
  return { association, sheet: "Aktiviteter", cell: "B2", code, severity, message: "melding" };
}
