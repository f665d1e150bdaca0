// The board report, described once (rapport.html and the Dashbord tab both show it): each rule of
// what it says, decided from core/board-report.ts and SPEC ("The central spreadsheet", "summary JSON").
import {
  boardReport,
  changeText,
  collectionOfCentral,
  collectionOfResults,
  CollectionEntry,
  KeyFigure,
  measuresOfCentral,
  measuresOfResults,
  measureStatusCounts,
} from "../../src/core/board-report";
import { Cell } from "../../src/core/cell";
import { collectionTable, measuresTable } from "../../src/core/outputs";
import { AssociationResult } from "../../src/core/association-result";
import { activity, goal, historyRow, issue, measureRow, result, summaryOf, summaryWith, TODAY } from "./report-fixtures";

const THIS_YEAR = { members: 10447, volunteers: 900, activities: 450, participants: 10684, newParticipants: 2000, volunteerHours: 2700.5, associationsWithAgreement: 20 };
const LAST_YEAR = historyRow(2024, { members: 9000, volunteers: 880, activities: 450, participants: 9712, newParticipants: 2100, volunteerHours: 2700, associationsWithAgreement: 16, grant: 1_350_000 });
// Rows for other years around last year's: only 2024's is compared with 2025.
const HISTORY = [historyRow(2023, { members: 1, volunteers: 1, activities: 1, participants: 1, newParticipants: 1, volunteerHours: 1, associationsWithAgreement: 1, grant: 1 }), LAST_YEAR, historyRow(2025, { members: 2 })];

const figure = (figures: KeyFigure[], label: string) => figures.find((f) => f.label === label)!;

describe("the title and the year", () => {
  it("names the organisation and the report year, Seniornett Norge when Oppsett names none", () => {
    expect(boardReport({ summary: summaryOf() }).title).toBe("Seniornett Norge: nasjonal rapport 2025");
    expect(boardReport({ summary: summaryOf(), organisation: "Seniornett Vest" }).title).toBe("Seniornett Vest: nasjonal rapport 2025");
  });

  it("compares the report year with the year before it", () => {
    const report = boardReport({ summary: summaryOf() });
    expect(report.year).toBe(2025);
    expect(report.lastYear).toBe(2024);
  });

  it("says in one line how many associations there are and how their collection went", () => {
    const summary = summaryWith({ associations: { registered: 7, ok: 2, withIssues: 3, notSubmitted: 1, unreachable: 1 } });
    expect(boardReport({ summary }).statusLine).toBe("7 foreninger: 2 OK, 3 med avvik, 1 ikke sendt inn, 1 utilgjengelig");
  });
});

