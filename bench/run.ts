// npm run bench: runs every bench/*.bench.ts module and writes bench/results.json.
import { readdirSync, writeFileSync } from "node:fs";
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
  const results = { measuredAt: new Date().toISOString(), machine, figures };
  writeFileSync(join(__dirname, "results.json"), JSON.stringify(results, null, 2) + "\n");
  console.log(`bench/results.json: ${figures.length} figures`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
