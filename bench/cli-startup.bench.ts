// samspill --help against a bare `node -e 0`, interleaved in the same run so machine noise hits both
// alike (SPEC budget: cli.startup.ratio ≤ 5). Runs the built CLI the way users do, through bin/samspill.js.
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { buildCli } from "../scripts/build-cli";
import { Figure } from "./figures";

const ROOT = path.join(__dirname, "..");
const RUNS = 15;

function wallSeconds(args: string[]): number {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "ignore" });
  if (run.status !== 0) throw new Error(`node ${args.join(" ")} exited ${run.status}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function figures(): Promise<Figure[]> {
  await buildCli();
  const help: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    help.push(wallSeconds([path.join("bin", "samspill.js"), "--help"]));
    bare.push(wallSeconds(["-e", "0"]));
  }
  const ratio = median(help) / median(bare);
  return [
    { name: "cli.startup.ratio", value: Math.round(ratio * 100) / 100, unit: "×", note: `samspill --help (built CLI, median of ${RUNS}: ${Math.round(median(help) * 1000)} ms) ÷ node -e 0 (median ${Math.round(median(bare) * 1000)} ms), interleaved in one run; budget ≤ 5` },
  ];
}
