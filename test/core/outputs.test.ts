// The central spreadsheet's output tabs (core/outputs.ts, SPEC "The central spreadsheet", issue 14):
// what each column holds, the order of rows, and the words people read.
import { Issue } from "../../src/core/issues";
import {
  activityTypeTable,
  collectionTable,
  countyTable,
  goalCellFormats,
  goalsTable,
  issuesTable,
  logTable,
  measuresTable,
  milestonesTable,
  nationalTable,
  problemKinds,
  rollupOutputs,
} from "../../src/core/outputs";
import { Goal, Summary } from "../../src/core/summary";
import { measureFact, milestoneFact, resultOf } from "./fixtures";

const TODAY = "2026-02-10";
const noon = (iso: string) => new Date(`${iso}T12:00:00Z`);
const problem = (code: string, severity: Issue["severity"] = "error"): Issue => ({ sheet: "Aktiviteter", cell: "A2", code, severity, message: "" });
const repeat = <T>(n: number, make: () => T): T[] => Array.from({ length: n }, make);

function summaryWith(parts: Partial<Summary>): Summary {
  return {
    schemaVersion: 1,
    year: 2025,
    associations: { registered: 0, ok: 0, withIssues: 0, notSubmitted: 0, unreachable: 0 },
    rows: { read: 0, counted: 0, rejected: 0 },
    totals: { members: 0, volunteers: 0, activities: 0, participants: 0, newParticipants: 0, volunteerHours: 0, associationsWithAgreement: 0 },
    byCounty: [],
    byActivityType: [],
    milestones: { total: 0, done: 0, overdue: 0 },
    goals: [],
    issues: [],
    ...parts,
  };
}

describe("an association's problems by kind (Innsamling's Problemer)", () => {
  it("is empty without problems", () => {
    expect(problemKinds([])).toBe("");
  });

  it("counts each kind, most frequent first", () => {
    expect(problemKinds([problem("missing_column"), problem("required"), problem("required")])).toBe("Påkrevd felt mangler (2), Kolonne mangler (1)");
  });

  it("puts kinds as frequent as each other in alphabetical order", () => {
    expect(problemKinds([problem("out_of_range"), problem("not_a_date")])).toBe("Ikke en dato (1), Tallet er utenfor grensene (1)");
    expect(problemKinds([problem("not_a_date"), problem("out_of_range")])).toBe("Ikke en dato (1), Tallet er utenfor grensene (1)");
  });

  it("counts codes described alike as one kind, and an unknown code as «Annet problem»", () => {
    expect(problemKinds([problem("tab_name_differs", "warning"), problem("misnamed_tab", "warning")])).toBe("Fanenavnet er skrevet annerledes (2)");
    expect(problemKinds([problem("no_such_code")])).toBe("Annet problem (1)");
  });

  it("names three kinds and counts the rest: «og 1 annen type», «og 2 andre typer»", () => {
    const three = [problem("required"), problem("required"), problem("required"), problem("not_a_date"), problem("not_a_date"), problem("out_of_range")];
    expect(problemKinds(three)).toBe("Påkrevd felt mangler (3), Ikke en dato (2), Tallet er utenfor grensene (1)");
    expect(problemKinds([...three, problem("not_in_list")])).toBe("Påkrevd felt mangler (3), Ikke en dato (2), Ikke et av valgene i listen (1), og 1 annen type");
    expect(problemKinds([...three, problem("not_in_list"), problem("stray_cell", "warning")])).toBe(
      "Påkrevd felt mangler (3), Ikke en dato (2), Ikke et av valgene i listen (1), og 2 andre typer",
    );
  });

  it("names as many kinds as asked", () => {
    expect(problemKinds([problem("required"), problem("required"), problem("not_a_date")], 1)).toBe("Påkrevd felt mangler (2), og 1 annen type");
  });
});

