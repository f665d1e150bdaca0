import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Context, createContext, runInContext } from "node:vm";
import { buildTarget } from "../../scripts/build";
import { createWorld } from "../stand-ins/apps-script";
import { sentralWorld, STAFF } from "../targets/sentral/stand-in";
import { activityRows, annualReportRows, KARI } from "../targets/forening/harness";

/**
 * Nothing documents that Apps Script's V8 supports Intl.DateTimeFormat's `timeZoneName: "longOffset"`
 * (the way time-zone libraries find an offset). The built bundles run their date paths in a vm
 * context whose Intl.DateTimeFormat throws a RangeError for it: Oslo dates and times must still come
 * out right, because the product computes the Oslo offset itself (src/core/oslo-time.ts).
 */
const REJECT_LONG_OFFSET = `
  (function () {
    var Original = Intl.DateTimeFormat;
    function DateTimeFormat(locale, options) {
      if (options && (options.timeZoneName === "longOffset" || options.timeZoneName === "shortOffset"))
        throw new RangeError("Value " + options.timeZoneName + " out of range for Intl.DateTimeFormat options property timeZoneName");
      return new Original(locale, options);
    }
    DateTimeFormat.prototype = Original.prototype;
    DateTimeFormat.supportedLocalesOf = Original.supportedLocalesOf;
    Intl.DateTimeFormat = DateTimeFormat;
  })();`;

let out: string;
let forening = "";
let sentral = "";

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "samspill-no-intl-"));
  forening = readFileSync(join((await buildTarget("forening", { outDir: join(out, "forening") })).dir, "Code.js"), "utf8");
  sentral = readFileSync(join((await buildTarget("sentral", { outDir: join(out, "sentral") } as never)).dir, "Code.js"), "utf8");
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

function strictContext(): Context {
  const context = createContext({});
  runInContext(REJECT_LONG_OFFSET, context);
  expect(() => runInContext(`new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Oslo", timeZoneName: "longOffset" })`, context)).toThrow(/out of range/);
  return context;
}

describe("the built bundles where Intl.DateTimeFormat rejects longOffset", () => {
  it("forening: checks dates, registers an activity on 12.03.2025 and offers today's year", () => {
    const world = createWorld({ startTime: Date.UTC(2025, 10, 20, 9, 0, 0) });
    const id = world.addSpreadsheet({ name: "Rapport", owner: KARI, sheets: { Årsrapport: annualReportRows(), Aktiviteter: activityRows(3) } });
    const context = strictContext();
    const globals = world.globalsFor({ userEmail: KARI, activeSpreadsheetId: id, dateConstructor: runInContext("Date", context) });
    Object.assign(context, globals);
    runInContext(forening, context, { filename: "forening/Code.js" });

    const { problems } = runInContext("getProblems()", context) as { problems: Array<{ sheet: string; code: string }> };
    expect(problems.filter((p) => p.sheet === "Aktiviteter")).toEqual([]);
    const form = runInContext("getActivityForm()", context) as { year: number };
    expect(form.year).toBe(2025);
    context.values = { date: "12.03.2025", type: "Kurs", title: "Nettbank", participants: "12" };
    expect(runInContext("addActivity(values)", context)).toMatchObject({ ok: true, row: 5 });
    const row = world.snapshot(id).sheets.find((s) => s.name === "Aktiviteter")!.values[4];
    expect(row.slice(0, 3)).toEqual([expect.anything(), "Kurs", "Nettbank"]);
    // Selvtest from the built bundle: the Oslo date agrees with Utilities.formatDate without longOffset.
    const selftest = runInContext("getSelfTest()", context) as { ok: boolean; checks: Array<{ id: string; ok: boolean; detail: string }> };
    expect(selftest.checks.find((c) => c.id === "date")).toMatchObject({ ok: true, detail: expect.stringMatching(/^Samspill: (\d{4}-\d\d-\d\d), Google: \1$/) });
    expect(selftest.ok).toBe(true);
  });

  it("sentral: a whole rollup writes Oslo dates and times, no NaN", () => {
    const t = sentralWorld(3);
    const context = strictContext();
    const globals = t.world.globalsFor({ userEmail: STAFF, activeSpreadsheetId: t.centralId, dateConstructor: runInContext("Date", context) });
    Object.assign(context, globals);
    runInContext(sentral, context, { filename: "sentral/Code.js" });
    const message = runInContext("collectAndSummarise()", context) as string;
    expect(message).toMatch(/^Ferdig: 3 foreninger/);
    expect(message).not.toMatch(/NaN|undefined/);
    const status = JSON.stringify(runInContext("getCollectionStatus()", context));
    expect(status).not.toMatch(/NaN|undefined/);
    const selftest = runInContext("getSelfTest()", context) as { ok: boolean; checks: Array<{ id: string; ok: boolean }> };
    expect(selftest.checks.filter((c) => !c.ok)).toEqual([]);
    const log = t.read(t.centralId, "Logg")!;
    expect(JSON.stringify(log)).not.toMatch(/NaN|Invalid/);
  });
});
