import { googlePartners, VIEWS_TAB } from "../../src/cli/google/google-mode";
import { registry } from "../../src/core/templates/central";
import { Harness, startHarness } from "../adapters/sheets-api/helpers";
import { seedStandIn, testAssociations, testContext } from "./data";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.server.close());

describe("samspill partners --central", () => {
  it("makes one view per municipality with partner addresses, only its rows, shared as reader; a removed address loses access", async () => {
    const { server } = harness;
    server.reset();
    const associations = testAssociations(8);
    const centralId = seedStandIn(server, associations);
    const clients = await harness.clients();
    const lines: string[] = [];
    const first = await googlePartners({ central: centralId, notify: false }, testContext(lines), clients);

    // Associations 0–2 (1804 Bodø, 0301 Oslo, 4601 Bergen) have partner addresses.
    expect(first.views.map((v) => v.municipalityNumber)).toEqual(["0301", "1804", "4601"]);
    const bodo = first.views.find((v) => v.municipalityNumber === "1804")!;
    expect(bodo.readers).toEqual(["felles@kommune.no", "partner0@kommune.no"]);
    const readers = (id: string) =>
      server.getSpreadsheet(id).permissions.filter((p) => p.role === "reader").map((p) => p.emailAddress).sort();
    expect(readers(bodo.spreadsheetId)).toEqual(["felles@kommune.no", "partner0@kommune.no"]);

    // Only Bodø's rows, and no personal data or comments.
    const activities = server.getValues(bodo.spreadsheetId, "Aktiviteter");
    const names = new Set(activities.slice(1).map((r) => r[0]));
    const bodoNames = associations.filter((a) => a.municipalityNumber === "1804" && !a.access).map((a) => `Seniornett ${a.id}`);
    expect([...names].every((n) => bodoNames.includes(String(n)))).toBe(true);
    const everything = JSON.stringify(server.getSpreadsheet(bodo.spreadsheetId).sheets.map((s) => server.getValues(bodo.spreadsheetId, s.title)));
    expect(everything).not.toContain("kari@example.no");
    expect(everything).not.toContain("Kari Nordmann");

    // Recorded in the central spreadsheet.
    const recorded = server.getValues(centralId, VIEWS_TAB);
    expect(recorded[0]).toEqual(["Kommunenummer", "Kommune", "Regneark-ID", "Adresse", "Delt med", "Oppdatert", "Merknad"]);
    expect(recorded.slice(1).map((r) => r[2])).toEqual(first.views.map((v) => v.spreadsheetId));

    // partner0 leaves the registry: the next run updates the same view and takes the access away.
    const central = server.getValues(centralId, registry.name);
    const column = central[0].indexOf("Kommunepartner e-post");
    const row = central.findIndex((r) => String(r[column] ?? "").includes("partner0@"));
    await clients.sheets.spreadsheets.values.update({ spreadsheetId: centralId, range: `Foreninger!${String.fromCharCode(65 + column)}${row + 1}`, valueInputOption: "RAW", requestBody: { values: [["felles@kommune.no"]] } });
    const second = await googlePartners({ central: centralId, notify: false }, testContext(), clients);
    await clients.gate.stop();
    const again = second.views.find((v) => v.municipalityNumber === "1804")!;
    expect(again.spreadsheetId).toBe(bodo.spreadsheetId);
    expect(again.created).toBe(false);
    expect(again.removed).toEqual(["partner0@kommune.no"]);
    expect(readers(bodo.spreadsheetId)).toEqual(["felles@kommune.no"]);
    expect(server.getSpreadsheet(bodo.spreadsheetId).title).toBe("Samspill – kommunevisning 1804 Bodø");
    expect(server.listSpreadsheets().filter((s) => s.title.startsWith("Samspill – kommunevisning "))).toHaveLength(3);
  });
});