describe("the key figures (Nøkkeltall): this year beside Historikk's row for last year", () => {
  const report = () => boardReport({ summary: summaryWith({ totals: THIS_YEAR }), history: HISTORY });

  it("lists the seven national totals in a fixed order", () => {
    expect(report().keyFigures.map((f) => f.label)).toEqual(["Medlemmer", "Frivillige", "Aktiviteter", "Deltakere", "Nye deltakere", "Frivillige timer", "Foreninger med kommuneavtale"]);
    expect(report().keyFigures.map((f) => f.thisYear)).toEqual([10447, 900, 450, 10684, 2000, 2700.5, 20]);
  });

  it("takes last year's figures from Historikk's row for the year before the report year, not from another year's", () => {
    expect(report().keyFigures.map((f) => f.lastYear)).toEqual([9000, 880, 450, 9712, 2100, 2700, 16]);
    expect(report().historyNote).toBe("");
  });

  it("gives the change as this year minus last year, and the change in per cent of last year rounded to four decimals", () => {
    expect(report().keyFigures.map((f) => f.change)).toEqual([1447, 20, 0, 972, -100, 0.5, 4]);
    // 1447 / 9000 = 0.16077…, 20 / 880 = 0.02272…, 972 / 9712 = 0.10008…, -100 / 2100 = -0.04761…, 0.5 / 2700 = 0.000185…
    expect(report().keyFigures.map((f) => f.changeShare)).toEqual([0.1608, 0.0227, 0, 0.1001, -0.0476, 0.0002, 0.25]);
  });

  it("rounds a change to two decimals (volunteer hours have decimals)", () => {
    const hours = boardReport({ summary: summaryWith({ totals: { ...THIS_YEAR, volunteerHours: 2700.126 } }), history: [LAST_YEAR] });
    expect(figure(hours.keyFigures, "Frivillige timer")).toEqual({ label: "Frivillige timer", thisYear: 2700.126, lastYear: 2700, change: 0.13, changeShare: 0 });
  });

  it("knows the change from a year with 0, but not the change in per cent", () => {
    const fromZero = boardReport({ summary: summaryWith({ totals: { ...THIS_YEAR, members: 5, volunteers: 0 } }), history: [historyRow(2024, { members: 0, volunteers: 0 })] });
    expect(figure(fromZero.keyFigures, "Medlemmer")).toEqual({ label: "Medlemmer", thisYear: 5, lastYear: 0, change: 5, changeShare: null });
    expect(figure(fromZero.keyFigures, "Frivillige")).toEqual({ label: "Frivillige", thisYear: 0, lastYear: 0, change: 0, changeShare: null });
  });

  it("leaves a figure unknown when Historikk's row for last year leaves its cell empty, and compares the others", () => {
    const partial = boardReport({ summary: summaryWith({ totals: THIS_YEAR }), history: [historyRow(2024, { members: 9000 })] });
    expect(figure(partial.keyFigures, "Medlemmer").lastYear).toBe(9000);
    expect(figure(partial.keyFigures, "Frivillige")).toEqual({ label: "Frivillige", thisYear: 900, lastYear: null, change: null, changeShare: null });
    expect(partial.historyNote).toBe("");
  });

  it("without a row for last year every change is unknown, and a note under the figures says why", () => {
    for (const history of [undefined, [], [historyRow(2023, { members: 9000 })]]) {
      const report = boardReport({ summary: summaryWith({ totals: THIS_YEAR }), history });
      expect(report.keyFigures.map((f) => [f.lastYear, f.change, f.changeShare])).toEqual(Array(7).fill([null, null, null]));
      expect(report.keyFigures.map((f) => f.thisYear)).toEqual([10447, 900, 450, 10684, 2000, 2700.5, 20]);
      expect(report.historyNote).toBe("Historikk har ingen tall for 2024, så endringen fra i fjor kan ikke vises.");
    }
  });
});

describe("the state grant as a key figure", () => {
  it("comes last, in kroner, when Oppsett has this year's grant, compared with Historikk's grant for last year", () => {
    const report = boardReport({ summary: summaryWith({ totals: THIS_YEAR }), history: HISTORY, grantThisYear: 1_500_000 });
    expect(report.keyFigures).toHaveLength(8);
    // 150 000 / 1 350 000 = 0.1111…
    expect(report.keyFigures[7]).toEqual({ label: "Statstilskudd (kr)", thisYear: 1_500_000, lastYear: 1_350_000, change: 150_000, changeShare: 0.1111 });
  });

  it("is there when this year's grant is 0 kr", () => {
    const report = boardReport({ summary: summaryOf(), history: [LAST_YEAR], grantThisYear: 0 });
    expect(report.keyFigures[7]).toEqual({ label: "Statstilskudd (kr)", thisYear: 0, lastYear: 1_350_000, change: -1_350_000, changeShare: -1 });
  });

  it("has an unknown change without Historikk", () => {
    const report = boardReport({ summary: summaryOf(), grantThisYear: 1_500_000 });
    expect(report.keyFigures[7]).toEqual({ label: "Statstilskudd (kr)", thisYear: 1_500_000, lastYear: null, change: null, changeShare: null });
  });

  it("is left out when Oppsett has no grant for this year", () => {
    const report = boardReport({ summary: summaryOf(), history: HISTORY });
    expect(report.keyFigures.map((f) => f.label)).not.toContain("Statstilskudd (kr)");
    expect(report.keyFigures).toHaveLength(7);
  });
});