describe("Innsamling: one row per association", () => {
  const results = [
    resultOf("ukjent", "9999"),
    resultOf("bodo-b", "1804"),
    resultOf("narvik", "1806"),
    resultOf("oslo", "0301"),
    resultOf("bodo-a", "1804", {
      status: "Med avvik",
      rows: { read: 5, counted: 3, rejected: 2 },
      submittedAt: "2026-01-20T10:00:00+01:00",
      issues: [problem("required"), problem("stray_cell", "warning"), problem("required")],
    }),
  ];

  it("has the columns of the SPEC, counts as whole numbers and instants as date-times", () => {
    const table = collectionTable(results);
    expect(table.name).toBe("Innsamling");
    expect(table.header).toEqual(["Forening-ID", "Forening", "Kommunenummer", "Kommune", "Fylke", "Status", "Rader lest", "Rader talt", "Rader avvist", "Feil", "Advarsler", "Innsendt", "Lest", "Problemer"]);
    expect(table.formats).toEqual(["text", "text", "text", "text", "text", "text", "whole", "whole", "whole", "whole", "whole", "datetime", "datetime", "text"]);
  });

  it("lists associations by county, municipality and ID; an unknown municipality last", () => {
    expect(collectionTable(results).rows.map((r) => r[0])).toEqual(["oslo", "bodo-a", "bodo-b", "narvik", "ukjent"]);
  });

  it("holds each association's figures, errors and warnings counted apart, and its problems by kind", () => {
    const row = collectionTable(results, { readAt: { "bodo-a": "2026-02-10T08:00:00Z" } }).rows[1];
    expect(row.slice(0, 11)).toEqual(["bodo-a", "Seniornett Bodø", "1804", "Bodø", "Nordland", "Med avvik", 5, 3, 2, 2, 1]);
    expect(row[11]).toEqual(new Date("2026-01-20T09:00:00Z"));
    expect(row[12]).toEqual(new Date("2026-02-10T08:00:00Z"));
    expect(row[13]).toBe("Påkrevd felt mangler (2), Verdi langt utenfor tabellen (1)");
  });

  it("leaves Kommune and Fylke empty for an unknown municipality, and Innsendt and Lest empty when not known", () => {
    const withStamp = collectionTable(results, { readAt: { "bodo-a": "2026-02-10T08:00:00Z" } }).rows;
    expect(withStamp[4].slice(2, 5)).toEqual(["9999", "", ""]);
    expect(withStamp[4][11]).toBe("");
    expect(withStamp[4][12]).toBe("");
    expect(withStamp[4][13]).toBe("");
    expect(collectionTable(results).rows[1][12]).toBe("");
  });

  it("does not reorder the results it is given", () => {
    collectionTable(results);
    expect(results.map((r) => r.id)).toEqual(["ukjent", "bodo-b", "narvik", "oslo", "bodo-a"]);
  });
});

describe("Nasjonalt: the key figures", () => {
  const summary = summaryWith({
    year: 2025,
    associations: { registered: 33, ok: 25, withIssues: 5, notSubmitted: 2, unreachable: 1 },
    rows: { read: 500, counted: 454, rejected: 46 },
    totals: { members: 10447, volunteers: 812, activities: 1203, participants: 15000, newParticipants: 2100, volunteerHours: 3456.5, associationsWithAgreement: 17 },
    milestones: { total: 40, done: 12, overdue: 3 },
  });

  it("names each figure and its value, in the SPEC's order", () => {
    const table = nationalTable(summary);
    expect(table.name).toBe("Nasjonalt");
    expect(table.header).toEqual(["Nøkkeltall", "Verdi"]);
    expect(table.formats).toEqual(["text", "decimal"]);
    expect(table.rows).toEqual([
      ["Rapportår", 2025],
      ["Registrerte foreninger", 33],
      ["Foreninger OK", 25],
      ["Foreninger med avvik", 5],
      ["Foreninger som ikke har sendt inn", 2],
      ["Foreninger som ikke kunne leses", 1],
      ["Medlemmer", 10447],
      ["Frivillige", 812],
      ["Aktiviteter", 1203],
      ["Deltakere", 15000],
      ["Nye deltakere", 2100],
      ["Frivillige timer", 3456.5],
      ["Foreninger med kommuneavtale", 17],
      ["Rader lest", 500],
      ["Rader talt", 454],
      ["Rader avvist", 46],
      ["Milepæler", 40],
      ["Milepæler fullført", 12],
      ["Milepæler forsinket", 3],
    ]);
  });

  it("shows the year without a thousands separator, the other values as counts", () => {
    const { cellFormats } = nationalTable(summary).layout;
    expect(Object.keys(cellFormats)).toEqual(["1"]);
    expect(cellFormats[1][0]).toBeUndefined();
    expect(cellFormats[1][1]).toBe("year");
  });
});

