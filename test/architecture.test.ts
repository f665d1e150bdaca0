/**
 * The layer rule of ARCHITECTURE.md, checked on the source: every import in src/ (type-only ones
 * included, parsed with TypeScript's own preProcessFile) goes down the layers or stays in its own
 * directory, never up and never sideways between two directories of the same layer; the file graph
 * has no cycle; the code that runs in Apps Script or the browser imports no Node or platform library.
 * Run it alone: npx jest test/architecture.test.ts
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import * as ts from "typescript";

const ROOT = resolve(__dirname, "..");
const SRC = join(ROOT, "src");

/** Each top-level directory of src/ and its layer: an import may only go to a lower layer or its own directory. */
export const LAYERS: Readonly<Record<string, number>> = {
  core: 0, // the domain: plain data in, plain data out
  workbook: 1, // the one interface every backend implements
  ui: 1, // sidebars (built for the browser) and the sidebar ↔ server contract: core only
  services: 2, // the jobs, over ports they declare
  adapters: 3, // apps-script · sheets-api · xlsx · memory: implement workbook/ and the ports
  report: 4, // the board report (HTML/SVG) from a summary
  demo: 4, // the demo's seeded data, embedded in the CLI
  targets: 5, // forening · mal · sentral: Apps Script wiring
  cli: 5, // samspill commands
};

/** Layers whose code runs in Apps Script or the browser: no Node built-ins, no Node-only libraries. */
const PORTABLE = new Set(["core", "workbook", "ui", "services", "targets"]);
const PORTABLE_PACKAGES = [/^zod(\/mini)?$/, /^date-fns(\/.*)?$/, /^@date-fns\/tz$/];

interface Edge {
  from: string;
  to: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

function resolveRelative(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [`${base}.ts`, join(base, "index.ts"), base].find(
    (candidate) => existsSync(candidate) && statSync(candidate).isFile(),
  );
}

function readGraph() {
  const files = sourceFiles(SRC);
  const edges: Edge[] = [];
  const packages: Array<{ from: string; specifier: string }> = [];
  const unresolved: string[] = [];
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    for (const { fileName: specifier } of importedFiles) {
      if (!specifier.startsWith(".")) {
        packages.push({ from: relative(SRC, file), specifier });
        continue;
      }
      const target = resolveRelative(file, specifier);
      if (!target) unresolved.push(`${relative(SRC, file)} → ${specifier}`);
      else edges.push({ from: relative(SRC, file), to: relative(SRC, target) });
    }
  }
  return { files: files.map((f) => relative(SRC, f)), edges, packages, unresolved };
}

const topDirectory = (path: string) => path.split("/")[0];

/** Strongly connected components with more than one file (Tarjan): each one is an import cycle. */
export function cycles(nodes: ReadonlyArray<string>, edges: ReadonlyArray<Edge>): string[][] {
  const next = new Map<string, string[]>(nodes.map((n) => [n, []]));
  for (const { from, to } of edges) next.get(from)?.push(to);
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (next.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return found;
}

/** Imports that break the layer rule, as "from → to (why)". */
export function layerViolations(edges: ReadonlyArray<Edge>): string[] {
  const out: string[] = [];
  for (const { from, to } of edges) {
    const a = topDirectory(from);
    const b = topDirectory(to);
    if (to.startsWith("..")) {
      // Outside src/: only the package manifest (samspill --version).
      if (!to.endsWith("package.json"))
        out.push(`${from} → ${to} (src/ imports nothing from scripts/, test/ or bench/)`);
      continue;
    }
    if (a === b) continue;
    if (LAYERS[a] === undefined || LAYERS[b] === undefined) continue; // reported by its own test
    if (LAYERS[b] > LAYERS[a])
      out.push(`${from} → ${to} (upward: ${a} is layer ${LAYERS[a]}, ${b} is layer ${LAYERS[b]})`);
    else if (LAYERS[b] === LAYERS[a])
      out.push(`${from} → ${to} (sideways: ${a} and ${b} are both layer ${LAYERS[a]})`);
  }
  return out;
}

const graph = readGraph();

describe("the import graph of src/ (ARCHITECTURE.md)", () => {
  it("has every top-level directory of src/ in the layer table", () => {
    const directories = [...new Set(graph.files.filter((f) => f.includes("/")).map(topDirectory))].sort();
    expect(directories.filter((d) => LAYERS[d] === undefined)).toEqual([]);
    expect(graph.files.filter((f) => !f.includes("/"))).toEqual([]);
  });

  it("resolves every relative import to a file", () => {
    expect(graph.unresolved).toEqual([]);
  });

  it("has no import from a lower layer to a higher one, none sideways between two directories of one layer", () => {
    expect(layerViolations(graph.edges)).toEqual([]);
  });

  it("has no import cycle, type-only imports included", () => {
    expect(cycles(graph.files, graph.edges)).toEqual([]);
  });

  it("keeps Node and Node-only libraries out of the code that runs in Apps Script or the browser", () => {
    const offending = graph.packages
      .filter(({ from }) => PORTABLE.has(topDirectory(from)))
      .filter(({ specifier }) => !PORTABLE_PACKAGES.some((allowed) => allowed.test(specifier)))
      .map(({ from, specifier }) => `${from} → ${specifier}`);
    expect(offending).toEqual([]);
  });

  it("catches what it is meant to catch (the checks themselves)", () => {
    expect(layerViolations([{ from: "core/read.ts", to: "services/check.ts" }])).toHaveLength(1);
    expect(layerViolations([{ from: "targets/forening/api.ts", to: "cli/print.ts" }])).toHaveLength(1);
    expect(layerViolations([{ from: "ui/dom.ts", to: "../scripts/build.ts" }])).toHaveLength(1);
    expect(layerViolations([{ from: "cli/main.ts", to: "core/read.ts" }])).toEqual([]);
    expect(
      cycles(
        ["a", "b", "c"],
        [
          { from: "a", to: "b" },
          { from: "b", to: "c" },
          { from: "c", to: "a" },
        ],
      ),
    ).toEqual([["a", "b", "c"]]);
    expect(cycles(["a", "b"], [{ from: "a", to: "b" }])).toEqual([]);
  });
});
