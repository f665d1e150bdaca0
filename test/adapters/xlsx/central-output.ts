import { createCentral } from "../../../src/cli/central-file";
import { DASHBOARD, xlsxCharts } from "../../../src/cli/xlsx-dashboard";
import { registry } from "../../../src/core/templates/central";
import { runRollup } from "../../../src/services/rollup";
import { associationSheets, GOOD_ACTIVITY } from "../../core/fixtures";

/** Municipalities of a few counties, so the county tables have several rows. */
const MUNICIPALITIES = ["1804", "0301", "4601", "5001", "3301", "1103"];

/**
 * A central .xlsx as `samspill rollup` writes it: 12 associations, each with activities (long
 * titles among them), milestones and measures, then the dashboard. Returns the saved file.
 */
export async function writeCentral(file: string, now = new Date("2026-03-01T12:00:00.000Z")): Promise<void> {
  const central = createCentral(file, { year: 2025, deadline: "2026-02-15", grantLastYear: 1_350_000, grantThisYear: 1_650_000 });
  const ids = Array.from({ length: 12 }, (_, i) => `forening-${String(i + 1).padStart(2, "0")}`);
  central.append(
    registry.name,
    ids.map((id, i) => [id, `Seniornett ${id}`, "", MUNICIPALITIES[i % MUNICIPALITIES.length], `${id}.xlsx`, "", "", "Ja"]),
  );
  let tick = now.getTime();
  await runRollup({
    central,
    now: () => new Date((tick += 1500)),
    user: "kari@example.no",
    openAssociation: (entry) => {
      const i = ids.indexOf(entry.id);
      return {
        kind: "read",
        sheets: associationSheets({
          report: { municipalityNumber: entry.municipalityNumber, associationName: entry.name, members: 800 + i * 211 },
          // One association has a row with an error, so Avvik has a row too.
          activities: Array.from({ length: 20 }, (_, k) => ({ ...GOOD_ACTIVITY, title: k % 5 === 0 ? "Kurs i digitale tjenester fra NAV, Helsenorge og kommunen for nye brukere" : `Datahjelp ${k}`, participants: i === 0 && k === 3 ? "mange" : 40 + k * 3 })),
          milestones: [{ municipalityNumber: entry.municipalityNumber, title: "Avtale om lokaler på biblioteket", dueDate: "01.02.2026", responsibleParty: "Begge", status: "Pågår" }],
          measures: [{ area: "Rekruttering", measure: "Rekruttere nye medlemmer gjennom åpne møter på biblioteket", responsibility: "Lokalt", status: "Pågår", result: "Tre åpne møter med til sammen 45 deltakere, 12 nye medlemmer", reached: 1250 }],
        }),
      };
    },
    charts: xlsxCharts,
  });
  central.moveSheet(DASHBOARD, 0);
  await central.save();
}