describe("the change column as people read it (changeText)", () => {
  const figures = () => boardReport({ summary: summaryWith({ totals: THIS_YEAR }), history: [LAST_YEAR] }).keyFigures;

  it("a growth has a plus on both the change and the per cent: «+1 447 (+16,1 %)»", () => {
    expect(changeText(figure(figures(), "Medlemmer"))).toBe("+1 447 (+16,1 %)");
  });

  it("a fall has a minus on both: «-100 (-4,8 %)»", () => {
    expect(changeText(figure(figures(), "Nye deltakere"))).toBe("-100 (-4,8 %)");
  });

  it("no change is «±0 (0 %)», without a plus on the per cent", () => {
    expect(changeText(figure(figures(), "Aktiviteter"))).toBe("±0 (0 %)");
  });

  it("a change from 0 has no per cent", () => {
    expect(changeText({ label: "Medlemmer", thisYear: 5, lastYear: 0, change: 5, changeShare: null })).toBe("+5");
  });

  it("an unknown change is empty", () => {
    expect(changeText({ label: "Medlemmer", thisYear: 5, lastYear: null, change: null, changeShare: null })).toBe("");
  });
});

describe("the strategy goals", () => {
  const goals = (...list: ReturnType<typeof goal>[]) => boardReport({ summary: summaryWith({ goals: list }) }).goals;

  it("keep the summary's order with their Norwegian names", () => {
    const report = boardReport({ summary: summaryOf() });
    expect(report.goals.map((g) => [g.id, g.name])).toEqual([
      ["members", "Medlemmer"],
      ["counties", "Fylker med lokale tiltak"],
      ["participantGrowth", "Vekst i deltakere"],
      ["agreements", "Foreninger med kommuneavtale"],
      ["grantGrowth", "Vekst i statstilskudd"],
    ]);
  });

  it("a count goal short of its target reads «10 447 av 11 000», not reached, with how far it has come", () => {
    const [members] = goals(goal("members", 11_000, 10_447, false));
    expect(members).toMatchObject({ id: "members", name: "Medlemmer", target: 11_000, actual: 10_447, met: false, percent: false, text: "10 447 av 11 000", status: "ikke nådd" });
    expect(members.progress).toBeCloseTo(10_447 / 11_000, 10);
  });

  it("a share goal is written in per cent: «8,2 % av 10 %»", () => {
    const [growth] = goals(goal("participantGrowth", 0.1, 0.082, false));
    expect(growth).toMatchObject({ name: "Vekst i deltakere", target: 0.1, actual: 0.082, met: false, percent: true, text: "8,2 % av 10 %", status: "ikke nådd" });
    expect(growth.progress).toBeCloseTo(0.82, 10);
    expect(goals(goal("grantGrowth", 0.25, 0.3, true))[0]).toMatchObject({ percent: true, text: "30 % av 25 %" });
  });

  it("a goal passed is reached, and its progress stops at all the way", () => {
    const [agreements] = goals(goal("agreements", 100, 120, true));
    expect(agreements).toMatchObject({ met: true, progress: 1, percent: false, text: "120 av 100", status: "nådd" });
    expect(goals(goal("counties", 15, 15, true))[0]).toMatchObject({ progress: 1, text: "15 av 15", status: "nådd" });
  });

  it("a shrinking share is no progress, never less than none", () => {
    const [growth] = goals(goal("participantGrowth", 0.1, -0.05, false));
    expect(growth).toMatchObject({ progress: 0, text: "-5 % av 10 %", status: "ikke nådd" });
  });

  it("a target of 0 or less is all the way when reached and none when not", () => {
    expect(goals(goal("participantGrowth", 0, 0, true))[0]).toMatchObject({ progress: 1, text: "0 % av 0 %", status: "nådd" });
    expect(goals(goal("participantGrowth", 0, -0.05, false))[0]).toMatchObject({ progress: 0, status: "ikke nådd" });
    expect(goals(goal("participantGrowth", -0.1, -0.05, true))[0]).toMatchObject({ progress: 1, status: "nådd" });
  });

  it("an unknown growth is neither reached nor not, and says which figure is missing", () => {
    const [participants, grant] = goals(goal("participantGrowth", 0.1, null, false), goal("grantGrowth", 0.25, null, false));
    expect(participants).toEqual({ id: "participantGrowth", name: "Vekst i deltakere", target: 0.1, actual: null, met: null, progress: null, percent: true, text: "ukjent (mangler fjorårets tall)", status: "ukjent" });
    expect(grant).toMatchObject({ met: null, progress: null, text: "ukjent (mangler statstilskudd for i fjor eller i år)", status: "ukjent" });
  });
});

