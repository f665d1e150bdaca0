import { MemoryWorkbook } from "../../src/adapters/memory/memory-workbook";
import { AssociationSource } from "../../src/core/association-result";
import { summaryJson } from "../../src/core/summary";
import { CHARTS, DASHBOARD, dashboardGrid } from "../../src/core/dashboard";
import { runRollup } from "../../src/services/rollup";
import { googleRollup } from "../../src/cli/google/google-mode";
import { startHarness, Harness } from "../adapters/sheets-api/helpers";
import { centralSheets, NOW, seedStandIn, testAssociations, testContext } from "./data";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.server.close());
beforeEach(() => harness.server.reset());

const associations = testAssociations(12);

async function memoryRollup() {
  const byId = new Map(associations.map((a) => [a.spreadsheetId, a]));
  const central = new MemoryWorkbook(centralSheets(associations));
  return runRollup({
    central,
    now: () => new Date(NOW.getTime()),
    user: "test",
    openAssociation: (entry): AssociationSource => {
      const a = byId.get(/\/d\/([^/]+)/.exec(entry.spreadsheet)![1])!;
      return a.access ? { kind: a.access } : { kind: "read", sheets: a.sheets! };
    },
  });
}

describe("samspill rollup --central against the local Sheets API", () => {
  it("gives the same summary JSON as the in-memory rollup of the same tables", async () => {
    harness.server.reset();
    const centralId = seedStandIn(harness.server, associations);
    const clients = await harness.clients();
    const lines: string[] = [];
    const { outcome } = await googleRollup({ central: centralId }, testContext(lines), clients);
    await clients.gate.stop();
    const memory = await memoryRollup();
    expect(summaryJson(outcome.summary)).toBe(summaryJson(memory.summary));
    expect(outcome.summary.associations).toEqual({ registered: 12, ok: expect.any(Number), withIssues: expect.any(Number), notSubmitted: expect.any(Number), unreachable: 2 });
    expect(outcome.summary.rows.counted).toBeGreaterThan(0);
    expect(lines.join("\n")).toContain("12 foreninger");
  });

  it("reads each association with one batchGet and writes every output tab with one batchUpdate", async () => {
    const centralId = seedStandIn(harness.server, associations);
    const clients = await harness.clients();
    await googleRollup({ central: centralId }, testContext(), clients);
    await clients.gate.stop();
    const { server } = harness;
    const reachable = associations.filter((a) => !a.access);
    for (const a of associations) expect(server.countBy("values.batchGet", { spreadsheetId: a.spreadsheetId })).toBe(1);
    expect(server.countBy("spreadsheets.get", { spreadsheetId: reachable[0].spreadsheetId })).toBe(0);
    expect(server.countBy("spreadsheets.batchUpdate", { spreadsheetId: centralId })).toBe(1);
    expect(server.countBy("values.batchUpdate", { spreadsheetId: centralId })).toBe(0);
    // The output tabs are there, whole, and copied text that looks like a formula stayed text.
    const tabs = server.getSpreadsheet(centralId).sheets.map((s) => s.title);
    for (const tab of ["Innsamling", "Nasjonalt", "Per fylke", "Per aktivitetstype", "Mål", "Milepæler", "Tiltak", "Avvik", "Logg", "Dashbord"]) expect(tabs).toContain(tab);
    const collection = server.getValues(centralId, "Innsamling");
    expect(collection).toHaveLength(13);
    expect(collection.map((r) => r[5])).toEqual(expect.arrayContaining(["Finnes ikke", "Mangler tilgang"]));
    expect(server.getFormulas(centralId, "Avvik").flat().every((f) => f === null || f === "" )).toBe(true);
  });

  it("rewrites the outputs on a second run instead of appending, and adds one Logg row", async () => {
    const centralId = seedStandIn(harness.server, associations);
    const clients = await harness.clients();
    await googleRollup({ central: centralId }, testContext(), clients);
    const first = harness.server.getValues(centralId, "Innsamling");
    await googleRollup({ central: centralId }, testContext(), clients);
    await clients.gate.stop();
    expect(harness.server.getValues(centralId, "Innsamling")).toEqual(first);
    expect(harness.server.getValues(centralId, "Logg")).toHaveLength(3);
  });

  it("writes the bound script's Dashbord layout and makes its two charts once", async () => {
    const centralId = seedStandIn(harness.server, associations);
    const clients = await harness.clients();
    const { outcome } = await googleRollup({ central: centralId }, testContext(), clients);
    await googleRollup({ central: centralId }, testContext(), clients);
    await clients.gate.stop();
    const dashboard = harness.server.getSpreadsheet(centralId).sheets.find((s) => s.title === DASHBOARD)!;
    expect(dashboard.charts.map((c: any) => c.spec.title)).toEqual(CHARTS.map((c) => c.title));
    const expected = dashboardGrid(outcome.summary, {}, { chartData: true }).rows.map((row) => row.map((cell) => (cell === "" ? null : cell)));
    const written = harness.server.getValues(centralId, DASHBOARD);
    expect(written[0].slice(0, 2)).toEqual(["Rapportår", outcome.year]);
    // The chart-data tables (H1:I16 counties, K1:L6 goals) depend on the summary alone.
    expect(written.slice(0, 17).map((row) => row.slice(7, 12))).toEqual(expected.slice(0, 17).map((row) => row.slice(7, 12)));
    expect(written.map((row) => row[0])).toEqual(expect.arrayContaining(["Medlemmer", "Mål", "Fylke", "Tiltak i handlingsplanen", "Om tallene"]));
  });
});
