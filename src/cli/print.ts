import { Issue } from "../core/issues";
import { nationalTable, countyTable } from "../core/outputs";
import { Summary } from "../core/summary";
import { formatNumber, goalLines } from "../report/format";

/** Plain-text tables for the terminal, in Norwegian. */
export function textTable(header: string[], rows: string[][], alignRight: boolean[] = []): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (alignRight[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)];
}

export function nationalLines(summary: Summary): string[] {
  const rows = nationalTable(summary).rows.map(([label, value]) => [String(label), label === "Rapportår" ? String(value) : formatNumber(Number(value))]);
  return textTable(["Nasjonalt", "Verdi"], rows, [false, true]);
}

export function countyLines(summary: Summary): string[] {
  const rows = countyTable(summary).rows.map((r) => [String(r[1]), ...r.slice(2).map((v) => formatNumber(Number(v)))]);
  return textTable(["Fylke", "Foreninger", "Medlemmer", "Aktiviteter", "Deltakere"], rows, [false, true, true, true, true]);
}

export function goalLinesText(summary: Summary): string[] {
  const rows = goalLines(summary).map((g) => [g.name, g.target, g.actual, g.met]);
  return textTable(["Mål", "Målverdi", "Faktisk", "Status"], rows, [false, true, true, false]);
}

/** One problem per line: `Fane!Celle  kode  melding` (warnings say so at the end). */
export function issueLine(issue: Issue): string {
  const where = issue.sheet ? `${issue.sheet}!${issue.cell || "A1"}` : issue.association || "(fil)";
  return `${where}  ${issue.code}  ${issue.message}${issue.severity === "warning" ? " (advarsel)" : ""}`;
}

export function statusLine(summary: Summary): string {
  const a = summary.associations;
  return `${a.registered} foreninger: ${a.ok} OK, ${a.withIssues} med avvik, ${a.notSubmitted} ikke sendt inn, ${a.unreachable} kunne ikke leses. Rader: ${summary.rows.read} lest, ${summary.rows.counted} talt, ${summary.rows.rejected} avvist.`;
}
