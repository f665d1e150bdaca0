import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { googleAuth } from "../../../src/adapters/sheets-api/auth";
import { readAssociationSource } from "../../../src/adapters/sheets-api/association-source";
import { googleRollup } from "../../../src/cli/google/google-mode";
import { UserError } from "../../../src/cli/user-error";
import { NOW, seedStandIn, testAssociations, testContext } from "../../cli-google/data";
import { Harness, startHarness } from "./helpers";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.server.close());
beforeEach(() => harness.server.reset());

describe("quota and faults", () => {
  it("retries 429 (honouring Retry-After) and 5xx, loses nothing and counts the retries", async () => {
    const associations = testAssociations(10);
    const centralId = seedStandIn(harness.server, associations);
    const clients = await harness.clients();
    const { server } = harness;
    server.failNext({ endpoint: "values.batchGet", spreadsheetId: associations[0].spreadsheetId, status: 429, retryAfterSeconds: 1, times: 2 });
    server.failNext({ endpoint: "values.batchGet", spreadsheetId: associations[1].spreadsheetId, status: 503 });
    server.failNext({ endpoint: "values.batchGet", spreadsheetId: associations[2].spreadsheetId, status: 500 });
    server.failNext({ endpoint: "spreadsheets.batchUpdate", spreadsheetId: centralId, status: 429, retryAfterSeconds: 0 });
    const { outcome, requests } = await googleRollup({ central: centralId }, testContext(), clients);
    await clients.gate.stop();
    expect(requests.retries).toBe(5);
    expect(requests.retriesByStatus).toEqual({ "429": 3, "503": 1, "500": 1 });
    expect(outcome.summary.associations.registered).toBe(10);
    expect(outcome.summary.associations.unreachable).toBe(2);
    const byId = new Map(outcome.results.map((r) => [r.id, r.status]));
    for (const a of associations.slice(0, 3)) expect(["OK", "Med avvik", "Ikke sendt inn"]).toContain(byId.get(a.id));
    // The 429 waited at least the Retry-After second before it was asked again.
    const attempts = server.requests.filter((r) => r.endpoint === "values.batchGet" && r.spreadsheetId === associations[0].spreadsheetId);
    expect(attempts.map((r) => r.status)).toEqual([429, 429, 200]);
    expect(attempts[1].time - attempts[0].endTime!).toBeGreaterThanOrEqual(1000);
  });

  it("turns 404 into not_found and 403 into no_access for that association", async () => {
    const clients = await harness.clients();
    harness.server.setAccess("gone", "not_found");
    harness.server.setAccess("locked", "no_access");
    expect(await readAssociationSource(clients, "https://docs.google.com/spreadsheets/d/gone/edit")).toEqual({ kind: "not_found" });
    expect(await readAssociationSource(clients, "locked")).toEqual({ kind: "no_access" });
    await clients.gate.stop();
  });

  it("reads an association with a missing tab (the core reports missing_tab)", async () => {
    const clients = await harness.clients();
    const [association] = testAssociations(1);
    const { Tiltak: _dropped, ...three } = association.sheets!;
    const id = harness.server.addSpreadsheet({ title: "tre faner", sheets: three as never });
    const source = await readAssociationSource(clients, id);
    await clients.gate.stop();
    expect(source.kind).toBe("read");
    expect(source.kind === "read" && Object.keys(source.sheets).sort()).toEqual(["Aktiviteter", "Milepæler", "Årsrapport"]);
  });

  it("stops without writing anything when Google keeps failing past the retry ceiling", async () => {
    const associations = testAssociations(4);
    const centralId = seedStandIn(harness.server, associations);
    const clients = await harness.clients({ maxRetries: 2 });
    harness.server.failNext({ endpoint: "values.batchGet", spreadsheetId: associations[0].spreadsheetId, status: 503, times: 10 });
    await expect(googleRollup({ central: centralId }, testContext(), clients)).rejects.toThrow(UserError);
    await clients.gate.stop();
    expect(harness.server.countBy("values.batchGet", { spreadsheetId: associations[0].spreadsheetId })).toBe(3);
    expect(harness.server.countBy("spreadsheets.batchUpdate")).toBe(0);
    expect(harness.server.countBy("values.batchUpdate")).toBe(0);
  });

  it("never has more requests in flight than the concurrency limit", async () => {
    const associations = testAssociations(30);
    const centralId = seedStandIn(harness.server, associations);
    harness.server.setLatency(20);
    const clients = await harness.clients({ concurrency: 3 });
    harness.server.resetStats();
    await googleRollup({ central: centralId }, testContext(), clients);
    await clients.gate.stop();
    expect(harness.server.maxInFlight).toBe(3);
  });

  it("holds the request rate: no more than the limit within any window", async () => {
    const associations = testAssociations(12);
    const centralId = seedStandIn(harness.server, associations);
    const clients = await harness.clients({ rate: 5, rateWindowMs: 400 });
    harness.server.resetStats();
    await googleRollup({ central: centralId }, testContext(), clients);
    await clients.gate.stop();
    const total = harness.server.requests.filter((r) => r.endpoint !== "token").length;
    expect(total).toBeGreaterThan(10);
    // Fixed windows of 400 ms: at most 5 in one window, so at most 10 in any 400 ms stretch.
    expect(harness.server.maxInWindow(399)).toBeLessThanOrEqual(10);
    const starts = harness.server.requests.filter((r) => r.endpoint !== "token").map((r) => r.time);
    expect(starts[starts.length - 1] - starts[0]).toBeGreaterThanOrEqual(Math.floor((total - 1) / 5) * 400 - 50);
  });
});

