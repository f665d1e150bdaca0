// Personal data in a title a municipality sees: a warning at its cell; the row still counts (issue 14).
import { checkRecord, readTable } from "../../src/core/read";
import { activities } from "../../src/core/templates/association";
import { GOOD_ACTIVITY, headerOf, rowOf } from "./fixtures";

const context = { year: 2025, today: "2025-11-25" };

describe("a Tittel holding a phone number", () => {
  it("is a warning at the title's cell and the row counts; a comment (not shown to the municipality) is not checked", () => {
    const cells = [headerOf(activities), rowOf(activities, { ...GOOD_ACTIVITY, title: "Kurs, ring 912 34 567", comment: "ring 912 34 567" })];
    const read = readTable(activities, cells, context);
    expect(read.issues.map((i) => `${i.cell} ${i.code} ${i.severity}`)).toEqual(["C2 personal_data warning"]);
    expect(read.issues[0].message).toBe("Tittelen ser ut til å inneholde et telefonnummer. Tittelen vises for kommunen – ta bort personopplysninger.");
    expect(read.counted).toBe(1);
  });

  it("is found whichever column Tittel is in, and also in a row rejected for another error", () => {
    const header = headerOf(activities);
    const order = [2, ...header.keys()].filter((j, k, all) => all.indexOf(j) === k);
    const row = rowOf(activities, { ...GOOD_ACTIVITY, title: "Ring 912 34 567", participants: "mange" });
    const read = readTable(activities, [order.map((j) => header[j]), order.map((j) => row[j])], context);
    expect(read.issues.filter((i) => i.code === "personal_data").map((i) => i.cell)).toEqual(["A2"]);
    expect(read.rejected).toBe(1);
  });

  it("comes back from a sidebar check as a warning at the field, not an error", () => {
    const check = checkRecord(activities, { ...GOOD_ACTIVITY, title: "Ring 912 34 567" } as never, context);
    expect(check.errors).toEqual([]);
    expect(check.warnings.map((w) => [w.field, w.code])).toEqual([["title", "personal_data"]]);
    expect(check.row?.title).toBe("Ring 912 34 567");
  });
});
