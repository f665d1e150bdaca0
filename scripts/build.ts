// npm run build [-- forening sentral]: bundles each Apps Script target into build/<target>/:
// Code.js (one minified IIFE + a generated top-level wrapper per public function), appsscript.json
// and one self-contained .html per sidebar. A target is one entry in TARGETS below.
import { build, Metafile, Plugin } from "esbuild";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { runInNewContext } from "node:vm";

export const ROOT = join(__dirname, "..");

/**
 * zod keeps its configuration object on globalThis.__zod_globalConfig, to share it between copies of
 * zod on one page. An Apps Script bundle holds one copy, so the object stays inside the bundle and
 * Code.js defines no global besides APP_GLOBAL and the public functions (test/build/build.test.ts).
 */
const zodConfigInsideBundle: Plugin = {
  name: "zod-config-inside-bundle",
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]core[\\/]core\.js$/ }, ({ path }) => {
      const source = readFileSync(path, "utf8");
      const global = "(_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});";
      if (!source.includes(global)) throw new Error(`${path} no longer sets globalThis.__zod_globalConfig as scripts/build.ts expects: update zodConfigInsideBundle`);
      const contents = source.replace(global, "const zodConfig = {};").replace(/globalThis\.__zod_globalConfig/g, "zodConfig");
      return { contents, loader: "js" };
    });
  },
};

/** The global the bundle assigns its exports to; wrappers call through it. */
export const APP_GLOBAL = "__samspill";

/** The export of each entry module holding its public functions (src/targets/shared/public.ts entryPoints). */
export const ENTRY_EXPORT = "entry";

export interface TargetConfig {
  /** Module exporting ENTRY_EXPORT, one function per public name (src/targets/<name>/main.ts). */
  entry: string;
  /** Module exporting `PUBLIC_FUNCTIONS`: the only functions Apps Script may see (src/targets/<name>/public.ts). */
  publicList: string;
  /** Manifest copied to build/<name>/appsscript.json. */
  manifest: string;
  /** Sidebars come from scripts/build-sidebars.ts (when present) under this target name. */
  sidebars?: "forening" | "sentral";
}

/** Adding a target = one entry here (paths relative to the repository root). */
export const TARGETS: Record<string, TargetConfig> = {
  forening: {
    entry: "src/targets/forening/main.ts",
    publicList: "src/targets/forening/public.ts",
    manifest: "appsscript.json",
    sidebars: "forening",
  },
  sentral: {
    entry: "src/targets/sentral/main.ts",
    publicList: "src/targets/sentral/public.ts",
    manifest: "src/targets/sentral/appsscript.json",
    sidebars: "sentral",
  },
  // The forening code bound to the master template spreadsheet (top-level menu «Samspill»).
  mal: {
    entry: "src/targets/mal/main.ts",
    publicList: "src/targets/mal/public.ts",
    manifest: "src/targets/mal/appsscript.json",
    sidebars: "forening",
  },
};

/** SPEC "Budgets": server bundle per target. */
export const MAX_BUNDLE_BYTES = 150 * 1024;