describe("the counties", () => {
  const results = [
    result("b", { report: { members: 120 }, activities: [activity({ participants: 12 })] }),
    result("c", { report: { members: 30 } }),
    result("a", { municipalityNumber: "0301", countyNumber: "03", county: "Oslo", report: { members: 50 }, activities: [activity({ municipalityNumber: "0301", participants: 10 }), activity({ municipalityNumber: "0301", participants: 5 })] }),
  ];
  const unknownCounty = result("d", { municipalityNumber: "9999", countyNumber: "", county: "", report: { members: 7 } });
  const noMunicipality = result("e", { name: "", municipalityNumber: "", countyNumber: "", county: "" });

  it("one row per county with associations, members, activities and participants, in county-number order", () => {
    expect(boardReport({ summary: summaryOf(results) }).counties).toEqual([
      { county: "Oslo", associations: 1, members: 50, activities: 2, participants: 15 },
      { county: "Nordland", associations: 2, members: 150, activities: 1, participants: 12 },
    ]);
  });

  it("no note when every association is in a county", () => {
    expect(boardReport({ summary: summaryOf(results), collection: collectionOfResults(results) }).countyNote).toBe("");
    expect(boardReport({ summary: summaryOf() }).countyNote).toBe("");
  });

  it("names an association left out because its municipality number is not in the municipality list", () => {
    const all = [...results, unknownCounty];
    expect(boardReport({ summary: summaryOf(all), collection: collectionOfResults(all) }).countyNote).toBe(
      "1 forening er ikke med i tabellen fordi fylket er ukjent: Seniornett d (kommunenummer 9999 finnes ikke i kommunelisten).",
    );
  });

  it("names every association left out, by ID when it has no name, and says when Foreninger has no municipality number", () => {
    const all = [...results, unknownCounty, noMunicipality];
    expect(boardReport({ summary: summaryOf(all), collection: collectionOfResults(all) }).countyNote).toBe(
      "2 foreninger er ikke med i tabellen fordi fylket er ukjent: Seniornett d (kommunenummer 9999 finnes ikke i kommunelisten); e (mangler kommunenummer i Foreninger).",
    );
  });

  it("without the collection to name them, gives the two possible reasons", () => {
    const all = [...results, unknownCounty, noMunicipality];
    const general = "2 foreninger er ikke med i tabellen fordi fylket er ukjent: kommunenummeret i Foreninger mangler eller finnes ikke i kommunelisten.";
    expect(boardReport({ summary: summaryOf(all) }).countyNote).toBe(general);
    // A collection in which every association has a county cannot tell which ones are missing.
    expect(boardReport({ summary: summaryOf(all), collection: collectionOfResults(results) }).countyNote).toBe(general);
  });
});

describe("the activity types", () => {
  it("every type, also those without activities, in the summary's order, with activities, participants and volunteer hours", () => {
    const summary = summaryOf([result("a", { activities: [activity({ participants: 10, volunteerHours: 1 }), activity({ type: "Foredrag", participants: 12, volunteerHours: 3 }), activity({ participants: 5, volunteerHours: 2.5 })] })]);
    const types = boardReport({ summary }).activityTypes;
    expect(types.map((t) => t.type)).toEqual(["Kurs", "Datahjelp", "Foredrag", "Åpent møte", "Medlemsmøte", "Veilederopplæring", "Annet"]);
    expect(types.slice(0, 3)).toEqual([
      { type: "Kurs", activities: 2, participants: 15, volunteerHours: 3.5 },
      { type: "Datahjelp", activities: 0, participants: 0, volunteerHours: 0 },
      { type: "Foredrag", activities: 1, participants: 12, volunteerHours: 3 },
    ]);
  });
});

