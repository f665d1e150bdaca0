import { CHARTS, ChartSpec, DASHBOARD, dashboardGrid } from "../../core/dashboard";
import { Summary } from "../../core/summary";
import { Workbook } from "../../workbook/workbook";

export { CHARTS, COUNTY_RANGE, DASHBOARD, dashboardGrid, GOALS_RANGE } from "../../core/dashboard";
export type { ChartSpec } from "../../core/dashboard";

export interface DashboardCharts {
  /** Creates the charts when the tab has none of ours; otherwise leaves them (they read by range). */
  ensure(sheet: string, charts: ReadonlyArray<ChartSpec>): void;
}

/** One write for the data; the charts are made once. */
export function publishDashboard(central: Workbook, summary: Summary, charts?: DashboardCharts): void {
  const { rows, formats } = dashboardGrid(summary);
  central.write(DASHBOARD, rows, formats);
  charts?.ensure(DASHBOARD, CHARTS);
}
