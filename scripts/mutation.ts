// npm run mutation: runs Stryker over src/core (stryker.config.json; extra arguments go to
// `stryker run`, e.g. `npm run mutation -- --force`), then reads its JSON report
// (reports/mutation/mutation.json) and the equivalent mutants listed in test/MUTANTS.md, and writes
// test/mutation-score.json, the small committed summary that `npm run bench` reports as
// tests.core.mutationScore (bench never runs Stryker). `npm run mutation -- --summary-only` only
// rewrites the summary from the last report
// (`--reports a.json,b.json` merges partial runs, `--note` says how they were made).
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const ROOT = join(__dirname, "..");
export const REPORT = join(ROOT, "reports", "mutation", "mutation.json");
export const EQUIVALENTS = join(ROOT, "test", "MUTANTS.md");
export const SUMMARY = join(ROOT, "test", "mutation-score.json");

interface ReportMutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number } };
}
interface Report {
  files: Record<string, { source: string; mutants: ReportMutant[] }>;
}

export interface FileScore {
  mutants: number;
  killed: number;
  survived: number;
  noCoverage: number;
  equivalent: number;
  /** Killed (or timed out) over the mutants that count: survivors and uncovered, equivalents left out. */
  score: number | null;
}

export interface MutationSummary {
  measuredAt: string;
  durationSeconds?: number;
  /** Killed (and timed-out) mutants over all mutants of src/core, equivalent ones (test/MUTANTS.md) left out. */
  score: number | null;
  /** The same without leaving equivalents out: Stryker's own mutation score. */
  strykerScore: number | null;
  totals: FileScore & { timeout: number; runtimeErrors: number; compileErrors: number; ignored: number };
  files: Record<string, FileScore>;
  survivors: string[];
  /** How the run was made when it was not one plain `npm run mutation` (e.g. partial runs). */
  note?: string;
}

/** `src/core/values.ts:9:27 Regex` — the key of a mutant in test/MUTANTS.md (file, 1-based line and column, mutator). */
export function mutantKey(file: string, mutant: ReportMutant): string {
  return `${file}:${mutant.location.start.line}:${mutant.location.start.column} ${mutant.mutatorName}`;
}

