import { assessAssociation } from "../../src/core/association-result";
import { readCentralInputs } from "../../src/core/central-inputs";
import { Cell } from "../../src/core/cell";
import { partnerView } from "../../src/core/partner-slices";
import { summarise, summaryJson } from "../../src/core/summary";
import { registry, settings, history } from "../../src/core/templates/central";
import { associationSheets, GOOD_ACTIVITY, headerOf, rowOf } from "./fixtures";

const today = "2026-02-10";
const context = { year: 2025, today };

function central(
  registryRows: Array<Record<string, Cell>>,
  extra: { settings?: Record<string, Cell>; history?: Array<Record<string, Cell>> } = {},
) {
  const settingValues: Record<string, Cell> = {
    organisation: "Seniornett Norge",
    year: 2025,
    deadline: "01.02.2026",
    grantLastYear: 1_000_000,
    grantThisYear: 1_300_000,
    ...extra.settings,
  };
  return readCentralInputs(
    {
      [settings.name]: [
        ["Felt", "Verdi"],
        ...settings.keys.map((k) => [settings.columns[k].header, settingValues[k] ?? ""]),
      ],
      [registry.name]: [headerOf(registry), ...registryRows.map((r) => rowOf(registry, r))],
      [history.name]: [headerOf(history), ...(extra.history ?? []).map((r) => rowOf(history, r))],
    },
    today,
  );
}

describe("assessing one association", () => {
  it("counts valid rows, rejects rows with errors whole, and keeps warnings from rejecting", () => {
    const sheets = associationSheets({
      activities: [
        GOOD_ACTIVITY,
        { ...GOOD_ACTIVITY, participants: "x" },
        { ...GOOD_ACTIVITY, municipalityNumber: "1806" },
      ],
      milestones: [
        {
          municipalityNumber: "1804",
          title: "Avtale signert",
          dueDate: "01.03.2025",
          responsibleParty: "Begge",
          status: "Fullført",
          completedDate: "02.03.2025",
        },
      ],
    });
    const result = assessAssociation(
      { id: "bodo", name: "Seniornett Bodø", municipalityNumber: "1804" },
      { kind: "read", sheets },
      context,
    );
    expect(result.status).toBe("Med avvik");
    expect(result.rows).toEqual({ read: 4, counted: 3, rejected: 1 });
    expect(result.activities.map((a) => a.municipalityNumber)).toEqual(["1804", "1806"]);
    expect(result.issues).toEqual([
      expect.objectContaining({ association: "bodo", sheet: "Aktiviteter", cell: "F3", code: "not_whole" }),
    ]);
  });

  it("is Ikke sendt inn without Innsendt, OK with it, and unreachable with a reason", () => {
    const notSubmitted = assessAssociation(
      { id: "a", name: "A", municipalityNumber: "0301" },
      {
        kind: "read",
        sheets: associationSheets({ report: { submittedAt: "", municipalityNumber: "0301" } }),
      },
      context,
    );
    expect(notSubmitted.status).toBe("Ikke sendt inn");
    const ok = assessAssociation(
      { id: "a", name: "A", municipalityNumber: "1804" },
      { kind: "read", sheets: associationSheets() },
      context,
    );
    expect(ok.status).toBe("OK");
    expect(
      assessAssociation({ id: "b", name: "B", municipalityNumber: "0301" }, { kind: "no_access" }, context),
    ).toMatchObject({ status: "Mangler tilgang", issues: [expect.objectContaining({ code: "no_access" })] });
    expect(
      assessAssociation({ id: "c", name: "C", municipalityNumber: "0301" }, { kind: "unreadable" }, context),
    ).toMatchObject({
      status: "Kan ikke leses",
      issues: [expect.objectContaining({ code: "unreadable_file" })],
    });
  });

  it("leaves a field with an error out of the totals but still counts the association's rows", () => {
    const result = assessAssociation(
      { id: "a", name: "A", municipalityNumber: "1804" },
      {
        kind: "read",
        sheets: associationSheets({ report: { members: "mange" }, activities: [GOOD_ACTIVITY] }),
      },
      context,
    );
    expect(result.report.members).toBeUndefined();
    expect(result.report.volunteers).toBe(14);
    expect(result.rows.counted).toBe(1);
  });

  it("refuses a report for another year", () => {
    const result = assessAssociation(
      { id: "a", name: "A", municipalityNumber: "1804" },
      { kind: "read", sheets: associationSheets({ report: { year: 2024 } }) },
      context,
    );
    expect(result.issues.map((i) => i.code)).toContain("wrong_year");
    expect(result.report.members).toBeUndefined();
  });
});