describe("Per fylke and Per aktivitetstype", () => {
  const summary = summaryWith({
    byCounty: [
      { countyNumber: "03", county: "Oslo", associations: 2, members: 300, activities: 40, participants: 900 },
      { countyNumber: "18", county: "Nordland", associations: 3, members: 250, activities: 35, participants: 600 },
    ],
    byActivityType: [
      { type: "Kurs", activities: 20, participants: 200, volunteerHours: 45.5 },
      { type: "Digital kafé", activities: 5, participants: 60, volunteerHours: 10 },
    ],
  });

  it("Per fylke: one row per county, as the summary orders them", () => {
    const table = countyTable(summary);
    expect(table.name).toBe("Per fylke");
    expect(table.header).toEqual(["Fylkesnummer", "Fylke", "Foreninger", "Medlemmer", "Aktiviteter", "Deltakere"]);
    expect(table.formats).toEqual(["text", "text", "whole", "whole", "whole", "whole"]);
    expect(table.rows).toEqual([
      ["03", "Oslo", 2, 300, 40, 900],
      ["18", "Nordland", 3, 250, 35, 600],
    ]);
  });

  it("Per aktivitetstype: one row per type, volunteer hours with decimals", () => {
    const table = activityTypeTable(summary);
    expect(table.name).toBe("Per aktivitetstype");
    expect(table.header).toEqual(["Aktivitetstype", "Aktiviteter", "Deltakere", "Frivillige timer"]);
    expect(table.formats).toEqual(["text", "whole", "whole", "decimal"]);
    expect(table.rows).toEqual([
      ["Kurs", 20, 200, 45.5],
      ["Digital kafé", 5, 60, 10],
    ]);
  });
});

describe("Mål: the strategy goals", () => {
  const goals: Goal[] = [
    { id: "members", target: 11000, actual: 12000, met: true },
    { id: "counties", target: 15, actual: 9, met: false },
    { id: "participantGrowth", target: 0.1, actual: null, met: false },
    { id: "agreements", target: 100, actual: 0, met: false },
    { id: "grantGrowth", target: 0.25, actual: 0.3, met: true },
  ];

  it("names each goal with its target, actual, whether it is met, its unit and its code", () => {
    const table = goalsTable(summaryWith({ goals }));
    expect(table.name).toBe("Mål");
    expect(table.header).toEqual(["Mål", "Målverdi", "Faktisk", "Nådd", "Enhet", "Kode"]);
    expect(table.formats).toEqual(["text", "decimal", "decimal", "text", "text", "text"]);
    expect(table.rows[0]).toEqual(["Medlemmer", 11000, 12000, "Ja", "antall", "members"]);
    expect(table.rows[1]).toEqual(["Fylker med lokale tiltak", 15, 9, "Nei", "antall", "counties"]);
    expect(table.rows[4]).toEqual(["Vekst i statstilskudd", 0.25, 0.3, "Ja", "andel (0,10 = 10 %)", "grantGrowth"]);
  });

  it("a goal whose actual is unknown: Faktisk empty and Nådd «Ukjent»; an actual of 0 is a value", () => {
    const rows = goalsTable(summaryWith({ goals })).rows;
    expect(rows[2]).toEqual(["Vekst i deltakere", 0.1, "", "Ukjent", "andel (0,10 = 10 %)", "participantGrowth"]);
    expect(rows[3]).toEqual(["Foreninger med kommuneavtale", 100, 0, "Nei", "antall", "agreements"]);
  });

  it("shows the growth goals' target and actual as percentages", () => {
    const { cellFormats } = goalsTable(summaryWith({ goals })).layout;
    expect(Object.keys(cellFormats)).toEqual(["3", "5"]);
    expect([...cellFormats[3]]).toEqual([undefined, "percent", "percent"]);
    expect([...cellFormats[5]]).toEqual([undefined, "percent", "percent"]);
  });

  it("places the percentage formats at the rows and columns asked for", () => {
    const formats = goalCellFormats(summaryWith({ goals }), [4], 10);
    expect(Object.keys(formats)).toEqual(["12", "14"]);
    expect([...formats[12]]).toEqual([undefined, undefined, undefined, undefined, "percent"]);
    expect(goalCellFormats(summaryWith({ goals: goals.slice(0, 2) }), [1, 2])).toEqual({});
  });
});

