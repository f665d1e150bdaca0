import { googlePartners } from "../../src/cli/google/google-mode";
import { activities, milestones } from "../../src/core/templates/association";
import { Harness, startHarness } from "../adapters/sheets-api/helpers";
import { seedStandIn, testAssociations, testContext } from "./data";

/**
 * Issue 13 on the CLI's Google path: the views `samspill partners --central` writes through the
 * Sheets API hold the masked titles (the same core partnerView and maskPersonalData as every runtime).
 */
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.server.close());

const ACTIVITY_TITLE = "Kurs hos Kari, ring 912 34 567 eller kari.privat@example.no";
const MILESTONE_TITLE = "Møte med Ola (fnr 01019012480), tlf +47 41 23 45 67";

it("samspill partners --central writes masked titles and milestones into the shared views", async () => {
  const { server } = harness;
  server.reset();
  const associations = testAssociations(3);
  const bodo = associations[0]; // 1804, with partner addresses
  const titleColumn = activities.keys.indexOf("title");
  const milestoneColumn = milestones.keys.indexOf("title");
  bodo.sheets![activities.name][1][titleColumn] = ACTIVITY_TITLE;
  bodo.sheets![milestones.name][1][milestoneColumn] = MILESTONE_TITLE;
  const centralId = seedStandIn(server, associations);
  const clients = await harness.clients();
  const result = await googlePartners({ central: centralId, notify: false }, testContext(), clients);
  await clients.gate.stop();

  const view = result.views.find((v) => v.municipalityNumber === "1804")!;
  const tabs = server
    .getSpreadsheet(view.spreadsheetId)
    .sheets.map((s) => server.getValues(view.spreadsheetId, s.title));
  const everything = JSON.stringify(tabs);
  for (const secret of ["912 34 567", "kari.privat@example.no", "01019012480", "41 23 45 67"])
    expect(everything).not.toContain(secret);
  const titles = server.getValues(view.spreadsheetId, "Aktiviteter").map((r) => r[3]);
  expect(titles).toContain("Kurs hos Kari, ring [telefon fjernet] eller [e-post fjernet]");
  const milestoneTitles = server.getValues(view.spreadsheetId, "Milepæler").map((r) => r[1]);
  expect(milestoneTitles).toContain("Møte med Ola (fnr [fødselsnummer fjernet]), tlf [telefon fjernet]");
});