describe("the measures of the action plan (Tiltak i handlingsplanen)", () => {
  const PRESENTATION = "Presentasjon av Seniornett for andre foreninger, lag, organisasjoner og eldreråd";
  const counts = (area: string, measure: string, notStarted: number, inProgress: number, done: number, cancelled: number) => ({ area, measure, notStarted, inProgress, done, cancelled });

  it("counts per measure how many associations have it in each status, an empty status being «Ikke startet»", () => {
    const rows = [
      { area: "Felles", measure: "Kartlegging", status: "Pågår" },
      { area: "Felles", measure: "Kartlegging", status: "" },
      { area: "Felles", measure: "Kartlegging" },
      { area: "Felles", measure: "Kartlegging", status: "Pågår" },
      { area: "Felles", measure: "Kartlegging", status: "Fullført" },
      { area: "Felles", measure: "Kartlegging", status: "Avlyst" },
      { area: "Felles", measure: "Kartlegging", status: "Ikke startet" },
    ];
    expect(measureStatusCounts(rows)).toEqual([counts("Felles", "Kartlegging", 3, 2, 1, 1)]);
  });

  it("a status Samspill does not know counts as not started", () => {
    expect(measureStatusCounts([{ area: "Felles", measure: "Evaluering", status: "Ferdig" }])).toEqual([counts("Felles", "Evaluering", 1, 0, 0, 0)]);
  });

  it("lists the plan's measures in the plan's order whatever order the rows come in, measures not in the plan after them as first seen, and leaves out measures nobody has", () => {
    const rows = [
      { area: "Kommunikasjon", measure: "Trykksaker", status: "Pågår" },
      { area: "Felles", measure: "Egen idé", status: "Ikke startet" },
      { area: "Felles", measure: "Evaluering", status: "Fullført" },
      { area: "Felles", measure: PRESENTATION, status: "Avlyst" },
      { area: "Felles", measure: "Kartlegging", status: "Pågår" },
      { area: "Kommunesamarbeid", measure: "Kartlegging", status: "Fullført" },
    ];
    expect(measureStatusCounts(rows)).toEqual([
      counts("Felles", "Kartlegging", 0, 1, 0, 0),
      counts("Felles", PRESENTATION, 0, 0, 0, 1),
      counts("Felles", "Evaluering", 0, 0, 1, 0),
      counts("Kommunikasjon", "Trykksaker", 0, 1, 0, 0),
      counts("Felles", "Egen idé", 1, 0, 0, 0),
      // The same measure under another plan area is another measure.
      counts("Kommunesamarbeid", "Kartlegging", 0, 0, 1, 0),
    ]);
  });

  it("no rows, no measures", () => {
    expect(measureStatusCounts([])).toEqual([]);
  });

  it("adds up the Tiltak rows of every association; a saved result without Tiltak rows adds none", () => {
    const results = [
      result("a", { measures: [measureRow("Felles", "Kartlegging", "Pågår")] }),
      result("b", { measures: [measureRow("Felles", "Evaluering"), measureRow("Felles", "Kartlegging", "Fullført")] }),
      { ...result("c"), measures: undefined } as unknown as AssociationResult,
    ];
    expect(measuresOfResults(results)).toEqual([counts("Felles", "Kartlegging", 0, 1, 1, 0), counts("Felles", "Evaluering", 1, 0, 0, 0)]);
  });

  it("the report shows the counts it is given, with a note on what they count", () => {
    const measures = [counts("Felles", "Kartlegging", 0, 1, 1, 0)];
    const report = boardReport({ summary: summaryOf(), measures });
    expect(report.measures).toEqual(measures);
    expect(report.measuresNote).toBe("Antall foreninger som har tiltaket med hver status (fra fanen Tiltak i foreningenes regneark; bare rader uten feil er talt).");
  });

  it("without measures the report says none are registered", () => {
    for (const measures of [undefined, []]) {
      const report = boardReport({ summary: summaryOf(), measures });
      expect(report.measures).toEqual([]);
      expect(report.measuresNote).toBe("Ingen tiltak er registrert.");
    }
  });
});