describe("Milepæler: every association's milestones", () => {
  const results = [
    resultOf("narvik", "1806", { milestones: [milestoneFact({ municipalityNumber: "1806", title: "Narvik-avtale", dueDate: "2026-03-01" })] }),
    resultOf("bodo", "1804", {
      milestones: [
        milestoneFact({ title: "Avtale signert", dueDate: "2025-03-01", status: "Fullført", completedDate: "2025-03-02", contribution: "Lokaler", comment: "Signert på rådhuset" }),
        milestoneFact({ municipalityNumber: "1833", title: "Kurs i Rana", dueDate: "2026-02-09", status: "Pågår" }),
        milestoneFact({ municipalityNumber: "9999", title: "Frist i dag", dueDate: TODAY }),
      ],
    }),
  ];
  const table = () => milestonesTable(results, TODAY);

  it("has the association, county and municipality beside each milestone's own columns", () => {
    expect(table().name).toBe("Milepæler");
    expect(table().header).toEqual(["Forening-ID", "Forening", "Fylke", "Kommunenummer", "Kommune", "Milepæl", "Frist", "Ansvarlig part", "Bidrag", "Status", "Fullført dato", "Forsinket", "Kommentar"]);
    expect(table().formats).toEqual(["text", "text", "text", "text", "text", "text", "date", "text", "text", "text", "date", "text", "text"]);
  });

  it("lists associations in order, each one's milestones as typed; dates at noon UTC", () => {
    expect(table().rows.map((r) => r[5])).toEqual(["Avtale signert", "Kurs i Rana", "Frist i dag", "Narvik-avtale"]);
    expect(table().rows[0]).toEqual(["bodo", "Seniornett Bodø", "Nordland", "1804", "Bodø", "Avtale signert", noon("2025-03-01"), "Begge", "Lokaler", "Fullført", noon("2025-03-02"), "Nei", "Signert på rådhuset"]);
  });

  it("names the milestone's own municipality (empty when unknown); optional fields empty", () => {
    expect(table().rows[1].slice(3, 5)).toEqual(["1833", "Rana"]);
    expect(table().rows[1][8]).toBe("");
    expect(table().rows[1][10]).toBe("");
    expect(table().rows[1][12]).toBe("");
    expect(table().rows[2].slice(3, 5)).toEqual(["9999", ""]);
  });

  it("flags as overdue a milestone neither done nor cancelled whose deadline is before today", () => {
    expect(table().rows.map((r) => r[11])).toEqual(["Nei", "Ja", "Nei", "Nei"]);
  });
});

describe("Tiltak: every association's measures", () => {
  const long = "Lage en plan for rekruttering av nye frivillige";
  const results = [
    resultOf("bodo", "1804", {
      measures: [
        measureFact({ measure: long, owner: "Kari Nordmann", dueDate: "2026-01-31", status: "Pågår", result: "Tre nye", reached: 25 }),
        measureFact({ dueDate: "2026-06-30" }),
        measureFact({ status: "Avlyst", dueDate: "2025-01-01" }),
      ],
    }),
  ];
  const table = () => measuresTable(results, TODAY);

  it("has the association and county beside each measure's own columns", () => {
    expect(table().name).toBe("Tiltak");
    expect(table().header).toEqual(["Forening-ID", "Forening", "Fylke", "Planområde", "Tiltak", "Ansvar", "Ansvarlig", "Frist", "Status", "Resultat", "Antall nådd", "Forsinket"]);
    expect(table().formats).toEqual(["text", "text", "text", "text", "text", "text", "text", "date", "text", "text", "whole", "text"]);
  });

  it("holds each measure as typed, optional fields empty, overdue when past its deadline and not done or cancelled", () => {
    expect(table().rows[0]).toEqual(["bodo", "Seniornett Bodø", "Nordland", "Rekruttering", long, "Lokalt", "Kari Nordmann", noon("2026-01-31"), "Pågår", "Tre nye", 25, "Ja"]);
    expect(table().rows[1]).toEqual(["bodo", "Seniornett Bodø", "Nordland", "Rekruttering", "Verve nye medlemmer", "Lokalt", "", noon("2026-06-30"), "Ikke startet", "", "", "Nei"]);
    expect(table().rows[2][11]).toBe("Nei");
  });

  it("lists associations in order (county, municipality, ID), whatever the order of the results", () => {
    const unordered = [resultOf("narvik", "1806", { measures: [measureFact()] }), resultOf("oslo", "0301", { measures: [measureFact()] }), resultOf("bodo", "1804", { measures: [measureFact()] })];
    expect(measuresTable(unordered, TODAY).rows.map((r) => r[0])).toEqual(["oslo", "bodo", "narvik"]);
  });

  it("wraps long texts at 32 characters so that it prints one page wide", () => {
    expect(long.length).toBeGreaterThan(32);
    expect(table().layout.widths[4]).toBe(34);
    expect(table().layout.wrap[4]).toBe(true);
  });
});