describe("signing in", () => {
  it("runs the service-account JWT flow against the token endpoint", async () => {
    harness.server.requireIssuedTokens(true);
    const clients = await harness.clients();
    const id = harness.server.addSpreadsheet({ title: "x", sheets: { Ark: [["a"]] } });
    expect((await clients.sheets.spreadsheets.get({ spreadsheetId: id })).status).toBe(200);
    await clients.gate.stop();
    expect(harness.server.countBy("token")).toBeGreaterThanOrEqual(1);
    harness.server.requireIssuedTokens(false);
  });

  it.each([
    ["a file that does not exist", (dir: string) => join(dir, "mangler.json"), /Fant ikke nøkkelfilen/],
    ["a file that is not JSON", (dir: string) => write(dir, "tull.json", "ikke json"), /ikke gyldig JSON/],
    ["a user credential instead of a service account", (dir: string) => write(dir, "bruker.json", JSON.stringify({ type: "authorized_user", client_id: "x" })), /er en brukerpålogging \(fra gcloud\), ikke en tjenestekonto-nøkkel/],
    ["an OAuth client file", (dir: string) => write(dir, "klient.json", JSON.stringify({ installed: { client_id: "x.apps.googleusercontent.com", client_secret: "y" } })), /er en OAuth-klientfil \(for innlogging som bruker\), ikke en tjenestekonto-nøkkel/],
    ["an API key", (dir: string) => write(dir, "api-nokkel.txt", "AIzaSyA1234567890abcdefghijklmnopqrstuv\n"), /inneholder en API-nøkkel, ikke en tjenestekonto-nøkkel/],
    ["a key without client_email", (dir: string) => write(dir, "uten-epost.json", JSON.stringify({ type: "service_account", private_key: "x" })), /mangler feltet «client_email»/],
    ["a key without private_key", (dir: string) => write(dir, "uten-nokkel.json", JSON.stringify({ type: "service_account", client_email: "a@b.iam.gserviceaccount.com" })), /mangler feltet «private_key»/],
    ["a key whose token_uri is no address", (dir: string) => write(dir, "feil-uri.json", JSON.stringify({ type: "service_account", client_email: "a@b", private_key: "x", token_uri: "ikke en adresse" })), /har et ugyldig «token_uri»/],
    ["a broken private key", (dir: string) => write(dir, "odelagt.json", JSON.stringify({ type: "service_account", client_email: "a@b", private_key: "-----BEGIN PRIVATE KEY-----\nAAA\n-----END PRIVATE KEY-----\n" })), /ødelagt privat nøkkel/],
  ])("gives a Norwegian message for %s", async (_what, make, message) => {
    const dir = mkdtempSync(join(tmpdir(), "samspill-key-"));
    await expect(googleAuth({ credentialsFile: make(dir) })).rejects.toThrow(message);
  });

  it("says Google refused the sign-in when the token endpoint does not know the key", async () => {
    const dir = mkdtempSync(join(tmpdir(), "samspill-key-"));
    const { generateKeyPairSync } = await import("node:crypto");
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const file = write(dir, "ukjent.json", JSON.stringify({ type: "service_account", client_email: "ukjent@x.iam.gserviceaccount.com", private_key: privateKey.export({ type: "pkcs8", format: "pem" }).toString(), token_uri: harness.server.tokenUrl }));
    await expect(googleAuth({ credentialsFile: file })).rejects.toThrow(/Google avviste innloggingen/);
  });
});

function write(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}
void NOW;
