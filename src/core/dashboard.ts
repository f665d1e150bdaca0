import { boardReport, ReportInput } from "./board-report";
import { Cell } from "./cell";
import { ColumnFormat, layoutFor, OutputLayout } from "./output-table";
import { COUNTIES } from "./reference";
import { Summary } from "./summary";
import { STATUSES } from "./templates/lists";

/**
 * The central spreadsheet's "Dashbord" tab, one grid for every runtime (the bound script, the CLI in
 * Google mode, the local .xlsx): the board report's content (core/board-report) in label/value cells
 * in columns A–F. Where Sheets draws native charts, two small chart-data tables sit to the right of
 * the content at fixed places that the charts read by range: every rollup rewrites the same cells —
 * all counties always (H1:I{counties+1}), all goals always (K1:L6) — so charts created once keep
 * following the data. Where there are no native charts (the .xlsx), column F holds bars drawn in cells.
 */
export const DASHBOARD = "Dashbord";
/** Column index (0-based) of the first chart-data table; the content uses columns A–F. */
const CHART_DATA_COLUMN = 7;
export const COUNTY_RANGE = `H1:I${COUNTIES.length + 1}`;
export const GOALS_RANGE = "K1:L6";

export interface ChartSpec {
  title: string;
  range: string;
  /** Top-left cell where the chart is placed. */
  anchor: string;
  kind: "bar" | "column";
}

export const CHARTS: ReadonlyArray<ChartSpec> = [
  { title: "Deltakere per fylke", range: COUNTY_RANGE, anchor: "N1", kind: "bar" },
  { title: "Måloppnåelse (andel av målet)", range: GOALS_RANGE, anchor: "N22", kind: "column" },
];

/** What the board report takes beside the summary (Historikk, Tiltak, Innsamling, Oppsett). */
export type DashboardInputs = Omit<ReportInput, "summary">;

export interface DashboardOptions {
  /** Bars drawn in cells (column F) where the platform has no native charts. */
  bars?: (fraction: number) => Cell;
  /** The chart-data tables the native charts read (CHARTS). */
  chartData?: boolean;
}

export interface DashboardGrid {
  rows: Cell[][];
  formats: ColumnFormat[];
  layout: OutputLayout;
}

const CONTENT_COLUMNS = 6;