/** The keys listed in test/MUTANTS.md: each list item starts with a key in backticks. */
export function readEquivalents(markdown: string): Set<string> {
  const keys = new Set<string>();
  for (const line of markdown.split("\n")) {
    const match = /^- `([^`]+)`/.exec(line.trim());
    if (match) keys.add(match[1]);
  }
  return keys;
}

const round = (value: number) => Math.round(value * 10) / 10;

export function summarise(report: Report, equivalents: Set<string>, measuredAt: string, durationSeconds?: number): MutationSummary {
  const files: Record<string, FileScore> = {};
  const totals = { mutants: 0, killed: 0, survived: 0, noCoverage: 0, equivalent: 0, score: null as number | null, timeout: 0, runtimeErrors: 0, compileErrors: 0, ignored: 0 };
  const survivors: string[] = [];
  for (const [file, { source, mutants }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
    const score: FileScore = { mutants: mutants.length, killed: 0, survived: 0, noCoverage: 0, equivalent: 0, score: null };
    const lines = source.split("\n");
    for (const mutant of mutants) {
      const key = mutantKey(file, mutant);
      switch (mutant.status) {
        case "Killed":
        case "Timeout":
          score.killed++;
          if (mutant.status === "Timeout") totals.timeout++;
          break;
        case "Survived":
        case "NoCoverage":
          if (equivalents.has(key)) score.equivalent++;
          else {
            if (mutant.status === "Survived") score.survived++;
            else score.noCoverage++;
            const code = (lines[mutant.location.start.line - 1] ?? "").trim().slice(0, 100);
            survivors.push(`${key} ${mutant.status} → ${JSON.stringify(mutant.replacement ?? "")} in: ${code}`);
          }
          break;
        case "RuntimeError":
          totals.runtimeErrors++;
          break;
        case "CompileError":
          totals.compileErrors++;
          break;
        default:
          totals.ignored++;
      }
    }
    const counted = score.killed + score.survived + score.noCoverage;
    score.score = counted ? round((100 * score.killed) / counted) : null;
    files[file] = score;
    totals.mutants += score.mutants;
    totals.killed += score.killed;
    totals.survived += score.survived;
    totals.noCoverage += score.noCoverage;
    totals.equivalent += score.equivalent;
  }
  const counted = totals.killed + totals.survived + totals.noCoverage;
  totals.score = counted ? round((100 * totals.killed) / counted) : null;
  const strykerCounted = counted + totals.equivalent;
  return {
    measuredAt,
    ...(durationSeconds !== undefined ? { durationSeconds } : {}),
    score: totals.score,
    strykerScore: strykerCounted ? round((100 * totals.killed) / strykerCounted) : null,
    totals,
    files,
    survivors,
  };
}

function main(): void {
  const args = process.argv.slice(2);
  let duration: number | undefined;
  if (!args.includes("--summary-only")) {
    const started = Date.now();
    // Property tests try at most this many random cases per mutant, from a fixed seed (test/property-runs.ts).
    process.env.SAMSPILL_PROPERTY_RUNS ??= "40";
    const configFile = args.find((arg) => arg.endsWith(".json") && !arg.startsWith("-")) ?? "stryker.config.json";
    const testMap = writeTestMap(join(ROOT, configFile));
    const run = spawnSync(join(ROOT, "node_modules", ".bin", "stryker"), ["run", ...args], {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, SAMSPILL_MUTATION_TEST_MAP: testMap },
    });
    if (run.status !== 0) process.exit(run.status ?? 1);
    duration = Math.round((Date.now() - started) / 1000);
  }
  // --reports a.json,b.json: one summary of several partial runs (each over its own files).
  const reportsArg = args.indexOf("--reports");
  const paths = reportsArg >= 0 ? args[reportsArg + 1].split(",").map((p) => join(ROOT, p)) : [REPORT];
  const report: Report = { files: {} };
  for (const path of paths) Object.assign(report.files, (JSON.parse(readFileSync(path, "utf8")) as Report).files);
  const measuredAt = new Date(Math.max(...paths.map((path) => statSync(path).mtime.getTime()))).toISOString();
  const previous = duration === undefined ? readPreviousDuration(measuredAt) : duration;
  const summary = summarise(report, readEquivalents(readFileSync(EQUIVALENTS, "utf8")), measuredAt, previous);
  const noteArg = args.indexOf("--note");
  if (noteArg >= 0) summary.note = args[noteArg + 1];
  writeFileSync(SUMMARY, JSON.stringify(summary, null, 2) + "\n");
  for (const [file, s] of Object.entries(summary.files)) console.log(`${s.score ?? "–"} %\t${s.killed}/${s.killed + s.survived + s.noCoverage}\t(${s.equivalent} equivalent)\t${file}`);
  console.log(`src/core: ${summary.score} % (${summary.totals.survived} survived, ${summary.totals.noCoverage} without coverage, ${summary.totals.equivalent} equivalent); Stryker's own score ${summary.strykerScore} %`);
  console.log(`${SUMMARY.slice(ROOT.length + 1)} written${summary.durationSeconds !== undefined ? `; the run took ${summary.durationSeconds} s` : ""}`);
}

/**
 * Runs the Stryker test set once with jest and writes which test file holds which test (full names,
 * as Stryker names tests): scripts/mutation-sequencer.cjs then runs only the files that hold the
 * tests covering a mutant, instead of loading every file for each mutant.
 */
export function writeTestMap(strykerConfigPath: string): string {
  const stryker = JSON.parse(readFileSync(strykerConfigPath, "utf8")) as { jest?: { config?: Record<string, unknown> } };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const base = require(join(ROOT, "jest.config.js")) as Record<string, unknown>;
  const config: Record<string, unknown> = { ...base, ...stryker.jest?.config, rootDir: ROOT };
  delete config.testSequencer;
  const results = join(ROOT, "reports", "mutation", "jest-results.json");
  mkdirSync(join(ROOT, "reports", "mutation"), { recursive: true });
  const run = spawnSync(join(ROOT, "node_modules", ".bin", "jest"), ["--config", JSON.stringify(config), "--json", "--outputFile", results, "--silent"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (run.status !== 0) throw new Error("the tests fail without mutants: fix them before measuring");
  const jest = JSON.parse(readFileSync(results, "utf8")) as { testResults: { name: string; assertionResults: { fullName: string }[] }[] };
  const map: Record<string, string[]> = {};
  for (const file of jest.testResults) map[relative(ROOT, file.name)] = file.assertionResults.map((test) => test.fullName);
  const path = join(ROOT, "reports", "mutation", "test-map.json");
  writeFileSync(path, JSON.stringify(map));
  return path;
}

/** With --summary-only, keep the duration of the run the summary already describes. */
function readPreviousDuration(measuredAt: string): number | undefined {
  try {
    const previous = JSON.parse(readFileSync(SUMMARY, "utf8")) as MutationSummary;
    return previous.measuredAt === measuredAt ? previous.durationSeconds : undefined;
  } catch {
    return undefined;
  }
}

if (require.main === module) main();
