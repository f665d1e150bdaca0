import { readTable } from "../../src/core/read";
import { activities, milestones } from "../../src/core/templates/association";
import { GOOD_ACTIVITY, headerOf, rowOf } from "./fixtures";

const context = { year: 2025, today: "2025-11-25" };
const MILESTONE = { municipalityNumber: "1804", title: "Lokaler avklart", dueDate: "01.06.2025", responsibleParty: "Begge" };

function milestoneTable(...rows: Array<Record<string, unknown>>) {
  return [headerOf(milestones), ...rows.map((values) => rowOf(milestones, { ...MILESTONE, ...values } as never))];
}

describe("reading with { keepRejected: true }", () => {
  it("returns a Fullført row without Fullført dato with its parsed fields and the rule's issue at Fullført dato", () => {
    const read = readTable(milestones, milestoneTable({}, { status: "Fullført" }), context, { keepRejected: true });
    expect(read).toMatchObject({ read: 2, counted: 1, rejected: 1 });
    expect(read.rejectedRows).toEqual([
      {
        rowNumber: 3,
        row: { municipalityNumber: "1804", title: "Lokaler avklart", dueDate: "2025-06-01", responsibleParty: "Begge", contribution: undefined, status: "Fullført", completedDate: undefined, comment: undefined },
        issues: [{ sheet: "Milepæler", cell: "G3", code: "required", severity: "error", message: "Fullført dato må fylles ut når Status er Fullført", field: "completedDate" }],
      },
    ]);
  });

  it("leaves failed fields undefined and gives every issue of the row its field, in the order of issues", () => {
    const read = readTable(milestones, milestoneTable({ title: "", municipalityNumber: "9999", status: "Ferdig" }), context, { keepRejected: true });
    const [rejected] = read.rejectedRows;
    expect(rejected.row).toMatchObject({ municipalityNumber: undefined, title: undefined, status: undefined, dueDate: "2025-06-01" });
    expect(rejected.issues.map((i) => [i.field, i.cell, i.code])).toEqual([
      ["municipalityNumber", "A2", "unknown_municipality"],
      ["title", "B2", "required"],
      ["status", "F2", "not_in_list"],
    ]);
    // The same problems as in issues, with the same cells and messages.
    expect(rejected.issues.map(({ field: _field, ...issue }) => issue)).toEqual(read.issues);
  });

  it("changes nothing else: rows, issues and counts are those of a read without the option", () => {
    const cells = [headerOf(activities), ...[1, 2, 3, 4, 5].map((i) => rowOf(activities, { ...GOOD_ACTIVITY, participants: i % 2 ? 10 + i : 20000 }))];
    const plain = readTable(activities, cells, context);
    const { rejectedRows, ...kept } = readTable(activities, cells, context, { keepRejected: true });
    expect(kept).toEqual(plain);
    expect(plain.rejectedRows).toBeUndefined();
    expect(rejectedRows.map((r) => r.rowNumber)).toEqual([3, 5]);
    expect(rejectedRows.length).toBe(plain.rejected);
  });

  it("keeps each row of a tab without a required column, with the missing_column error as its issue", () => {
    const header = headerOf(milestones).filter((h) => h !== "Milepæl");
    const read = readTable(milestones, [header, ["1804", "01.06.2025", "Begge"], ["", "", "", ""], ["1804", "02.06.2025", "Begge"]], context, { keepRejected: true });
    expect(read.rejected).toBe(2);
    expect(read.rejectedRows.map((r) => [r.rowNumber, r.row, r.issues.map((i) => [i.field, i.code, i.message])])).toEqual([
      [2, {}, [["title", "missing_column", "Fanen Milepæler mangler kolonnen «Milepæl»"]]],
      [4, {}, [["title", "missing_column", "Fanen Milepæler mangler kolonnen «Milepæl»"]]],
    ]);
  });

  it("returns an empty list for a missing tab", () => {
    const read = readTable(milestones, undefined, context, { keepRejected: true });
    expect(read.rejectedRows).toEqual([]);
    expect(read.issues.map((i) => i.code)).toEqual(["missing_tab"]);
  });
});
