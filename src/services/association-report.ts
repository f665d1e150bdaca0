import { Cell, columnLetter, isBlankCell } from "../core/cell";
import { dateAtNoonUtc, IsoDate, todayInOslo } from "../core/dates";
import { hasErrors, Issue, marksCell } from "../core/issues";
import { checkRecord, locateColumns, readForm, readTable } from "../core/read";
import { findMunicipality } from "../core/reference";
import { ColumnSpec } from "../core/schema/column";
import { Template } from "../core/schema/table";
import { activities, annualReport, isOverdue, Milestone, milestones } from "../core/templates/association";
import { CANCELLED, DONE, STATUSES } from "../core/templates/lists";
import { checkAssociationSheets, issuesBySheet, readAssociationWorkbook } from "./check";
import type { ForeningApi, MilestoneDto, ProblemDto, SaveResult } from "../ui/api-types";
import { formFields } from "../ui/fields";
import { Workbook } from "../workbook/workbook";
import { osloDateTime } from "../core/oslo-time";

/** What the add-on's server functions need besides the workbook: small, injectable, testable. */
export interface ForeningDeps {
  /** The association's workbook (AppsScriptWorkbook in Apps Script, MemoryWorkbook in a preview). */
  workbook: () => Workbook;
  now: () => Date;
  /** Session.getActiveUser().getEmail(); may be "" when Google does not reveal it. */
  userEmail: () => string;
  /** Runs fn while holding the document lock (LockService.getDocumentLock()). */
  withDocumentLock: <T>(fn: () => T) => T;
  selectCell: (sheet: string, cell: string) => void;
}

export interface SubmitResult {
  ok: boolean;
  message: string;
  problems: ProblemDto[];
  submittedAt?: string;
  submittedBy?: string;
}

/** The sidebar API of the add-on plus "Send inn rapporten". */
export interface ForeningServer extends ForeningApi {
  submitReport(): SubmitResult;
}

const UPCOMING_DAYS = 30;
const MILESTONE_FIELDS = ["status", "completedDate"];

function problem({ sheet, cell, code, severity, message }: Issue): ProblemDto {
  return { sheet, cell, code, severity, message };
}

