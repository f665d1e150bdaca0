// Local CLI memory and speed against plain exceljs (issue 9 budgets):
// - cli.local.peakRssMB: peak RSS of `samspill rollup` over 1,000 association files (≤ 400)
// - cli.hostile.peakRssMB: a folder of four zip bombs (each ~600 MB of sheet XML) and two normal
//   files; the rollup must finish with the normal files counted (≤ 1,000)
// - cli.local.floorRatio: rollup of 300 files ÷ plain exceljs `xlsx.load` of the same files (≤ 0.8)
// Each is a child process running the built CLI bundle (as `npm ci` users run it), measured with
// /usr/bin/time's maximum resident set size.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { crc32, createDeflateRaw } from "node:zlib";
import { buildCli } from "../scripts/build-cli";
import { runDemo } from "../src/cli/demo/run";
import { CliContext } from "../src/cli/context";
import { cleanSheets, packageEntries, xlsx, zip } from "../test/hostile/xlsx-files";
import { Figure } from "./figures";

const ROOT = path.join(__dirname, "..");
const quiet: CliContext = { out: () => undefined, err: () => undefined, now: () => new Date("2026-03-01T10:00:00Z"), user: "bench", interactive: false };

interface Measured {
  seconds: number;
  peakMB: number;
  code: number;
  stderr: string;
}

/** Runs `node script args` and measures wall time and peak RSS. */
function measure(script: string, args: string[], cwd: string): Measured {
  const started = process.hrtime.bigint();
  const run = spawnSync("/usr/bin/time", ["-f", "PEAK_KB=%M", process.execPath, script, ...args], { cwd, encoding: "utf8", env: { ...process.env, SAMSPILL_NOW: "2026-03-01T10:00:00Z" }, maxBuffer: 64 * 2 ** 20 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peak = Number(/PEAK_KB=(\d+)/.exec(run.stderr)?.[1] ?? NaN);
  return { seconds, peakMB: Math.round(peak / 1024), code: run.status ?? -1, stderr: run.stderr };
}

/** A bomb: a valid package whose Aktiviteter XML is `size` bytes, mostly blank space, deflated by streaming. */
async function bomb(size: number, declared: number): Promise<Buffer> {
  const entries = packageEntries(cleanSheets());
  const sheet = entries.find((e) => e.name === "xl/worksheets/sheet2.xml")!;
  const [head, tail] = sheet.data.toString().split("<sheetData>");
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => deflate.on("end", resolve));
  let crc = 0;
  const write = async (chunk: Buffer) => {
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once("drain", resolve));
  };
  await write(Buffer.from(`${head}<sheetData>`));
  const filler = Buffer.alloc(2 ** 20, " ");
  const body = Buffer.from(tail);
  for (let written = 0; written < size - body.length; written += filler.length) await write(filler);
  await write(body);
  deflate.end();
  await done;
  sheet.data = Buffer.concat(out);
  sheet.deflated = { crc, size };
  sheet.declaredSize = declared;
  return zip(entries);
}

