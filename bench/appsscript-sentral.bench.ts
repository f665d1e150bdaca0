// Figures for the sentral bound script, measured against the Apps Script stand-in (call counting,
// virtual clock moved by a realistic latency per call). npm run bench -- appsscript-sentral
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AppsScriptWorkbook } from "../src/adapters/apps-script/apps-script-workbook";
import { assessAssociation } from "../src/core/association-result";
import { todayInOslo } from "../src/core/dates";
import { nativeCharts, publishRollup, readCentral } from "../src/services/rollup";
import { LAST_RUN_KEY, LastRun } from "../src/services/rollup-job";
import { Workbook } from "../src/workbook/workbook";
import { associationId, distinctMunicipalityOf, municipalityOf, sampleSheets } from "../test/targets/sentral/fixtures";
import { sentralWorld, STAFF } from "../test/targets/sentral/stand-in";
import { Figure } from "./figures";

const BUDGET = {
  readBudgetMs: 270_000,
  publishBeforeMs: 300_000,
  minReadIntervalMs: 1000,
  continueAfterMs: 60_000,
};

function readCalls(count: number): number {
  const t = sentralWorld(count);
  t.world.resetCalls();
  t.app({
    readBudgetMs: 24 * 3600_000,
    publishBeforeMs: 24 * 3600_000,
    minReadIntervalMs: 0,
  }).collectAndSummarise();
  return (
    (t.world.callsOf("Sheets.Spreadsheets.Values.batchGet") + t.world.callsOf("Sheets.Spreadsheets.get")) /
    count
  );
}

/** Service calls of each output tab's write when publishing `count` associations (max over tabs). */
function writeCallsPerTab(count: number): { max: number; tabs: number } {
  const t = sentralWorld(count, { deadline: "15.01.2026", seedAssociations: false });
  const globals = t.world.globalsFor({ userEmail: STAFF, activeSpreadsheetId: t.centralId });
  const inner = new AppsScriptWorkbook(globals.SpreadsheetApp.getActiveSpreadsheet(), globals.SpreadsheetApp);
  const perTab: number[] = [];
  const counting: Workbook = new Proxy(inner, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (prop !== "write" || typeof value !== "function")
        return typeof value === "function" ? value.bind(target) : value;
      return (...args: unknown[]) => {
        const before = t.world.calls;
        value.apply(target, args);
        perTab.push(t.world.calls - before);
      };
    },
  });
  const today = todayInOslo(t.world.now());
  const inputs = readCentral(inner, today);
  const results = inputs.associations.map((a, i) =>
    assessAssociation(
      { id: associationId(i), name: a.name, municipalityNumber: municipalityOf(i) },
      { kind: "read", sheets: sampleSheets(i) },
      { year: 2025, today },
    ),
  );
  publishRollup({
    central: counting,
    inputs,
    year: 2025,
    today,
    results,
    log: { at: "", user: STAFF, action: "bench", seconds: 0 },
    charts: nativeCharts(() => undefined),
  });
  return { max: Math.max(...perTab), tabs: perTab.length };
}

/** A whole rollup with the Apps Script limits: wall time from the menu to published outputs, and runs. */
function modelled(count: number): { seconds: number; runs: number; longestRunSeconds: number; publishSeconds: number } {
  const t = sentralWorld(count);
  const start = t.now().getTime();
  const durations: number[] = [];
  const timed = (call: () => void) => {
    const before = t.now().getTime();
    call();
    durations.push(t.now().getTime() - before);
  };
  timed(() => t.app(BUDGET).collectAndSummarise());
  for (let guard = 0; guard < 100; guard++) {
    const pending = t.world.triggers.filter((x) => x.dueAt !== null);
    if (!pending.length) break;
    t.world.clock.set(Math.max(t.world.clock.millis(), Math.min(...pending.map((x) => x.dueAt!))));
    for (const trigger of t.world.takeDueTriggers())
      if (trigger.handlerFunction === "continueRollup")
        timed(() => t.app(BUDGET, { ui: false }).continueRollup());
  }
  if (!t.read(t.centralId, "Nasjonalt")) throw new Error(`rollup of ${count} did not publish`);
  const properties = t.world.globalsFor({ userEmail: STAFF, activeSpreadsheetId: t.centralId }).PropertiesService.getDocumentProperties();
  const last = JSON.parse(properties.getProperty(LAST_RUN_KEY) ?? "{}") as Partial<LastRun>;
  return {
    publishSeconds: last.publishSeconds ?? NaN,
    seconds: Math.round((t.now().getTime() - start) / 1000),
    runs: durations.length,
    longestRunSeconds: Math.round(Math.max(...durations) / 1000),
  };
}

/** Every municipality in src/core/reference. */
const ALL_MUNICIPALITIES = 357;

/**
 * «Oppdater kommunevisninger» for every municipality with partners: one association with a partner
 * address in each of the 357 municipalities (distinct numbers from src/core/reference), from the
 * menu and its continuation triggers.
 */
