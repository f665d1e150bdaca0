import { Cell } from "../../../src/core/cell";
import { MUNICIPALITIES } from "../../../src/core/reference";
import { history, registry, settings } from "../../../src/core/templates/central";
import { MemoryWorkbook } from "../../../src/adapters/memory/memory-workbook";
import { associationSheets, headerOf, rowOf } from "../../core/fixtures";

/** A deterministic national set: association i in municipality i (mod the list), some with errors. */
export function municipalityOf(i: number): string {
  return MUNICIPALITIES[(i * 7) % MUNICIPALITIES.length].number;
}

/** Association i in municipality i of the list: every municipality once for i < 357 (the bench's partner views). */
export function distinctMunicipalityOf(i: number): string {
  return MUNICIPALITIES[i % MUNICIPALITIES.length].number;
}

export function sampleSheets(i: number, municipality: (i: number) => string = municipalityOf): Record<string, Cell[][]> {
  const home = municipality(i);
  const other = municipality(i + 1);
  const activities = Array.from({ length: 2 + (i % 5) }, (_, k) => ({
    date: `${String(1 + ((i + k) % 28)).padStart(2, "0")}.${String(1 + (k % 12)).padStart(2, "0")}.2025`,
    type: ["Kurs", "Datahjelp", "Foredrag", "Åpent møte"][k % 4],
    title: k === 0 && i % 11 === 0 ? '=HYPERLINK("x")' : `Aktivitet ${k} hos ${i}`,
    municipalityNumber: k % 3 === 2 ? other : "",
    participants: i % 13 === 0 && k === 1 ? 20000 : 5 + ((i * 3 + k) % 40),
    newParticipants: k % 2,
    volunteers: 1 + (k % 3),
    volunteerHours: `${2 + (k % 4)},5`,
    comment: `KOMMENTAR-${i}-${k}`,
  }));
  const milestones = Array.from({ length: 1 + (i % 3) }, (_, k) => ({
    municipalityNumber: k === 1 ? other : home,
    title: k === 0 && i % 11 === 0 ? "=SUM(1;2)" : `Milepæl ${k} for ${i}`,
    dueDate: `0${1 + (k % 9)}.0${1 + (i % 9)}.2025`,
    responsibleParty: "Begge",
    status: k === 0 ? "Pågår" : "Ikke startet",
    comment: `KOMMENTAR-M-${i}-${k}`,
  }));
  const measures = [
    {
      area: "Felles",
      measure: `Tiltak for ${i}`,
      responsibility: "Lokalt",
      owner: `EIER-${i}`,
      status: "Pågår",
      result: `RESULTAT-${i}`,
      reached: i % 50,
    },
  ];
  return associationSheets({
    report: {
      associationName: `Seniornett ${i}`,
      municipalityNumber: home,
      members: 20 + (i % 90),
      volunteers: 2 + (i % 9),
      agreement: ["Ingen", "Muntlig", "Skriftlig"][i % 3],
      agreementDate: i % 3 === 0 ? "" : "01.02.2024",
      contactName: `KONTAKT-${i}`,
      contactEmail: `kontakt${i}@example.no`,
      submittedAt: i % 4 === 0 ? "" : "2026-01-20T10:00:00+01:00",
    },
    activities,
    milestones,
    measures,
  });
}

export interface CentralFixture {
  workbook: MemoryWorkbook;
  /** Association ID → spreadsheet ID. */
  spreadsheetOf: Map<string, string>;
}

export function associationId(i: number): string {
  return `F${String(i).padStart(4, "0")}`;
}

export function centralWorkbook(
  count: number,
  options: { deadline?: string; partners?: (i: number) => string; municipality?: (i: number) => string } = {},
): CentralFixture {
  const spreadsheetOf = new Map<string, string>();
  const rows: Cell[][] = [];
  for (let i = 0; i < count; i++) {
    const id = associationId(i);
    const sheetId = `sheet-${id}`;
    spreadsheetOf.set(id, sheetId);
    rows.push(
      rowOf(registry, {
        id,
        name: `Seniornett ${i}`,
        municipalityNumber: (options.municipality ?? municipalityOf)(i),
        spreadsheet: `https://docs.google.com/spreadsheets/d/${sheetId}/edit`,
        contactEmail: i % 10 === 9 ? "" : `kontakt${i}@example.no`,
        partnerEmails: options.partners?.(i) ?? "",
        active: "Ja",
      }),
    );
  }
  const values: Record<string, Cell> = {
    organisation: "Seniornett Norge",
    year: 2025,
    deadline: options.deadline ?? "15.02.2026",
    grantLastYear: 1000000,
    grantThisYear: 1200000,
  };
  const workbook = new MemoryWorkbook({
    [settings.name]: [
      ["Felt", "Verdi", "Hjelp"],
      ...settings.keys.map((key) => [settings.columns[key].header, values[key] ?? "", ""]),
    ],
    [registry.name]: [headerOf(registry), ...rows],
    [history.name]: [headerOf(history), rowOf(history, { year: 2024, members: 9000, participants: 30000 })],
  });
  return { workbook, spreadsheetOf };
}

/** A clock that only moves when told to. */
export function virtualClock(start = "2026-01-25T09:00:00Z") {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    advance: (ms: number) => void (t += ms),
    get ms() {
      return t;
    },
  };
}
