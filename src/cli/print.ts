import { Issue } from "../core/issues";
import { associationStatusLine, counted, describeIssue } from "../core/wording";
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

/**
 * One problem per line: `Fane!Celle  Beskrivelse – melding (advarsel)  [kode]`. The Norwegian
 * description comes first; the stable code is last, for scripts that grep for it.
 */
export function issueLine(issue: Issue): string {
  const where = issue.sheet ? `${issue.sheet}!${issue.cell || "A1"}` : issue.association || "(fil)";
  return `${where}  ${describeIssue(issue.code)} – ${issue.message}${issue.severity === "warning" ? " (advarsel)" : ""}  [${issue.code}]`;
}

/** "fil.xlsx: 2 feil, 1 advarsel." */
export function issueCountLine(name: string, issues: ReadonlyArray<Issue>): string {
  const errors = issues.filter((i) => i.severity === "error").length;
  if (issues.length === 0) return `Ingen problemer i ${name}.`;
  return `${name}: ${counted(errors, "error")}, ${counted(issues.length - errors, "warning")}.${errors ? " Rett feilene og kjør validate på nytt." : ""}`;
}

export function statusLine(summary: Summary): string {
  const a = summary.associations;
  return `${associationStatusLine(a)}. Rader: ${formatNumber(summary.rows.read)} lest, ${formatNumber(summary.rows.counted)} talt, ${formatNumber(summary.rows.rejected)} avvist.`;
}
