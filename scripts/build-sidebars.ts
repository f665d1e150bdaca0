// Builds each sidebar (src/ui/sidebars/<name>.ts + src/ui/sidebar.css) into ONE self-contained
// HTML page: JS and CSS inlined, lang="nb". The add-on build writes them to build/<target>/<name>.html,
// where HtmlService.createHtmlOutputFromFile("<name>") serves them.
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { join } from "node:path";

export type SidebarTarget = "forening" | "sentral";

export interface SidebarSpec {
  name: string;
  title: string;
}

export const SIDEBARS: Record<SidebarTarget, ReadonlyArray<SidebarSpec>> = {
  forening: [
    { name: "kontroller", title: "Kontroller rapporten" },
    { name: "aktivitet", title: "Registrer aktivitet" },
    { name: "milepaeler", title: "Milepæler" },
    { name: "selvtest", title: "Selvtest" },
  ],
  sentral: [
    { name: "innsamling", title: "Innsamlingsstatus" },
    { name: "paaminnelser", title: "Send påminnelser" },
    { name: "selvtest", title: "Selvtest" },
  ],
};

/** Every sidebar must stay within this (SPEC "Budgets"). */
export const SIDEBAR_MAX_BYTES = 100 * 1024;

const ROOT = join(__dirname, "..");
const UI = join(ROOT, "src", "ui");

/** Bundles one TypeScript entry into a minified IIFE (browser code: no Node built-ins). */
export async function bundleScript(entry: string, define: Record<string, string> = {}): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    minify: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    legalComments: "none",
    logLevel: "silent",
    define: { "process.env.NODE_ENV": '"production"', ...define },
  });
  return result.outputFiles[0].text;
}

/** Text safe inside an inline <script>: no "</script" or "<!--" can end it early. */
export function inlineScript(js: string): string {
  return js.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The page around a sidebar's script; `head` lets the preview inject its google.script.run stand-in. */
export function page(spec: SidebarSpec, css: string, js: string, head = ""): string {
  return [
    "<!DOCTYPE html>",
    '<html lang="nb">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeText(spec.title)}</title>`,
    `<style>${css.replace(/<\/style/gi, "<\\/style")}</style>`,
    head,
    "</head>",
    "<body>",
    `<main id="app" aria-label="${escapeText(spec.title)}"></main>`,
    `<script>${inlineScript(js)}</script>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

export function sidebarCss(): string {
  return readFileSync(join(UI, "sidebar.css"), "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s*\n\s*/g, "\n")
    .trim();
}

/** file name without .html → self-contained HTML. `head` is extra markup for the preview only. */
export async function buildSidebars(target: SidebarTarget, head = ""): Promise<Record<string, string>> {
  const css = sidebarCss();
  const out: Record<string, string> = {};
  for (const spec of SIDEBARS[target]) {
    const js = await bundleScript(join(UI, "sidebars", `${spec.name}.ts`));
    const html = page(spec, css, js, head);
    const bytes = Buffer.byteLength(html, "utf8");
    if (bytes > SIDEBAR_MAX_BYTES) throw new Error(`Sidebar ${spec.name}.html is ${bytes} bytes, over the ${SIDEBAR_MAX_BYTES} byte budget`);
    out[spec.name] = html;
  }
  return out;
}

if (require.main === module) {
  (async () => {
    const { mkdirSync, writeFileSync } = await import("node:fs");
    for (const target of ["forening", "sentral"] as const) {
      const pages = await buildSidebars(target);
      const dir = join(ROOT, "build", "sidebars", target);
      mkdirSync(dir, { recursive: true });
      for (const [name, html] of Object.entries(pages)) {
        writeFileSync(join(dir, `${name}.html`), html);
        console.log(`${target}/${name}.html ${Buffer.byteLength(html)} bytes`);
      }
    }
  })().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
