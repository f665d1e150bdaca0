// Builds the samspill CLI into build/cli/samspill.js: one esbuild bundle of src/cli (platform node),
// packages left in node_modules. `npm ci` runs this (the `prepare` script) and `npm run build` too, so
// bin/samspill.js starts plain JavaScript instead of compiling TypeScript on every call.
import { build } from "esbuild";
import { join } from "node:path";

const ROOT = join(__dirname, "..");
export const CLI_BUNDLE = join(ROOT, "build", "cli", "samspill.js");

export async function buildCli(outfile = CLI_BUNDLE): Promise<{ file: string; bytes: number }> {
  const result = await build({
    entryPoints: [join(ROOT, "src", "cli", "main.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    // Dependencies stay in node_modules: loaded only by the command that needs them (see src/cli/main.ts).
    packages: "external",
    outfile,
    sourcemap: "linked",
    legalComments: "none",
    logLevel: "silent",
    metafile: true,
  });
  const bytes = Object.entries(result.metafile.outputs).find(([name]) => name.endsWith(".js"))?.[1].bytes ?? 0;
  return { file: outfile, bytes };
}

if (require.main === module) {
  buildCli().then(
    ({ file, bytes }) => console.log(`${file.slice(ROOT.length + 1)}: ${bytes} bytes`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