describe("the problems, by kind", () => {
  it("one line per issue code with its description, its errors and warnings, and how many associations have it", () => {
    const summary = summaryWith({
      issues: [
        issue("required", "error", "a"),
        issue("required", "error", "a"),
        issue("required", "error", "b"),
        issue("out_of_range", "error", "a"),
        issue("out_of_range", "warning", "b"),
        issue("duplicate_id", "error", ""),
        issue("not_a_code_we_know", "warning", "c"),
      ],
    });
    expect(boardReport({ summary }).problems).toEqual([
      { description: "Påkrevd felt mangler", code: "required", errors: 3, warnings: 0, associations: 2 },
      { description: "Tallet er utenfor grensene", code: "out_of_range", errors: 1, warnings: 1, associations: 2 },
      // An unknown code still reads as Norwegian; one as many as another: alphabetical.
      { description: "Annet problem", code: "not_a_code_we_know", errors: 0, warnings: 1, associations: 1 },
      // The central spreadsheet's own problems belong to no association.
      { description: "Forening-ID er brukt før", code: "duplicate_id", errors: 1, warnings: 0, associations: 0 },
    ]);
  });

  it("most problems first, errors and warnings together; equally many in alphabetical order of the description", () => {
    const issues = [
      issue("invalid_email", "error"),
      ...[issue("not_a_number", "error"), issue("not_a_number", "error")],
      ...[issue("too_long", "warning"), issue("too_long", "warning")],
      ...[issue("not_a_date", "error"), issue("not_a_date", "warning")],
      ...[issue("personal_data", "warning"), issue("personal_data", "warning"), issue("personal_data", "warning")],
      ...[issue("required", "error"), issue("required", "error"), issue("required", "error")],
    ];
    expect(boardReport({ summary: summaryWith({ issues }) }).problems.map((p) => [p.description, p.errors, p.warnings])).toEqual([
      ["Personopplysning i fritekst", 0, 3],
      ["Påkrevd felt mangler", 3, 0],
      ["For lang tekst", 0, 2],
      ["Ikke en dato", 1, 1],
      ["Ikke et tall", 2, 0],
      ["Ugyldig e-postadresse", 1, 0],
    ]);
  });

  it("two codes with the same description and as many problems keep the order they were found in", () => {
    const issues = [issue("tab_name_differs", "warning"), issue("misnamed_tab", "warning")];
    expect(boardReport({ summary: summaryWith({ issues }) }).problems.map((p) => p.code)).toEqual(["tab_name_differs", "misnamed_tab"]);
  });

  it("sums them up in one line with the right singular and plural, and says where each problem is", () => {
    const line = (...issues: ReturnType<typeof issue>[]) => boardReport({ summary: summaryWith({ issues }) }).problemsLine;
    const where = " Hvert problem med celle og melding står i fanen Avvik i det sentrale regnearket.";
    expect(line(issue("required", "error"), issue("required", "error"), issue("personal_data", "warning"))).toBe(`3 problemer i alt: 2 feil og 1 advarsel.${where}`);
    expect(line(issue("personal_data", "warning"))).toBe(`1 problem i alt: 0 feil og 1 advarsel.${where}`);
    expect(line(issue("required", "error"), issue("personal_data", "warning"), issue("personal_data", "warning"))).toBe(`3 problemer i alt: 1 feil og 2 advarsler.${where}`);
  });

  it("no problems: no kinds, and a line that says so", () => {
    const report = boardReport({ summary: summaryOf() });
    expect(report.problems).toEqual([]);
    expect(report.problemsLine).toBe("Ingen problemer funnet.");
  });
});

