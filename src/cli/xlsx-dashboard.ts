import { Cell } from "../core/cell";
import { DASHBOARD } from "../core/dashboard";
import { ColumnFormat, grid, OutputTable, outputTable } from "../core/output-table";
import type { Charts } from "../services/ports";
import { countyTable, goalsTable, nationalTable } from "../core/outputs";
import { Summary } from "../core/summary";
import { textBar } from "../report/format";

export { DASHBOARD };
const KEY_FIGURES = ["Registrerte foreninger", "Medlemmer", "Frivillige", "Aktiviteter", "Deltakere", "Nye deltakere", "Frivillige timer", "Foreninger med kommuneavtale", "Milepæler forsinket"];
const PERCENT_GOALS = new Set(["participantGrowth", "grantGrowth"]);

/**
 * The central .xlsx's dashboard, laid out in label/value cells: key figures, participants per county
 * and the goals, each number a number cell with its format, and a bar column. exceljs can embed
 * PNG/JPEG pictures but neither SVG nor native Excel charts, and rendering a PNG would need a native
 * canvas; so the bars are block characters in their own column (readable in Excel, LibreOffice and
 * Numbers alike). The charts proper are in rapport.html.
 */
export function dashboardTable(summary: Summary): OutputTable {
  const rows: Cell[][] = [];
  const headingRows: number[] = [0];
  const cellFormats: Record<number, Array<ColumnFormat | undefined>> = {};
  // Grid row of the next pushed row (the header is grid row 0).
  const next = () => rows.length + 1;
  const heading = (cells: Cell[]) => {
    rows.push([]);
    headingRows.push(next());
    rows.push(cells);
  };

  cellFormats[next()] = [undefined, "year"];
  rows.push(["Rapportår", summary.year]);
  const national = new Map(nationalTable(summary).rows.map((row) => [String(row[0]), row[1]]));
  for (const label of KEY_FIGURES) {
    const value = national.get(label) ?? "";
    if (label === "Frivillige timer") cellFormats[next()] = [undefined, "decimal"];
    rows.push([label, value]);
  }

  heading(["Fylke", "Deltakere", "Aktiviteter", "Andel av deltakerne", "Deltakere (søyle)"]);
  const counties = countyTable(summary).rows;
  const participants = Math.max(0, summary.totals.participants);
  const most = Math.max(1, ...counties.map((row) => Number(row[5])));
  for (const row of counties) {
    const count = Number(row[5]);
    rows.push([row[1], count, row[4], participants > 0 ? count / participants : "", textBar(count / most)]);
  }

  heading(["Mål", "Målverdi", "Faktisk", "Andel av målet", "Fremdrift (søyle)", "Status"]);
  const names = goalsTable(summary).rows.map((row) => String(row[0]));
  summary.goals.forEach((goal, i) => {
    const progress = goal.actual === null ? null : goal.target <= 0 ? (goal.actual >= goal.target ? 1 : 0) : Math.max(0, goal.actual / goal.target);
    if (PERCENT_GOALS.has(goal.id)) cellFormats[next()] = [undefined, "percent", "percent"];
    rows.push([names[i] ?? goal.id, goal.target, goal.actual ?? "", progress ?? "", progress === null ? "" : textBar(Math.min(1, progress)), goal.actual === null ? "Ukjent (mangler tall)" : goal.met ? "Nådd" : "Ikke nådd"]);
  });

  return outputTable(
    DASHBOARD,
    [["Nøkkeltall", "text"], ["Verdi", "whole"], ["", "whole"], ["", "percent"], ["", "text"], ["", "text"]],
    rows,
    { kind: "sheet", headingRows, cellFormats, onePage: true },
  );
}

/** Dashbord's charts in the central .xlsx: bars drawn in cells (dashboardTable), no native charts to add. */
export const xlsxCharts: Charts = {
  dashboard(summary) {
    const table = dashboardTable(summary);
    return { rows: grid(table), formats: table.formats, layout: table.layout };
  },
  ensure: () => undefined,
};
