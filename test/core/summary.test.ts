// The national summary: what is counted, where, and when a goal is met (SPEC "summary JSON").
import { AssociationResult } from "../../src/core/association-result";
import { CentralInputs, goalTargets, spreadsheetKey } from "../../src/core/central-inputs";
import { compareAssociations, summarise } from "../../src/core/summary";
import { result } from "./report-fixtures";

const today = "2025-11-25";

function activity(values: Partial<AssociationResult["activities"][number]> = {}): AssociationResult["activities"][number] {
  return { date: "2025-03-12", type: "Kurs", title: "iPad", municipalityNumber: "1804", partner: "Ingen", participants: 10, newParticipants: 2, volunteers: 1, volunteerHours: 1, ...values };
}

const central = (values: Partial<CentralInputs> = {}): CentralInputs => ({ settings: {}, associations: [], history: [], issues: [], ...values });

function summary(results: AssociationResult[], centralInputs: CentralInputs = central()) {
  return summarise({ year: 2025, today, central: centralInputs, results });
}

describe("the counts of associations", () => {
  it("sorts every status into one count: OK, with issues, not submitted, unreachable", () => {
    const s = summary([
      result("a", { status: "OK" }),
      result("b", { status: "Med avvik" }),
      result("c", { status: "Med avvik" }),
      result("d", { status: "Ikke sendt inn" }),
      result("e", { status: "Mangler tilgang" }),
      result("f", { status: "Finnes ikke" }),
    ]);
    expect(s.associations).toEqual({ registered: 6, ok: 1, withIssues: 2, notSubmitted: 1, unreachable: 2 });
  });

  it("adds up rows read, counted and rejected over associations", () => {
    const s = summary([result("a", { rows: { read: 5, counted: 4, rejected: 1 } }), result("b", { rows: { read: 3, counted: 1, rejected: 2 } })]);
    expect(s.rows).toEqual({ read: 8, counted: 5, rejected: 3 });
  });
});

describe("the totals", () => {
  it("count an association with a written or an oral agreement, not one with none or an unknown one", () => {
    const s = summary([
      result("a", { report: { agreement: "Skriftlig" } }),
      result("b", { report: { agreement: "Muntlig" } }),
      result("c", { report: { agreement: "Ingen" } }),
      result("d", { report: {} }),
    ]);
    expect(s.totals.associationsWithAgreement).toBe(2);
  });

  it("add members and volunteers, a missing figure counting as 0", () => {
    const s = summary([result("a", { report: { members: 10, volunteers: 3 } }), result("b", { report: { members: 5 } }), result("c")]);
    expect(s.totals).toMatchObject({ members: 15, volunteers: 3 });
  });

  it("add activities, participants, new participants and volunteer hours, rounded to two decimals", () => {
    const s = summary([
      result("a", { activities: [activity({ participants: 3, newParticipants: 1, volunteerHours: 0.1 }), activity({ participants: 4, newParticipants: 2, volunteerHours: 0.2 })] }),
      result("b", { activities: [activity({ type: "Foredrag", participants: 5, newParticipants: 0, volunteerHours: 1.006 })] }),
    ]);
    expect(s.totals).toMatchObject({ activities: 3, participants: 12, newParticipants: 3, volunteerHours: 1.31 });
    expect(s.byActivityType).toEqual(
      expect.arrayContaining([
        { type: "Kurs", activities: 2, participants: 7, volunteerHours: 0.3 },
        { type: "Foredrag", activities: 1, participants: 5, volunteerHours: 1.01 },
        { type: "Datahjelp", activities: 0, participants: 0, volunteerHours: 0 },
      ]),
    );
    expect(s.byActivityType.map((t) => t.type)).toEqual(["Kurs", "Datahjelp", "Foredrag", "Åpent møte", "Medlemsmøte", "Veilederopplæring", "Annet"]);
  });
});

describe("the totals by county", () => {
  it("are one row per county, in county-number order, without associations outside any county", () => {
    const s = summary([
      result("bodo", { report: { members: 10 }, activities: [activity({ participants: 7 })] }),
      result("narvik", { municipalityNumber: "1806", report: { members: 5 }, activities: [activity(), activity({ participants: 1 })] }),
      result("oslo", { municipalityNumber: "0301", countyNumber: "03", county: "Oslo", report: { members: 20 } }),
      result("x", { municipalityNumber: "9999", countyNumber: "", county: "", report: { members: 1 } }),
    ]);
    expect(s.byCounty).toEqual([
      { countyNumber: "03", county: "Oslo", associations: 1, members: 20, activities: 0, participants: 0 },
      { countyNumber: "18", county: "Nordland", associations: 2, members: 15, activities: 3, participants: 18 },
    ]);
    expect(s.totals.members).toBe(36);
  });
});

describe("the milestones", () => {
  it("count done ones, and overdue ones: neither done nor cancelled, with a deadline before today", () => {
    const m = (status: string, dueDate: string) => ({ municipalityNumber: "1804", title: "M", dueDate, responsibleParty: "Begge", status }) as never;
    const s = summary([result("a", { milestones: [m("Fullført", "2025-01-01"), m("Avlyst", "2025-01-01"), m("Pågår", "2025-11-24"), m("Pågår", today), m("Ikke startet", "2025-01-01")] })]);
    expect(s.milestones).toEqual({ total: 5, done: 1, overdue: 2 });
  });
});

