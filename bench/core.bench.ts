import { Cell } from "../src/core/cell";
import { readTable } from "../src/core/read";
import { activities } from "../src/core/templates/association";
import { ACTIVITY_TYPES, PARTNERS } from "../src/core/templates/lists";
import { MUNICIPALITIES } from "../src/core/reference";
import { Figure } from "./figures";

const ROWS = 500_000;
const context = { year: 2025, today: "2025-11-25" };

/** Rows as people fill them in: numbers, Norwegian text, dates as text, some blanks and errors. */
function generateRows(count: number): Cell[][] {
  const header = activities.keys.map((k) => activities.columns[k].header);
  const rows: Cell[][] = [header];
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
  for (let i = 0; i < count; i++) {
    const day = (next() % 28) + 1;
    const month = (next() % 12) + 1;
    const participants = next() % 40;
    rows.push([
      i % 3 === 0 ? `${day < 10 ? "0" : ""}${day}.${month < 10 ? "0" : ""}${month}.2025` : `2025-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`,
      ACTIVITY_TYPES[next() % ACTIVITY_TYPES.length],
      "Kurs i digitale tjenester",
      i % 4 === 0 ? "1804" : "",
      i % 5 === 0 ? "Bibliotek" : "",
      i % 10 === 0 ? String(participants) : participants,
      participants % 5,
      2,
      i % 7 === 0 ? "2,5" : 3,
      "",
    ]);
  }
  return rows;
}

/**
 * A minimal hand-written loop doing the same job on the same rows: every column parsed and checked
 * by the same rules (dates real and in the year, list values, lengths, municipality numbers,
 * Norwegian number text, new ≤ participants), then totals. No messages, no cells, no caching.
 */
function toNumber(value: Cell): number {
  if (typeof value === "number") return value;
  if (typeof value !== "string" || value.trim() === "") return NaN;
  return Number(value.replace(/[\s\u00a0]/g, "").replace(",", "."));
}

function handLoop(rows: Cell[][]): number {
  const types = new Set<string>(ACTIVITY_TYPES.map((t) => t.toLowerCase()));
  const partners = new Set<string>(PARTNERS.map((p) => p.toLowerCase()));
  const municipalities = new Set(MUNICIPALITIES.map((m) => m.number));
  const daysIn = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  let participants = 0;
  let hours = 0;
  let counted = 0;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const date = String(row[0]).trim();
    const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(date) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (!m) continue;
    const iso = m[1].length === 4;
    const year = Number(iso ? m[1] : m[3]);
    const month = Number(m[2]);
    const day = Number(iso ? m[3] : m[1]);
    if (year !== 2025 || month < 1 || month > 12 || day < 1 || day > daysIn[month - 1]) continue;
    if (!types.has(String(row[1]).trim().toLowerCase())) continue;
    const title = String(row[2] ?? "").trim();
    if (title.length === 0 || title.length > 200) continue;
    const municipality = String(row[3] ?? "").trim();
    if (municipality !== "" && !municipalities.has(municipality.padStart(4, "0"))) continue;
    const partner = String(row[4] ?? "").trim().toLowerCase();
    if (partner !== "" && !partners.has(partner)) continue;
    const p = toNumber(row[5]);
    if (!Number.isInteger(p) || p < 0 || p > 10000) continue;
    const n = row[6] === "" ? 0 : toNumber(row[6]);
    if (!Number.isInteger(n) || n < 0 || n > p) continue;
    const v = row[7] === "" ? 0 : toNumber(row[7]);
    if (!Number.isInteger(v) || v < 0 || v > 1000) continue;
    const h = row[8] === "" ? 0 : toNumber(row[8]);
    if (!(h >= 0 && h <= 10000)) continue;
    if (String(row[9] ?? "").length > 1000) continue;
    participants += p;
    hours += h;
    counted++;
  }
  return participants + hours + counted;
}

function samspill(rows: Cell[][]): number {
  const read = readTable(activities, rows, context);
  let participants = 0;
  let hours = 0;
  for (const row of read.rows) {
    participants += row.participants;
    hours += row.volunteerHours;
  }
  return participants + hours + read.counted;
}

function bestOf(runs: number, fn: () => number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e9);
  }
  return best;
}

export async function figures(): Promise<Figure[]> {
  const rows = generateRows(ROWS);
  samspill(rows.slice(0, 20_000));
  handLoop(rows.slice(0, 20_000));
  // Both must agree on the totals, or the comparison means nothing.
  if (samspill(rows) !== handLoop(rows)) throw new Error("the hand loop and Samspill disagree on the totals");
  const ours = bestOf(3, () => samspill(rows));
  const hand = bestOf(3, () => handLoop(rows));
  return [
    { name: "core.rowsPerSecond", value: Math.round(ROWS / ours), unit: "rows/s", note: `parse + validate + totals over ${ROWS} Aktiviteter rows, best of 3` },
    { name: "core.handLoopRatio", value: Math.round((ours / hand) * 100) / 100, unit: "ratio", note: "time of the template-driven reader / a minimal hand-written loop doing the same checks and totals, same rows, same run" },
    { name: "core.handLoopRowsPerSecond", value: Math.round(ROWS / hand), unit: "rows/s" },
  ];
}