function addDays(iso: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A parsed record as the cells of a row, in the tab's own column order (columns found by header). */
function rowCells(template: Template<any>, header: ReadonlyArray<Cell>, values: Readonly<Record<string, unknown>>, raw: Readonly<Record<string, Cell>>): Cell[] {
  const indexes = locateColumns(template, header, []);
  const cells: Cell[] = header.map(() => "");
  template.keys.forEach((key, i) => {
    if (indexes[i] < 0) return;
    // A field left blank stays blank in the sheet (the default is what the core reads it as).
    const value = isBlankCell(raw[key]) ? undefined : values[key];
    const spec = template.columns[key] as ColumnSpec;
    cells[indexes[i]] = value === undefined ? "" : spec.kind === "date" ? dateAtNoonUtc(value as string) : (value as Cell);
  });
  return cells;
}

/**
 * The jobs behind the `forening` sidebars and menu actions, over the Workbook interface: the same
 * code runs in Apps Script (AppsScriptWorkbook, LockService, Session) and in a local preview.
 * Every rule comes from the core templates; nothing here re-states a rule or a message.
 */
export function associationReportJobs(deps: ForeningDeps): ForeningServer {
  const today = () => todayInOslo(deps.now());

  /** Rapportår and Kommunenummer of Årsrapport (this year when missing or invalid). */
  function reportContext(workbook: Workbook): { year: number; municipalityNumber: string; today: IsoDate } {
    const day = today();
    const report = readForm(annualReport, workbook.read(annualReport.name), { year: 0, today: day });
    return { year: report.values.year ?? Number(day.slice(0, 4)), municipalityNumber: report.values.municipalityNumber ?? "", today: day };
  }

  /** Kontroller rapporten: reads each tab once, marks error cells and personal data (clearing old marks), lists every problem. */
  function check(workbook: Workbook): Issue[] {
    const { sheets, tabs, issues: tabIssues } = readAssociationWorkbook(workbook);
    const result = checkAssociationSheets(sheets, today(), "", { issues: tabIssues });
    for (const [sheet, issues] of issuesBySheet(result.issues)) {
      if (sheets[sheet] === undefined) continue;
      workbook.markCells(
        tabs[sheet] ?? sheet,
        issues.filter(marksCell).map((i) => ({ cell: i.cell, message: i.message })),
      );
    }
    return result.issues;
  }

  /** Registrer aktivitet / a new milestone: the template's rules again on the server, then one appended row under the document lock. */
  function appendRecord(template: Template<any>, values: Record<string, string> | undefined, what: string): SaveResult {
    const workbook = deps.workbook();
    const context = reportContext(workbook);
    const raw: Record<string, Cell> = {};
    for (const key of template.keys) raw[key] = typeof values?.[key] === "string" ? values[key] : "";
    // The same rules as the sheet, whatever the sidebar checked already.
    const checked = checkRecord(template, raw, context);
    if (!checked.row || checked.errors.length) {
      return { ok: false, errors: checked.errors.map(({ field, message }) => ({ field, message })), message: `${what} ble ikke lagret. Rett feilene og prøv igjen.` };
    }
    const row = checked.row as Record<string, unknown>;
    return deps.withDocumentLock((): SaveResult => {
      const header = workbook.read(template.name)?.[0];
      if (!header) return { ok: false, errors: [], message: `Fanen ${template.name} mangler. Velg Samspill → Sett opp rapportmal først.` };
      const missing = locateMissing(template, header);
      if (missing.length) return { ok: false, errors: [], message: `Fanen ${template.name} mangler kolonnen «${missing[0]}». Velg Samspill → Sett opp rapportmal for å legge den til.` };
      const at = workbook.append(template.name, [rowCells(template, header, row, raw)]);
      return { ok: true, row: at, message: `${what} er lagt til i rad ${at}.` };
    });
  }

  const server: ForeningServer = {
    getProblems() {
      const issues = check(deps.workbook());
      const problems = issues.map(problem);
      const errors = problems.filter((p) => p.severity === "error").length;
      return { problems, errors, warnings: problems.length - errors, checkedAt: deps.now().toISOString() };
    },

    selectCell(sheet, cell) {
      deps.selectCell(sheet, cell);
    },

    getActivityForm() {
      const { year, municipalityNumber } = reportContext(deps.workbook());
      return { fields: formFields(activities), year, municipalityNumber };
    },

    addActivity(values) {
      return appendRecord(activities, values, "Aktiviteten");
    },

    getMilestones() {
      const day = today();
      const workbook = deps.workbook();
      const read = readTable(milestones, workbook.read(milestones.name), { year: Number(day.slice(0, 4)), today: day }, { keepRejected: true });
      const horizon = addDays(day, UPCOMING_DAYS);
      const dto = (m: Partial<Milestone> & Pick<Milestone, "title" | "dueDate">, row: number, problems?: string[]): MilestoneDto => {
        const overdue = isOverdue(m, day);
        const open = m.status !== DONE && m.status !== CANCELLED;
        const municipalityNumber = m.municipalityNumber ?? "";
        return {
          row,
          municipalityNumber,
          municipality: findMunicipality(municipalityNumber)?.name ?? "",
          title: m.title,
          dueDate: m.dueDate,
          responsibleParty: m.responsibleParty ?? "",
          status: m.status ?? "",
          completedDate: m.completedDate ?? "",
          overdue,
          upcoming: open && !overdue && m.dueDate <= horizon,
          ...(problems ? { problems } : {}),
        };
      };
      const list: MilestoneDto[] = read.rows.map((m, i) => dto(m, read.rowNumbers[i]));
      // A row whose only errors are in Status or Fullført dato is listed so that it can be fixed here;
      // any other error has to be fixed in the sheet, and such rows are only counted.
      let unlisted = 0;
      for (const { row, rowNumber, issues } of read.rejectedRows) {
        const fixable = issues.every((issue) => MILESTONE_FIELDS.includes(issue.field));
        if (fixable && row.title !== undefined && row.dueDate !== undefined) list.push(dto({ ...row, title: row.title, dueDate: row.dueDate }, rowNumber, issues.map((issue) => issue.message)));
        else unlisted++;
      }
      list.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.row - b.row));
      return { today: day, milestones: list, statuses: [...STATUSES], unlisted, fields: formFields(milestones), municipalityNumber: reportContext(workbook).municipalityNumber };
    },

    addMilestone(values) {
      return appendRecord(milestones, values, "Milepælen");
    },

    setMilestoneStatus(row, status, completedDate) {
      const workbook = deps.workbook();
      const day = today();
      return deps.withDocumentLock((): SaveResult => {
        const cells = workbook.read(milestones.name);
        const current = cells?.[row - 1];
        if (!cells || !Number.isInteger(row) || row < 2 || !current || current.every(isBlankCell)) {
          return { ok: false, errors: [], message: `Fant ingen milepæl i rad ${row}. Oppdater listen og prøv igjen.` };
        }
        const indexes = locateColumns(milestones, cells[0], []);
        const missing = MILESTONE_FIELDS.filter((key) => indexes[milestones.keys.indexOf(key as never)] < 0);
        if (missing.length) return { ok: false, errors: [], message: `Fanen ${milestones.name} mangler en kolonne. Velg Samspill → Sett opp rapportmal først.` };
        const values: Record<string, Cell> = {};
        milestones.keys.forEach((key, i) => (values[key] = indexes[i] >= 0 ? current[indexes[i]] : ""));
        values.status = status ?? "";
        values.completedDate = completedDate ?? "";
        // Only the fields this sidebar changes can block saving; other problems of the row show in Kontroller.
        const checked = checkRecord(milestones, values, { year: Number(day.slice(0, 4)), today: day });
        const errors = checked.errors.filter((e) => MILESTONE_FIELDS.includes(e.field));
        if (errors.length) return { ok: false, errors: errors.map(({ field, message }) => ({ field, message })), message: "Statusen ble ikke lagret. Rett feilene og prøv igjen." };
        const parsed = (checked.row ?? {}) as { status?: string; completedDate?: string };
        const column = (key: string) => columnLetter(indexes[milestones.keys.indexOf(key as never)]);
        workbook.setCells(milestones.name, [
          { cell: `${column("status")}${row}`, value: parsed.status ?? String(values.status) },
          { cell: `${column("completedDate")}${row}`, value: parsed.completedDate ? dateAtNoonUtc(parsed.completedDate) : "" },
        ]);
        return { ok: true, row, message: `Status for rad ${row} er lagret.` };
      });
    },

    submitReport() {
      const workbook = deps.workbook();
      const issues = check(workbook);
      const problems = issues.map(problem);
      if (hasErrors(issues)) {
        const errors = problems.filter((p) => p.severity === "error").length;
        return { ok: false, problems, message: `Rapporten kan ikke sendes inn ennå: ${errors} feil må rettes først. Se listen i sidepanelet.` };
      }
      const report = readForm(annualReport, workbook.read(annualReport.name), { year: 0, today: today() });
      const atRow = report.rowOf.submittedAt;
      const byRow = report.rowOf.submittedBy;
      if (!atRow || !byRow) return { ok: false, problems, message: `Fanen ${annualReport.name} mangler feltene Innsendt og Innsendt av. Velg Samspill → Sett opp rapportmal først.` };
      const submittedAt = osloDateTime(deps.now());
      const submittedBy = deps.userEmail() || "ukjent bruker";
      workbook.setCells(annualReport.name, [
        { cell: `B${atRow}`, value: submittedAt },
        { cell: `B${byRow}`, value: submittedBy },
      ]);
      return { ok: true, problems, submittedAt, submittedBy, message: `Rapporten er sendt inn ${submittedAt.slice(8, 10)}.${submittedAt.slice(5, 7)}.${submittedAt.slice(0, 4)} kl. ${submittedAt.slice(11, 16)} av ${submittedBy}.` };
    },
  };
  return server;
}

/** Headers of the template's columns that the tab lacks. */
function locateMissing(template: Template<any>, header: ReadonlyArray<Cell>): string[] {
  const indexes = locateColumns(template, header, []);
  return template.keys.filter((_, i) => indexes[i] < 0).map((key) => (template.columns[key] as ColumnSpec).header);
}
