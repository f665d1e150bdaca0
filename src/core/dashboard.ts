import { Cell } from "./cell";
import { ColumnFormat } from "./output-table";
import { COUNTIES } from "./reference";
import { Summary } from "./summary";
import { goalsTable } from "./outputs";

/**
 * The central spreadsheet's "Dashbord" tab, the same whether the bound script or the CLI in Google
 * mode wrote it: two small tables at fixed places that two charts read by range. The charts are
 * created once and follow the data because every rollup rewrites the same cells: all counties
 * always (A1:B{counties+1}), all goals always (D1:E6).
 */
export const DASHBOARD = "Dashbord";
export const COUNTY_RANGE = `A1:B${COUNTIES.length + 1}`;
export const GOALS_RANGE = "D1:E6";

export interface ChartSpec {
  title: string;
  range: string;
  /** Top-left cell where the chart is placed. */
  anchor: string;
  kind: "bar" | "column";
}

export const CHARTS: ReadonlyArray<ChartSpec> = [
  { title: "Deltakere per fylke", range: COUNTY_RANGE, anchor: "G1", kind: "bar" },
  { title: "Måloppnåelse (andel av målet)", range: GOALS_RANGE, anchor: "G22", kind: "column" },
];

export function dashboardGrid(summary: Summary): { rows: Cell[][]; formats: ColumnFormat[] } {
  const participants = new Map(summary.byCounty.map((c) => [c.countyNumber, c.participants]));
  // Goal names as the Mål tab shows them (written once, in core/outputs).
  const goals = goalsTable(summary).rows;
  const rows: Cell[][] = [["Fylke", "Deltakere", "", "Mål", "Andel av målet"]];
  for (let i = 0; i < Math.max(COUNTIES.length, goals.length); i++) {
    const county = COUNTIES[i];
    const goal = summary.goals[i];
    const progress =
      goal && goal.actual !== null && goal.target > 0
        ? Math.round((goal.actual / goal.target) * 1000) / 1000
        : "";
    rows.push([
      county?.name ?? "",
      county ? (participants.get(county.number) ?? 0) : "",
      "",
      goal ? goals[i][0] : "",
      goal ? progress : "",
    ]);
  }
  return { rows, formats: ["text", "whole", "text", "text", "percent"] };
}

