import * as vega from "vega";
import * as vl from "vega-lite";
import { Summary } from "../core/summary";
import { goalLines } from "./format";

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
    title: { text: `Deltakere per fylke ${summary.year}`, anchor: "start", fontSize: 15 },
    width: 520,
    height: { step: 22 },
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

export function goalProgressSpec(summary: Summary): vl.TopLevelSpec {
  const y = { field: "mål", type: "nominal", sort: null, title: null } as const;
  const x = { field: "andel", type: "quantitative", title: "Andel av målet", scale: { domain: [0, 1.45] }, axis: { format: ".0%", values: [0, 0.25, 0.5, 0.75, 1] } } as const;
  const values = goalLines(summary).map((g) => ({ mål: g.name, andel: g.progress ?? 0, tekst: g.progress === null ? "ukjent" : `${g.actual} av ${g.target.replace("≥ ", "")}`, status: g.met }));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: { text: "Fremdrift mot strategimålene", anchor: "start", fontSize: 15 },
    width: 520,
    height: { step: 30 },
    data: { values },
    layer: [
      {
        mark: { type: "bar" },
        encoding: {
          y,
          x,
          color: { field: "status", type: "nominal", title: "Status", scale: { domain: ["nådd", "ikke nådd", "ukjent"], range: ["#3A7D44", "#D98E04", "#9AA0A6"] } },
        },
      },
      { mark: { type: "text", align: "left", dx: 4, fontSize: 11 }, encoding: { y, x, text: { field: "tekst", type: "nominal" } } },
      { mark: { type: "rule", color: "#333", strokeDash: [4, 3] }, encoding: { x: { datum: 1, type: "quantitative" } } },
    ],
    config,
  } as vl.TopLevelSpec;
}

export async function reportCharts(summary: Summary): Promise<{ counties: string; goals: string }> {
  const [counties, goals] = await Promise.all([render(participantsPerCountySpec(summary)), render(goalProgressSpec(summary))]);
  return { counties, goals };
}
