// Which row of Historikk a final rollup writes (issue 14): the report year's own row, when there is one.
import { historyCells } from "../../src/core/history";
import { Summary } from "../../src/core/summary";

const HEADER = ["År", "Medlemmer", "Frivillige", "Aktiviteter", "Deltakere", "Nye deltakere", "Frivillige timer", "Foreninger med avtale", "Statstilskudd"];
const summary = {
  year: 2025,
  totals: { members: 10, volunteers: 2, activities: 3, participants: 40, newParticipants: 5, volunteerHours: 6.5, associationsWithAgreement: 1 },
} as Summary;

describe("the row a final rollup writes in Historikk", () => {
  it("is the row whose År is the year as a number, even with rows after it", () => {
    const cells = historyCells([HEADER, [2024, 9], [2025, 99], [2026, 1]], summary, 1000);
    expect(cells[0]).toEqual({ cell: "A3", value: 2025 });
    expect(cells.every((c) => c.cell.endsWith("3"))).toBe(true);
  });

  it("is a new row after the last when no row has the year as a number", () => {
    const cells = historyCells([HEADER, [2024, 9], [2026, 1]], summary, 1000);
    expect(cells[0]).toEqual({ cell: "A4", value: 2025 });
  });
});
