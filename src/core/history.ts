import { a1, Cell, CellTable, columnLetter, isBlankCell } from "./cell";
import type { CentralInputs } from "./central-inputs";
import { IsoDate } from "./dates";
import { locateColumns } from "./read";
import { Summary } from "./summary";
import { history, HistoryRow } from "./templates/central";

/**
 * Historikk is the organisation's memory (SPEC "The central spreadsheet"): national totals per year,
 * partly typed by people (years before Samspill, notes). A rollup writes it only when it is the final
 * rollup of Oppsett's Rapportår, and then only that year's row, cell by cell: every other row, every
 * column Samspill does not know and every cell it cannot read stay exactly as typed.
 */

/** Why a rollup does or does not write Historikk. */
export type HistoryDecision = "write" | "before_deadline" | "other_year" | "no_report_year";

export function historyDecision(central: CentralInputs, year: number, today: IsoDate): HistoryDecision {
  const reportYear = central.settings.year;
  if (reportYear === undefined) return "no_report_year";
  if (year !== reportYear) return "other_year";
  if (central.settings.deadline === undefined || !(today > central.settings.deadline))
    return "before_deadline";
  return "write";
}

/** One cell to set; the same shape as the Workbook interface's CellUpdate. */
export interface HistoryCell {
  cell: string;
  value: Cell;
}

/** The cells of the report year's row in Historikk (and of missing headers), nothing else. */
export function historyCells(
  raw: CellTable | undefined,
  summary: Summary,
  grant: number | undefined,
): HistoryCell[] {
  const cells = raw ?? [];
  const header = cells[0] ?? [];
  const indexes = locateColumns(history, header, []);
  let width = header.length;
  const updates: HistoryCell[] = [];
  const at = history.keys.map((key, i) => {
    if (indexes[i] >= 0) return indexes[i];
    const column = width++;
    updates.push({ cell: a1(0, column), value: history.columns[key].header as Cell });
    return column;
  });
  const yearColumn = at[history.keys.indexOf("year")];
  let row = cells.findIndex((r, i) => i > 0 && isYear(r[yearColumn], summary.year));
  if (row < 0) row = Math.max(1, lastFilledRow(cells) + 1);
  const t = summary.totals;
  const values: Record<keyof HistoryRow, Cell> = {
    year: summary.year,
    members: t.members,
    volunteers: t.volunteers,
    activities: t.activities,
    participants: t.participants,
    newParticipants: t.newParticipants,
    volunteerHours: t.volunteerHours,
    associationsWithAgreement: t.associationsWithAgreement,
    grant: grant ?? "",
  };
  history.keys.forEach((key, i) =>
    updates.push({ cell: `${columnLetter(at[i])}${row + 1}`, value: values[key] }),
  );
  return updates;
}

function isYear(cell: Cell | undefined, year: number): boolean {
  if (typeof cell === "number") return cell === year;
  return typeof cell === "string" && cell.trim() === String(year);
}

function lastFilledRow(cells: CellTable): number {
  for (let r = cells.length - 1; r >= 0; r--) if (cells[r].some((c) => !isBlankCell(c))) return r;
  return -1;
}
