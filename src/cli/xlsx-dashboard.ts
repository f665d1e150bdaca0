import { DASHBOARD, dashboardGrid } from "../core/dashboard";
import type { Charts } from "../services/ports";
import { textBar } from "../report/format";

export { DASHBOARD };

/**
 * The central .xlsx's Dashbord: the same grid as the bound script's (core/dashboard, the board
 * report's content in label/value cells), with bars in cells instead of native charts. exceljs can
 * embed PNG/JPEG pictures but neither SVG nor native Excel charts, and rendering a PNG would need a
 * native canvas; so the bars are block characters in their own column (readable in Excel,
 * LibreOffice and Numbers alike). The charts proper are in rapport.html. No native charts to add.
 */
export const xlsxCharts: Charts = {
  dashboard(summary, report) {
    const { rows, formats, layout } = dashboardGrid(summary, report, {
      bars: (fraction) => textBar(fraction),
    });
    return { rows, formats, layout };
  },
  ensure: () => undefined,
};
