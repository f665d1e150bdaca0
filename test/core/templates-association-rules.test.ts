// The association template's row rules as an association sees them (issue 14): what the message
// says, and when a deadline is overdue.
import { readTable } from "../../src/core/read";
import { isOverdue, milestones } from "../../src/core/templates/association";
import { headerOf, rowOf } from "./fixtures";

const context = { year: 2025, today: "2025-11-25" };

describe("Fullført dato on a milestone that is not done", () => {
  it("names the milestone's own status in the message", () => {
    const row = { municipalityNumber: "1804", title: "Avtale", dueDate: "01.03.2025", responsibleParty: "Begge", status: "Pågår", completedDate: "01.03.2025" };
    const read = readTable(milestones, [headerOf(milestones), rowOf(milestones, row)], context);
    expect(read.issues.map((i) => i.message)).toEqual(["Fullført dato skal være tom når Status er Pågår"]);
  });
});

describe("overdue", () => {
  it("a cancelled measure or milestone is never overdue, whatever its deadline", () => {
    expect(isOverdue({ status: "Avlyst", dueDate: "2025-01-01" }, "2025-11-25")).toBe(false);
    expect(isOverdue({ status: "Pågår", dueDate: "2025-01-01" }, "2025-11-25")).toBe(true);
  });
});
