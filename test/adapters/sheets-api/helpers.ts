import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { googleAuth } from "../../../src/adapters/sheets-api/auth";
import { googleClients, GoogleClients } from "../../../src/adapters/sheets-api/clients";
import { GateOptions } from "../../../src/adapters/sheets-api/gate";
import { SheetsApiStandIn, startSheetsApiStandIn } from "../../stand-ins/sheets-api";

/** A stand-in server plus a service-account key file it trusts. */
export interface Harness {
  server: SheetsApiStandIn;
  keyFile: string;
  clients(options?: GateOptions): Promise<GoogleClients>;
}

export async function startHarness(): Promise<Harness> {
  const server = await startSheetsApiStandIn();
  const dir = mkdtempSync(join(tmpdir(), "samspill-sheets-"));
  const keyFile = join(dir, "key.json");
  writeFileSync(keyFile, JSON.stringify(server.createServiceAccountKey("samspill@stand-in.iam.gserviceaccount.com")));
  return {
    server,
    keyFile,
    async clients(options: GateOptions = {}) {
      const auth = await googleAuth({ credentialsFile: keyFile });
      return googleClients({ auth, rootUrl: server.url, rate: 10_000, baseDelayMs: 5, maxDelayMs: 50, ...options });
    },
  };
}

/** The stand-in and one client shared by a test file: started before its tests, stopped after them. */
export function harnessPerFile(): { harness: Harness; clients: GoogleClients } {
  const shared = {} as { harness: Harness; clients: GoogleClients };
  beforeAll(async () => {
    shared.harness = await startHarness();
    shared.clients = await shared.harness.clients();
  });
  afterAll(async () => {
    await shared.clients?.gate.stop();
    await shared.harness?.server.close();
  });
  return shared;
}