describe("the national rollup", () => {
  // Built in beforeEach, not in the describe body or beforeAll: Stryker's jest runner counts what runs
  // outside a test (describe bodies, beforeAll) as "static", and reruns every test for each such mutant.
  let inputs: ReturnType<typeof central>;
  let results: ReturnType<typeof assessAssociation>[];
  let summary: ReturnType<typeof summarise>;
  beforeEach(() => {
    inputs = central(
      [
        {
          id: "bodo",
          name: "Seniornett Bodø",
          municipalityNumber: "1804",
          spreadsheet: "bodo.xlsx",
          partnerEmails: "a@bodo.kommune.no",
        },
        { id: "oslo", name: "Seniornett Oslo", municipalityNumber: "0301", spreadsheet: "oslo.xlsx" },
        { id: "oslo", name: "Duplikat", municipalityNumber: "0301", spreadsheet: "oslo2.xlsx" },
        { id: "alta", name: "Seniornett Alta", municipalityNumber: "5601", spreadsheet: "alta.xlsx" },
        { id: "gone", name: "Nedlagt", municipalityNumber: "5601", spreadsheet: "gone.xlsx", active: "Nei" },
      ],
      { history: [{ year: 2024, participants: 20 }] },
    );
    results = [
      assessAssociation(
        inputs.associations[0],
        {
          kind: "read",
          sheets: associationSheets({
            activities: [
              GOOD_ACTIVITY,
              { ...GOOD_ACTIVITY, type: "Foredrag", participants: 10, newParticipants: 0, volunteerHours: 2 },
            ],
            milestones: [
              {
                municipalityNumber: "1804",
                title: "Møte",
                dueDate: "01.01.2026",
                responsibleParty: "Kommunen",
                comment: "hemmelig",
              },
            ],
          }),
        },
        context,
      ),
      assessAssociation(
        inputs.associations[1],
        {
          kind: "read",
          sheets: associationSheets({
            report: {
              municipalityNumber: "0301",
              members: 80,
              volunteers: 5,
              agreement: "Ingen",
              agreementDate: "",
              submittedAt: "",
            },
          }),
        },
        context,
      ),
      assessAssociation(inputs.associations[2], { kind: "not_found" }, context),
    ];
    summary = summarise({ year: 2025, today, central: inputs, results });
  });

  it("reports the duplicate registry ID and skips inactive associations", () => {
    expect(inputs.associations.map((a) => a.id)).toEqual(["bodo", "oslo", "alta"]);
    expect(summary.issues[0]).toMatchObject({
      association: "",
      sheet: "Foreninger",
      cell: "A4",
      code: "duplicate_id",
    });
  });

  it("adds up totals, statuses, counties, activity types and milestones", () => {
    expect(summary.associations).toEqual({
      registered: 3,
      ok: 1,
      withIssues: 0,
      notSubmitted: 1,
      unreachable: 1,
    });
    expect(summary.totals).toEqual({
      members: 200,
      volunteers: 19,
      activities: 2,
      participants: 22,
      newParticipants: 4,
      volunteerHours: 8.5,
      associationsWithAgreement: 1,
    });
    expect(summary.byCounty.map((c) => [c.countyNumber, c.associations, c.members, c.activities])).toEqual([
      ["03", 1, 80, 0],
      ["18", 1, 120, 2],
      ["56", 1, 0, 0],
    ]);
    expect(summary.byActivityType.find((t) => t.type === "Foredrag")).toEqual({
      type: "Foredrag",
      activities: 1,
      participants: 10,
      volunteerHours: 2,
    });
    expect(summary.milestones).toEqual({ total: 1, done: 0, overdue: 1 });
    expect(summary.rows.read).toBe(summary.rows.counted + summary.rows.rejected);
  });

  it("measures the five strategy goals", () => {
    expect(summary.goals).toEqual([
      { id: "members", target: 11000, actual: 200, met: false },
      { id: "counties", target: 15, actual: 1, met: false },
      { id: "participantGrowth", target: 0.1, actual: 0.1, met: true },
      { id: "agreements", target: 100, actual: 1, met: false },
      { id: "grantGrowth", target: 0.25, actual: 0.3, met: true },
    ]);
  });

  it("gives null growth when last year is unknown", () => {
    const noHistory = summarise({
      year: 2025,
      today,
      central: { ...inputs, history: [], settings: { ...inputs.settings, grantLastYear: undefined } },
      results,
    });
    expect(noHistory.goals.filter((g) => g.actual === null).map((g) => g.id)).toEqual([
      "participantGrowth",
      "grantGrowth",
    ]);
  });

  it("gives the same bytes whatever order the associations were read in", () => {
    const again = summarise({ year: 2025, today, central: inputs, results: [...results].reverse() });
    expect(summaryJson(again)).toBe(summaryJson(summary));
  });

  it("gives a partner only its municipality, without personal data or comments", () => {
    const view = partnerView(results, "1804", today);
    const text = JSON.stringify(view);
    expect(text).not.toContain("hemmelig");
    expect(text).not.toContain("kari@example.no");
    expect(text).not.toContain("Kari Nordmann");
    expect(view.find((t) => t.name === "Aktiviteter")!.rows).toHaveLength(2);
    expect(JSON.stringify(partnerView(results, "0301", today))).not.toContain("iPad");
  });
});
