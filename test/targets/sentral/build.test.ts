import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createContext, runInContext } from "node:vm";
import { APP_GLOBAL, buildTarget } from "../../../scripts/build";
import { MENU_ITEMS, PUBLIC_FUNCTIONS } from "../../../src/targets/sentral/public";
import { sentralWorld, STAFF } from "./stand-in";

/** Every scope the sentral script may ask for, and why (README "Sentral: tilganger"). */
const JUSTIFIED_SCOPES: Record<string, string> = {
  "https://www.googleapis.com/auth/spreadsheets":
    "read associations' spreadsheets (Sheets API), write the central one, create and share new ones and partner views",
  "https://www.googleapis.com/auth/script.scriptapp":
    "the one-off trigger that continues a rollup after 6 minutes",
  "https://www.googleapis.com/auth/script.send_mail": "reminder e-mails (MailApp)",
  "https://www.googleapis.com/auth/script.container.ui":
    "menu, dialogs and sidebars in the central spreadsheet",
  "https://www.googleapis.com/auth/userinfo.email": "who ran a rollup (Logg)",
};

describe("the built sentral script", () => {
  let code = "";
  let manifest: {
    oauthScopes: string[];
    dependencies: {
      enabledAdvancedServices: Array<{ userSymbol: string; serviceId: string; version: string }>;
    };
  };

  beforeAll(async () => {
    const built = await buildTarget("sentral", { outDir: mkdtempSync(join(tmpdir(), "sentral-")) } as never);
    code = readFileSync(join(built.dir, "Code.js"), "utf8");
    manifest = JSON.parse(readFileSync(join(built.dir, "appsscript.json"), "utf8"));
  }, 120_000);

  it("asks for no scope beyond the justified list, and uses the Sheets advanced service v4", () => {
    expect(manifest.oauthScopes.filter((s) => !(s in JUSTIFIED_SCOPES))).toEqual([]);
    expect([...manifest.oauthScopes].sort()).toEqual(Object.keys(JUSTIFIED_SCOPES).sort());
    expect(manifest.oauthScopes.some((s) => /auth\/drive/.test(s))).toBe(false);
    expect(manifest.dependencies.enabledAdvancedServices).toEqual([
      { userSymbol: "Sheets", serviceId: "sheets", version: "v4" },
    ]);
  });

  it("stays within 150 KB", () => {
    expect(Buffer.byteLength(code, "utf8")).toBeLessThanOrEqual(150 * 1024);
  });

  it("loads in a vm context with onOpen and every menu function as globals, and nothing else", () => {
    const t = sentralWorld(3);
    const context = createContext({});
    const globals = t.world.globalsFor({
      userEmail: STAFF,
      activeSpreadsheetId: t.centralId,
      dateConstructor: runInContext("Date", context),
    });
    Object.assign(context, globals);
    const before = new Set(Object.keys(context));
    runInContext(code, context, { filename: "sentral/Code.js" });
    // Under mutation testing (npm run mutation) the bundled core is instrumented and adds Stryker's
    // namespace global; it is no global of the product.
    if (process.env.__STRYKER_ACTIVE_MUTANT__ !== undefined || "__stryker__" in globalThis) delete context.__stryker__;
    const added = Object.keys(context).filter((k) => !before.has(k) && k !== APP_GLOBAL);
    expect(added.sort()).toEqual([...PUBLIC_FUNCTIONS].sort());
    for (const name of ["onOpen", ...MENU_ITEMS.map(([, fn]) => fn), "continueRollup"])
      expect(typeof context[name]).toBe("function");

    runInContext("onOpen({ authMode: 'FULL' })", context);
    const menu = t.world.menus[t.world.menus.length - 1];
    expect(menu.caption).toBe("Samspill sentralt");
    expect(
      menu.items.filter((i) => i.type === "item").map((i) => (i.type === "item" ? i.functionName : "")),
    ).toEqual(MENU_ITEMS.map(([, fn]) => fn));

    // The bundle runs a whole rollup against the stand-in.
    const message = runInContext("collectAndSummarise()", context) as string;
    expect(message).toMatch(/^Ferdig: 3 foreninger hentet inn og summert/);
    expect(t.read(t.centralId, "Innsamling")).toHaveLength(4);
    const status = runInContext("getCollectionStatus()", context) as { rows: unknown[] };
    expect(status.rows).toHaveLength(3);
  });
});
