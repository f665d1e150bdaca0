import { readAssociationSource } from "../../../src/adapters/sheets-api/association-source";
import { googleRollup } from "../../../src/cli/google/google-mode";
import { Cell } from "../../../src/core/cell";
import { ENGLISH } from "../../report/deny-list";
import { seedStandIn, testAssociations, testContext } from "../../cli-google/data";
import { Harness, startHarness } from "./helpers";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.server.close());
beforeEach(() => harness.server.reset());

/** One association's four tabs, with some renamed or copied: `rename` maps a template name to the tab's name. */
function seedRenamed(rename: Record<string, string>, copies: string[] = []): string {
  const [association] = testAssociations(1);
  const sheets: Record<string, Cell[][]> = {};
  for (const [name, rows] of Object.entries(association.sheets!)) sheets[rename[name] ?? name] = rows;
  for (const copy of copies) sheets[copy] = [["kopi"]];
  return harness.server.addSpreadsheet({ title: "omdøpt", sheets: sheets as never });
}

describe("the Sheets API reader finds tabs as people name them (core/tabs.ts)", () => {
  it("reads a tab named but for case and spaces, with a warning naming it", async () => {
    const id = seedRenamed({ Aktiviteter: "aktiviteter " });
    const clients = await harness.clients();
    const source = await readAssociationSource(clients, id);
    await clients.gate.stop();
    expect(source.kind).toBe("read");
    if (source.kind !== "read") return;
    expect(source.sheets.Aktiviteter?.[1]?.length).toBeGreaterThan(0);
    expect(source.issues).toEqual([
      expect.objectContaining({ code: "tab_name_differs", severity: "warning", sheet: "Aktiviteter" }),
    ]);
    expect(source.issues![0].message).toContain("«aktiviteter »");
    // Two requests: the batchGet by exact names (refused), then the titles; then the found tabs.
    expect(harness.server.countBy("spreadsheets.get", { spreadsheetId: id })).toBe(1);
  });

  it("warns about a tab named but for case, which Google reads in the one batchGet", async () => {
    const id = seedRenamed({ Milepæler: "MILEPÆLER" });
    const clients = await harness.clients();
    const source = await readAssociationSource(clients, id);
    await clients.gate.stop();
    if (source.kind !== "read") throw new Error(source.kind);
    expect(source.sheets.Milepæler?.length).toBeGreaterThan(1);
    expect(source.issues).toEqual([
      expect.objectContaining({ code: "tab_name_differs", sheet: "Milepæler" }),
    ]);
    expect(harness.server.countBy("values.batchGet", { spreadsheetId: id })).toBe(1);
    expect(harness.server.countBy("spreadsheets.get", { spreadsheetId: id })).toBe(0);
  });

  it("names a copy of a tab as a warning and leaves its rows unread", async () => {
    const id = seedRenamed({ Tiltak: "Tiltak " }, ["Kopi av Milepæler", "Aktiviteter (2)"]);
    const clients = await harness.clients();
    const source = await readAssociationSource(clients, id);
    await clients.gate.stop();
    if (source.kind !== "read") throw new Error(source.kind);
    expect((source.issues ?? []).map((i) => [i.code, i.sheet]).sort()).toEqual([
      ["copied_tab", "Aktiviteter"],
      ["copied_tab", "Milepæler"],
      ["tab_name_differs", "Tiltak"],
    ]);
    expect(source.sheets.Milepæler?.[0]?.[0]).not.toBe("kopi");
  });
});

describe("Google's failures reach people in Norwegian", () => {
  it.each([
    [400, "Invalid value at 'ranges' (TYPE_STRING): the request could not be parsed"],
    [409, "The operation was aborted and could not be completed"],
  ])("a %i with Google's English leaves no English in Innsamling or Avvik", async (status, message) => {
    const associations = testAssociations(6);
    const centralId = seedStandIn(harness.server, associations);
    harness.server.failNext({
      endpoint: "values.batchGet",
      spreadsheetId: associations[0].spreadsheetId,
      status,
      message,
      times: 5,
    });
    const clients = await harness.clients();
    const { outcome } = await googleRollup({ central: centralId }, testContext(), clients);
    await clients.gate.stop();
    expect(outcome.results.find((r) => r.id === associations[0].id)?.status).toBe("Kan ikke leses");
    for (const tab of ["Innsamling", "Avvik"]) {
      const text = harness.server
        .getValues(centralId, tab)
        .flat()
        .filter((cell) => cell !== null)
        .map(String)
        .join("\n");
      expect(text).not.toMatch(ENGLISH);
      expect(text).not.toContain("TYPE_STRING");
    }
    const avvik = harness.server.getValues(centralId, "Avvik").flat().map(String);
    expect(avvik.some((cell) => cell.startsWith("Regnearket kunne ikke leses (Google"))).toBe(true);
  });

  it("a spreadsheet Google keeps failing is «Kan ikke leses» with a Norwegian reason when the read does not stop the run", async () => {
    const [association] = testAssociations(1);
    const id = harness.server.addSpreadsheet({ title: "ustabil", sheets: association.sheets as never });
    harness.server.failNext({
      endpoint: "values.batchGet",
      spreadsheetId: id,
      status: 503,
      message: "The service is currently unavailable.",
      times: 10,
    });
    const clients = await harness.clients({ maxRetries: 2 });
    const source = await readAssociationSource(clients, id);
    await clients.gate.stop();
    expect(source).toEqual({
      kind: "unreadable",
      message: "Regnearket kunne ikke leses",
      detail: "Google svarte ikke, heller ikke etter flere forsøk; prøv igjen senere",
    });
  });
});

describe("a rollup Google stops says so in Norwegian", () => {
  it("without Google's English when it keeps failing past the retries", async () => {
    const associations = testAssociations(3);
    const centralId = seedStandIn(harness.server, associations);
    const clients = await harness.clients({ maxRetries: 1 });
    harness.server.failNext({
      endpoint: "values.batchGet",
      spreadsheetId: associations[0].spreadsheetId,
      status: 503,
      message: "The service is currently unavailable.",
      times: 10,
    });
    const error = await googleRollup({ central: centralId }, testContext(), clients).catch((e: Error) => e);
    await clients.gate.stop();
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toMatch(
      /^1 forening kunne ikke leses fordi Google ikke svarte, heller ikke etter gjentatte forsøk; ingenting er skrevet til det sentrale regnearket\. Prøv igjen senere\.$/,
    );
    expect(message).not.toMatch(ENGLISH);
    expect(message).not.toMatch(/unavailable/i);
  });
});
