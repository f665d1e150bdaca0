import { Cell } from "../../../src/core/cell";
import { activities, milestones } from "../../../src/core/templates/association";
import { associationId, sampleSheets } from "./fixtures";
import { sentralWorld, STAFF } from "./stand-in";

/**
 * Issue 13 in the bound script (Apps Script stand-in): «Hent inn og summer» keeps the text as typed
 * in the central and lists the cells in Avvik; «Oppdater kommunevisninger» writes masked titles.
 */
const ACTIVITY_TITLE = "Datahjelp hos Kari, ring 91 23 45 67 eller kari.privat@example.no";
const MILESTONE_TITLE = "Avtale med Ola Hansen, fnr 010190 12480";

it("the bound script's views hold masked titles; the central keeps them and lists the cells in Avvik", () => {
  const t = sentralWorld(2, { partners: (i) => `p${i}@kommune.no`, seedAssociations: false });
  for (let i = 0; i < 2; i++) {
    const sheets = sampleSheets(i);
    if (i === 0) {
      sheets[activities.name][1][activities.keys.indexOf("title")] = ACTIVITY_TITLE;
      sheets[milestones.name][1][milestones.keys.indexOf("title")] = MILESTONE_TITLE;
    }
    const seeded = Object.fromEntries(
      Object.entries(sheets).map(([name, rows]) => [
        name,
        rows.map((r) => r.map((c: Cell) => (c === undefined || c === null ? "" : c))),
      ]),
    );
    t.world.addSpreadsheet({
      id: `sheet-${associationId(i)}`,
      name: `Seniornett ${i}`,
      owner: `kontakt${i}@example.no`,
      editors: [STAFF],
      sheets: seeded as never,
    });
  }
  t.app().collectAndSummarise();
  t.runTriggers();
  t.app().updatePartnerViews();
  t.runTriggers();

  const avvik = t.read(t.centralId, "Avvik")!.map((row) => row.join(" | "));
  const warned = avvik.filter((line) => line.includes("personal_data") && line.includes(associationId(0)));
  expect(warned).toHaveLength(2);
  expect(warned.join("\n")).toContain(
    "Tittelen ser ut til å inneholde et telefonnummer og en e-postadresse.",
  );
  expect(warned.join("\n")).toContain("Milepælen ser ut til å inneholde et fødselsnummer.");
  expect(JSON.stringify(t.read(t.centralId, "Milepæler"))).toContain(MILESTONE_TITLE);

  const views = t.world
    .spreadsheetIds()
    .filter((id) => t.world.snapshot(id).name.startsWith("Samspill – kommunevisning"));
  expect(views.length).toBeGreaterThan(0);
  const everything = JSON.stringify(
    views.map((id) => t.world.snapshot(id).sheets.map((s) => t.read(id, s.name))),
  );
  for (const secret of ["91 23 45 67", "kari.privat@example.no", "010190 12480"])
    expect(everything).not.toContain(secret);
  expect(everything).toContain("Datahjelp hos Kari, ring [telefon fjernet] eller [e-post fjernet]");
  expect(everything).toContain("Avtale med Ola Hansen, fnr [fødselsnummer fjernet]");
});