export function partnerViewsModelled(municipalities = 357): { runs: number; longestRunSeconds: number; views: number } {
  const t = sentralWorld(municipalities, { partners: (i) => `partner${i}@kommune.no`, municipality: distinctMunicipalityOf });
  t.app({ ...BUDGET, readBudgetMs: 24 * 3600_000, publishBeforeMs: 24 * 3600_000, minReadIntervalMs: 0 }).collectAndSummarise();
  t.runTriggers();
  const durations: number[] = [];
  const timed = (call: () => void) => {
    const before = t.now().getTime();
    call();
    durations.push(t.now().getTime() - before);
  };
  timed(() => t.app(BUDGET).updatePartnerViews());
  for (let guard = 0; guard < 500; guard++) {
    const pending = t.world.triggers.filter((x) => x.dueAt !== null);
    if (!pending.length) break;
    t.world.clock.set(Math.max(t.world.clock.millis(), Math.min(...pending.map((x) => x.dueAt!))));
    for (const trigger of t.world.takeDueTriggers())
      if (trigger.handlerFunction === "continuePartnerViews") timed(() => t.app(BUDGET, { ui: false }).continuePartnerViews());
  }
  const views = (t.read(t.centralId, "Kommunevisninger") ?? []).length - 1;
  return { runs: durations.length, longestRunSeconds: Math.round(Math.max(...durations) / 1000), views };
}

export async function figures(): Promise<Figure[]> {
  const { buildTarget } = await import("../scripts/build");
  const built = await buildTarget("sentral", {
    outDir: mkdtempSync(join(tmpdir(), "sentral-bench-")),
  } as never);
  const bytes = Buffer.byteLength(readFileSync(join(built.dir, "Code.js")));
  const w10 = writeCallsPerTab(10);
  const w300 = writeCallsPerTab(300);
  const m100 = modelled(100);
  const m1000 = modelled(1000);
  const views = partnerViewsModelled(ALL_MUNICIPALITIES);
  if (views.views !== ALL_MUNICIPALITIES) throw new Error(`partner views: ${views.views} views, expected one per municipality (${ALL_MUNICIPALITIES})`);
  const latencyNote =
    "virtual clock: batchGet 600 ms, spreadsheets.get 800 ms, each write call 1 s, other calls 50 ms; reads paced ≥ 1 s apart (Sheets API: 60 reads/min/user); 4.5-min read budget per run, publish only before 5 min, continuation trigger after 60 s";
  return [
    {
      name: "appsscript.rollup.readCallsPerAssociation",
      value: readCalls(50),
      unit: "calls",
      note: "Sheets advanced service calls per association with all four tabs (one values.batchGet); a missing tab adds one spreadsheets.get: at most 2",
    },
    {
      name: "appsscript.rollup.writeCallsPerOutputTab",
      value: w300.max,
      unit: "calls",
      note: `most calls any one output tab's write needed at 300 associations (${w300.tabs} tabs incl. Historikk, Logg, Dashbord); the same at 10: ${w10.max}`,
    },
    { name: "appsscript.rollup.writeCallsPerOutputTab.10", value: w10.max, unit: "calls" },
    { name: "appsscript.rollup.writeCallsPerOutputTab.300", value: w300.max, unit: "calls" },
    {
      name: "bundle.sentral.bytes",
      value: bytes,
      unit: "bytes",
      note: "build/sentral/Code.js, minified (budget 153600)",
    },
    { name: "appsscript.rollup.modelledSeconds.100", value: m100.seconds, unit: "s", note: latencyNote },
    { name: "appsscript.rollup.runs.100", value: m100.runs, unit: "runs" },
    { name: "appsscript.rollup.modelledSeconds.1000", value: m1000.seconds, unit: "s", note: latencyNote },
    { name: "appsscript.rollup.runs.1000", value: m1000.runs, unit: "runs" },
    {
      name: `appsscript.partners.${ALL_MUNICIPALITIES}.runs`,
      value: views.runs,
      unit: "runs",
      note: `«Oppdater kommunevisninger» for ${views.views} municipalities with partners, each execution stopping new work after 4.5 min and continuing from a one-off trigger; ${latencyNote}`,
    },
    { name: `appsscript.partners.${ALL_MUNICIPALITIES}.longestRunSeconds`, value: views.longestRunSeconds, unit: "s", note: "longest single execution; must stay ≤ 300 s" },
    {
      name: "appsscript.rollup.1000.longestRunSeconds",
      value: m1000.longestRunSeconds,
      unit: "s",
      note: `1,000 associations: the longest single execution (reading, or reading and publishing); Apps Script stops one at 360 s; ${latencyNote}`,
    },
    {
      name: "appsscript.rollup.1000.publishSeconds",
      value: m1000.publishSeconds,
      unit: "s",
      note: "1,000 associations: the publishing step alone (stored results read, every output tab written, results kept in blocks); the continuation is armed before it starts",
    },
    {
      name: "appsscript.rollup.longestRunSeconds.1000",
      value: m1000.longestRunSeconds,
      unit: "s",
      note: "longest single execution; Apps Script stops one at 360 s",
    },
  ];
}
