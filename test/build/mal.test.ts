import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createContext, runInContext } from "node:vm";
import micromatch from "micromatch";
import { APP_GLOBAL, buildTarget, BuiltTarget, MAX_BUNDLE_BYTES, ROOT } from "../../scripts/build";
import { FULL_MENU } from "../../src/targets/forening/public";
import { PUBLIC_FUNCTIONS } from "../../src/targets/mal/public";
import { createWorld, MenuEntry, World } from "../stand-ins/apps-script";
import { activityRows, annualReportRows, KARI } from "../targets/forening/harness";

/**
 * build/mal/Code.js: the forening code bound to the master template spreadsheet, loaded the way Apps
 * Script loads a bound script (one script, the services as globals). A bound script's onOpen is a
 * simple trigger and runs in AuthMode.LIMITED — "when a bound add-on or script executes onOpen(e) or
 * onEdit(e) simple trigger" (https://developers.google.com/apps-script/reference/script/auth-mode) —
 * so the menu must be built without anything that needs the user's authorisation.
 */
let out: string;
let built: BuiltTarget;
let code: string;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "samspill-mal-"));
  built = await buildTarget("mal", { outDir: join(out, "mal") });
  code = readFileSync(join(built.dir, "Code.js"), "utf8");
});

afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The built folder as the files of a bound script project (what `clasp push` puts there). */
function scriptFiles(): Array<{ name: string; source: string }> {
  return built.files.map((name) => ({ name, source: readFileSync(join(built.dir, name), "utf8") }));
}

/** Runs the Code.js bound to spreadsheet `id` (from the stand-in's bound script files) for one user. */
function openBound(world: World, id: string, authMode: "LIMITED" | "FULL") {
  const files = world.boundScriptOf(id);
  const bundle = files.find((f) => f.name === "Code.js");
  if (!bundle) throw new Error(`no script bound to ${id}`);
  for (const f of files.filter((f) => f.name.endsWith(".html")))
    world.htmlFiles[f.name.replace(/\.html$/, "")] = f.source;
  const globals = world.globalsFor({ userEmail: KARI, activeSpreadsheetId: id, authMode });
  const context = createContext({ ...globals, Date });
  runInContext(bundle.source, context, { filename: "mal/Code.js" });
  return { globals, context: context as Record<string, any> };
}

function items(entries: MenuEntry[]): string[] {
  return entries.flatMap((e) =>
    e.type === "item" ? [e.functionName] : e.type === "submenu" ? items(e.items) : [],
  );
}

