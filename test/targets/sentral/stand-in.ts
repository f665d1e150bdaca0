import { Cell } from "../../../src/core/cell";
import { AppsScriptWorkbook } from "../../../src/adapters/apps-script/apps-script-workbook";
import { createSentralApp, SentralApp, SentralTuning } from "../../../src/targets/sentral/app";
import { createWorld, World } from "../../stand-ins/apps-script";
import { associationId, centralWorkbook, sampleSheets } from "./fixtures";

export const STAFF = "stab@seniornett.no";

/**
 * Realistic latencies per service call, in ms: what the virtual clock moves by for each call the
 * stand-in counts (reads of other spreadsheets through the Sheets API are the slow part).
 */
export function latency(call: string): number {
  if (call === "Sheets.Spreadsheets.Values.batchGet") return 600;
  if (call === "Sheets.Spreadsheets.get") return 800;
  if (
    /\.(setValues|setNumberFormats|clearContents|insertSheet|insertChart|hideSheet|addViewers|addEditors|removeViewer|create|setProperty|deleteProperty)$/.test(
      call,
    )
  )
    return 1000;
  return 50;
}

/** A clock that moves by each counted call's latency (and by Utilities.sleep, lock waits). */
export function latencyClock(world: World, cost: (call: string) => number = latency): () => Date {
  let seen = 0;
  return () => {
    const log = world.callLog;
    if (log.length < seen) seen = 0;
    for (; seen < log.length; seen++) world.clock.advance(cost(log[seen]));
    return world.now();
  };
}

export interface SentralWorld {
  world: World;
  centralId: string;
  now: () => Date;
  /** An execution by central staff with the menu open (or from a trigger: no UI). */
  app(tuning?: SentralTuning, options?: { ui?: boolean }): SentralApp;
  read(id: string, tab: string): Cell[][] | undefined;
  associationSpreadsheet(i: number): string;
  /** Fires due continuation triggers (moving the clock) until none is left. Returns how many ran. */
  runTriggers(tuning?: SentralTuning): number;
}

export function sentralWorld(
  count: number,
  options: {
    deadline?: string;
    partners?: (i: number) => string;
    seedAssociations?: boolean;
    /** Association i's municipality number (default: the fixtures' 51 distinct ones, repeating). */
    municipality?: (i: number) => string;
  } = {},
): SentralWorld {
  const world = createWorld({ startTime: Date.UTC(2026, 0, 25, 9, 0, 0), mailQuota: 1500 });
  const { workbook } = centralWorkbook(count, options);
  const seed = (tables: Record<string, Cell[][]>) =>
    Object.fromEntries(
      Object.entries(tables).map(([name, rows]) => [
        name,
        rows.map((r) => r.map((c) => (c === undefined || c === null ? "" : c))),
      ]),
    ) as Record<string, Array<Array<string | number | boolean | Date>>>;
  const centralId = world.addSpreadsheet({
    name: "Samspill sentralt",
    owner: STAFF,
    sheets: seed(Object.fromEntries(workbook.sheetNames().map((n) => [n, workbook.read(n)!]))),
  });
  if (options.seedAssociations !== false) {
    for (let i = 0; i < count; i++)
      world.addSpreadsheet({
        id: `sheet-${associationId(i)}`,
        name: `Seniornett ${i}`,
        owner: `kontakt${i}@example.no`,
        editors: [STAFF],
        sheets: seed(sampleSheets(i, options.municipality)),
      });
  }
  const now = latencyClock(world);
  const app = (tuning: SentralTuning = {}, o: { ui?: boolean } = {}) => {
    const globals = world.globalsFor({
      userEmail: STAFF,
      activeSpreadsheetId: centralId,
      uiAvailable: o.ui ?? true,
    });
    const made = createSentralApp(globals, { now, ...tuning });
    // Google releases an execution's locks when it ends: wrap every function to end it.
    return Object.fromEntries(
      Object.entries(made).map(([name, fn]) => [
        name,
        (...args: unknown[]) => {
          try {
            return (fn as (...a: unknown[]) => unknown).apply(made, args);
          } finally {
            world.endExecution(globals);
          }
        },
      ]),
    ) as SentralApp;
  };
  const read = (id: string, tab: string) => {
    const globals = world.globalsFor({ userEmail: STAFF, activeSpreadsheetId: centralId });
    return new AppsScriptWorkbook(globals.SpreadsheetApp.openById(id), globals.SpreadsheetApp).read(tab);
  };
  const runTriggers = (tuning: SentralTuning = {}) => {
    let ran = 0;
    for (let guard = 0; guard < 200; guard++) {
      const pending = world.triggers.filter((t) => t.dueAt !== null);
      if (!pending.length) return ran;
      world.clock.set(Math.max(world.clock.millis(), Math.min(...pending.map((t) => t.dueAt!))));
      for (const trigger of world.takeDueTriggers()) {
        if (trigger.handlerFunction === "continueRollup") app(tuning, { ui: false }).continueRollup();
        else if (trigger.handlerFunction === "continuePartnerViews") app(tuning, { ui: false }).continuePartnerViews();
        else continue;
        ran++;
      }
    }
    throw new Error("triggers never settled");
  };
  return {
    world,
    centralId,
    now,
    app,
    read,
    associationSpreadsheet: (i) => `sheet-${associationId(i)}`,
    runTriggers,
  };
}
