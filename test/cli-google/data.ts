import { Cell } from "../../src/core/cell";
import { registry, settings } from "../../src/core/templates/central";
import { associationSheets, GOOD_ACTIVITY, headerOf, rowOf } from "../core/fixtures";
import { SheetsApiStandIn } from "../stand-ins/sheets-api";

/** One association as the tests build it: the same cells go into memory and into the stand-in. */
export interface TestAssociation {
  id: string;
  spreadsheetId: string;
  municipalityNumber: string;
  partnerEmails?: string;
  sheets?: Record<string, Cell[][]>;
  access?: "not_found" | "no_access";
}

const MUNICIPALITIES = ["1804", "0301", "4601", "5001", "3201", "1103"];

/** `count` associations: most good, some with errors, one with real Date cells, one missing, one locked. */
export function testAssociations(count: number): TestAssociation[] {
  return Array.from({ length: count }, (_, i) => {
    const municipalityNumber = MUNICIPALITIES[i % MUNICIPALITIES.length];
    const id = `forening-${String(i + 1).padStart(3, "0")}`;
    const spreadsheetId = `ss${String(i + 1).padStart(3, "0")}${"x".repeat(30)}`;
    if (i === 3) return { id, spreadsheetId, municipalityNumber, access: "not_found" };
    if (i === 4) return { id, spreadsheetId, municipalityNumber, access: "no_access" };
    const activities = [
      { ...GOOD_ACTIVITY, participants: 10 + i, municipalityNumber },
      { ...GOOD_ACTIVITY, type: "Datahjelp", date: i % 2 ? new Date("2025-06-03T12:00:00Z") : "03.06.2025", participants: 5 },
      ...(i % 5 === 2 ? [{ ...GOOD_ACTIVITY, participants: "mange" }, { ...GOOD_ACTIVITY, title: "=HYPERLINK(\"http://x\")" }] : []),
    ];
    const milestones = [{ municipalityNumber, title: "Avtale signert", dueDate: i % 2 ? new Date("2025-03-01T12:00:00Z") : "01.03.2025", responsibleParty: "Begge", status: i % 3 ? "Pågår" : "Fullført", completedDate: i % 3 ? "" : "02.03.2025" }];
    const sheets = associationSheets({ report: { associationName: `Seniornett ${id}`, municipalityNumber, members: 50 + i, submittedAt: i % 4 ? "2026-01-20T10:00:00+01:00" : "" }, activities, milestones });
    return { id, spreadsheetId, municipalityNumber, sheets, partnerEmails: i < 3 ? `partner${i}@kommune.no, felles@kommune.no` : "" };
  });
}

export function centralSheets(associations: ReadonlyArray<TestAssociation>): Record<string, Cell[][]> {
  const values: Record<string, Cell> = { organisation: "Seniornett Norge", year: 2025, deadline: "01.02.2026", grantLastYear: 1_000_000, grantThisYear: 1_300_000 };
  return {
    [settings.name]: [["Felt", "Verdi"], ...settings.keys.map((k) => [settings.columns[k].header, values[k] ?? ""])],
    [registry.name]: [
      headerOf(registry),
      ...associations.map((a) => rowOf(registry, { id: a.id, name: `Seniornett ${a.id}`, municipalityNumber: a.municipalityNumber, spreadsheet: `https://docs.google.com/spreadsheets/d/${a.spreadsheetId}/edit#gid=0`, partnerEmails: a.partnerEmails ?? "", active: "Ja" })),
    ],
  };
}

/** Seeds the stand-in: the central spreadsheet and every association; gives the central ID. */
export function seedStandIn(server: SheetsApiStandIn, associations: ReadonlyArray<TestAssociation>): string {
  for (const a of associations) {
    if (a.sheets) server.addSpreadsheet({ id: a.spreadsheetId, title: a.id, sheets: a.sheets as never });
    if (a.access) server.setAccess(a.spreadsheetId, a.access);
  }
  return server.addSpreadsheet({ title: "Samspill sentralt", sheets: centralSheets(associations) as never });
}

export const NOW = new Date("2026-02-10T09:00:00Z");

export function testContext(lines: string[] = []) {
  return { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line), now: () => new Date(NOW.getTime()), user: "test", interactive: false };
}
