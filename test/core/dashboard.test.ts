// The central spreadsheet's Dashbord tab: the board report's content as label/value cells in columns
// A–F, the chart-data tables the native charts read (H1:I16, K1:L6), or bars in cells (the .xlsx).
import { MeasureStatusCount } from "../../src/core/board-report";
import { Cell } from "../../src/core/cell";
import { CHARTS, COUNTY_RANGE, DASHBOARD, DashboardGrid, dashboardGrid, GOALS_RANGE } from "../../src/core/dashboard";
import { COUNTIES } from "../../src/core/reference";
import { Summary } from "../../src/core/summary";
import { activity, goal, historyRow, issue, result, summaryOf } from "./report-fixtures";

const RESULTS = [
  result("b", { status: "Med avvik", rows: { read: 12, counted: 10, rejected: 2 }, report: { members: 120 }, activities: [activity({ participants: 12, volunteerHours: 2.5 })] }),
  result("c", { status: "Ikke sendt inn", report: { members: 30 } }),
  result("a", { municipalityNumber: "0301", countyNumber: "03", county: "Oslo", report: { members: 50 }, activities: [activity({ municipalityNumber: "0301", type: "Foredrag", participants: 10 }), activity({ municipalityNumber: "0301", participants: 5 })] }),
  result("d", { municipalityNumber: "9999", countyNumber: "", county: "", status: "Finnes ikke" }),
];

const SUMMARY: Summary = {
  ...summaryOf(RESULTS),
  totals: { members: 10447, volunteers: 900, activities: 450, participants: 10684, newParticipants: 2000, volunteerHours: 2700.5, associationsWithAgreement: 20 },
  milestones: { total: 5, done: 3, overdue: 1 },
  goals: [goal("members", 11_000, 5_500, false), goal("counties", 15, 3, false), goal("participantGrowth", 0.1, null, false), goal("agreements", 100, 120, true), goal("grantGrowth", 0.25, 0.125, false)],
  issues: [issue("personal_data", "warning", "a"), issue("required", "error", "b"), issue("required", "error", "b"), issue("required", "warning", "c")],
};
const LAST_YEAR = historyRow(2024, { members: 9000, volunteers: 880, activities: 450, participants: 9712, newParticipants: 2100, volunteerHours: 2700, associationsWithAgreement: 16, grant: 1_350_000 });
const counts = (measure: string, notStarted: number, inProgress: number, done: number, cancelled: number): MeasureStatusCount => ({ area: "Felles", measure, notStarted, inProgress, done, cancelled });
const MEASURES = [counts("Kartlegging", 2, 1, 0, 0), counts("Evaluering", 0, 0, 3, 0), counts("Egen idé", 1, 0, 0, 1)];
const bars = (fraction: number) => `søyle ${fraction}`;

const full = (options = {}) => dashboardGrid(SUMMARY, { history: [LAST_YEAR], grantThisYear: 1_500_000, measures: MEASURES, collection: undefined }, options);
const bare = (options = {}) => dashboardGrid(summaryOf(), {}, options);

const HEADINGS = ["Nøkkeltall", "Mål", "Fylke", "Aktivitetstype", "Tiltak i handlingsplanen", "Problemer", "Om tallene"];
const empty = (row: Cell[]) => row.every((cell) => cell === "");

/** The index of a heading's row and the index after its section's last row (the empty row before the next heading, or the end). */
function bounds(grid: DashboardGrid, heading: string): [number, number] {
  const start = grid.rows.findIndex((row) => row[0] === heading);
  const end = grid.rows.findIndex((row, i) => i > start && empty(row.slice(0, 6)));
  return [start, end === -1 ? grid.rows.length : end];
}

/** A section's rows in the content columns A–F, from its heading. */
function section(grid: DashboardGrid, heading: string): Cell[][] {
  const [start, end] = bounds(grid, heading);
  return grid.rows.slice(start, end).map((row) => row.slice(0, 6));
}

/** The number formats of a section's rows under its heading. */
function sectionFormats(grid: DashboardGrid, heading: string) {
  const [start, end] = bounds(grid, heading);
  return Array.from({ length: end - start - 1 }, (_, i) => grid.layout.cellFormats[start + 1 + i]);
}

