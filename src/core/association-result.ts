import { CellTable } from "./cell";
import { Issue, compareIssuesInWorkbook, hasErrors } from "./issues";
import { ReadContext, readForm, readTable, TabFacts } from "./read";
import { findMunicipality } from "./reference";
import { activities, annualReport, measures, milestones, MeasureRow, Milestone, Activity } from "./templates/association";

/** Collection status of one association (SPEC "Innsamling"). */
export type AssociationStatus = "OK" | "Med avvik" | "Ikke sendt inn" | "Mangler tilgang" | "Finnes ikke" | "Kan ikke leses";

/** What a backend managed to read of one association's workbook. */
export type AssociationSource =
  | {
      kind: "read";
      sheets: Readonly<Record<string, CellTable | undefined>>;
      /** Problems the reader found outside the cells' values (stray cells, merged ranges, renamed or copied tabs). */
      issues?: ReadonlyArray<Issue>;
      /** Per tab: what the reader learnt beyond the values (formulas without a cached value). */
      facts?: Readonly<Record<string, TabFacts | undefined>>;
    }
  | {
      kind: "not_found" | "no_access" | "unreadable";
      /** Why, in Norwegian; added to the issue's message. */
      detail?: string;
      /** The issue code when it is more precise than the kind's (`too_large`, `not_xlsx`). */
      code?: string;
      /** A message that replaces the kind's (e.g. «Lagre som .xlsx»). */
      message?: string;
    };

export interface AssociationIdentity {
  id: string;
  name: string;
  municipalityNumber: string;
}

export type ActivityFact = Omit<Activity, "comment" | "municipalityNumber"> & { municipalityNumber: string };

/** Everything the rollup needs of one association: plain JSON, so partial rollups can be saved. */
export interface AssociationResult extends AssociationIdentity {
  countyNumber: string;
  county: string;
  status: AssociationStatus;
  rows: { read: number; counted: number; rejected: number };
  submittedAt: string;
  /** Rapportår as the association's Årsrapport says (when readable): tells a rollup run for the wrong year. */
  reportedYear?: number;
  report: { members?: number; volunteers?: number; agreement?: string };
  activities: ActivityFact[];
  milestones: Milestone[];
  measures: MeasureRow[];
  issues: Issue[];
}

const UNREACHABLE: Record<Exclude<AssociationSource["kind"], "read">, { status: AssociationStatus; code: string; message: string }> = {
  not_found: { status: "Finnes ikke", code: "not_found", message: "Regnearket finnes ikke (slettet eller feil adresse)" },
  no_access: { status: "Mangler tilgang", code: "no_access", message: "Samspill har ikke tilgang til regnearket; del det med sentralleddet" },
  unreadable: { status: "Kan ikke leses", code: "unreadable_file", message: "Filen kan ikke åpnes som et regneark" },
};

/** Validates one association's four tabs and keeps what the rollup counts. */
export function assessAssociation(identity: AssociationIdentity, source: AssociationSource, context: ReadContext): AssociationResult {
  const home = findMunicipality(identity.municipalityNumber);
  const result: AssociationResult = {
    ...identity,
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
  };
  if (source.kind !== "read") {
    const fallback = UNREACHABLE[source.kind];
    const message = source.message ?? fallback.message;
    result.status = fallback.status;
    result.issues.push({ association: identity.id, sheet: "", cell: "", code: source.code ?? fallback.code, severity: "error", message: source.detail ? `${message} (${source.detail})` : message });
    return result;
  }

  const issues: Issue[] = [...(source.issues ?? [])];
  const facts = source.facts ?? {};
  const report = readForm(annualReport, source.sheets[annualReport.name], context, { facts: facts[annualReport.name] });
  issues.push(...report.issues);
  const values = report.values;
  if (values.year !== undefined) result.reportedYear = values.year;
  if (values.year !== undefined && values.year !== context.year) {
    issues.push({ sheet: annualReport.name, cell: `B${report.rowOf.year}`, code: "wrong_year", severity: "error", message: `Rapportår er ${values.year}, men innsamlingen gjelder ${context.year}` });
    values.members = values.volunteers = values.agreement = undefined;
  }
  if (values.municipalityNumber !== undefined && values.municipalityNumber !== identity.municipalityNumber) {
    issues.push({ sheet: annualReport.name, cell: `B${report.rowOf.municipalityNumber}`, code: "municipality_mismatch", severity: "warning", message: `Kommunenummer ${values.municipalityNumber} er ikke det samme som i foreningsregisteret (${identity.municipalityNumber})` });
  }
  result.report = { members: values.members, volunteers: values.volunteers, agreement: values.agreement };
  result.submittedAt = values.submittedAt ?? "";

  const activityRead = readTable(activities, source.sheets[activities.name], context, { facts: facts[activities.name] });
  result.activities = activityRead.rows.map(({ comment: _comment, ...row }) => ({ ...row, municipalityNumber: row.municipalityNumber ?? identity.municipalityNumber }));
  const milestoneRead = readTable(milestones, source.sheets[milestones.name], context, { facts: facts[milestones.name] });
  result.milestones = milestoneRead.rows;
  const measureRead = readTable(measures, source.sheets[measures.name], context, { facts: facts[measures.name] });
  result.measures = measureRead.rows;

  for (const read of [activityRead, milestoneRead, measureRead]) {
    issues.push(...read.issues);
    result.rows.read += read.read;
    result.rows.counted += read.counted;
    result.rows.rejected += read.rejected;
  }
  issues.sort(compareIssuesInWorkbook);
  result.issues = issues.map((issue) => ({ association: identity.id, ...issue }));
  result.status = hasErrors(issues) ? "Med avvik" : result.submittedAt ? "OK" : "Ikke sendt inn";
  return result;
}
