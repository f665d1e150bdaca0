// The two sums summary.json must satisfy, and the error a broken summary gets (issue 14).
import { Summary } from "../../src/core/summary";
import { checkedSummaryJson, summarySchema } from "../../src/core/summary-schema";

function summary(): Summary {
  return {
    schemaVersion: 1,
    year: 2025,
    associations: { registered: 4, ok: 1, withIssues: 1, notSubmitted: 1, unreachable: 1 },
    rows: { read: 10, counted: 8, rejected: 2 },
    totals: { members: 120, volunteers: 14, activities: 8, participants: 95, newParticipants: 20, volunteerHours: 31.5, associationsWithAgreement: 1 },
    byCounty: [],
    byActivityType: [],
    milestones: { total: 0, done: 0, overdue: 0 },
    goals: [],
    issues: [],
  };
}

describe("the sums summary.json must satisfy", () => {
  it("counts associations that did not submit with the others: ok + withIssues + notSubmitted + unreachable = registered", () => {
    expect(summarySchema.safeParse(summary()).success).toBe(true);
    expect(() => checkedSummaryJson(summary())).not.toThrow();
  });

  it("names every broken sum in the error, with its path, separated by «; »", () => {
    const broken = summary();
    broken.associations.ok = 2;
    broken.rows.counted = 9;
    expect(() => checkedSummaryJson(broken)).toThrow(
      "The summary does not match summary.schema.json: associations: ok + withIssues + notSubmitted + unreachable must equal registered; rows: counted + rejected must equal read",
    );
  });

  it("reports the broken sums as custom issues on associations and rows", () => {
    const broken = summary();
    broken.associations.registered = 5;
    broken.rows.read = 11;
    const parsed = summarySchema.safeParse(broken);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["custom", "associations"],
      ["custom", "rows"],
    ]);
  });

  it("names a nested field by its dotted path", () => {
    const broken = summary();
    broken.totals.members = -1;
    expect(() => checkedSummaryJson(broken)).toThrow(/^The summary does not match summary\.schema\.json: totals\.members: /);
  });
});