describe("the Dashbord tab's shape", () => {
  it("is called Dashbord", () => {
    expect(DASHBOARD).toBe("Dashbord");
  });

  it("needs only the summary: without Historikk, Tiltak, Innsamling or Oppsett it is the same as with none of them", () => {
    expect(dashboardGrid(summaryOf())).toEqual(dashboardGrid(summaryOf(), {}, {}));
  });

  it("starts with Rapportår, written as a year", () => {
    const grid = full();
    expect(grid.rows[0]).toEqual(["Rapportår", 2025, "", "", "", ""]);
    expect(grid.layout.cellFormats[0]).toEqual([undefined, "year"]);
  });

  it("has one section per part of the board report, in a fixed order, each heading marked and after exactly one empty row", () => {
    // full(): a county note but no history note; bare(): a history note but no county note.
    for (const grid of [full(), bare(), full({ bars, chartData: true })]) {
      const headings = grid.layout.headingRows;
      expect(headings.map((r) => grid.rows[r][0])).toEqual(HEADINGS);
      for (const r of headings) expect([empty(grid.rows[r - 2].slice(0, 6)), empty(grid.rows[r - 1].slice(0, 6))]).toEqual([false, true]);
    }
  });

  it("is a free layout printed on one page: no frozen header row, no filter", () => {
    const { layout } = full();
    expect(layout).toMatchObject({ frozenRows: 0, filter: false, repeatHeader: false, onePage: true, landscape: false });
  });

  it("has every row six cells wide (columns A–F), so one write replaces every cell the last rollup wrote", () => {
    for (const grid of [full(), bare(), full({ bars })]) {
      expect(grid.rows.every((row) => row.length === 6)).toBe(true);
      expect(grid.formats).toEqual(["text", "whole", "whole", "whole", "whole", "text"]);
    }
  });
});

describe("Nøkkeltall", () => {
  it("one row per key figure: this year, last year, the change and the change in per cent", () => {
    expect(section(full(), "Nøkkeltall")).toEqual([
      ["Nøkkeltall", "I år (2025)", "I fjor (2024)", "Endring", "Endring i prosent", ""],
      ["Medlemmer", 10447, 9000, 1447, 0.1608, ""],
      ["Frivillige", 900, 880, 20, 0.0227, ""],
      ["Aktiviteter", 450, 450, 0, 0, ""],
      ["Deltakere", 10684, 9712, 972, 0.1001, ""],
      ["Nye deltakere", 2000, 2100, -100, -0.0476, ""],
      ["Frivillige timer", 2700.5, 2700, 0.5, 0.0002, ""],
      ["Foreninger med kommuneavtale", 20, 16, 4, 0.25, ""],
      ["Statstilskudd (kr)", 1_500_000, 1_350_000, 150_000, 0.1111, ""],
    ]);
  });

  it("shows hours and kroner with decimals, the other figures whole, and the change in per cent as per cent", () => {
    const whole = [undefined, "whole", "whole", "whole", "percent"];
    const decimal = [undefined, "decimal", "decimal", "decimal", "percent"];
    expect(sectionFormats(full(), "Nøkkeltall")).toEqual([whole, whole, whole, whole, whole, decimal, whole, decimal]);
  });

  it("leaves last year and the change empty without Historikk, and says why under the figures", () => {
    const rows = section(bare(), "Nøkkeltall");
    expect(rows.slice(1, 8).map((row) => row.slice(2, 5))).toEqual(Array(7).fill(["", "", ""]));
    expect(rows[8]).toEqual(["Historikk har ingen tall for 2024, så endringen fra i fjor kan ikke vises.", "", "", "", "", ""]);
    expect(rows).toHaveLength(9);
  });

  it("a change from a year with 0 has no per cent", () => {
    const grid = dashboardGrid({ ...summaryOf(), totals: { ...summaryOf().totals, members: 5 } }, { history: [historyRow(2024, { members: 0 })] });
    expect(section(grid, "Nøkkeltall")[1]).toEqual(["Medlemmer", 5, 0, 5, "", ""]);
  });
});