export function dashboardGrid(
  summary: Summary,
  inputs: DashboardInputs = {},
  options: DashboardOptions = {},
): DashboardGrid {
  const report = boardReport({ ...inputs, summary });
  const rows: Cell[][] = [];
  const headingRows: number[] = [];
  const cellFormats: Record<number, Array<ColumnFormat | undefined>> = {};
  const bar = (fraction: number | null) => (options.bars && fraction !== null ? options.bars(fraction) : "");
  const heading = (cells: Cell[]) => {
    if (rows.length) rows.push([]);
    headingRows.push(rows.length);
    rows.push(cells);
  };

  cellFormats[rows.length] = [undefined, "year"];
  rows.push(["Rapportår", report.year]);

  heading([
    "Nøkkeltall",
    `I år (${report.year})`,
    `I fjor (${report.lastYear})`,
    "Endring",
    "Endring i prosent",
  ]);
  for (const figure of report.keyFigures) {
    // Column E is the change in per cent; hours and kroner may have decimals.
    const value =
      figure.label === "Frivillige timer" || figure.label.startsWith("Statstilskudd") ? "decimal" : "whole";
    cellFormats[rows.length] = [undefined, value, value, value, "percent"];
    rows.push([
      figure.label,
      figure.thisYear,
      figure.lastYear ?? "",
      figure.change ?? "",
      figure.changeShare ?? "",
    ]);
  }
  if (report.historyNote) rows.push([report.historyNote]);

  heading(["Mål", "Målverdi", "Faktisk", "Andel av målet", "Status", options.bars ? "Fremdrift" : ""]);
  for (const goal of report.goals) {
    cellFormats[rows.length] = goal.percent
      ? [undefined, "percent", "percent", "percent"]
      : [undefined, "whole", "whole", "percent"];
    const status = goal.status === "ukjent" ? "Ukjent" : goal.status === "nådd" ? "Nådd" : "Ikke nådd";
    rows.push([goal.name, goal.target, goal.actual ?? "", goal.progress ?? "", status, bar(goal.progress)]);
  }

  heading([
    "Fylke",
    "Foreninger",
    "Medlemmer",
    "Aktiviteter",
    "Deltakere",
    options.bars ? "Deltakere (søyle)" : "",
  ]);
  const most = Math.max(1, ...report.counties.map((c) => c.participants));
  for (const c of report.counties)
    rows.push([
      c.county,
      c.associations,
      c.members,
      c.activities,
      c.participants,
      bar(c.participants / most),
    ]);
  if (report.countyNote) rows.push([report.countyNote]);

  heading(["Aktivitetstype", "Aktiviteter", "Deltakere", "Frivillige timer"]);
  for (const t of report.activityTypes) {
    cellFormats[rows.length] = [undefined, "whole", "whole", "decimal"];
    rows.push([t.type, t.activities, t.participants, t.volunteerHours]);
  }

  // Per status: how many measures some association has in it, and how many association–measure rows.
  heading(["Tiltak i handlingsplanen", "Antall tiltak", "Antall registreringer"]);
  const statusCounts: Array<[string, (m: (typeof report.measures)[number]) => number]> = [
    [STATUSES[0], (m) => m.notStarted],
    [STATUSES[1], (m) => m.inProgress],
    [STATUSES[2], (m) => m.done],
    [STATUSES[3], (m) => m.cancelled],
  ];
  if (!report.measures.length) rows.push([report.measuresNote]);
  for (const [status, of] of statusCounts) {
    rows.push([
      status,
      report.measures.filter((m) => of(m) > 0).length,
      report.measures.reduce((sum, m) => sum + of(m), 0),
    ]);
  }

  heading(["Problemer", "Feil", "Advarsler", "Foreninger"]);
  for (const p of report.problems) rows.push([p.description, p.errors, p.warnings, p.associations]);
  if (!report.problems.length) rows.push([report.problemsLine]);

  heading(["Om tallene", "Antall"]);
  for (const s of report.fileStatuses) rows.push([`Foreninger: ${s.status}`, s.associations]);
  for (const r of report.rowCounts) rows.push([r.label, r.value]);

  const width = options.chartData ? CHART_DATA_COLUMN + 5 : CONTENT_COLUMNS;
  const formats: ColumnFormat[] = ["text", "whole", "whole", "whole", "whole", "text"];
  if (options.chartData) {
    // The chart-data tables: counties at H1:I{n+1}, goals at K1:L6 (CHARTS read these ranges).
    formats.push("text", "text", "whole", "text", "text", "percent");
    const participants = new Map(summary.byCounty.map((c) => [c.countyNumber, c.participants]));
    const tables: Cell[][] = [["Fylke", "Deltakere", "", "Mål", "Andel av målet"]];
    for (let i = 0; i < Math.max(COUNTIES.length, report.goals.length); i++) {
      const county = COUNTIES[i];
      const goal = report.goals[i];
      tables.push([
        county?.name ?? "",
        county ? (participants.get(county.number) ?? 0) : "",
        "",
        goal?.name ?? "",
        goal?.progress ?? "",
      ]);
    }
    tables.forEach((cells, r) => {
      while (rows.length <= r) rows.push([]);
      const row = rows[r];
      while (row.length < CHART_DATA_COLUMN) row.push("");
      row.push(...cells);
    });
  }
  // Every row as wide as the grid, so one write replaces every cell the last rollup wrote.
  for (const row of rows) while (row.length < width) row.push("");
  const layout = layoutFor(rows, formats, { kind: "sheet", headingRows, cellFormats, onePage: true });
  return { rows, formats, layout };
}
