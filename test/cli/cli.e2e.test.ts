import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { MEASURES } from "../../src/core/reference";
import { Summary } from "../../src/core/summary";
import { day, fillTemplate, readTab, samspill, tabNames } from "./helpers";

/**
 * End to end: `samspill template` → people fill it in (with exceljs, as they type in Excel) →
 * `validate` → `rollup` → `partners`. Every expected figure below is worked out by hand from the
 * rows written here.
 */
const work = mkdtempSync(path.join(tmpdir(), "samspill-cli-"));
const source = path.join(work, "foreninger");
const template = path.join(work, "rapportmal.xlsx");
const M = MEASURES.length; // Tiltak rows prefilled in every template

afterAll(() => rmSync(work, { recursive: true, force: true }));

const submitted = { Innsendt: "01.02.2026 10:00", "Innsendt av": "leder@eksempel.no" };
const ACTIVITY_HEADER = ["Dato", "Aktivitetstype", "Tittel", "Kommunenummer", "Samarbeidspartner", "Deltakere", "Nye deltakere", "Frivillige", "Frivillige timer", "Kommentar"];
const HYPERLINK = '=HYPERLINK("http://x.no";"avtale")';

beforeAll(async () => {
  const made = samspill(["template", template], work);
  expect(made.code).toBe(0);
  mkdirSync(source);
  // a: Norwegian number/date text, blank and space-only rows, one date outside the year, one number out of range.
  await fillTemplate(template, path.join(source, "a-oslo.xlsx"), {
    report: { Rapportår: 2025, Forening: "Seniornett Oslo", Kommunenummer: "0301", "Antall medlemmer per 31.12": "1 234", "Antall frivillige": 40, "Samarbeidsavtale med kommunen": " skriftlig ", "Avtale inngått": "12.03.2024", Kontaktperson: "Kari Nordmann", "Kontakt e-post": "kari@eksempel.no", ...submitted },
    activities: [
      [day("2025-03-12"), "Kurs", "Trygg på nett", "", "Bibliotek", 12, 3, 2, "2,5", "Hyggelig kveld"],
      [],
      ["  ", "", " "],
      ["12.04.2025", " datahjelp ", "Datahjelp", "", "", "1 234", "", "", "", ""],
      [day("2024-12-31"), "Kurs", "Gammel", "", "", 5],
      ["01.05.2025", "Foredrag", "Svindel", "", "", 10001],
    ],
    milestones: [
      ["0301", HYPERLINK, day("2025-05-01"), "Begge", "Lokaler", "Fullført", day("2025-04-20"), "Hemmelig kommentar"],
      ["0301", "Plan for 2030", "01.06.2030", "Kommunen", "", "Pågår", "", ""],
    ],
  });
  // b: reordered columns and an extra one; an unknown municipality; more new participants than participants.
  await fillTemplate(template, path.join(source, "b-bergen.xlsx"), {
    report: { Rapportår: 2025, Forening: "Seniornett Bergen", Kommunenummer: 4601, "Antall medlemmer per 31.12": 300, "Antall frivillige": 25, "Samarbeidsavtale med kommunen": "Muntlig", "Avtale inngått": day("2023-09-01"), ...submitted },
    activityHeader: ["Tittel", "Deltakere", "Dato", "Aktivitetstype", "Kommunenummer", "Sted", "Nye deltakere", "Frivillige timer", "Frivillige", "Samarbeidspartner", "Kommentar"],
    activities: [
      ["Datakafé", 20, "05.05.2025", "Datahjelp", "", "Biblioteket", 5, "3", 2, "Bibliotek", ""],
      ["Kurs i Voss", 8, "06.06.2025", "Kurs", "4621", "", 2, "", "", "", ""],
      ["Feil kommune", 8, "07.06.2025", "Kurs", "9999", "", "", "", "", "", ""],
      ["For mange nye", 10, "08.06.2025", "Kurs", "", "", 30, "", "", "", ""],
    ],
    milestones: [["4601", "Evaluere avtalen", "10.01.2025", "Begge", "", "Pågår", "", ""]],
  });
  // c: the Deltakere column deleted, the Tiltak tab deleted, not submitted.
  await fillTemplate(template, path.join(source, "c-tromso.xlsx"), {
    report: { Rapportår: 2025, Forening: "Seniornett Tromsø", Kommunenummer: "5501", "Antall medlemmer per 31.12": 150, "Antall frivillige": 10, "Samarbeidsavtale med kommunen": "Ingen" },
    activityHeader: ACTIVITY_HEADER.filter((h) => h !== "Deltakere"),
    activities: [
      ["03.03.2025", "Kurs", "Kurs", "", "", 2, 1, 2, ""],
      ["04.03.2025", "Kurs", "Kurs", "", "", 2, 1, 2, ""],
    ],
    removeTabs: ["Tiltak"],
  });
  // d: not a workbook at all.
  writeFileSync(path.join(source, "d-korrupt.xlsx"), "Dette er bare tekst\n");
  // e: clean and submitted; f: clean, not submitted.
  await fillTemplate(template, path.join(source, "e-bodo.xlsx"), {
    report: { Rapportår: 2025, Forening: "Seniornett Bodø", Kommunenummer: "1804", "Antall medlemmer per 31.12": 200, "Antall frivillige": 20, "Samarbeidsavtale med kommunen": "Skriftlig", "Avtale inngått": day("2022-01-15"), ...submitted },
    activities: [["01.09.2025", "Åpent møte", "Åpent møte om BankID", "", "Kommunen", 40, 10, 3, 4, ""]],
  });
  await fillTemplate(template, path.join(source, "f-alta.xlsx"), {
    report: { Rapportår: 2025, Forening: "Seniornett Alta", Kommunenummer: "5601", "Antall medlemmer per 31.12": 100, "Antall frivillige": 8, "Samarbeidsavtale med kommunen": "Ingen" },
    activities: [["02.09.2025", "Kurs", "Kurs", "", "", 6, 0, 1, 2, ""]],
  });
});