describe("Mål", () => {
  it("one row per goal: target, actual, the share of the target, and whether it is reached, with a bar where bars are drawn", () => {
    expect(section(full({ bars }), "Mål")).toEqual([
      ["Mål", "Målverdi", "Faktisk", "Andel av målet", "Status", "Fremdrift"],
      ["Medlemmer", 11_000, 5_500, 0.5, "Ikke nådd", "søyle 0.5"],
      ["Fylker med lokale tiltak", 15, 3, 0.2, "Ikke nådd", "søyle 0.2"],
      // An unknown goal has no actual, no share and no bar.
      ["Vekst i deltakere", 0.1, "", "", "Ukjent", ""],
      ["Foreninger med kommuneavtale", 100, 120, 1, "Nådd", "søyle 1"],
      ["Vekst i statstilskudd", 0.25, 0.125, 0.5, "Ikke nådd", "søyle 0.5"],
    ]);
  });

  it("without bars, column F is empty", () => {
    const rows = section(full(), "Mål");
    expect(rows.map((row) => row[5])).toEqual(["", "", "", "", "", ""]);
    expect(rows[1]).toEqual(["Medlemmer", 11_000, 5_500, 0.5, "Ikke nådd", ""]);
  });

  it("writes a share goal's target and actual in per cent, a count goal's as whole numbers, the share of the target in per cent", () => {
    const count = [undefined, "whole", "whole", "percent"];
    const share = [undefined, "percent", "percent", "percent"];
    expect(sectionFormats(full(), "Mål")).toEqual([count, count, share, count, share]);
  });
});

describe("Fylke", () => {
  it("one row per county with associations, members, activities and participants, bars relative to the county with most participants", () => {
    expect(section(full({ bars }), "Fylke")).toEqual([
      ["Fylke", "Foreninger", "Medlemmer", "Aktiviteter", "Deltakere", "Deltakere (søyle)"],
      ["Oslo", 1, 50, 2, 15, "søyle 1"],
      ["Nordland", 2, 150, 1, 12, "søyle 0.8"],
      ["1 forening er ikke med i tabellen fordi fylket er ukjent: kommunenummeret i Foreninger mangler eller finnes ikke i kommunelisten.", "", "", "", "", ""],
    ]);
  });

  it("without bars, no bar heading and no bars", () => {
    expect(section(full(), "Fylke").slice(0, 2)).toEqual([
      ["Fylke", "Foreninger", "Medlemmer", "Aktiviteter", "Deltakere", ""],
      ["Oslo", 1, 50, 2, 15, ""],
    ]);
  });

  it("counties without participants get empty bars, and no note when every association is in a county", () => {
    const grid = dashboardGrid(summaryOf([result("c")]), {}, { bars });
    expect(section(grid, "Fylke")).toEqual([
      ["Fylke", "Foreninger", "Medlemmer", "Aktiviteter", "Deltakere", "Deltakere (søyle)"],
      ["Nordland", 1, 0, 0, 0, "søyle 0"],
    ]);
  });
});

describe("Aktivitetstype", () => {
  it("one row per activity type with activities, participants and volunteer hours (with decimals)", () => {
    const grid = full();
    expect(section(grid, "Aktivitetstype")).toEqual([
      ["Aktivitetstype", "Aktiviteter", "Deltakere", "Frivillige timer", "", ""],
      ["Kurs", 2, 17, 3.5, "", ""],
      ["Datahjelp", 0, 0, 0, "", ""],
      ["Foredrag", 1, 10, 1, "", ""],
      ["Åpent møte", 0, 0, 0, "", ""],
      ["Medlemsmøte", 0, 0, 0, "", ""],
      ["Veilederopplæring", 0, 0, 0, "", ""],
      ["Annet", 0, 0, 0, "", ""],
    ]);
    expect(sectionFormats(grid, "Aktivitetstype")).toEqual(Array(7).fill([undefined, "whole", "whole", "decimal"]));
  });
});

describe("Tiltak i handlingsplanen", () => {
  it("per status: how many measures some association has in it, and how many registrations", () => {
    expect(section(full(), "Tiltak i handlingsplanen")).toEqual([
      ["Tiltak i handlingsplanen", "Antall tiltak", "Antall registreringer", "", "", ""],
      ["Ikke startet", 2, 3, "", "", ""],
      ["Pågår", 1, 1, "", "", ""],
      ["Fullført", 1, 3, "", "", ""],
      ["Avlyst", 1, 1, "", "", ""],
    ]);
  });

  it("without measures, says none are registered above the statuses at 0", () => {
    expect(section(bare(), "Tiltak i handlingsplanen")).toEqual([
      ["Tiltak i handlingsplanen", "Antall tiltak", "Antall registreringer", "", "", ""],
      ["Ingen tiltak er registrert.", "", "", "", "", ""],
      ["Ikke startet", 0, 0, "", "", ""],
      ["Pågår", 0, 0, "", "", ""],
      ["Fullført", 0, 0, "", "", ""],
      ["Avlyst", 0, 0, "", "", ""],
    ]);
  });
});

