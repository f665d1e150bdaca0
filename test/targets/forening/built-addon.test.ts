import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createContext, runInContext } from "node:vm";
import { buildTarget, BuiltTarget } from "../../../scripts/build";
import { FULL_MENU, START_MENU } from "../../../src/targets/forening/public";
import { createWorld, MenuEntry, World } from "../../stand-ins/apps-script";
import { activityRows, annualReportRows, KARI } from "./harness";

/**
 * build/forening/Code.js loaded the way Apps Script loads it: one script in a global scope that holds
 * the services, calling the top-level functions by name as triggers and menu items do.
 */
let out: string;
let built: BuiltTarget;
let code: string;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "samspill-addon-"));
  built = await buildTarget("forening", { outDir: join(out, "forening") });
  code = readFileSync(join(built.dir, "Code.js"), "utf8");
});

afterAll(() => rmSync(out, { recursive: true, force: true }));

function load(world: World, id: string, authMode: "NONE" | "LIMITED" | "FULL" = "FULL") {
  const globals = world.globalsFor({ userEmail: KARI, activeSpreadsheetId: id, authMode });
  for (const file of built.files.filter((f) => f.endsWith(".html"))) world.htmlFiles[file.replace(/\.html$/, "")] = readFileSync(join(built.dir, file), "utf8");
  // One realm, as in Apps Script: the services' Date values must be the script's Date.
  const context = createContext({ ...globals, Date });
  runInContext(code, context, { filename: "Code.js" });
  return { globals, context: context as Record<string, any> };
}

function items(entries: MenuEntry[]): string[] {
  return entries.flatMap((e) => (e.type === "item" ? [e.functionName] : e.type === "submenu" ? items(e.items) : []));
}

describe("the built forening add-on in a vm context", () => {
  it("defines onOpen, onInstall and onEdit, and every function a menu item names", () => {
    const world = createWorld();
    const id = world.addSpreadsheet({ name: "Rapport" });
    const { context, globals } = load(world, id);
    for (const name of ["onOpen", "onInstall", "onEdit"]) expect(typeof context[name]).toBe("function");
    context.onOpen({ authMode: globals.ScriptApp.AuthMode.FULL });
    const menu = world.menus.at(-1)!;
    expect(menu.addon).toBe(true);
    expect(menu.items.filter((e) => e.type === "item").map((e) => (e as { caption: string }).caption)).toEqual(["Sett opp rapportmal", "Kontroller rapporten", "Registrer aktivitet…", "Milepæler…", "Send inn rapporten", "Selvtest"]);
    const named = items(menu.items);
    expect(named).toEqual(FULL_MENU.filter((e) => e !== "separator").map((e) => e.fn));
    for (const fn of named) expect(typeof context[fn]).toBe("function");
  });

  it("in AuthMode.NONE adds only a start item and makes no restricted call", () => {
    const world = createWorld();
    const id = world.addSpreadsheet({ name: "Rapport" });
    const { context, globals } = load(world, id, "NONE");
    world.resetCalls();
    world.restrictedCalls = [];
    context.onOpen({ authMode: globals.ScriptApp.AuthMode.NONE });
    expect(world.restrictedCalls).toEqual([]);
    const named = items(world.menus.at(-1)!.items);
    expect(named).toEqual(START_MENU.map((e) => e.fn));
    for (const fn of named) expect(typeof context[fn]).toBe("function");
    // onInstall in NONE behaves the same; onEdit in NONE does nothing.
    context.onInstall({ authMode: globals.ScriptApp.AuthMode.NONE });
    context.onEdit({ authMode: globals.ScriptApp.AuthMode.NONE });
    expect(world.restrictedCalls).toEqual([]);
  });

  it("runs every menu action through its top-level function", () => {
    const world = createWorld({ startTime: Date.UTC(2025, 10, 20, 9) });
    const id = world.addSpreadsheet({ name: "Rapport" });
    const { context } = load(world, id);
    context.menuStart();
    context.menuSetUp();
    expect(world.snapshot(id).sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Årsrapport", "Aktiviteter", "Milepæler", "Tiltak"]));
    context.menuCheck();
    context.menuActivity();
    context.menuMilestones();
    expect(world.dialogs.filter((d) => d.type === "sidebar").map((d) => d.title)).toEqual(["Kontroller rapporten", "Registrer aktivitet", "Milepæler"]);
    // An empty report cannot be sent: the Kontroller sidebar opens with the problems.
    context.menuSubmit();
    expect(world.dialogs.at(-1)!.title).toBe("Kontroller rapporten");
    expect(world.toasts.at(-1)!.message).toMatch(/kan ikke sendes inn/);
    // The sidebar API answers as google.script.run would call it (plain JSON only).
    const problems = context.getProblems();
    expect(JSON.parse(JSON.stringify(problems))).toEqual(problems);
    expect(problems.errors).toBeGreaterThan(0);
  });

  it("handles an edit through the top-level onEdit", () => {
    const world = createWorld({ startTime: Date.UTC(2025, 10, 20, 9) });
    const id = world.addSpreadsheet({ name: "Rapport", sheets: { Årsrapport: annualReportRows(), Aktiviteter: activityRows(3) } });
    const { context, globals } = load(world, id, "LIMITED");
    const book = globals.SpreadsheetApp.getActiveSpreadsheet();
    const range = book.getSheetByName("Aktiviteter")!.getRange("F3");
    range.setValue(20000);
    context.onEdit({ authMode: globals.ScriptApp.AuthMode.LIMITED, range, source: book, value: "20000" });
    expect(world.snapshot(id).sheets.find((s) => s.name === "Aktiviteter")!.backgrounds).toEqual({ F3: "#fce8b2" });
    // Dato outside Rapportår is marked on its own edit and keeps its mark when Deltakere is fixed.
    const date = book.getSheetByName("Aktiviteter")!.getRange("A3");
    date.setValue(new Date(Date.UTC(2024, 4, 2, 12)));
    context.onEdit({ authMode: globals.ScriptApp.AuthMode.LIMITED, range: date, source: book });
    range.setValue(12);
    context.onEdit({ authMode: globals.ScriptApp.AuthMode.LIMITED, range, source: book, value: "12" });
    expect(world.snapshot(id).sheets.find((s) => s.name === "Aktiviteter")!.backgrounds).toEqual({ A3: "#fce8b2" });
  });

  it("sets up a new spreadsheet within the 60-call budget, and the same again changes nothing", () => {
    const world = createWorld({ startTime: Date.UTC(2025, 10, 20, 9) });
    const id = world.addSpreadsheet({ name: "Rapport" });
    const { context } = load(world, id);
    world.resetCalls();
    context.menuSetUp();
    const builders = /^(DataValidationBuilder|ConditionalFormatRuleBuilder)\.|^SpreadsheetApp\.new/;
    expect(Object.entries(world.callsByMethod).filter(([k]) => !builders.test(k)).reduce((sum, [, n]) => sum + n, 0)).toBeLessThanOrEqual(60);
    const once = world.snapshot(id);
    context.menuSetUp();
    expect(world.snapshot(id)).toEqual(once);
  });
});