describe("about the figures (Om tallene)", () => {
  it("rows read, counted and rejected, and the milestones, each with its label", () => {
    const summary = summaryWith({ rows: { read: 12, counted: 10, rejected: 2 }, milestones: { total: 5, done: 3, overdue: 1 } });
    expect(boardReport({ summary }).rowCounts).toEqual([
      { label: "Rader lest (Aktiviteter, Milepæler og Tiltak)", value: 12 },
      { label: "Rader talt", value: 10 },
      { label: "Rader avvist (med feil, ikke talt)", value: 2 },
      { label: "Milepæler", value: 5 },
      { label: "Milepæler fullført", value: 3 },
      { label: "Milepæler forsinket", value: 1 },
    ]);
  });

  it("associations per collection status in a fixed order, only the statuses some association has, named unless OK", () => {
    const collection = collectionOfResults([
      result("f", { status: "Finnes ikke" }),
      result("a", { status: "OK" }),
      result("b", { name: "", status: "Med avvik" }),
      result("k", { status: "Kan ikke leses" }),
      result("c", { status: "OK" }),
      result("m", { status: "Mangler tilgang" }),
      result("i", { status: "Ikke sendt inn" }),
      result("b2", { status: "Med avvik" }),
    ]);
    expect(boardReport({ summary: summaryOf(), collection }).fileStatuses).toEqual([
      { status: "OK", associations: 2, names: [] },
      { status: "Med avvik", associations: 2, names: ["b", "Seniornett b2"] },
      { status: "Ikke sendt inn", associations: 1, names: ["Seniornett i"] },
      { status: "Mangler tilgang", associations: 1, names: ["Seniornett m"] },
      { status: "Finnes ikke", associations: 1, names: ["Seniornett f"] },
      { status: "Kan ikke leses", associations: 1, names: ["Seniornett k"] },
    ]);
    expect(boardReport({ summary: summaryOf(), collection: collection.filter((c) => c.status === "Med avvik") }).fileStatuses).toEqual([
      { status: "Med avvik", associations: 2, names: ["b", "Seniornett b2"] },
    ]);
  });

  it("an empty collection has no statuses, whatever the summary counts", () => {
    const summary = summaryWith({ associations: { registered: 2, ok: 2, withIssues: 0, notSubmitted: 0, unreachable: 0 } });
    expect(boardReport({ summary, collection: [] }).fileStatuses).toEqual([]);
  });

  it("without the collection (a summary alone), takes the summary's four counts, unreachable ones together, leaving out those at 0", () => {
    const all = summaryWith({ associations: { registered: 7, ok: 2, withIssues: 3, notSubmitted: 1, unreachable: 1 } });
    expect(boardReport({ summary: all }).fileStatuses).toEqual([
      { status: "OK", associations: 2, names: [] },
      { status: "Med avvik", associations: 3, names: [] },
      { status: "Ikke sendt inn", associations: 1, names: [] },
      { status: "Utilgjengelig", associations: 1, names: [] },
    ]);
    const some = summaryWith({ associations: { registered: 2, ok: 0, withIssues: 0, notSubmitted: 2, unreachable: 0 } });
    expect(boardReport({ summary: some }).fileStatuses).toEqual([{ status: "Ikke sendt inn", associations: 2, names: [] }]);
  });
});

