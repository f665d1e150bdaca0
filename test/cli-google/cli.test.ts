import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Harness, startHarness } from "../adapters/sheets-api/helpers";
import { NOW, seedStandIn, testAssociations } from "./data";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.server.close());

const bin = join(__dirname, "../../bin/samspill.js");

function samspill(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env: { ...process.env, SAMSPILL_NOW: NOW.toISOString(), SAMSPILL_DEBUG: "" } }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe("the samspill CLI in Google mode (child process)", () => {
  it("rolls up with --central and writes the summary JSON", async () => {
    harness.server.reset();
    const associations = testAssociations(6);
    const centralId = seedStandIn(harness.server, associations);
    const summaryFile = join(mkdtempSync(join(tmpdir(), "samspill-cli-")), "summary.json");
    const result = await samspill(["rollup", "--central", centralId, "--credentials", harness.keyFile, "--api-root", harness.server.url, "--summary", summaryFile]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("6 foreninger");
    expect(result.stdout).toMatch(/Google-forespørsler: \d+/);
    const summary = JSON.parse(readFileSync(summaryFile, "utf8"));
    expect(summary.associations.registered).toBe(6);
    expect(harness.server.getValues(centralId, "Innsamling")).toHaveLength(7);
  });

  it("validates a spreadsheet by ID: prints the problems and exits 1 on errors", async () => {
    const [, , withErrors] = testAssociations(3);
    const id = harness.server.addSpreadsheet({ title: "Med feil", sheets: withErrors.sheets as never });
    const result = await samspill(["validate", id, "--credentials", harness.keyFile, "--api-root", harness.server.url]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/Aktiviteter!F\d+\s+\S+/);
    expect(result.stdout).toContain("feil");
  });

  it("says in Norwegian, without a stack trace, that the key file is missing", async () => {
    const result = await samspill(["rollup", "--central", "abc", "--credentials", "/finnes/ikke.json", "--api-root", harness.server.url]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("Fant ikke nøkkelfilen «/finnes/ikke.json».");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("says the central spreadsheet is missing when its ID is wrong", async () => {
    const result = await samspill(["rollup", "--central", "feil-id-000000000000000000", "--credentials", harness.keyFile, "--api-root", harness.server.url]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Fant ikke det sentrale regnearket");
  });
});
