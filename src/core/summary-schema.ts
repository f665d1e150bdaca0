import { z } from "zod";
import { Summary, summaryJson } from "./summary";

/**
 * The summary JSON (SPEC "summary JSON") as one zod schema: the CLI checks every summary against it
 * before writing, and `npm run build:schema` generates summary.schema.json from it for the tools that
 * read the file. Additions are allowed within schemaVersion 1; renaming or removing a key is not.
 */
const count = z.number().int().min(0);

export const issueSchema = z.object({
  association: z.string().optional(),
  sheet: z.string(),
  cell: z.string(),
  code: z.string().regex(/^[a-z][a-z_]*$/),
  severity: z.enum(["error", "warning"]),
  message: z.string().min(1),
});

export const summarySchema = z
  .object({
    schemaVersion: z.literal(1),
    year: z.number().int().min(2000).max(2100),
    associations: z.object({ registered: count, ok: count, withIssues: count, notSubmitted: count, unreachable: count }),
    rows: z.object({ read: count, counted: count, rejected: count }),
    totals: z.object({
      members: count,
      volunteers: count,
      activities: count,
      participants: count,
      newParticipants: count,
      volunteerHours: z.number().min(0),
      associationsWithAgreement: count,
    }),
    byCounty: z.array(
      z.object({ countyNumber: z.string().regex(/^\d{2}$/), county: z.string(), associations: count, members: count, activities: count, participants: count }),
    ),
    byActivityType: z.array(z.object({ type: z.string(), activities: count, participants: count, volunteerHours: z.number().min(0) })),
    milestones: z.object({ total: count, done: count, overdue: count }),
    goals: z.array(
      z.object({
        id: z.enum(["members", "counties", "participantGrowth", "agreements", "grantGrowth"]),
        target: z.number(),
        actual: z.number().nullable(),
        met: z.boolean(),
      }),
    ),
    issues: z.array(issueSchema),
  })
  .check((ctx) => {
    const { associations: a, rows } = ctx.value;
    if (a.ok + a.withIssues + a.notSubmitted + a.unreachable !== a.registered)
      ctx.issues.push({ code: "custom", input: a, path: ["associations"], message: "ok + withIssues + notSubmitted + unreachable must equal registered" });
    if (rows.counted + rows.rejected !== rows.read)
      ctx.issues.push({ code: "custom", input: rows, path: ["rows"], message: "counted + rejected must equal read" });
  });

export type SummaryShape = z.infer<typeof summarySchema>;

/** The JSON Schema (draft 2020-12) other tools validate summary.json with. */
export function summaryJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(summarySchema, { io: "output" }),
    title: "Samspill summary JSON, schemaVersion 1",
  };
}

/**
 * The text of summary.json, refused when the summary does not match the published schema. Node-only
 * callers (the CLI) use it; the Apps Script bundles never import zod's full build.
 */
export function checkedSummaryJson(summary: Summary): string {
  const checked = summarySchema.safeParse(summary);
  if (!checked.success) throw new Error(`The summary does not match summary.schema.json: ${checked.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return summaryJson(summary);
}