describe("npm run build: build/mal (the bound master template script)", () => {
  it("holds Code.js, appsscript.json and the forening sidebars, within the 150 KB budget", () => {
    expect(built.files).toEqual(
      expect.arrayContaining([
        "Code.js",
        "appsscript.json",
        "kontroller.html",
        "aktivitet.html",
        "milepaeler.html",
      ]),
    );
    expect(built.codeBytes).toBeLessThanOrEqual(MAX_BUNDLE_BYTES);
  });

  it("npm run deploy:mal pushes exactly the built folder's files (.clasp-mal.json rootDir + .claspignore)", () => {
    const clasp = JSON.parse(readFileSync(join(ROOT, ".clasp-mal.json"), "utf8"));
    expect(clasp.rootDir).toBe("build/mal");
    expect(typeof clasp.scriptId).toBe("string");
    const scripts = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts;
    expect(scripts["deploy:mal"]).toBe(
      "npm run lint && npm test && npm run build -- mal && clasp push --force -P .clasp-mal.json",
    );
    const ignore = readFileSync(join(ROOT, ".claspignore"), "utf8")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith("#"));
    writeFileSync(join(built.dir, "notes.txt"), "x");
    const pushed = micromatch.not([...readdirSync(built.dir), "sub/Other.js"], ignore, { dot: true }).sort();
    rmSync(join(built.dir, "notes.txt"));
    expect(pushed).toEqual([...built.files].sort());
  });

  it("exposes the add-on's functions minus the add-on-only start item and onInstall", () => {
    const context: Record<string, unknown> = {};
    runInContext(code, createContext(context));
    if (process.env.__STRYKER_ACTIVE_MUTANT__ !== undefined || "__stryker__" in globalThis)
      delete context.__stryker__;
    const globals = Object.keys(context).filter((key) => typeof context[key] === "function");
    expect(globals.sort()).toEqual([...PUBLIC_FUNCTIONS].sort());
    expect(globals).not.toContain("menuStart");
    expect(globals).not.toContain("onInstall");
    expect(Object.keys(context).filter((key) => typeof context[key] !== "function")).toEqual([APP_GLOBAL]);
  });

  it("onOpen in AuthMode.LIMITED adds the top-level menu «Samspill» with every item, touching no data", () => {
    const world = createWorld();
    const id = world.addSpreadsheet({ name: "Samspill – mal", boundScript: scriptFiles() });
    const { context, globals } = openBound(world, id, "LIMITED");
    const event = {
      authMode: globals.ScriptApp.AuthMode.LIMITED,
      source: globals.SpreadsheetApp.getActiveSpreadsheet(),
    };
    world.resetCalls();
    world.restrictedCalls = [];
    context.onOpen(event);
    expect(world.restrictedCalls).toEqual([]);
    const menu = world.menus.at(-1)!;
    expect(menu.addon).toBe(false);
    expect(menu.caption).toBe("Samspill");
    // Before authorisation too: the first click on any item opens Google's authorisation dialog.
    expect(items(menu.items)).toEqual(FULL_MENU.filter((e) => e !== "separator").map((e) => e.fn));
    expect(
      menu.items.filter((e) => e.type === "item").map((e) => (e as { caption: string }).caption),
    ).toEqual(
      expect.arrayContaining([
        "Sett opp rapportmal",
        "Kontroller rapporten",
        "Registrer aktivitet…",
        "Milepæler…",
        "Send inn rapporten",
      ]),
    );
    for (const fn of items(menu.items)) expect(typeof context[fn]).toBe("function");
  });

  it("runs its menu actions in a copy of the master made with Spreadsheet.copy, and re-checks an edit in LIMITED mode", () => {
    const world = createWorld({ startTime: Date.UTC(2025, 10, 20, 9) });
    const master = world.addSpreadsheet({ name: "Samspill – mal", boundScript: scriptFiles() });
    const copy = world
      .globalsFor({ userEmail: "staff@seniornett.example.no" })
      .SpreadsheetApp.openById(master)
      .copy("Samspill – Seniornett Bodø");
    // The copy carries the bound script, file for file.
    expect(world.boundScriptOf(copy.getId()).map((f) => f.name)).toEqual(built.files);
    expect(world.boundScriptOf(copy.getId())).toEqual(world.boundScriptOf(master));

    const { context } = openBound(world, copy.getId(), "FULL");
    context.menuSetUp();
    expect(world.snapshot(copy.getId()).sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(["Årsrapport", "Aktiviteter", "Milepæler", "Tiltak"]),
    );
    context.menuCheck();
    expect(world.dialogs.at(-1)!.title).toBe("Kontroller rapporten");

    const filled = world.addSpreadsheet({
      name: "Rapport",
      sheets: { Årsrapport: annualReportRows(), Aktiviteter: activityRows(3) },
      boundScript: scriptFiles(),
    });
    const bound = openBound(world, filled, "LIMITED");
    const book = bound.globals.SpreadsheetApp.getActiveSpreadsheet();
    const range = book.getSheetByName("Aktiviteter")!.getRange("F3");
    range.setValue(20000);
    bound.context.onEdit({
      authMode: bound.globals.ScriptApp.AuthMode.LIMITED,
      range,
      source: book,
      value: "20000",
    });
    expect(world.snapshot(filled).sheets.find((s) => s.name === "Aktiviteter")!.backgrounds).toEqual({
      F3: "#fce8b2",
    });
  });
});
