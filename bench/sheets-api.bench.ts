// cli.sheetsApi.*: Google-mode rollup against the local Sheets API stand-in (SPEC "Budgets").
// The stand-in runs in a child process (bench/sheets-api-server.ts), as Google's servers would.
import { fork } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { googleAuth } from "../src/adapters/sheets-api/auth";
import { googleClients } from "../src/adapters/sheets-api/clients";
import { googleRollup } from "../src/cli/google/google-mode";
import { testContext } from "../test/cli-google/data";
import { Figure } from "./figures";

const ASSOCIATIONS = 200;
const LATENCY_MS = 50;
const CONCURRENCY = 8;

/** The stand-in process: send a command, get its reply. */
async function standInProcess() {
  const child = fork(join(__dirname, "sheets-api-server.ts"), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const pending = new Map<number, (data: any) => void>();
  let next = 0;
  await new Promise<void>((resolve, reject) => {
    child.once("error", reject);
    child.on("message", (message: any) => {
      if (message.ready) resolve();
      else {
        pending.get(message.id)?.(message);
        pending.delete(message.id);
      }
    });
  });
  const send = (cmd: string, extra: object = {}) =>
    new Promise<any>((resolve) => {
      const id = ++next;
      pending.set(id, resolve);
      child.send({ id, cmd, ...extra });
    });
  return { send };
}
export async function figures(): Promise<Figure[]> {
  const server = await standInProcess();
  try {
    const { url, key } = await server.send("key");
    const keyFile = join(mkdtempSync(join(tmpdir(), "samspill-bench-")), "key.json");
    writeFileSync(keyFile, JSON.stringify(key));
    const auth = await googleAuth({ credentialsFile: keyFile });

    const run = async (faults: boolean) => {
      const { centralId } = await server.send("seed", { count: ASSOCIATIONS });
      await server.send("latency", { ms: LATENCY_MS });
      await server.send("faults", { faults: faults ? { status: 429, rate: 0.1, seed: 7, retryAfterSeconds: 1, endpoints: ["values.batchGet"] } : null });
      // The rate limit is raised for the bench: at the default 60/min, 200 reads take 3+ minutes by design.
      const clients = googleClients({ auth, rootUrl: url, concurrency: CONCURRENCY, rate: 100_000 });
      const started = process.hrtime.bigint();
      const { outcome, requests } = await googleRollup({ central: centralId }, testContext(), clients);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      await clients.gate.stop();
      const { readMs, maxInFlight } = await server.send("stats");
      return { ms, readMs, outcome, requests, maxInFlight: maxInFlight as number };
    };

    const ideal = (ASSOCIATIONS * LATENCY_MS) / CONCURRENCY;
    const clean = await run(false);
    const faulty = await run(true);
    const read429 = faulty.outcome.results.filter((r) => r.status !== "Finnes ikke" && r.status !== "Mangler tilgang").length;
    return [
      { name: "cli.sheetsApi.idealRatio", value: round(clean.ms / ideal), unit: "ratio", note: `whole rollup after sign-in (central open, ${ASSOCIATIONS} reads, one save; stand-in in its own process) ${Math.round(clean.ms)} ms / ideal ${ideal} ms (${ASSOCIATIONS} × ${LATENCY_MS} ms / ${CONCURRENCY}); budget ≤ 1.5` },
      { name: "cli.sheetsApi.readIdealRatio", value: round(clean.readMs / ideal), unit: "ratio", note: "first association read sent → last answered, over the same ideal" },
      { name: "cli.sheetsApi.maxInFlight", value: clean.maxInFlight, unit: "requests", note: `concurrency limit ${CONCURRENCY}` },
      { name: "cli.sheetsApi.requests", value: clean.requests.attempts, unit: "requests", note: `${ASSOCIATIONS} associations: one batchGet each + 2 to open the central spreadsheet (sent together) + 1 batchUpdate writing every output tab + the token` },
      { name: "cli.sheetsApi.retries429", value: faulty.requests.retriesByStatus["429"] ?? 0, unit: "retries", note: "10 % of association reads answered 429 with Retry-After: 1" },
      { name: "cli.sheetsApi.associationsRead429", value: read429, unit: "associations", note: `of ${ASSOCIATIONS}; must be all` },
      { name: "cli.sheetsApi.wallMs429", value: Math.round(faulty.ms), unit: "ms", note: "the same rollup with 10 % 429s" },
    ];
  } finally {
    await server.send("close");
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
