import { Cell } from "../core/cell";
import { nationalTable, countyTable } from "../core/outputs";
import { OutputTable, outputTable } from "../core/output-table";
import { Summary } from "../core/summary";
import { formatPercent, goalLines, textBar } from "../report/format";

export const DASHBOARD = "Dashbord";
const KEY_FIGURES = ["Registrerte foreninger", "Medlemmer", "Frivillige", "Aktiviteter", "Deltakere", "Nye deltakere", "Frivillige timer", "Foreninger med kommuneavtale", "Milepæler forsinket"];

/**
 * The central .xlsx's dashboard. exceljs can embed PNG/JPEG pictures but neither SVG nor native
 * Excel charts, and rendering a PNG would need a native canvas; so the bars are drawn with block
 * characters in the cells (readable in Excel, LibreOffice and Numbers alike). The charts proper are
 * in rapport.html.
 */
export function dashboardTable(summary: Summary): OutputTable {
  const rows: Cell[][] = [];
  const national = new Map(nationalTable(summary).rows.map((row) => [String(row[0]), row[1]]));
  rows.push([`Rapportår ${summary.year}`, "", "", ""]);
  for (const label of KEY_FIGURES) rows.push([label, national.get(label) ?? "", "", ""]);
  rows.push(["", "", "", ""]);
  rows.push(["Deltakere per fylke", "Deltakere", "Aktiviteter", ""]);
  const counties = countyTable(summary).rows;
  const most = Math.max(1, ...counties.map((row) => Number(row[5])));
  for (const row of counties) rows.push([row[1], row[5], row[4], textBar(Number(row[5]) / most)]);
  rows.push(["", "", "", ""]);
  rows.push(["Mål", "Målverdi", "Faktisk", "Andel av målet"]);
  for (const line of goalLines(summary)) {
    const share = line.progress === null ? "ukjent" : `${textBar(line.progress)} ${formatPercent(line.progress)} (${line.met})`;
    rows.push([line.name, line.target, line.actual, share]);
  }
  return outputTable(DASHBOARD, [["Nøkkeltall", "text"], ["Verdi", "decimal"], ["", "decimal"], ["", "text"]], rows);
}
