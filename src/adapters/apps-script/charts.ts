import { parseA1 } from "../../core/cell";
import { Charts } from "../../services/ports";
import { nativeCharts } from "../../services/rollup";

/** Dashbord's charts as Sheets embedded charts (EmbeddedChartBuilder), each made once and found again by title. */
export function appsScriptCharts(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Charts {
  return nativeCharts((name, specs) => {
    const sheet = ss.getSheetByName(name);
    if (!sheet) return;
    const titles = new Set(sheet.getCharts().map((c) => String(c.getOptions().get("title"))));
    for (const spec of specs) {
      if (titles.has(spec.title)) continue;
      const at = parseA1(spec.anchor) ?? { row: 0, column: 0 };
      const builder = (spec.kind === "bar"
        ? sheet.newChart().asBarChart()
        : sheet.newChart().asColumnChart()) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
      sheet.insertChart(
        builder
          .addRange(sheet.getRange(spec.range))
          .setOption("title", spec.title)
          .setPosition(at.row + 1, at.column + 1, 0, 0)
          .build(),
      );
    }
  });
}
