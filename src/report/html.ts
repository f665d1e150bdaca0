import { AssociationResult } from "../core/association";
import { activityTypeTable, countyTable, nationalTable } from "../core/outputs";
import { Summary, compareAssociations } from "../core/summary";
import { reportCharts } from "./charts";
import { formatNumber, goalLines } from "./format";

/**
 * rapport.html: the national figures, the goals and two charts, as one self-contained page.
 * No script runs (a Content-Security-Policy forbids it), nothing is fetched, and every text that
 * comes from a sheet is escaped, so an association named `<img src=x onerror=alert(1)>` shows as text.
 */
export function escapeHtml(text: unknown): string {
  return String(text ?? "").replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
}

export interface ReportOptions {
  results?: ReadonlyArray<AssociationResult>;
  generatedAt?: Date;
  organisation?: string;
}

function table(header: string[], rows: unknown[][], numeric: boolean[] = []): string {
  const th = header.map((h, c) => `<th${numeric[c] ? ' class="num"' : ""}>${escapeHtml(h)}</th>`).join("");
  const body = rows
    .map((row) => `<tr>${row.map((cell, c) => `<td${numeric[c] ? ' class="num"' : ""}>${escapeHtml(typeof cell === "number" ? formatNumber(cell) : cell)}</td>`).join("")}</tr>`)
    .join("\n");
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const osloTime = (date: Date) => new Intl.DateTimeFormat("nb-NO", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Oslo" }).format(date);

export async function renderReport(summary: Summary, options: ReportOptions = {}): Promise<string> {
  const charts = await reportCharts(summary);
  const national = nationalTable(summary).rows.filter(([label]) => label !== "Rapportår");
  const cards = ["Medlemmer", "Frivillige", "Aktiviteter", "Deltakere", "Nye deltakere", "Frivillige timer"]
    .map((label) => {
      const value = national.find(([l]) => l === label)?.[1];
      return `<div class="card"><div class="value">${escapeHtml(formatNumber(Number(value ?? 0)))}</div><div class="label">${escapeHtml(label)}</div></div>`;
    })
    .join("");
  const goals = goalLines(summary).map((g) => [g.name, g.target, g.actual, g.met]);
  const counties = countyTable(summary).rows.map((r) => r.slice(1));
  const types = activityTypeTable(summary).rows;
  const a = summary.associations;
  const results = options.results ? [...options.results].sort(compareAssociations) : [];
  const collection = results.map((r) => [r.name, r.county, r.status, r.rows.counted, r.rows.rejected, r.issues.filter((i) => i.severity === "error").length]);
  const issueCounts = new Map<string, number>();
  for (const issue of summary.issues) issueCounts.set(issue.code, (issueCounts.get(issue.code) ?? 0) + 1);
  const names = new Map(results.map((r) => [r.id, r.name]));
  const issues = summary.issues.slice(0, 500).map((i) => [names.get(i.association ?? "") ?? i.association ?? "", i.sheet, i.cell, i.severity === "error" ? "Feil" : "Advarsel", i.message]);
  const title = `${options.organisation ?? "Seniornett Norge"}: nasjonal rapport ${summary.year}`;

  return `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; margin: 2rem auto; max-width: 980px; padding: 0 1rem; color: #1d2329; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 2.2rem; border-bottom: 1px solid #d0d7de; padding-bottom: .3rem; }
.meta { color: #57606a; margin-top: 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: .8rem; margin: 1.2rem 0; }
.card { background: #f3f6f9; border-radius: 8px; padding: .8rem 1rem; } .card .value { font-size: 1.5rem; font-weight: 600; } .card .label { color: #57606a; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0; font-size: .92rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #e5e9ee; vertical-align: top; } th { background: #f3f6f9; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1rem 0; overflow-x: auto; } svg { max-width: 100%; height: auto; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">Laget av Samspill${options.generatedAt ? ` ${escapeHtml(osloTime(options.generatedAt))}` : ""}. ${a.registered} registrerte foreninger: ${a.ok} OK, ${a.withIssues} med avvik, ${a.notSubmitted} ikke sendt inn, ${a.unreachable} kunne ikke leses.</p>
<div class="cards">${cards}</div>

<h2>Strategimålene</h2>
${table(["Mål", "Målverdi", "Faktisk", "Status"], goals, [false, true, true, false])}
<figure aria-label="Fremdrift mot strategimålene">${charts.goals}</figure>

<h2>Per fylke</h2>
<figure aria-label="Deltakere per fylke">${charts.counties}</figure>
${table(["Fylke", "Foreninger", "Medlemmer", "Aktiviteter", "Deltakere"], counties, [false, true, true, true, true])}

<h2>Per aktivitetstype</h2>
${table(["Aktivitetstype", "Aktiviteter", "Deltakere", "Frivillige timer"], types, [false, true, true, true])}

<h2>Nasjonale tall</h2>
${table(["Nøkkeltall", "Verdi"], national, [false, true])}
${
  collection.length
    ? `
<h2>Innsamling</h2>
${table(["Forening", "Fylke", "Status", "Rader talt", "Rader avvist", "Feil"], collection, [false, false, false, true, true, true])}`
    : ""
}

<h2>Avvik</h2>
<p>${summary.issues.length} problemer. Per kode: ${[...issueCounts].map(([code, n]) => `${escapeHtml(code)} (${n})`).join(", ") || "ingen"}.</p>
${issues.length ? table(["Forening", "Fane", "Celle", "Alvorlighet", "Melding"], issues) : ""}
${summary.issues.length > issues.length ? `<p>… og ${summary.issues.length - issues.length} til (se fanen Avvik i sentral.xlsx).</p>` : ""}
</body>
</html>
`;
}