describe("Problemer", () => {
  it("one row per kind of problem, most first: errors, warnings and how many associations", () => {
    expect(section(full(), "Problemer")).toEqual([
      ["Problemer", "Feil", "Advarsler", "Foreninger", "", ""],
      ["Påkrevd felt mangler", 2, 1, 2, "", ""],
      ["Personopplysning i fritekst", 0, 1, 1, "", ""],
    ]);
  });

  it("without problems, says so", () => {
    expect(section(bare(), "Problemer")).toEqual([
      ["Problemer", "Feil", "Advarsler", "Foreninger", "", ""],
      ["Ingen problemer funnet.", "", "", "", "", ""],
    ]);
  });
});

describe("Om tallene", () => {
  it("associations per collection status, then rows and milestones", () => {
    expect(section(full(), "Om tallene")).toEqual([
      ["Om tallene", "Antall", "", "", "", ""],
      ["Foreninger: OK", 1, "", "", "", ""],
      ["Foreninger: Med avvik", 1, "", "", "", ""],
      ["Foreninger: Ikke sendt inn", 1, "", "", "", ""],
      ["Foreninger: Utilgjengelig", 1, "", "", "", ""],
      ["Rader lest (Aktiviteter, Milepæler og Tiltak)", 12, "", "", "", ""],
      ["Rader talt", 10, "", "", "", ""],
      ["Rader avvist (med feil, ikke talt)", 2, "", "", "", ""],
      ["Milepæler", 5, "", "", "", ""],
      ["Milepæler fullført", 3, "", "", "", ""],
      ["Milepæler forsinket", 1, "", "", "", ""],
    ]);
  });

  it("with the collection, its statuses by name", () => {
    const grid = dashboardGrid(SUMMARY, { collection: [{ id: "x", name: "Seniornett X", municipalityNumber: "1804", county: "Nordland", status: "Mangler tilgang", rows: { read: 0, counted: 0, rejected: 0 } }] });
    expect(section(grid, "Om tallene")[1]).toEqual(["Foreninger: Mangler tilgang", 1, "", "", "", ""]);
  });
});

describe("the chart data for Sheets' native charts", () => {
  const grid = () => full({ chartData: true });
  const chartColumns = (row: Cell[]) => row.slice(6);

  it("the charts read fixed ranges: every county at H1:I16, every goal at K1:L6", () => {
    expect(COUNTIES).toHaveLength(15);
    expect(COUNTY_RANGE).toBe("H1:I16");
    expect(GOALS_RANGE).toBe("K1:L6");
    expect(CHARTS).toEqual([
      { title: "Deltakere per fylke", range: "H1:I16", anchor: "N1", kind: "bar" },
      { title: "Måloppnåelse (andel av målet)", range: "K1:L6", anchor: "N22", kind: "column" },
    ]);
  });

  it("every county in county-number order with its participants, 0 for a county without associations", () => {
    expect(chartColumns(grid().rows[0])).toEqual(["", "Fylke", "Deltakere", "", "Mål", "Andel av målet"]);
    const counties = grid().rows.slice(1, 16).map((row) => row.slice(7, 9));
    expect(counties).toEqual(COUNTIES.map((c) => [c.name, c.number === "03" ? 15 : c.number === "18" ? 12 : 0]));
    expect(counties[0]).toEqual(["Oslo", 15]);
    expect(counties[3]).toEqual(["Nordland", 12]);
  });

  it("every goal with its share of the target, empty when unknown", () => {
    expect(grid().rows.slice(1, 6).map((row) => row.slice(10, 12))).toEqual([
      ["Medlemmer", 0.5],
      ["Fylker med lokale tiltak", 0.2],
      ["Vekst i deltakere", ""],
      ["Foreninger med kommuneavtale", 1],
      ["Vekst i statstilskudd", 0.5],
    ]);
    expect(grid().rows.slice(6, 16).map((row) => row.slice(10, 12))).toEqual(Array(10).fill(["", ""]));
  });

  it("sits right of the content with an empty column between, and changes nothing in columns A–F", () => {
    expect(grid().rows.map((row) => row.slice(0, 6))).toEqual(full().rows);
    expect(grid().rows.every((row) => row[6] === "" && row[9] === "")).toBe(true);
    expect(grid().rows.slice(16).every((row) => empty(chartColumns(row)))).toBe(true);
  });

  it("makes every row twelve cells wide (A–L), with the chart columns' formats", () => {
    expect(grid().rows.every((row) => row.length === 12)).toBe(true);
    expect(grid().formats).toEqual(["text", "whole", "whole", "whole", "whole", "text", "text", "text", "whole", "text", "text", "percent"]);
  });
});
