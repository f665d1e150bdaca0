import * as vega from "vega";
import * as vl from "vega-lite";
import { Summary } from "../core/summary";
import { boardReport, GoalEntry } from "../core/board-report";

/**
 * Charts as static SVG: a Vega-Lite spec, compiled to Vega and rendered headless (renderer "none",
 * View.toSVG), so the report needs no script and no network to be read. Vega escapes every text it
 * draws; labels here come from the reference data and the core's own wording anyway.
 */
const NORWEGIAN_NUMBERS = { decimal: ",", thousands: " ", grouping: [3], currency: ["", " kr"] as [string, string], percent: " %" };
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

async function render(spec: vl.TopLevelSpec): Promise<string> {
  const compiled = vl.compile(spec, { logger: vega.logger(vega.None) }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none", locale: { number: NORWEGIAN_NUMBERS } } as unknown as vega.ViewOptions);
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

const config = { font: FONT, view: { stroke: null }, axis: { labelFontSize: 12, titleFontSize: 12, labelLimit: 280 } };

export function participantsPerCountySpec(summary: Summary): vl.TopLevelSpec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: { text: `Deltakere per fylke ${summary.year}`, anchor: "start", fontSize: 13 },
    width: 230,
    height: { step: 17 },
    data: { values: summary.byCounty.map((c) => ({ fylke: c.county, deltakere: c.participants, aktiviteter: c.activities })) },
    layer: [
      { mark: { type: "bar", color: "#2F6F8F" } },
      { mark: { type: "text", align: "left", dx: 4, fontSize: 11 }, encoding: { text: { field: "deltakere", type: "quantitative", format: ",d" } } },
    ],
    encoding: {
      y: { field: "fylke", type: "nominal", sort: { field: "deltakere", order: "descending" }, title: null },
      x: { field: "deltakere", type: "quantitative", title: "Deltakere", axis: { format: ",d" } },
    },
    config,
  } as vl.TopLevelSpec;
}

/**
 * The goals as bars from 0 to 100 % of the target, with the 100 % line at the right edge of the plot
 * and every label («10 447 av 11 000») to the right of that line, so the line never cuts a label and
 * labels never overlap the bars. The legend lists only the statuses that occur.
 */
export function goalProgressSpec(goals: ReadonlyArray<GoalEntry>): vl.TopLevelSpec {
  const y = { field: "mål", type: "nominal", sort: null, title: null } as const;
  const x = { field: "andel", type: "quantitative", title: "Andel av målet", scale: { domain: [0, 1], clamp: true }, axis: { format: ".0%", values: [0, 0.25, 0.5, 0.75, 1] } } as const;
  const values = goals.map((g) => ({ mål: g.name, andel: g.progress ?? 0, tekst: g.status === "ukjent" ? g.text : `${g.text} (${g.status})`, status: g.status }));
  const statuses = (["nådd", "ikke nådd", "ukjent"] as const).filter((s) => values.some((v) => v.status === s));
  const colours: Record<string, string> = { nådd: "#3A7D44", "ikke nådd": "#D98E04", ukjent: "#9AA0A6" };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: { text: "Fremdrift mot strategimålene", anchor: "start", fontSize: 15 },
    width: 300,
    height: { step: 28 },
    data: { values },
    layer: [
      {
        mark: { type: "bar" },
        encoding: {
          y,
          x,
          color: { field: "status", type: "nominal", title: "Status", scale: { domain: statuses, range: statuses.map((s) => colours[s]) }, legend: { orient: "bottom", direction: "horizontal" } },
        },
      },
      { mark: { type: "rule", color: "#333", strokeDash: [4, 3] }, encoding: { x: { datum: 1, type: "quantitative" } } },
      { mark: { type: "text", align: "left", dx: 10, fontSize: 11 }, encoding: { y, x: { datum: 1, type: "quantitative" }, text: { field: "tekst", type: "nominal" } } },
    ],
    config,
  } as vl.TopLevelSpec;
}

export async function reportCharts(summary: Summary, goals: ReadonlyArray<GoalEntry> = boardReport({ summary }).goals): Promise<{ counties: string; goals: string }> {
  const [counties, goalChart] = await Promise.all([render(participantsPerCountySpec(summary)), render(goalProgressSpec(goals))]);
  return { counties, goals: goalChart };
}
