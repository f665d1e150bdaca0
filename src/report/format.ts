import { Goal, Summary } from "../core/summary";
import { goalsTable } from "../core/outputs";

/** Numbers, percentages and goals as Norwegian readers write them (1 234, 12,5, 10 %). */
const whole = new Intl.NumberFormat("nb-NO", { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("nb-NO", { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat("nb-NO", { style: "percent", maximumFractionDigits: 1 });

/** Plain spaces instead of the no-break spaces Intl uses, so text tables line up everywhere. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ").replace("−", "-");

export function formatNumber(value: number): string {
  return plain(Number.isInteger(value) ? whole.format(value) : decimal.format(value));
}

export function formatPercent(fraction: number): string {
  return plain(percent.format(fraction));
}

export const PERCENT_GOALS: ReadonlySet<string> = new Set(["participantGrowth", "grantGrowth"]);

export function formatGoalValue(goal: Goal, value: number | null): string {
  if (value === null) return "ukjent";
  return PERCENT_GOALS.has(goal.id) ? formatPercent(value) : formatNumber(value);
}

/** How far a goal has come, 0..1 (growth goals: actual growth against target growth). */
export function goalProgress(goal: Goal): number | null {
  if (goal.actual === null) return null;
  if (goal.target <= 0) return goal.actual >= goal.target ? 1 : 0;
  return Math.max(0, Math.min(1, goal.actual / goal.target));
}

export interface GoalLine {
  goal: Goal;
  name: string;
  target: string;
  actual: string;
  met: string;
  progress: number | null;
}

/** The goals with their Norwegian names (from the core's Mål table) and values formatted. */
export function goalLines(summary: Summary): GoalLine[] {
  const names = new Map(goalsTable(summary).rows.map((row) => [String(row[1]), String(row[0])]));
  return summary.goals.map((goal) => ({
    goal,
    name: names.get(goal.id) ?? goal.id,
    target: "≥ " + formatGoalValue(goal, goal.target),
    actual: formatGoalValue(goal, goal.actual),
    met: goal.actual === null ? "ukjent" : goal.met ? "nådd" : "ikke nådd",
    progress: goalProgress(goal),
  }));
}

/** A bar of block characters, `width` long at 100 %. */
export function textBar(fraction: number, width = 20): string {
  const n = Math.round(Math.max(0, Math.min(1, fraction)) * width);
  return "█".repeat(n) + "░".repeat(width - n);
}
