import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import micromatch from "micromatch";
import { APP_GLOBAL, buildTarget, BuiltTarget, MAX_BUNDLE_BYTES, ROOT } from "../../scripts/build";
import { PUBLIC_FUNCTIONS } from "../../src/targets/forening/public";

const SCOPES = [
  "https://www.googleapis.com/auth/spreadsheets.currentonly",
  "https://www.googleapis.com/auth/script.container.ui",
  "https://www.googleapis.com/auth/userinfo.email",
];

let out: string;
let built: BuiltTarget;
let code: string;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "samspill-build-"));
  built = await buildTarget("forening", { outDir: join(out, "forening") });
  code = readFileSync(join(built.dir, "Code.js"), "utf8");
});

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("npm run build: build/forening", () => {
  it("holds Code.js, appsscript.json and one .html per sidebar that exists, nothing else", () => {
    const files = readdirSync(built.dir).sort();
    expect(files).toEqual([...built.files].sort());
    expect(files).toEqual(expect.arrayContaining(["Code.js", "appsscript.json"]));
    for (const file of files) expect(file).toMatch(/^(Code\.js|appsscript\.json|[a-z]+\.html)$/);
  });

  it("asks for exactly the three scopes the add-on needs, runs V8 in Europe/Oslo and logs exceptions", () => {
    const manifest = JSON.parse(readFileSync(join(built.dir, "appsscript.json"), "utf8"));
    expect([...manifest.oauthScopes].sort()).toEqual([...SCOPES].sort());
    expect(manifest.runtimeVersion).toBe("V8");
    expect(manifest.timeZone).toBe("Europe/Oslo");
    expect(manifest.exceptionLogging).toBe("STACKDRIVER");
    // The top-level manifest is the source: the built one is the same document.
    expect(manifest).toEqual(JSON.parse(readFileSync(join(ROOT, "appsscript.json"), "utf8")));
  });

  it("build/mal (the script bound to the master template) asks for exactly the add-on's three scopes", async () => {
    const mal = await buildTarget("mal", { outDir: join(out, "mal") });
    const manifest = JSON.parse(readFileSync(join(mal.dir, "appsscript.json"), "utf8"));
    expect([...manifest.oauthScopes].sort()).toEqual([...SCOPES].sort());
    expect(manifest.runtimeVersion).toBe("V8");
    expect(manifest.timeZone).toBe("Europe/Oslo");
    // No add-on section: a bound script has a top-level menu and no Marketplace listing.
    expect(manifest.addOns).toBeUndefined();
  });

  it("is one minified IIFE with no ES module syntax left, within the 150 KB budget", () => {
    expect(code).not.toMatch(/(^|[;}\s])export\s*(\{|\*|default|const|function|let|var|class)/m);
    expect(code).not.toMatch(/(^|[;}\s])import\s*(\{|\*|["'])/m);
    expect(code).toMatch(new RegExp(`^("use strict";)?var ${APP_GLOBAL}=\\(\\(\\)=>\\{`, "m"));
    expect(built.codeBytes).toBeLessThanOrEqual(MAX_BUNDLE_BYTES);
  });

  it("keeps Node-only and large packages out of the bundle (esbuild metafile)", () => {
    const inputs = Object.keys(built.metafile.inputs);
    expect(inputs.filter((i) => /exceljs|googleapis|node:|src\/cli\/|adapters\/(xlsx|sheets-api)/.test(i))).toEqual([]);
    expect(inputs.some((i) => i.includes("src/core/"))).toBe(true);
  });

  it("exposes exactly the public functions as top-level functions, each calling into the bundle", () => {
    const context: Record<string, unknown> = {};
    runInNewContext(code, context);
    // Under mutation testing (npm run mutation) the bundled core is instrumented and adds Stryker's
    // namespace global; it is no global of the product.
    if (process.env.__STRYKER_ACTIVE_MUTANT__ !== undefined || "__stryker__" in globalThis) delete context.__stryker__;
    const globals = Object.keys(context).filter((key) => typeof context[key] === "function");
    expect(globals.sort()).toEqual([...PUBLIC_FUNCTIONS].sort());
    expect(Object.keys(context).filter((key) => typeof context[key] !== "function")).toEqual([APP_GLOBAL]);
  });

  it("pushes exactly the built folder's files with clasp (.clasp.json rootDir + .claspignore)", () => {
    const clasp = JSON.parse(readFileSync(join(ROOT, ".clasp.json"), "utf8"));
    expect(clasp.rootDir).toBe("build/forening");
    expect(typeof clasp.scriptId).toBe("string");
    const ignore = readFileSync(join(ROOT, ".claspignore"), "utf8")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith("#"));
    // clasp filters the rootDir's relative paths with micromatch.not(files, patterns, { dot: true }).
    writeFileSync(join(built.dir, "notes.txt"), "x");
    writeFileSync(join(built.dir, ".DS_Store"), "x");
    const candidates = [...readdirSync(built.dir), "sub/Other.js"];
    const pushed = micromatch.not(candidates, ignore, { dot: true }).sort();
    expect(pushed).toEqual([...built.files].sort());
  });
});
