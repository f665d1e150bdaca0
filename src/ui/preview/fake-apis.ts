/**
 * Small stand-in implementations of the sidebar APIs over a Workbook, for `npm run preview` and
 * the browser tests until (or besides) the real target modules. They use the same core functions
 * the real server uses (checkAssociationSheets, checkRecord, formFields), so what the sidebars show
 * is what the add-on shows.
 */
import { Cell, columnLetter } from "../../core/cell";
import { dateAtNoonUtc, todayInOslo } from "../../core/dates";
import { locateColumns, checkRecord, readForm } from "../../core/read";
import { findMunicipality } from "../../core/reference";
import { activities, annualReport, isOverdue, milestones } from "../../core/templates/association";
import { STATUSES } from "../../core/templates/lists";
import { readDate, readText } from "../../core/values";
import { checkAssociationSheets, markIssues, readAssociationSheets } from "../../services/check";
import { Workbook } from "../../workbook/workbook";
import type { CollectionRowDto, ForeningApi, MilestoneDto, ReminderDto, SentralApi } from "../api-types";
import { formFields } from "../fields";
import { shiftDays } from "./demo";

export interface FakeForeningDeps {
  workbook: Workbook;
  now: () => Date;
  userEmail: () => string;
  withDocumentLock: <T>(fn: () => T) => T;
  selectCell: (sheet: string, cell: string) => void;
}

function reportYear(workbook: Workbook, today: string): { year: number; municipalityNumber: string } {
  const report = readForm(annualReport, workbook.read(annualReport.name), { year: 0, today });
  return { year: report.values.year ?? Number(today.slice(0, 4)), municipalityNumber: report.values.municipalityNumber ?? "" };
}

/** Cells of a parsed row in the tab's own column order (columns found by header). */
function rowCells(workbook: Workbook, template: typeof activities, row: Record<string, unknown>): Cell[] {
  const header = workbook.read(template.name)?.[0] ?? [];
  const indexes = locateColumns(template, header, []);
  const cells: Cell[] = header.map(() => "");
  template.keys.forEach((key, i) => {
    const value = row[key];
    const spec = template.columns[key];
    const cell: Cell = value === undefined ? "" : spec.kind === "date" ? dateAtNoonUtc(value as string) : (value as Cell);
    if (indexes[i] >= 0) cells[indexes[i]] = cell;
  });
  return cells;
}

export function createFakeForeningApi(deps: FakeForeningDeps): ForeningApi {
  const today = () => todayInOslo(deps.now());
  return {
    getProblems() {
      const result = checkAssociationSheets(readAssociationSheets(deps.workbook), today());
      markIssues(deps.workbook, result.issues);
      const problems = result.issues.map(({ sheet, cell, code, severity, message }) => ({ sheet, cell, code, severity, message }));
      return {
        problems,
        errors: problems.filter((p) => p.severity === "error").length,
        warnings: problems.filter((p) => p.severity === "warning").length,
        checkedAt: deps.now().toISOString(),
      };
    },
    selectCell(sheet, cell) {
      deps.selectCell(sheet, cell);
    },
    getActivityForm() {
      const { year, municipalityNumber } = reportYear(deps.workbook, today());
      return { fields: formFields(activities), year, municipalityNumber };
    },
    addActivity(values) {
      const { year } = reportYear(deps.workbook, today());
      const check = checkRecord(activities, values, { year, today: today() });
      if (!check.row) {
        return { ok: false, errors: check.errors.map(({ field, message }) => ({ field, message })), message: "Aktiviteten ble ikke lagret. Rett feilene og prøv igjen." };
      }
      const row = check.row as Record<string, unknown>;
      const sheetRow = deps.withDocumentLock(() => deps.workbook.append(activities.name, [rowCells(deps.workbook, activities, row)]));
      return { ok: true, row: sheetRow, message: `Aktiviteten er lagt til i rad ${sheetRow}.` };
    },
    getMilestones() {
      const now = today();
      const cells = deps.workbook.read(milestones.name) ?? [];
      const indexes = locateColumns(milestones, cells[0] ?? [], []);
      const at = (raw: Cell[], key: string) => {
        const index = indexes[milestones.keys.indexOf(key as never)];
        return index >= 0 ? raw[index] : "";
      };
      const list: MilestoneDto[] = [];
      cells.slice(1).forEach((raw, r) => {
        const title = readText(at(raw, "title"));
        if (!title) return;
        const municipalityNumber = readText(at(raw, "municipalityNumber")).padStart(4, "0");
        const dueDate = readDate(at(raw, "dueDate")) ?? "";
        const status = readText(at(raw, "status")) || "Ikke startet";
        const done = status === "Fullført" || status === "Avlyst";
        list.push({
          row: r + 2,
          municipalityNumber,
          municipality: findMunicipality(municipalityNumber)?.name ?? "",
          title,
          dueDate,
          responsibleParty: readText(at(raw, "responsibleParty")),
          status,
          completedDate: readDate(at(raw, "completedDate")) ?? "",
          overdue: isOverdue({ status, dueDate: dueDate || undefined }, now),
          upcoming: !done && dueDate >= now && dueDate <= shiftDays(now, 30),
        });
      });
      list.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
      return { today: now, milestones: list, statuses: [...STATUSES] };
    },
    setMilestoneStatus(row, status, completedDate) {
      const cells = deps.workbook.read(milestones.name) ?? [];
      const raw = cells[row - 1];
      if (!raw || row < 2) return { ok: false, errors: [], message: `Fant ikke milepælen i rad ${row}.` };
      const indexes = locateColumns(milestones, cells[0], []);
      const values: Record<string, Cell> = {};
      milestones.keys.forEach((key, i) => (values[key] = indexes[i] >= 0 ? raw[indexes[i]] : ""));
      values.status = status;
      values.completedDate = completedDate;
      const check = checkRecord(milestones, values, { year: Number(today().slice(0, 4)), today: today() });
      const errors = check.errors.filter((e) => e.field === "status" || e.field === "completedDate");
      if (errors.length) return { ok: false, errors: errors.map(({ field, message }) => ({ field, message })), message: "Statusen ble ikke lagret." };
      const column = (key: string) => columnLetter(indexes[milestones.keys.indexOf(key as never)]);
      deps.withDocumentLock(() =>
        deps.workbook.setCells(milestones.name, [
          { cell: `${column("status")}${row}`, value: status },
          { cell: `${column("completedDate")}${row}`, value: completedDate ? dateAtNoonUtc(completedDate) : "" },
        ]),
      );
      return { ok: true, row, message: `Status er lagret i rad ${row}.` };
    },
  };
}