describe("the goals", () => {
  it("count a county as active by the municipality of its activities, not the association's home", () => {
    const s = summary([result("bodo", { activities: [activity({ municipalityNumber: "0301" }), activity({ municipalityNumber: "1804" }), activity({ municipalityNumber: "1806" })] }), result("idle", { municipalityNumber: "5601", countyNumber: "56" })]);
    expect(s.goals.find((g) => g.id === "counties")).toEqual({ id: "counties", target: 15, actual: 2, met: false });
  });

  it("are met at exactly the target", () => {
    const s = summary([result("a", { report: { members: 100, agreement: "Skriftlig" } })], central({ settings: { goalMembers: 100, goalAgreements: 1, goalCounties: 0 } }));
    expect(s.goals.slice(0, 4).map((g) => [g.id, g.actual, g.met])).toEqual([
      ["members", 100, true],
      ["counties", 0, true],
      ["participantGrowth", null, false],
      ["agreements", 1, true],
    ]);
    const short = summary([result("a", { report: { members: 99 } })], central({ settings: { goalMembers: 100 } }));
    expect(short.goals[0].met).toBe(false);
  });

  it("measure growth against last year's history row, rounded to four decimals", () => {
    const s = summary(
      [result("a", { activities: [activity({ participants: 10 })] })],
      central({ history: [{ year: 2023, participants: 1 }, { year: 2024, participants: 3 }] as never, settings: { grantThisYear: 200 } }),
    );
    expect(s.goals.find((g) => g.id === "participantGrowth")).toEqual({ id: "participantGrowth", target: 0.1, actual: 2.3333, met: true });
  });

  it("take last year's grant from Oppsett, else from last year's history row", () => {
    const history = [{ year: 2024, grant: 100 }] as never;
    const fromHistory = summary([], central({ history, settings: { grantThisYear: 110 } }));
    expect(fromHistory.goals.find((g) => g.id === "grantGrowth")).toEqual({ id: "grantGrowth", target: 0.25, actual: 0.1, met: false });
    const fromSettings = summary([], central({ history, settings: { grantThisYear: 110, grantLastYear: 80 } }));
    expect(fromSettings.goals.find((g) => g.id === "grantGrowth")?.actual).toBe(0.375);
    const none = summary([], central({ settings: { grantLastYear: 100 } }));
    expect(none.goals.find((g) => g.id === "grantGrowth")?.actual).toBeNull();
  });

  it("use the targets set in Oppsett, and the defaults when none are set", () => {
    expect(goalTargets({})).toEqual({ members: 11000, counties: 15, participantGrowth: 0.1, agreements: 100, grantGrowth: 0.25 });
    expect(goalTargets({ goalMembers: 5, goalCounties: 3, goalParticipantGrowth: "5 %", goalAgreements: 7, goalGrantGrowth: "0,5" })).toEqual({ members: 5, counties: 3, participantGrowth: 0.05, agreements: 7, grantGrowth: 0.5 });
    expect(goalTargets({ goalParticipantGrowth: "mye", goalGrantGrowth: "lite" })).toMatchObject({ participantGrowth: 0.1, grantGrowth: 0.25 });
  });
});

describe("the order of associations and issues", () => {
  it("is county, municipality, ID; associations without a county come last", () => {
    const rs = [result("b"), result("x", { countyNumber: "", municipalityNumber: "0000" }), result("a"), result("c", { municipalityNumber: "1806" }), result("o", { municipalityNumber: "0301", countyNumber: "03" })];
    expect([...rs].sort(compareAssociations).map((r) => r.id)).toEqual(["o", "a", "b", "c", "x"]);
    expect(compareAssociations(result("a"), result("a"))).toBe(0);
  });

  it("puts the central spreadsheet's own issues first, without an association, then each association's", () => {
    const issue = { sheet: "Aktiviteter", cell: "A2", code: "x", severity: "error" as const, message: "m" };
    const s = summary([result("b", { issues: [{ ...issue, association: "b" }] }), result("a", { issues: [{ ...issue, association: "a" }] })], central({ issues: [{ ...issue, sheet: "Foreninger" }] }));
    expect(s.issues.map((i) => [i.association, i.sheet])).toEqual([
      ["", "Foreninger"],
      ["a", "Aktiviteter"],
      ["b", "Aktiviteter"],
    ]);
  });
});

describe("a spreadsheet reference", () => {
  it("names the same spreadsheet as a URL and as its bare ID, whatever the case", () => {
    expect(spreadsheetKey("https://docs.google.com/spreadsheets/d/1AbC_d-9/edit#gid=0")).toBe("1abc_d-9");
    expect(spreadsheetKey(" 1AbC_d-9 ")).toBe("1abc_d-9");
    expect(spreadsheetKey("bodo.xlsx")).toBe("bodo.xlsx");
  });
});

describe("rules at the edges of the summary", () => {
  it("lists an association outside any known county after those in one", () => {
    const outside = result("x", { municipalityNumber: "9999", countyNumber: "", county: "" });
    const oslo = result("y", { municipalityNumber: "0301", countyNumber: "03", county: "Oslo" });
    expect([outside, oslo].sort(compareAssociations).map((r) => r.id)).toEqual(["y", "x"]);
  });

  it("counts an activity in an unknown municipality in the totals, but it makes no county active", () => {
    const s = summary([result("a", { activities: [activity({ municipalityNumber: "9999" })] })]);
    expect(s.totals.activities).toBe(1);
    expect(s.goals.find((g) => g.id === "counties")?.actual).toBe(0);
  });

  it("a goal whose figure is unknown is not met, even with a target of 0 %", () => {
    const s = summary([result("a")], central({ settings: { goalParticipantGrowth: "0 %" } }));
    expect(s.goals.find((g) => g.id === "participantGrowth")).toMatchObject({ target: 0, actual: null, met: false });
  });
});