describe("Avvik: every problem", () => {
  const summary = summaryWith({
    issues: [
      { association: "bodo", sheet: "Aktiviteter", cell: "F7", code: "out_of_range", severity: "error", message: "Deltakere må være et helt tall mellom 0 og 10000" },
      { sheet: "Foreninger", cell: "A3", code: "duplicate_id", severity: "warning", message: "Forening-ID «bodo» er brukt før" },
    ],
  });
  const table = () => issuesTable(summary, [resultOf("bodo", "1804")]);

  it("names the association, tab, cell, severity and kind in Norwegian, the message and the code", () => {
    expect(table().name).toBe("Avvik");
    expect(table().header).toEqual(["Forening-ID", "Forening", "Fane", "Celle", "Alvorlighet", "Problem", "Melding", "Kode"]);
    expect(table().formats).toEqual(["text", "text", "text", "text", "text", "text", "text", "text"]);
    expect(table().rows[0]).toEqual(["bodo", "Seniornett Bodø", "Aktiviteter", "F7", "Feil", "Tallet er utenfor grensene", "Deltakere må være et helt tall mellom 0 og 10000", "out_of_range"]);
  });

  it("a problem in the central spreadsheet itself: no ID, «Sentralt regneark»", () => {
    expect(table().rows[1]).toEqual(["", "Sentralt regneark", "Foreninger", "A3", "Advarsel", "Forening-ID er brukt før", "Forening-ID «bodo» er brukt før", "duplicate_id"]);
  });
});

describe("Logg: who ran what", () => {
  const entry = { at: "2026-02-10T09:30:00Z", user: "kari@example.no", action: "Hent inn og summer", seconds: 42.5, associations: 33, note: "" };
  const header = ["Tidspunkt", "Bruker", "Handling", "Varighet (s)", "Foreninger", "Merknad"];

  it("a first run: its entry alone, the time a date-time", () => {
    const table = logTable(undefined, entry);
    expect(table.name).toBe("Logg");
    expect(table.header).toEqual(header);
    expect(table.formats).toEqual(["datetime", "text", "text", "decimal", "whole", "text"]);
    expect(table.rows).toEqual([[new Date("2026-02-10T09:30:00Z"), "kari@example.no", "Hent inn og summer", 42.5, 33, ""]]);
  });

  it("the newest entry first, earlier entries kept below it (ISO text read back as a date-time), empty rows dropped", () => {
    const earlierDate = new Date("2026-01-01T08:00:00Z");
    const previous = [
      header,
      ["2026-02-01T10:00:00Z", "ola@example.no", "Oppdater kommunevisninger", 3, 0, ""],
      ["", null, undefined],
      [earlierDate, "kari@example.no", "Send påminnelser", 1, 4, "2 sendt"],
    ];
    const rows = logTable(previous, entry).rows;
    expect(rows).toHaveLength(3);
    expect(rows[0][0]).toEqual(new Date("2026-02-10T09:30:00Z"));
    expect(rows[1]).toEqual([new Date("2026-02-01T10:00:00Z"), "ola@example.no", "Oppdater kommunevisninger", 3, 0, ""]);
    expect(rows[2]).toEqual([earlierDate, "kari@example.no", "Send påminnelser", 1, 4, "2 sendt"]);
  });

  it("keeps at most 1000 entries, dropping the oldest", () => {
    const previous = [header, ...repeat(1000, () => ["2026-01-01T08:00:00Z", "ola@example.no", "Hent inn og summer", 1, 1, ""])];
    previous[999][1] = "nest eldste";
    const rows = logTable(previous, entry).rows;
    expect(rows).toHaveLength(1000);
    expect(rows[0][1]).toBe("kari@example.no");
    expect(rows[999][1]).toBe("nest eldste");
  });
});

describe("all output tabs of a rollup", () => {
  it("in the order they appear in the central spreadsheet, each given the stamp and today", () => {
    const results = [resultOf("bodo", "1804", { milestones: [milestoneFact({ dueDate: "2026-01-01" })], measures: [measureFact({ dueDate: "2026-01-01" })] })];
    const tables = rollupOutputs(summaryWith({}), results, TODAY, { readAt: { bodo: "2026-02-10T08:00:00Z" } });
    expect(tables.map((t) => t.name)).toEqual(["Innsamling", "Nasjonalt", "Per fylke", "Per aktivitetstype", "Mål", "Milepæler", "Tiltak", "Avvik"]);
    expect(tables[0].rows[0][12]).toEqual(new Date("2026-02-10T08:00:00Z"));
    expect(tables[5].rows[0][11]).toBe("Ja");
    expect(tables[6].rows[0][11]).toBe("Ja");
    expect(rollupOutputs(summaryWith({}), results, "2025-12-31")[5].rows[0][11]).toBe("Nei");
  });
});
