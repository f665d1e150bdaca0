import { AssociationResult } from "../core/association-result";
import { BoardReport, boardReport, changeText, collectionOfResults, measuresOfResults, ReportInput } from "../core/board-report";
import { Summary } from "../core/summary";
import { osloLongDateTime } from "../core/oslo-time";
import { count, formatNumber } from "../core/wording";
import { reportCharts } from "./svg-charts";

/**
 * rapport.html: the board report (core/board-report.ts) as one self-contained page that prints on
 * A4. No script runs (a Content-Security-Policy forbids it), nothing is fetched, and every text that
 * comes from a sheet is escaped, so an association named `<img src=x onerror=alert(1)>` shows as text.
 */
export function escapeHtml(text: unknown): string {
  return String(text ?? "").replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
}

export interface ReportOptions extends Omit<ReportInput, "summary"> {
  /** A rollup's results: the collection and the measures are taken from them when not given. */
  results?: ReadonlyArray<AssociationResult>;
  generatedAt?: Date;
}

type Align = "num" | "";

function table(header: string[], rows: unknown[][], align: Align[] = [], caption = ""): string {
  const cls = (c: number) => (align[c] ? ` class="${align[c]}"` : "");
  const th = header.map((h, c) => `<th${cls(c)} scope="col">${escapeHtml(h)}</th>`).join("");
  const body = rows.map((row) => `<tr>${row.map((cell, c) => `<td${cls(c)}>${escapeHtml(typeof cell === "number" ? formatNumber(cell) : cell)}</td>`).join("")}</tr>`).join("\n");
  return `<table>${caption ? `<caption>${escapeHtml(caption)}</caption>` : ""}<thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const note = (text: string) => (text ? `<p class="note">${escapeHtml(text)}</p>` : "");

/** The page's style: screen first, then A4 print where headings stay with what follows and tables do not split. */
const STYLE = `
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; margin: 2rem auto; max-width: 980px; padding: 0 1rem; color: #1d2329; line-height: 1.4; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.2rem; margin: 1.8rem 0 .4rem; border-bottom: 1px solid #d0d7de; padding-bottom: .25rem; }
.meta, .note { color: #57606a; margin: .3rem 0; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0; font-size: .92rem; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; }
th, td { text-align: left; padding: .22rem .5rem; border-bottom: 1px solid #e5e9ee; vertical-align: top; }
th { background: #f3f6f9; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure { margin: .6rem 0; } svg { max-width: 100%; height: auto; }
section { margin: 0; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
tr.group th { background: none; font-weight: 600; padding-top: .5rem; border-bottom: 1px solid #d0d7de; }
table.measures td.num, table.measures th.num { width: 5.5em; }
.two { display: grid; grid-template-columns: 5fr 6fr; gap: 1.2rem; align-items: start; }
@media (max-width: 700px) { .two { grid-template-columns: 1fr; } }
@page { size: A4; margin: 14mm 14mm 16mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; }
  h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-top: 5mm; }
  table { font-size: 8.5pt; }
  th, td { padding: .6mm 1.6mm; line-height: 1.25; }
  table.measures { font-size: 8pt; }
  .note { font-size: 8.5pt; }
  h2, caption, thead { break-after: avoid; page-break-after: avoid; }
  section, table, figure, tr, .keep { break-inside: avoid; page-break-inside: avoid; }
  section.long { break-inside: auto; page-break-inside: auto; }
  .page { break-before: page; page-break-before: always; }
  th { background: #f3f6f9 !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** The measures grouped by plan area: one heading row per area, then its measures. */
function measuresTable(report: BoardReport): string {
  const head = ["Tiltak", "Ikke startet", "Pågår", "Fullført", "Avlyst"].map((h, c) => `<th${c ? ' class="num"' : ""} scope="col">${escapeHtml(h)}</th>`).join("");
  const rows: string[] = [];
  let area = "";
  for (const m of report.measures) {
    if (m.area !== area) {
      area = m.area;
      rows.push(`<tr class="group"><th colspan="5" scope="rowgroup">${escapeHtml(area)}</th></tr>`);
    }
    rows.push(`<tr><td>${escapeHtml(m.measure)}</td>${[m.notStarted, m.inProgress, m.done, m.cancelled].map((n) => `<td class="num">${escapeHtml(formatNumber(n))}</td>`).join("")}</tr>`);
  }
  return `<table class="measures"><thead><tr>${head}</tr></thead><tbody>\n${rows.join("\n")}\n</tbody></table>`;
}

/** The board report as HTML from the core's description and the two charts. */
export async function renderBoardReport(report: BoardReport, summary: Summary, generatedAt?: Date): Promise<string> {
  const charts = await reportCharts(summary, report.goals);
  const figures = report.keyFigures.map((f) => [f.label, f.thisYear, f.lastYear === null ? "–" : f.lastYear, f.change === null ? "–" : changeText(f)]);
  const goals = report.goals.map((g) => [g.name, g.text, g.status]);
  const counties = report.counties.map((c) => [c.county, c.associations, c.members, c.activities, c.participants]);
  const types = report.activityTypes.map((t) => [t.type, t.activities, t.participants, t.volunteerHours]);
  const measures = report.measures;
  const problems = report.problems.map((p) => [p.description, p.errors, p.warnings, p.associations]);
  const statuses = report.fileStatuses.map((s) => [s.status, s.associations, s.names.join(", ")]);
  const countiesTotal = report.counties.reduce((sum, c) => sum + c.associations, 0);

  return `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(report.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(report.title)}</h1>
<p class="meta">Laget av Samspill${generatedAt ? ` ${escapeHtml(osloLongDateTime(generatedAt))}` : ""}. ${escapeHtml(report.statusLine)}.</p>
</header>

<section>
<h2>Nøkkeltall ${report.year} og ${report.lastYear}</h2>
${table(["Nøkkeltall", `${report.year}`, `${report.lastYear}`, "Endring"], figures, ["", "num", "num", "num"])}
${note(report.historyNote)}
</section>

<section>
<h2>Strategimålene</h2>
<figure aria-label="Fremdrift mot strategimålene">${charts.goals}</figure>
${table(["Mål", "Oppnådd av målet", "Status"], goals, [], "Strategimålene i tall").replace("<table>", '<table class="sr-only">')}
</section>

<section>
<h2>Per fylke</h2>
<div class="two">
<figure aria-label="Deltakere per fylke">${charts.counties}</figure>
${table(["Fylke", "Foreninger", "Medlemmer", "Aktiviteter", "Deltakere"], counties, ["", "num", "num", "num", "num"])}
</div>
${note(report.countyNote || (countiesTotal ? `Alle ${count(countiesTotal, "forening", "foreninger")} har et kjent fylke.` : ""))}
</section>

<section>
<h2>Per aktivitetstype</h2>
${table(["Aktivitetstype", "Aktiviteter", "Deltakere", "Frivillige timer"], types, ["", "num", "num", "num"])}
</section>

<section>
<h2>Problemer i regnearkene</h2>
${note(report.problemsLine)}
${problems.length ? table(["Hva som er galt", "Feil", "Advarsler", "Foreninger"], problems, ["", "num", "num", "num"]) : ""}
</section>

<section>
<h2>Tiltak i handlingsplanen</h2>
${note(report.measuresNote)}
${measures.length ? measuresTable(report) : ""}
</section>

<section>
<h2>Om tallene</h2>
<p class="note">Tallene over bygger på radene som ble lest og talt. Rader med feil er avvist og ikke talt; foreninger som ikke har sendt inn ennå, er talt med.</p>
<div class="two">
${table(["Rader og milepæler", "Antall"], report.rowCounts.map((r) => [r.label, r.value]), ["", "num"])}
${table(["Status for foreningsfilene", "Foreninger", "Hvilke"], statuses, ["", "num", ""])}
</div>
</section>
</body>
</html>
`;
}

/** rapport.html from a summary and what the rollup or the central spreadsheet gives alongside it. */
export async function renderReport(summary: Summary, options: ReportOptions = {}): Promise<string> {
  const { results, generatedAt, ...rest } = options;
  const input: ReportInput = {
    ...rest,
    summary,
    collection: rest.collection ?? (results ? collectionOfResults(results) : undefined),
    measures: rest.measures ?? (results ? measuresOfResults(results) : undefined),
  };
  return renderBoardReport(boardReport(input), summary, generatedAt);
}