describe("the collection and measures, from the rollup's results or read back from the central spreadsheet", () => {
  const results = [
    result("b", { name: "Seniornett Bodø", status: "Med avvik", rows: { read: 1234, counted: 1200, rejected: 34 }, measures: [measureRow("Felles", "Evaluering", "Fullført")] }),
    result("a", { name: "Seniornett Oslo", municipalityNumber: "0301", countyNumber: "03", county: "Oslo", rows: { read: 3, counted: 3, rejected: 0 }, measures: [measureRow("Felles", "Kartlegging", "Pågår"), measureRow("Felles", "Evaluering")] }),
  ];

  it("one collection entry per result: ID, name, municipality number, county, status and rows", () => {
    expect(collectionOfResults(results)).toEqual([
      { id: "b", name: "Seniornett Bodø", municipalityNumber: "1804", county: "Nordland", status: "Med avvik", rows: { read: 1234, counted: 1200, rejected: 34 } },
      { id: "a", name: "Seniornett Oslo", municipalityNumber: "0301", county: "Oslo", status: "OK", rows: { read: 3, counted: 3, rejected: 0 } },
    ]);
  });

  it("Innsamling as a rollup writes it reads back as the same collection", () => {
    const { header, rows } = collectionTable(results);
    const byId = (a: CollectionEntry, b: CollectionEntry) => a.id.localeCompare(b.id);
    expect(collectionOfCentral([header, ...rows])).toEqual(collectionOfResults(results).sort(byId));
  });

  it("Tiltak as a rollup writes it reads back as the same counts", () => {
    const { header, rows } = measuresTable(results, TODAY);
    expect(measuresOfCentral([header, ...rows])).toEqual(measuresOfResults(results));
    expect(measuresOfCentral([header, ...rows])).toEqual([
      { area: "Felles", measure: "Kartlegging", notStarted: 0, inProgress: 1, done: 0, cancelled: 0 },
      { area: "Felles", measure: "Evaluering", notStarted: 1, inProgress: 0, done: 1, cancelled: 0 },
    ]);
  });

  it("a missing, empty or header-only tab reads as nothing", () => {
    for (const cells of [undefined, [], [["Forening-ID", "Forening", "Status"]]]) {
      expect(collectionOfCentral(cells)).toEqual([]);
      expect(measuresOfCentral(cells)).toEqual([]);
    }
  });

  it("Innsamling is read by its headers in any order and case; texts are trimmed, numbers may be text with spaces and a decimal comma", () => {
    const cells: Cell[][] = [
      [" rader avvist ", "STATUS", "Fylke", "Forening-ID", " Forening", "Kommunenummer ", "Rader lest", "Rader talt", "Merknad"],
      ["2", " OK ", " Nordland ", " b ", " Seniornett Bodø ", "1804", "1 234", "3,0", "x"],
      ["", "OK", "Oslo", "", "Ingen ID", "0301", 1, 1, ""],
      ["ikke et tall", "Finnes ikke", new Date(Date.UTC(2025, 0, 1)), "c", null, "9999", 0, "", ""],
      [0, "Kan ikke leses", "Vestland", "d"],
    ];
    expect(collectionOfCentral(cells)).toEqual([
      { id: "b", name: "Seniornett Bodø", municipalityNumber: "1804", county: "Nordland", status: "OK", rows: { read: 1234, counted: 3, rejected: 2 } },
      // A row without Forening-ID is no association; a date or an empty cell is no text; what is not a number counts as 0.
      { id: "c", name: "", municipalityNumber: "9999", county: "", status: "Finnes ikke", rows: { read: 0, counted: 0, rejected: 0 } },
      // A row shorter than the header: the missing cells are empty.
      { id: "d", name: "", municipalityNumber: "", county: "Vestland", status: "Kan ikke leses", rows: { read: 0, counted: 0, rejected: 0 } },
    ]);
  });

  it("a column Innsamling does not have, or a column without a header, reads as empty", () => {
    const cells: Cell[][] = [
      ["Forening-ID", null, "Status", "Rader lest"],
      ["b", "Seniornett Bodø", "OK", 3],
    ];
    expect(collectionOfCentral(cells)).toEqual([{ id: "b", name: "", municipalityNumber: "", county: "", status: "OK", rows: { read: 3, counted: 0, rejected: 0 } }]);
  });

  it("Tiltak is read by its headers; a row without Tiltak is no measure", () => {
    const cells: Cell[][] = [
      ["Status", " planområde ", "TILTAK"],
      ["Pågår", "Felles", " Kartlegging "],
      ["Fullført", "Felles", ""],
      ["", "Felles", "Evaluering"],
    ];
    expect(measuresOfCentral(cells)).toEqual([
      { area: "Felles", measure: "Kartlegging", notStarted: 0, inProgress: 1, done: 0, cancelled: 0 },
      { area: "Felles", measure: "Evaluering", notStarted: 1, inProgress: 0, done: 0, cancelled: 0 },
    ]);
  });
});
