// Historikk at its edges: the deadline day, a Historikk that is empty or ends in blank rows, a year
// typed as text (issue 14; SPEC "The central spreadsheet").
import { Cell } from "../../src/core/cell";
import { readCentralInputs } from "../../src/core/central-inputs";
import { historyCells, historyDecision } from "../../src/core/history";
import { Summary } from "../../src/core/summary";

const HEADER = ["År", "Medlemmer", "Frivillige", "Aktiviteter", "Deltakere", "Nye deltakere", "Frivillige timer", "Foreninger med avtale", "Statstilskudd"];
const summary = {
  year: 2025,
  totals: { members: 10, volunteers: 2, activities: 3, participants: 40, newParticipants: 5, volunteerHours: 6.5, associationsWithAgreement: 1 },
} as Summary;
const row = (r: number, grant: Cell = 1000) => ["A", "B", "C", "D", "E", "F", "G", "H", "I"].map((c, i) => ({ cell: `${c}${r}`, value: [2025, 10, 2, 3, 40, 5, 6.5, 1, grant][i] }));

describe("the final rollup that writes Historikk", () => {
  const inputs = (settings: Cell[][]) => readCentralInputs({ Oppsett: [["Organisasjon", "Seniornett Norge"], ...settings], Foreninger: [["Forening-ID"]] }, "2026-03-01");
  let withDeadline: ReturnType<typeof inputs>;
  beforeEach(() => {
    withDeadline = inputs([["Rapportår", 2025], ["Frist for innsending", "15.02.2026"]]);
  });

  it("comes the day after the deadline: on the deadline day a rollup is not final", () => {
    expect(historyDecision(withDeadline, 2025, "2026-02-15")).toBe("before_deadline");
    expect(historyDecision(withDeadline, 2025, "2026-02-16")).toBe("write");
  });

  it("never comes when Oppsett has no deadline", () => {
    expect(historyDecision(inputs([["Rapportår", 2025]]), 2025, "2030-01-01")).toBe("before_deadline");
  });
});

describe("the cells a final rollup writes in Historikk", () => {
  it("in a missing or empty Historikk: the headers, then the year's row as row 2", () => {
    const expected = [...HEADER.map((header, i) => ({ cell: `${"ABCDEFGHI"[i]}1`, value: header })), ...row(2)];
    expect(historyCells(undefined, summary, 1000)).toEqual(expected);
    expect(historyCells([], summary, 1000)).toEqual(expected);
  });

  it("after the last row with anything in it, blank rows at the end not counted", () => {
    expect(historyCells([HEADER, [2023, 9], [2024, 10], ["", ""], []], summary, 1000)).toEqual(row(4));
  });

  it("in the row whose År is the year typed as text, and leaves Statstilskudd empty when the grant is unknown", () => {
    expect(historyCells([HEADER, [" 2025 ", 9], [2026, 1]], summary, undefined)).toEqual(row(2, ""));
  });
});
