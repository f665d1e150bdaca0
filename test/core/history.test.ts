import { Cell } from "../../src/core/cell";
import { readCentralInputs } from "../../src/core/central-inputs";
import { historyCells, historyDecision } from "../../src/core/history";
import { Summary } from "../../src/core/summary";
import { MemoryWorkbook } from "../../src/adapters/memory/memory-workbook";
import { runRollup } from "../../src/services/rollup";

/** Historikk as the core decides it, for the bound script and both CLI modes alike (SPEC "The central spreadsheet"). */

const SETTINGS: Cell[][] = [
  ["Organisasjon", "Seniornett Norge"],
  ["Rapportår", 2025],
  ["Frist for innsending", "15.02.2026"],
];
const HISTORY: Cell[][] = [
  [
    "År",
    "Medlemmer",
    "Frivillige",
    "Aktiviteter",
    "Deltakere",
    "Nye deltakere",
    "Frivillige timer",
    "Foreninger med avtale",
    "Statstilskudd",
    "Merknad",
  ],
  ["2018 (før fusjonen)", 5000, "", "", "", "", "", "", "", "To foreninger"],
  [2024, "ca. 8000", 880, 410, 9712, 1900, 2700, 17, 1_350_000, ""],
];
const inputs = (settings = SETTINGS) =>
  readCentralInputs({ Oppsett: settings, Foreninger: [["Forening-ID"]], Historikk: HISTORY }, "2026-03-01");
const summary = {
  year: 2025,
  totals: {
    members: 10,
    volunteers: 2,
    activities: 3,
    participants: 40,
    newParticipants: 5,
    volunteerHours: 6.5,
    associationsWithAgreement: 1,
  },
} as Summary;

describe("Historikk", () => {
  it("is written only by the final rollup of Oppsett's Rapportår", () => {
    expect(historyDecision(inputs(), 2025, "2026-03-01")).toBe("write");
    expect(historyDecision(inputs(), 2025, "2026-02-15")).toBe("before_deadline");
    expect(historyDecision(inputs(), 2024, "2026-03-01")).toBe("other_year");
    expect(historyDecision(inputs(SETTINGS.filter((r) => r[0] !== "Rapportår")), 2025, "2026-03-01")).toBe(
      "no_report_year",
    );
  });

  it("gets cells of its own year's row only: a new row after the last, nothing else touched", () => {
    expect(historyCells(HISTORY, summary, 1_650_000)).toEqual([
      { cell: "A4", value: 2025 },
      { cell: "B4", value: 10 },
      { cell: "C4", value: 2 },
      { cell: "D4", value: 3 },
      { cell: "E4", value: 40 },
      { cell: "F4", value: 5 },
      { cell: "G4", value: 6.5 },
      { cell: "H4", value: 1 },
      { cell: "I4", value: 1_650_000 },
    ]);
  });

  it("rewrites an existing row of the year in place, whatever order the columns are in", () => {
    const reordered = [
      ["Merknad", "År", "Deltakere"],
      ["x", "2025", 1],
      ["y", 2024, 2],
    ];
    const cells = historyCells(reordered, summary, undefined);
    expect(cells.filter((c) => /2$/.test(c.cell)).sort((a, b) => (a.cell < b.cell ? -1 : 1))).toEqual([
      { cell: "B2", value: 2025 },
      { cell: "C2", value: 40 },
      { cell: "D2", value: 10 },
      { cell: "E2", value: 2 },
      { cell: "F2", value: 3 },
      { cell: "G2", value: 5 },
      { cell: "H2", value: 6.5 },
      { cell: "I2", value: 1 },
      { cell: "J2", value: "" },
    ]);
    expect(cells.filter((c) => c.cell.endsWith("1")).map((c) => c.cell)).toEqual([
      "D1",
      "E1",
      "F1",
      "G1",
      "H1",
      "I1",
      "J1",
    ]);
    expect(cells.some((c) => c.cell.startsWith("A"))).toBe(false);
  });

  it("reports rows it cannot read as warnings that say the row is kept", () => {
    const issues = inputs().issues.filter((i) => i.sheet === "Historikk");
    expect(issues.map((i) => [i.cell, i.severity])).toEqual([
      ["J1", "warning"],
      ["A2", "warning"],
      ["B3", "warning"],
    ]);
    expect(issues[1].message).toMatch(/Raden beholdes som den er, men Samspill bruker den ikke$/);
  });
});

describe("Historikk through the rollup every runtime runs (services/rollup: bound script, CLI local and Google)", () => {
  const central = () =>
    new MemoryWorkbook({
      Oppsett: SETTINGS.map((r) => [...r]),
      Foreninger: [
        [
          "Forening-ID",
          "Forening",
          "Organisasjonsnummer",
          "Kommunenummer",
          "Regneark",
          "Kontakt e-post",
          "Kommunepartner e-post",
          "Aktiv",
        ],
      ],
      Historikk: HISTORY.map((r) => [...r]),
    });
  const run = (workbook: MemoryWorkbook, year?: number) =>
    runRollup({
      central: workbook,
      openAssociation: () => ({ kind: "not_found" }),
      now: () => new Date("2026-03-01T10:00:00Z"),
      user: "test",
      year,
    });

  it("keeps every typed cell when --year names another year", async () => {
    const workbook = central();
    const outcome = await run(workbook, 2024);
    expect([outcome.final, outcome.history]).toEqual([false, "other_year"]);
    expect(workbook.read("Historikk")).toEqual(HISTORY);
  });

  it("adds the report year's row after the deadline and keeps the rest as typed", async () => {
    const workbook = central();
    const outcome = await run(workbook);
    expect([outcome.final, outcome.history]).toEqual([true, "write"]);
    const after = workbook.read("Historikk")!;
    expect(after.slice(0, 3)).toEqual(HISTORY);
    expect(after[3].slice(0, 2)).toEqual([2025, 0]);
  });
});
