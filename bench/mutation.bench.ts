// tests.core.mutationScore: the last `npm run mutation` (Stryker over src/core), read from the
// committed summary test/mutation-score.json. Bench never runs Stryker (it takes up to 20 minutes).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { MutationSummary } from "../scripts/mutation";
import { Figure } from "./figures";

const SUMMARY = join(__dirname, "..", "test", "mutation-score.json");

export async function figures(): Promise<Figure[]> {
  if (!existsSync(SUMMARY)) return [];
  const summary = JSON.parse(readFileSync(SUMMARY, "utf8")) as MutationSummary;
  if (summary.score === null) return [];
  const t = summary.totals;
  const duration = summary.durationSeconds !== undefined ? `, the run took ${Math.round(summary.durationSeconds / 60)} min` : "";
  return [
    {
      name: "tests.core.mutationScore",
      value: summary.score,
      unit: "%",
      measuredAt: summary.measuredAt,
      note: `Stryker run of ${summary.measuredAt} (npm run mutation${duration}): ${t.killed} of ${t.killed + t.survived + t.noCoverage} mutants in ${Object.keys(summary.files).length} files of src/core killed, ${t.equivalent} equivalent ones (test/MUTANTS.md) and ${t.ignored} static ones (run at module load, ignoreStatic) left out; Stryker's own score ${summary.strykerScore} %${summary.note ? `. ${summary.note}` : ""}`,
    },
  ];
}
