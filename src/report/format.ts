import { Goal, Summary } from "../core/summary";
import { formatNumber, formatPercent, goalName, PERCENT_GOALS } from "../core/wording";

/** Numbers, percentages and goals as Norwegian readers write them (1 234, 12,5, 10 %): the core's wording. */
export { formatNumber, formatPercent, PERCENT_GOALS };

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

/** The goals with their Norwegian names (core/wording) and values formatted. */
export function goalLines(summary: Summary): GoalLine[] {
  return summary.goals.map((goal) => ({
    goal,
    name: goalName(goal.id),
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
