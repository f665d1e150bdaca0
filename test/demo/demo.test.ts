import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { Summary } from "../../src/core/summary";
import { demoAssociations, demoSheets } from "../../src/demo/data";
import { readTab, samspill, tabNames } from "../cli/helpers";

const work = mkdtempSync(path.join(tmpdir(), "samspill-demo-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("samspill demo", () => {
  let summary: Summary;
  let stdout: string;
  const out = path.join(work, "ut");

  beforeAll(() => {
    const run = samspill(["demo", "--out", "ut"], work);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    stdout = run.stdout;
    summary = JSON.parse(readFileSync(path.join(out, "summary.json"), "utf8"));
  });

  it("writes sentral.xlsx, summary.json, rapport.html, the association workbooks and partner views, and says where", () => {
    for (const file of ["sentral.xlsx", "summary.json", "rapport.html", "2024/sentral.xlsx", "2024/summary.json"]) expect(existsSync(path.join(out, file))).toBe(true);
    expect(readdirSync(path.join(out, "foreninger")).length).toBeGreaterThanOrEqual(31);
    expect(readdirSync(path.join(out, "kommuner")).length).toBeGreaterThan(10);
    expect(stdout).toContain(path.join("ut", "sentral.xlsx"));
    expect(stdout).toContain(path.join("ut", "rapport.html"));
  });

  it("prints the national table and the goals in Norwegian", () => {
    expect(stdout).toMatch(/Nasjonalt\s+Verdi/);
    expect(stdout).toMatch(/Deltakere\s+\d[\d ]*\n/);
    expect(stdout).toMatch(/Mål\s+Målverdi\s+Faktisk\s+Status/);
    expect(stdout).toContain("Vekst i deltakere");
  });

  it("has at least 30 associations in at least 10 counties, and obeys the summary invariants", () => {
    const a = summary.associations;
    expect(a.registered).toBeGreaterThanOrEqual(30);
    expect(summary.byCounty.length).toBeGreaterThanOrEqual(10);
    expect(a.ok + a.withIssues + a.notSubmitted + a.unreachable).toBe(a.registered);
    expect(summary.rows.read).toBe(summary.rows.counted + summary.rows.rejected);
    expect(a.notSubmitted).toBe(1);
    expect(a.unreachable).toBe(1);
  });

  it("has last year's totals in Historikk, so participant growth has a value", async () => {
    const growth = summary.goals.find((g) => g.id === "participantGrowth")!;
    expect(growth.actual).not.toBeNull();
    const history = await readTab(path.join(out, "sentral.xlsx"), "Historikk");
    expect(history.slice(1).map((r) => r[0])).toContain(2024);
  });

  it("shows each kind of mistake people make", () => {
    const codes = new Set(summary.issues.map((i) => i.code));
    for (const code of ["not_whole", "outside_report_year", "unknown_municipality", "more_than_participants", "missing_column", "missing_tab", "extra_column", "unreadable_file", "required"]) expect(codes).toContain(code);
  });

  it("keeps the formula-looking milestone title as text in sentral.xlsx", async () => {
    const milestones = await readTab(path.join(out, "sentral.xlsx"), "Milepæler");
    expect(milestones.some((r) => typeof r[5] === "string" && r[5].startsWith("=HYPERLINK("))).toBe(true);
    expect(await tabNames(path.join(out, "sentral.xlsx"))).toContain("Dashbord");
  });

  it("writes a report with static SVG charts and no script", () => {
    const html = readFileSync(path.join(out, "rapport.html"), "utf8");
    expect(html.match(/<svg/g)?.length).toBe(2);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("Deltakere per fylke");
  });

  it("makes the same sample data every time (seeded)", () => {
    const [first] = demoAssociations();
    expect(demoAssociations()).toEqual(demoAssociations());
    expect(demoSheets(first, 2025, 7, true)).toEqual(demoSheets(first, 2025, 7, true));
  });
});