export async function figures(): Promise<Figure[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "samspill-bench-memory-"));
  const bundle = path.join(ROOT, "build", "bench", "samspill.js");
  try {
    await buildCli(bundle);
    const runner = path.join(ROOT, "build", "bench", "run.js");
    writeFileSync(runner, `const { main } = require("./samspill.js");\nmain(process.argv.slice(2)).then((c) => (process.exitCode = c));\n`);
    const loader = path.join(ROOT, "build", "bench", "exceljs-load.js");
    writeFileSync(
      loader,
      `const fs = require("node:fs"); const path = require("node:path"); const ExcelJS = require("exceljs");\n(async () => { const dir = process.argv[2]; for (const name of fs.readdirSync(dir).sort()) { if (!name.endsWith(".xlsx")) continue; await new ExcelJS.Workbook().xlsx.load(fs.readFileSync(path.join(dir, name))); } })();\n`,
    );

    // 1,000 and 300 association files: the demo's readable workbooks, copied under distinct names.
    await runDemo(path.join(dir, "demo"), quiet);
    const demoDir = path.join(dir, "demo", "foreninger");
    const readable = readdirSync(demoDir).filter((n) => n.endsWith(".xlsx") && readFileSync(path.join(demoDir, n)).readUInt32LE(0) === 0x04034b50);
    const folder = (name: string, count: number) => {
      const target = path.join(dir, name);
      mkdirSync(target);
      for (let i = 0; i < count; i++) copyFileSync(path.join(demoDir, readable[i % readable.length]), path.join(target, `forening-${String(i).padStart(4, "0")}.xlsx`));
      return target;
    };
    const thousand = folder("tusen", 1000);
    const local = measure(runner, ["rollup", "--source", thousand, "--out", path.join(dir, "tusen.xlsx"), "--summary", path.join(dir, "tusen.json")], dir);
    if (local.code !== 0) throw new Error(`rollup of 1,000 failed: ${local.stderr}`);

    const three = folder("tre-hundre", 300);
    const rollup300 = measure(runner, ["rollup", "--source", three, "--out", path.join(dir, "tre.xlsx")], dir);
    const exceljs300 = measure(loader, [three], dir);

    const hostile = path.join(dir, "bomber");
    mkdirSync(hostile);
    const megabytes = 2 ** 20;
    writeFileSync(path.join(hostile, "a-bombe.xlsx"), await bomb(600 * megabytes, 600 * megabytes));
    writeFileSync(path.join(hostile, "b-bombe.xlsx"), await bomb(600 * megabytes, 190 * megabytes));
    writeFileSync(path.join(hostile, "c-bombe.xlsx"), await bomb(600 * megabytes, 150 * megabytes));
    writeFileSync(path.join(hostile, "d-bombe.xlsx"), await bomb(600 * megabytes, 1 * megabytes));
    writeFileSync(path.join(hostile, "e-normal.xlsx"), xlsx(cleanSheets()));
    writeFileSync(path.join(hostile, "f-normal.xlsx"), xlsx(cleanSheets()));
    const bombs = measure(runner, ["rollup", "--source", hostile, "--out", path.join(dir, "bomber.xlsx"), "--summary", path.join(dir, "bomber.json")], dir);
    const summary = JSON.parse(readFileSync(path.join(dir, "bomber.json"), "utf8"));
    if (bombs.code !== 0 || summary.rows.counted !== 10) throw new Error(`hostile rollup did not count the normal files: ${bombs.stderr} ${JSON.stringify(summary.rows)}`);
    const bombBytes = readdirSync(hostile).filter((n) => n.includes("bombe")).map((n) => readFileSync(path.join(hostile, n)).length);

    return [
      { name: "cli.local.peakRssMB", value: local.peakMB, unit: "MB", note: `peak RSS of samspill rollup (built CLI) over 1,000 association .xlsx files into a new sentral.xlsx; ${local.seconds.toFixed(1)} s; budget ≤ 400` },
      { name: "cli.hostile.peakRssMB", value: bombs.peakMB, unit: "MB", note: `peak RSS of a rollup over four zip bombs (${bombBytes.map((b) => Math.round(b / 1024)).join(", ")} KB, each 600 MB of sheet XML, declaring 600/190/150/1 MB) and two normal files, counted (rows.counted = 10); ${bombs.seconds.toFixed(1)} s; budget ≤ 1,000` },
      { name: "cli.local.floorRatio", value: Math.round((rollup300.seconds / exceljs300.seconds) * 100) / 100, unit: "ratio", note: `rollup of 300 association files (${rollup300.seconds.toFixed(1)} s, child process) ÷ plain exceljs xlsx.load of the same files (${exceljs300.seconds.toFixed(1)} s, child process); budget ≤ 0.8` },
      { name: "cli.local.rollup300.seconds", value: Math.round(rollup300.seconds * 10) / 10, unit: "s", note: "the rollup of cli.local.floorRatio" },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
