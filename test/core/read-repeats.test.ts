// Spreadsheets repeat the same texts thousands of times; each repeat is read as if it were the first
// (issue 14: the reader remembers parsed texts per read, which must never leak between reads).
import { readTable } from "../../src/core/read";
import { activities, milestones } from "../../src/core/templates/association";
import { GOOD_ACTIVITY, headerOf, rowOf } from "./fixtures";

const codes = (read: ReturnType<typeof readTable>) => read.issues.map((i) => `${i.cell} ${i.code}`);

describe("a text repeated in a column", () => {
  it("gets the same problem every time, even after another problem in between", () => {
    const cells = [
      headerOf(activities),
      rowOf(activities, { ...GOOD_ACTIVITY, participants: "mange", date: "32.13.2025" }),
      rowOf(activities, { ...GOOD_ACTIVITY, participants: "mange", date: "32.13.2025" }),
    ];
    expect(codes(readTable(activities, cells, { year: 2025, today: "2025-11-25" }))).toEqual(["A2 not_a_date", "F2 not_whole", "A3 not_a_date", "F3 not_whole"]);
  });

  it("is judged against the year of each read: a 2024 date is outside 2025 and inside 2024", () => {
    const cells = [headerOf(activities), rowOf(activities, { ...GOOD_ACTIVITY, date: "15.06.2024" })];
    expect(codes(readTable(activities, cells, { year: 2025, today: "2025-11-25" }))).toEqual(["A2 outside_report_year"]);
    expect(readTable(activities, cells, { year: 2024, today: "2025-11-25" }).rows[0].date).toBe("2024-06-15");
    expect(codes(readTable(activities, cells, { year: 2025, today: "2025-11-25" }))).toEqual(["A2 outside_report_year"]);
  });

  it("is judged against the day of each read: a date in the future becomes allowed when the day comes", () => {
    const milestone = { municipalityNumber: "1804", title: "Avtale", dueDate: "01.12.2025", responsibleParty: "Foreningen", status: "Fullført", completedDate: "01.12.2025" };
    const cells = [headerOf(milestones), rowOf(milestones, milestone)];
    const early = readTable(milestones, cells, { year: 2025, today: "2025-11-25" });
    expect(early.issues.map((i) => i.code)).toContain("in_future");
    const later = readTable(milestones, cells, { year: 2025, today: "2025-12-01" });
    expect(later.issues.map((i) => i.code)).not.toContain("in_future");
  });
});
