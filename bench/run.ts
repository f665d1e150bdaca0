// npm run bench: runs every bench/*.bench.ts module and writes bench/results.json
// (`npm run bench -- NAME` runs the modules whose file name contains NAME and keeps the other figures).
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { BenchModule, Figure } from "./figures";

async function main(): Promise<void> {
  const only = process.argv[2];
  const modules = readdirSync(__dirname)
    .filter((file) => file.endsWith(".bench.ts") && (!only || file.includes(only)))
    .sort();
  const figures: Figure[] = [];
  for (const file of modules) {
    const started = Date.now();
    const module = (await import(join(__dirname, file))) as BenchModule;
    const found = await module.figures();
    figures.push(...found);
    console.error(`${file}: ${found.length} figures in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    for (const f of found) console.error(`  ${f.name} = ${f.value} ${f.unit}`);
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const file = join(__dirname, "results.json");
  const measuredAt = new Date().toISOString();
  // `npm run bench -- NAME` measures some modules only: their figures replace the same names in the
  // file and the rest are kept, each stamped with when it was measured.
  let kept: Figure[] = [];
  if (only && existsSync(file)) {
    const previous = JSON.parse(readFileSync(file, "utf8")) as { measuredAt: string; figures: Figure[] };
    const fresh = new Set(figures.map((f) => f.name));
    kept = previous.figures.filter((f) => !fresh.has(f.name)).map((f) => ({ ...f, measuredAt: f.measuredAt ?? previous.measuredAt }));
  }
  const results = { measuredAt, machine, figures: [...kept, ...figures].sort((a, b) => a.name.localeCompare(b.name)) };
  writeFileSync(file, JSON.stringify(results, null, 2) + "\n");
  console.log(`bench/results.json: ${figures.length} figures measured${kept.length ? `, ${kept.length} kept from earlier runs` : ""}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