/** Packages that must never reach an Apps Script bundle (Node-only or far too large). */
const FORBIDDEN_INPUTS = [/node_modules\/(exceljs|googleapis|google-auth-library|gaxios|vega|vega-lite|commander|cli-progress|bottleneck)\//, /^node:/, /\/src\/(cli|adapters\/(xlsx|sheets-api))\//];

export interface BuiltTarget {
  name: string;
  dir: string;
  files: string[];
  codeBytes: number;
  publicFunctions: string[];
  metafile: Metafile;
}

/** The generated top-level functions: the only globals Apps Script (and google.script.run) sees. */
export function wrappers(names: ReadonlyArray<string>): string {
  return names.map((name) => `function ${name}() { return ${APP_GLOBAL}.${ENTRY_EXPORT}.${name}.apply(this, arguments); }`).join("\n");
}

/** Builds one target into build/<name>/ (tests pass their own `outDir`). */
export async function buildTarget(name: string, options: { outDir?: string } = {}): Promise<BuiltTarget> {
  const target = TARGETS[name];
  if (!target) throw new Error(`Unknown target ${name}; known: ${Object.keys(TARGETS).join(", ")}`);
  const dir = options.outDir ?? join(ROOT, "build", name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });

  const publicFunctions = [...((await import(join(ROOT, target.publicList))) as { PUBLIC_FUNCTIONS: string[] }).PUBLIC_FUNCTIONS];
  const result = await build({
    entryPoints: [join(ROOT, target.entry)],
    bundle: true,
    write: false,
    minify: true,
    format: "iife",
    globalName: APP_GLOBAL,
    // Apps Script V8 runs ES2019 and more; ES2019 keeps esbuild from emitting anything newer.
    target: "es2019",
    platform: "browser",
    mainFields: ["module", "main"],
    charset: "utf8",
    legalComments: "none",
    metafile: true,
    logLevel: "silent",
    define: { "process.env.NODE_ENV": '"production"' },
    plugins: [zodConfigInsideBundle],
  });
  const metafile = result.metafile;
  const bad = Object.keys(metafile.inputs).filter((input) => FORBIDDEN_INPUTS.some((pattern) => pattern.test(input)));
  if (bad.length) throw new Error(`The ${name} bundle pulls in modules Apps Script cannot use: ${bad.join(", ")}`);

  const banner = `// Samspill (${name}) — generated by scripts/build.ts from ${target.entry}; do not edit.\n`;
  const code = `${banner}${result.outputFiles[0].text}${wrappers(publicFunctions)}\n`;
  checkBundle(name, code, publicFunctions);
  writeFileSync(join(dir, "Code.js"), code);
  writeFileSync(join(dir, "appsscript.json"), JSON.stringify(JSON.parse(readFileSync(join(ROOT, target.manifest), "utf8")), null, 2) + "\n");
  if (!options.outDir) {
    // esbuild's metafile (what went into the bundle, byte by byte) next to, not inside, the pushed folder.
    mkdirSync(join(ROOT, "build", "meta"), { recursive: true });
    writeFileSync(join(ROOT, "build", "meta", `${name}.json`), JSON.stringify(metafile));
  }

  const files = ["Code.js", "appsscript.json"];
  if (target.sidebars && existsSync(join(ROOT, "scripts", "build-sidebars.ts"))) {
    const { buildSidebars } = (await import("./build-sidebars")) as { buildSidebars: (t: "forening" | "sentral") => Promise<Record<string, string>> };
    for (const [page, html] of Object.entries(await buildSidebars(target.sidebars))) {
      writeFileSync(join(dir, `${page}.html`), html);
      files.push(`${page}.html`);
    }
  }
  return { name, dir, files, codeBytes: Buffer.byteLength(code, "utf8"), publicFunctions, metafile };
}

/** Fails the build when the bundle is too big, still has ES exports, or its entry points are not exactly the public functions. */
function checkBundle(name: string, code: string, publicFunctions: ReadonlyArray<string>): void {
  const bytes = Buffer.byteLength(code, "utf8");
  if (bytes > MAX_BUNDLE_BYTES) throw new Error(`build/${name}/Code.js is ${bytes} bytes, over the ${MAX_BUNDLE_BYTES} byte budget`);
  if (/^\s*export\s/m.test(code)) throw new Error(`build/${name}/Code.js still contains an ES export`);
  // Loading the bundle runs only module set-up (no service is touched at load time).
  const context: Record<string, unknown> = {};
  runInNewContext(code, context, { filename: `${name}/Code.js` });
  const entry = (context[APP_GLOBAL] as Record<string, Record<string, unknown> | undefined> | undefined)?.[ENTRY_EXPORT];
  const missing = publicFunctions.filter((fn) => typeof entry?.[fn] !== "function" || typeof context[fn] !== "function");
  if (missing.length) throw new Error(`build/${name}/Code.js: public functions missing from the entry's ${ENTRY_EXPORT}: ${missing.join(", ")}`);
  const extra = Object.keys(entry ?? {}).filter((fn) => !publicFunctions.includes(fn));
  if (extra.length) throw new Error(`build/${name}/Code.js: ${ENTRY_EXPORT} holds functions that are not public: ${extra.join(", ")}`);
}

async function main(): Promise<void> {
  const names = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  if (names.length === 0 || names.includes("cli")) {
    const { buildCli } = await import("./build-cli");
    const cli = await buildCli();
    console.log(`${relative(ROOT, cli.file)}: ${cli.bytes} bytes`);
  }
  for (const name of names.length ? names.filter((n) => n !== "cli") : Object.keys(TARGETS)) {
    const built = await buildTarget(name);
    console.log(`${relative(ROOT, built.dir)}: ${built.files.join(", ")} (Code.js ${built.codeBytes} bytes, ${built.publicFunctions.length} public functions)`);
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
