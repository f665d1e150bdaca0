import { googleAuth } from "../../../src/adapters/sheets-api/auth";
import { googleClients } from "../../../src/adapters/sheets-api/clients";
import { googleRollup } from "../../../src/cli/google/google-mode";
import { seedStandIn, testAssociations, testContext } from "../../cli-google/data";
import { startHarness, Harness } from "./helpers";

let harness: Harness;
const saved = process.env.GOOGLE_APPLICATION_CREDENTIALS;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  if (saved === undefined) delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
  else process.env.GOOGLE_APPLICATION_CREDENTIALS = saved;
  await harness?.server.close();
});

describe("Application Default Credentials", () => {
  it("signs in through GOOGLE_APPLICATION_CREDENTIALS when no --credentials is given, and a rollup runs with it", async () => {
    process.env.GOOGLE_APPLICATION_CREDENTIALS = harness.keyFile;
    harness.server.requireIssuedTokens(true);
    try {
      const auth = await googleAuth();
      const clients = googleClients({ auth, rootUrl: harness.server.url, rate: 10_000 });
      const central = seedStandIn(harness.server, testAssociations(3));
      const { outcome } = await googleRollup({ central }, testContext(), clients);
      await clients.gate.stop();
      expect(outcome.summary.associations.registered).toBe(3);
      expect(harness.server.countBy("token")).toBeGreaterThanOrEqual(1);
    } finally {
      harness.server.requireIssuedTokens(false);
    }
  });
});