describe("samspill template", () => {
  it("writes an association workbook with the instructions first, then the four tabs", async () => {
    expect(await tabNames(template)).toEqual(["Slik fyller du ut", "Årsrapport", "Aktiviteter", "Milepæler", "Tiltak"]);
  });
});

describe("samspill validate", () => {
  it("prints each problem as Fane!Celle, Norwegian description and message, code last, and exits 1 when there are errors", () => {
    const run = samspill(["validate", path.join("foreninger", "a-oslo.xlsx")], work);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toContain("Aktiviteter!A6  Datoen er utenfor rapportåret – Dato må være en dato i rapportåret 2025  [outside_report_year]");
    expect(lines).toContain("Aktiviteter!F7  Tallet er utenfor grensene – Deltakere må være et helt tall mellom 0 og 10 000 (ikke «10001»)  [out_of_range]");
    expect(lines.filter((l) => /^\S+!\S+ {2}/.test(l))).toHaveLength(2);
    expect(lines[lines.length - 1]).toContain("2 feil, 0 advarsler");
  });

  it("reports reordered and extra columns as warnings and the row errors at their own cells", () => {
    const run = samspill(["validate", "foreninger/b-bergen.xlsx"], work);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("Aktiviteter!F1  Ukjent kolonne – Kolonnen «Sted» i Aktiviteter er ukjent og blir ikke lest (advarsel)  [extra_column]");
    expect(run.stdout).toContain("Aktiviteter!E4  Ukjent kommunenummer – ");
    expect(run.stdout).toContain("Aktiviteter!G5  Flere nye deltakere enn deltakere – Nye deltakere (30) kan ikke være flere enn Deltakere (10)  [more_than_participants]");
  });

  it("names a missing column and a missing tab", () => {
    const run = samspill(["validate", "foreninger/c-tromso.xlsx"], work);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("Aktiviteter!J1  Kolonne mangler – Fanen Aktiviteter mangler kolonnen «Deltakere»  [missing_column]");
    expect(run.stdout).toContain("Tiltak!A1  Fane mangler – Regnearket mangler fanen «Tiltak»  [missing_tab]");
  });

  it("exits 0 for a workbook without errors", () => {
    const run = samspill(["validate", "foreninger/e-bodo.xlsx"], work);
    expect(run.stdout).toContain("Ingen problemer");
    expect(run.code).toBe(0);
  });

  it("gives a short Norwegian message and exit code 2 for a file that is not a workbook, or is missing", () => {
    const run = samspill(["validate", "foreninger/d-korrupt.xlsx"], work);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe("samspill: «foreninger/d-korrupt.xlsx»: Filen er ikke et Excel-regneark (.xlsx). Lagre som .xlsx");
    const missing = samspill(["validate", "finnes-ikke.xlsx"], work);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("finnes ikke");
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("samspill rollup", () => {
  const out = path.join(work, "sentral.xlsx");
  let first: string;
  let summary: Summary;

  beforeAll(() => {
    const run = samspill(["rollup", "--source", "foreninger", "--year", "2025", "--out", "sentral.xlsx", "--summary", "summary.json"], work);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    first = readFileSync(path.join(work, "summary.json"), "utf8");
    summary = JSON.parse(first);
  });

  it("counts associations by status, as worked out by hand", () => {
    expect(summary.year).toBe(2025);
    expect(summary.associations).toEqual({ registered: 6, ok: 1, withIssues: 3, notSubmitted: 1, unreachable: 1 });
    const a = summary.associations;
    expect(a.ok + a.withIssues + a.notSubmitted + a.unreachable).toBe(a.registered);
  });

  it("counts rows: read = counted + rejected; blank rows are not read", () => {
    expect(summary.rows).toEqual({ read: 15 + 4 * M, counted: 9 + 4 * M, rejected: 6 });
    expect(summary.rows.read).toBe(summary.rows.counted + summary.rows.rejected);
  });

  it("sums the totals from the counted rows and the Årsrapport fields", () => {
    expect(summary.totals).toEqual({ members: 1984, volunteers: 103, activities: 6, participants: 1320, newParticipants: 20, volunteerHours: 11.5, associationsWithAgreement: 3 });
  });

  it("lists counties by the association's municipality, and activity types", () => {
    expect(summary.byCounty).toEqual([
      { countyNumber: "03", county: "Oslo", associations: 1, members: 1234, activities: 2, participants: 1246 },
      { countyNumber: "18", county: "Nordland", associations: 1, members: 200, activities: 1, participants: 40 },
      { countyNumber: "46", county: "Vestland", associations: 1, members: 300, activities: 2, participants: 28 },
      { countyNumber: "55", county: "Troms", associations: 1, members: 150, activities: 0, participants: 0 },
      { countyNumber: "56", county: "Finnmark", associations: 1, members: 100, activities: 1, participants: 6 },
    ]);
    const types = Object.fromEntries(summary.byActivityType.map((t) => [t.type, [t.activities, t.participants, t.volunteerHours]]));
    expect(types).toMatchObject({ Kurs: [3, 26, 4.5], Datahjelp: [2, 1254, 3], "Åpent møte": [1, 40, 4], Foredrag: [0, 0, 0] });
  });

  it("counts milestones (overdue relative to today) and computes the goals", () => {
    expect(summary.milestones).toEqual({ total: 3, done: 1, overdue: 1 });
    expect(summary.goals).toEqual([
      { id: "members", target: 11000, actual: 1984, met: false },
      { id: "counties", target: 15, actual: 4, met: false },
      { id: "participantGrowth", target: 0.1, actual: null, met: false },
      { id: "agreements", target: 100, actual: 3, met: false },
      { id: "grantGrowth", target: 0.25, actual: null, met: false },
    ]);
  });

  it("reports every problem with association, tab, cell and code, in a stable order", () => {
    expect(summary.issues.map((i) => `${i.association} ${i.sheet}!${i.cell} ${i.code} ${i.severity}`)).toEqual([
      " Foreninger!D5 required error",
      "a-oslo Aktiviteter!A6 outside_report_year error",
      "a-oslo Aktiviteter!F7 out_of_range error",
      "b-bergen Aktiviteter!F1 extra_column warning",
      "b-bergen Aktiviteter!E4 unknown_municipality error",
      "b-bergen Aktiviteter!G5 more_than_participants error",
      "c-tromso Aktiviteter!J1 missing_column error",
      "c-tromso Tiltak!A1 missing_tab error",
      "d-korrupt ! unreadable_file error",
    ]);
  });

  it("writes the central workbook with input tabs, a dashboard and every output tab", async () => {
    expect(await tabNames(out)).toEqual(["Dashbord", "Oppsett", "Foreninger", "Historikk", "Innsamling", "Nasjonalt", "Per fylke", "Per aktivitetstype", "Mål", "Milepæler", "Tiltak", "Avvik", "Logg"]);
    const registry = await readTab(out, "Foreninger");
    expect(registry.slice(1).map((r) => [r[0], r[1], r[3], r[4]])).toEqual([
      ["a-oslo", "Seniornett Oslo", "0301", "foreninger/a-oslo.xlsx"],
      ["b-bergen", "Seniornett Bergen", "4601", "foreninger/b-bergen.xlsx"],
      ["c-tromso", "Seniornett Tromsø", "5501", "foreninger/c-tromso.xlsx"],
      ["d-korrupt", "d-korrupt", undefined, "foreninger/d-korrupt.xlsx"],
      ["e-bodo", "Seniornett Bodø", "1804", "foreninger/e-bodo.xlsx"],
      ["f-alta", "Seniornett Alta", "5601", "foreninger/f-alta.xlsx"],
    ]);
    const collection = await readTab(out, "Innsamling");
    expect(Object.fromEntries(collection.slice(1).map((r) => [r[0], r[5]]))).toEqual({ "a-oslo": "Med avvik", "b-bergen": "Med avvik", "c-tromso": "Med avvik", "d-korrupt": "Kan ikke leses", "e-bodo": "OK", "f-alta": "Ikke sendt inn" });
  });

  it("keeps formula-looking text from an association as text in sentral.xlsx", async () => {
    const milestones = await readTab(out, "Milepæler");
    expect(milestones.some((r) => r[5] === HYPERLINK)).toBe(true);
    const zip = await JSZip.loadAsync(readFileSync(out));
    for (const name of Object.keys(zip.files).filter((n) => n.startsWith("xl/worksheets/sheet"))) {
      expect(await zip.file(name)!.async("string")).not.toContain("<f>");
    }
  });

  it("gives a byte-identical summary.json when run again on the same inputs", () => {
    const again = samspill(["rollup", "--source", "foreninger", "--year", "2025", "--out", "sentral.xlsx", "--summary", "summary-2.json"], work);
    expect(again.code).toBe(0);
    expect(readFileSync(path.join(work, "summary-2.json"), "utf8")).toBe(first);
  });

  it("into an existing sentral.xlsx: uses its Oppsett, keeps its input tabs and rewrites the outputs", async () => {
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(out);
    const oppsett = excel.getWorksheet("Oppsett")!;
    oppsett.eachRow((row) => {
      const label = row.getCell(1).value;
      if (label === "Statstilskudd i fjor") row.getCell(2).value = 1_000_000;
      if (label === "Statstilskudd i år") row.getCell(2).value = "1 300 000";
    });
    excel.getWorksheet("Foreninger")!.getCell("F2").value = "kontakt@oslo.no";
    await excel.xlsx.writeFile(out);
    const before = await Promise.all(["Oppsett", "Foreninger", "Historikk"].map((tab) => readTab(out, tab)));

    const run = samspill(["rollup", "--out", "sentral.xlsx", "--summary", "summary-3.json"], work);
    expect(run.code).toBe(0);
    const after = await Promise.all(["Oppsett", "Foreninger", "Historikk"].map((tab) => readTab(out, tab)));
    expect(after).toEqual(before);
    const third: Summary = JSON.parse(readFileSync(path.join(work, "summary-3.json"), "utf8"));
    expect(third.year).toBe(2025); // Oppsett's Rapportår
    expect(third.goals.find((g) => g.id === "grantGrowth")).toEqual({ id: "grantGrowth", target: 0.25, actual: 0.3, met: true });
    // Without --source the registry alone decides: the row without Kommunenummer is a registry error.
    expect(third.associations.registered).toBe(5);
    expect(third.issues[0]).toMatchObject({ association: "", sheet: "Foreninger", cell: "D5", code: "required" });
    expect((await readTab(out, "Innsamling")).length).toBe(6); // header + 5, rewritten, not appended
    expect((await readTab(out, "Logg")).length).toBe(4); // header + three runs
  });
});

describe("samspill partners", () => {
  const dir = path.join(work, "kommuner");
  beforeAll(() => {
    const run = samspill(["partners", "--source", "foreninger", "--out", "kommuner"], work);
    expect(run.code).toBe(0);
  });

  it("writes one file per municipality with rows", () => {
    expect(readdirSync(dir).sort()).toEqual(["kommune-0301-oslo.xlsx", "kommune-1804-bodo.xlsx", "kommune-4601-bergen.xlsx", "kommune-4621-voss.xlsx", "kommune-5501-tromso.xlsx", "kommune-5601-alta.xlsx"]);
  });

  it("holds only that municipality's rows", async () => {
    const voss = await readTab(path.join(dir, "kommune-4621-voss.xlsx"), "Aktiviteter");
    expect(voss.slice(1).map((r) => r[3])).toEqual(["Kurs i Voss"]);
    const bergen = await readTab(path.join(dir, "kommune-4601-bergen.xlsx"), "Aktiviteter");
    expect(bergen.slice(1).map((r) => r[3])).toEqual(["Datakafé"]);
  });

  it("has no personal data or comment columns, and none of their values", async () => {
    for (const file of readdirSync(dir)) {
      const tabs = await tabNames(path.join(dir, file));
      for (const tab of tabs) {
        const rows = await readTab(path.join(dir, file), tab);
        const text = JSON.stringify(rows);
        for (const header of ["Kommentar", "Kontaktperson", "Kontakt e-post", "Ansvarlig", "Resultat", "Innsendt av"]) expect(rows[0]).not.toContain(header);
        for (const secret of ["Kari Nordmann", "kari@eksempel.no", "leder@eksempel.no", "Hyggelig kveld", "Hemmelig kommentar"]) expect(text).not.toContain(secret);
      }
    }
  });
});

describe("samspill usage errors", () => {
  it("refuses a bad --year with a Norwegian message and exit code 2", () => {
    const run = samspill(["rollup", "--source", "foreninger", "--year", "tjuetjuefem", "--out", "x.xlsx"], work);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("«tjuetjuefem» er ikke et årstall");
    expect(existsSync(path.join(work, "x.xlsx"))).toBe(false);
  });
});