/** Central side stand-in: a fixed demo collection, with reminders recorded instead of mailed. */
export function createFakeSentralApi(now: () => Date, sent: ReminderDto[] = []): SentralApi {
  const year = now().getUTCFullYear();
  const deadline = `${year + 1}-02-15`;
  const rows: CollectionRowDto[] = [
    { id: "bodo", name: "Seniornett Bodø", county: "Nordland", status: "Med avvik", submittedAt: "", errors: 6, readAt: now().toISOString() },
    { id: "oslo", name: "Seniornett Oslo", county: "Oslo", status: "OK", submittedAt: `${year}-12-01T10:15:00.000Z`, errors: 0, readAt: now().toISOString() },
    { id: "tromso", name: "Seniornett Tromsø", county: "Troms", status: "Ikke sendt inn", submittedAt: "", errors: 0, readAt: now().toISOString() },
    { id: "alesund", name: "Seniornett Ålesund", county: "Møre og Romsdal", status: "OK", submittedAt: `${year}-11-20T08:00:00.000Z`, errors: 0, readAt: now().toISOString() },
    { id: "hamar", name: "Seniornett Hamar <b>og omegn</b>", county: "Innlandet", status: "Mangler tilgang", submittedAt: "", errors: 1, readAt: now().toISOString() },
    { id: "molde", name: "Seniornett Molde", county: "Møre og Romsdal", status: "Finnes ikke", submittedAt: "", errors: 1, readAt: now().toISOString() },
  ];
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.status] = (counts[row.status] ?? 0) + 1;
  const reminder = (row: CollectionRowDto, to: string, skip: boolean, reason: string): ReminderDto => ({
    associationId: row.id,
    association: row.name,
    to,
    subject: `Påminnelse: aktivitetsrapporten for ${year}`,
    body: `Hei!\n\nVi har ikke mottatt aktivitetsrapporten for ${year} fra ${row.name} ennå. Fristen er ${deadline.split("-").reverse().join(".")}.\n\nÅpne regnearket, velg Samspill → Kontroller rapporten, og deretter Send inn rapporten.\n\nVennlig hilsen\nSeniornett Norge`,
    reason,
    skip,
  });
  return {
    getCollectionStatus: () => ({ year, deadline, counts, rows, lastRun: now().toISOString(), running: false }),
    previewReminders: () => ({
      deadline,
      reminders: [
        reminder(rows[0], "leder@bodo.example.no", false, "Med avvik: rapporten har 6 feil og er ikke sendt inn"),
        reminder(rows[2], "post@tromso.example.no", false, "Ikke sendt inn"),
        reminder(rows[4], "", true, "Mangler kontakt e-post i fanen Foreninger"),
        reminder(rows[1], "oslo@example.no", true, "Sendt inn 01.12."),
      ],
    }),
    sendReminders() {
      const preview = this.previewReminders().reminders.filter((r) => !r.skip);
      sent.push(...preview);
      return { sent: preview.length, skipped: 2, message: `Sendte ${preview.length} påminnelser. 2 foreninger fikk ingen.` };
    },
  };
}

export { shiftDays };
