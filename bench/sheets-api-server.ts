// The local Sheets API stand-in in a process of its own, for bench/sheets-api.bench.ts: Google's
// servers do not share the CLI's CPU, so neither should the stand-in when wall time is measured.
// Driven over IPC: { cmd, ... } → { ok, ... }.
import { seedStandIn, testAssociations } from "../test/cli-google/data";
import { startSheetsApiStandIn } from "../test/stand-ins/sheets-api";

/** 200 associations, all readable (the stand-in's not_found/no_access cases replaced by readable ones). */
function benchAssociations(count: number) {
  return testAssociations(count).map((a, i) => (a.access ? { ...testAssociations(i + 7)[i + 6], id: a.id, spreadsheetId: a.spreadsheetId, municipalityNumber: a.municipalityNumber } : a));
}

type Message = { id: number; cmd: string; count?: number; ms?: number; faults?: Parameters<Awaited<ReturnType<typeof startSheetsApiStandIn>>["setFaultRate"]>[0] };

async function main(): Promise<void> {
  const server = await startSheetsApiStandIn();
  const reply = (id: number, data: object) => process.send?.({ id, ok: true, ...data });
  process.on("message", async (message: Message) => {
    switch (message.cmd) {
      case "key":
        return reply(message.id, { url: server.url, key: server.createServiceAccountKey("bench@stand-in.iam.gserviceaccount.com") });
      case "seed":
        server.reset();
        return reply(message.id, { centralId: seedStandIn(server, benchAssociations(message.count ?? 200)) });
      case "latency":
        server.setLatency(message.ms ?? 0);
        return reply(message.id, {});
      case "faults":
        server.setFaultRate(message.faults ?? null);
        return reply(message.id, {});
      case "stats": {
        const reads = server.requests.filter((r) => r.endpoint === "values.batchGet");
        const readMs = Math.max(...reads.map((r) => r.endTime ?? r.time)) - Math.min(...reads.map((r) => r.time));
        return reply(message.id, { readMs, maxInFlight: server.maxInFlight });
      }
      case "close":
        await server.close();
        reply(message.id, {});
        return process.exit(0);
    }
  });
  process.send?.({ ready: true });
}

void main();
