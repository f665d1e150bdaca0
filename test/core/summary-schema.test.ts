import { readFileSync } from "node:fs";
import { schemaText, SCHEMA_FILE } from "../../scripts/build-schema";
import { Summary } from "../../src/core/summary";
import { checkedSummaryJson, SummaryShape, summarySchema } from "../../src/core/summary-schema";

// Compile-time: the TypeScript type and the schema describe the same object (tsc fails otherwise).
const toShape = (s: Summary): SummaryShape => s;
const toSummary = (s: SummaryShape): Summary => s;
void toShape;
void toSummary;

function validSummary(): Summary {
  return {
    schemaVersion: 1,
    year: 2025,
    associations: { registered: 3, ok: 1, withIssues: 1, notSubmitted: 0, unreachable: 1 },
    rows: { read: 10, counted: 8, rejected: 2 },
    totals: { members: 120, volunteers: 14, activities: 8, participants: 95, newParticipants: 20, volunteerHours: 31.5, associationsWithAgreement: 1 },
    byCounty: [{ countyNumber: "18", county: "Nordland", associations: 2, members: 120, activities: 8, participants: 95 }],
    byActivityType: [{ type: "Kurs", activities: 8, participants: 95, volunteerHours: 31.5 }],
    milestones: { total: 2, done: 1, overdue: 0 },
    goals: [{ id: "participantGrowth", target: 0.1, actual: null, met: false }],
    issues: [{ association: "lillevik", sheet: "Aktiviteter", cell: "F7", code: "out_of_range", severity: "error", message: "Deltakere må være et helt tall mellom 0 og 10 000" }],
  };
}

describe("the summary JSON schema", () => {
  it("is published as summary.schema.json, generated from the zod schema (run npm run build:schema)", () => {
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(schemaText());
  });

  it("accepts a summary as the rollup writes it", () => {
    expect(summarySchema.safeParse(validSummary()).success).toBe(true);
    expect(() => checkedSummaryJson(validSummary())).not.toThrow();
  });

  it("refuses a summary whose rows do not add up, so such a file is never written", () => {
    const broken = validSummary();
    broken.rows.counted = 9;
    expect(() => checkedSummaryJson(broken)).toThrow(/rows: counted \+ rejected must equal read/);
  });

  it("refuses a summary whose statuses do not add up to the registered associations", () => {
    const broken = validSummary();
    broken.associations.ok = 2;
    expect(summarySchema.safeParse(broken).success).toBe(false);
  });

  it("refuses an unknown goal id and a negative count", () => {
    expect(summarySchema.safeParse({ ...validSummary(), goals: [{ id: "members2", target: 1, actual: 1, met: true }] }).success).toBe(false);
    const negative = validSummary();
    negative.totals.members = -1;
    expect(summarySchema.safeParse(negative).success).toBe(false);
  });
});
