// cli.sheetsApi.*: Google-mode rollup against the local Sheets API stand-in (SPEC "Budgets").
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { googleAuth } from "../src/adapters/sheets-api/auth";
import { googleClients } from "../src/adapters/sheets-api/clients";
import { googleRollup } from "../src/cli/google/google-mode";
import { seedStandIn, testAssociations, testContext } from "../test/cli-google/data";
import { startSheetsApiStandIn } from "../test/stand-ins/sheets-api";
import { Figure } from "./figures";

const ASSOCIATIONS = 200;
const LATENCY_MS = 50;
const CONCURRENCY = 8;

export async function figures(): Promise<Figure[]> {
  const server = await startSheetsApiStandIn();
  try {
    const keyFile = join(mkdtempSync(join(tmpdir(), "samspill-bench-")), "key.json");
    writeFileSync(keyFile, JSON.stringify(server.createServiceAccountKey("bench@stand-in.iam.gserviceaccount.com")));
    const associations = testAssociations(ASSOCIATIONS).map((a, i) => (a.access ? { ...testAssociations(i + 7)[i + 6], id: a.id, spreadsheetId: a.spreadsheetId, municipalityNumber: a.municipalityNumber } : a));
    const auth = await googleAuth({ credentialsFile: keyFile, apiRoot: server.url });

    const run = async (faults: boolean) => {
      server.reset();
      const centralId = seedStandIn(server, associations);
      server.setLatency(LATENCY_MS);
      if (faults) server.setFaultRate({ status: 429, rate: 0.1, seed: 7, retryAfterSeconds: 1, endpoints: ["values.batchGet"] });
      // The rate limit is raised for the bench: at the default 60/min, 200 reads take 3+ minutes by design.
      const clients = googleClients({ auth, apiRoot: server.url, concurrency: CONCURRENCY, rate: 100_000 });
      const started = process.hrtime.bigint();
      const { outcome, requests } = await googleRollup({ central: centralId }, testContext(), clients);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      await clients.gate.stop();
      const reads = server.requests.filter((r) => r.endpoint === "values.batchGet");
      const readMs = Math.max(...reads.map((r) => r.endTime ?? r.time)) - Math.min(...reads.map((r) => r.time));
      return { ms, readMs, outcome, requests, maxInFlight: server.maxInFlight };
    };

    const ideal = (ASSOCIATIONS * LATENCY_MS) / CONCURRENCY;
    const clean = await run(false);
    const faulty = await run(true);
    const read429 = faulty.outcome.results.filter((r) => r.status !== "Finnes ikke" && r.status !== "Mangler tilgang").length;
    return [
      { name: "cli.sheetsApi.idealRatio", value: round(clean.ms / ideal), unit: "ratio", note: `whole rollup after sign-in (central open, ${ASSOCIATIONS} reads, one save; stand-in in the same process) ${Math.round(clean.ms)} ms / ideal ${ideal} ms (${ASSOCIATIONS} × ${LATENCY_MS} ms / ${CONCURRENCY}); budget ≤ 1.5` },
      { name: "cli.sheetsApi.readIdealRatio", value: round(clean.readMs / ideal), unit: "ratio", note: "first association read sent → last answered, over the same ideal" },
      { name: "cli.sheetsApi.maxInFlight", value: clean.maxInFlight, unit: "requests", note: `concurrency limit ${CONCURRENCY}` },
      { name: "cli.sheetsApi.requests", value: clean.requests.attempts, unit: "requests", note: `${ASSOCIATIONS} associations: one batchGet each + 2 to open the central spreadsheet + 2 to write every output tab` },
      { name: "cli.sheetsApi.retries429", value: faulty.requests.retriesByStatus["429"] ?? 0, unit: "retries", note: "10 % of association reads answered 429 with Retry-After: 1" },
      { name: "cli.sheetsApi.associationsRead429", value: read429, unit: "associations", note: `of ${ASSOCIATIONS}; must be all` },
      { name: "cli.sheetsApi.wallMs429", value: Math.round(faulty.ms), unit: "ms", note: "the same rollup with 10 % 429s" },
    ];
  } finally {
    await server.close();
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
