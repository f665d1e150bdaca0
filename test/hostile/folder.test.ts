import { execFileSync, spawn } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { fileSystemProblem } from "../../src/cli/user-error";
import { Summary } from "../../src/core/summary";
import { BIN, day, fillTemplate, NOW, readTab } from "../cli/helpers";

/**
 * The hostile folder (SPEC "Hostile input", issue 9): which files of a source folder are associations,
 * and how a rollup writes. Each case starts from the same clean folder of three associations and
 * says what must come out: the exit code, the figures (unchanged from the clean folder where nothing
 * new was meant to be reported), the issue and its cell, and Historikk exactly as people typed it.
 * Most cases run the CLI's main() in this process (fast); the process-level ones spawn it.
 */
jest.setTimeout(120_000);

const work = mkdtempSync(path.join(tmpdir(), "samspill-hostile-folder-"));
const clean = path.join(work, "clean");
const template = path.join(work, "rapportmal.xlsx");
afterAll(() => rmSync(work, { recursive: true, force: true }));

const submitted = { Innsendt: "01.02.2026 10:00", "Innsendt av": "leder@eksempel.no" };
const ASSOCIATIONS = ["a-oslo", "b-bergen", "c-bodo"];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `samspill ARGS` in this process, in `cwd`, with the fixed clock (or `env` instead). */
async function cli(args: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<Run> {
  const saved = { cwd: process.cwd(), env: { ...process.env } };
  let stdout = "";
  let stderr = "";
  const out = jest
    .spyOn(process.stdout, "write")
    .mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = jest
    .spyOn(process.stderr, "write")
    .mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    process.chdir(cwd);
    Object.assign(process.env, { SAMSPILL_NOW: NOW, SAMSPILL_DEBUG: "" }, env);
    for (const [key, value] of Object.entries(env)) if (value === undefined) delete process.env[key];
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.chdir(saved.cwd);
    process.env = saved.env;
  }
}

/** A fresh copy of the clean folder: `dir/foreninger/*.xlsx`. */
function folder(name: string): { dir: string; source: string } {
  const dir = path.join(work, name);
  const source = path.join(dir, "foreninger");
  mkdirSync(source, { recursive: true });
  for (const id of ASSOCIATIONS)
    copyFileSync(path.join(clean, `${id}.xlsx`), path.join(source, `${id}.xlsx`));
  return { dir, source };
}

const summaryOf = (file: string): Summary => JSON.parse(readFileSync(file, "utf8"));
/** What must not change when a folder only gains things that are not associations. */
const figures = (s: Summary) => ({
  associations: s.associations,
  rows: s.rows,
  totals: s.totals,
  milestones: s.milestones,
  byCounty: s.byCounty,
});
const centralIssues = (s: Summary) => s.issues.filter((i) => !i.association);

let cleanSummary: Summary;

beforeAll(async () => {
  expect((await cli(["template", template], work)).code).toBe(0);
  mkdirSync(clean);
  await fillTemplate(template, path.join(clean, "a-oslo.xlsx"), {
    report: {
      Rapportår: 2025,
      Forening: "Seniornett Oslo",
      Kommunenummer: "0301",
      "Antall medlemmer per 31.12": 1200,
      "Antall frivillige": 40,
      "Samarbeidsavtale med kommunen": "Skriftlig",
      "Avtale inngått": day("2024-03-12"),
      ...submitted,
    },
    activities: [
      [day("2025-03-12"), "Kurs", "Trygg på nett", "", "Bibliotek", 12, 3, 2, 2.5, ""],
      [day("2025-04-12"), "Datahjelp", "Datahjelp", "", "", 20, 4, 2, 3, ""],
    ],
    milestones: [
      ["0301", "Avtale fornyet", day("2025-05-01"), "Begge", "", "Fullført", day("2025-04-20"), ""],
    ],
  });
  await fillTemplate(template, path.join(clean, "b-bergen.xlsx"), {
    report: {
      Rapportår: 2025,
      Forening: "Seniornett Bergen",
      Kommunenummer: "4601",
      "Antall medlemmer per 31.12": 300,
      "Antall frivillige": 25,
      "Samarbeidsavtale med kommunen": "Muntlig",
      "Avtale inngått": day("2023-09-01"),
      ...submitted,
    },
    activities: [[day("2025-05-05"), "Kurs", "Datakafé", "", "", 8, 2, 1, 2, ""]],
    milestones: [["4601", "Evaluere avtalen", day("2025-10-01"), "Begge", "", "Pågår", "", ""]],
  });
  await fillTemplate(template, path.join(clean, "c-bodo.xlsx"), {
    report: {
      Rapportår: 2025,
      Forening: "Seniornett Bodø",
      Kommunenummer: "1804",
      "Antall medlemmer per 31.12": 200,
      "Antall frivillige": 20,
      "Samarbeidsavtale med kommunen": "Ingen",
      ...submitted,
    },
    activities: [[day("2025-09-01"), "Åpent møte", "Åpent møte om BankID", "", "", 40, 10, 3, 4, ""]],
  });
  const { dir } = folder("reference");
  const run = await cli(
    ["rollup", "--source", "foreninger", "--out", "sentral.xlsx", "--summary", "summary.json"],
    dir,
  );
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  cleanSummary = summaryOf(path.join(dir, "summary.json"));
  expect(cleanSummary.associations.registered).toBe(3);
  expect(cleanSummary.milestones.total).toBe(2);
});

describe("the central file kept in the source folder", () => {
  it("is never read as an association: three runs in a row give the clean folder's figures each time", async () => {
    const { source } = folder("self");
    for (let run = 1; run <= 3; run++) {
      const result = await cli(
        ["rollup", "--source", ".", "--out", "sentral.xlsx", "--summary", `summary-${run}.json`],
        source,
      );
      expect(result.code).toBe(0);
      expect(figures(summaryOf(path.join(source, `summary-${run}.json`)))).toEqual(figures(cleanSummary));
    }
    expect((await readTab(path.join(source, "sentral.xlsx"), "Foreninger")).length).toBe(4); // header + 3
  });

  it("leaves out a copy of a central and a partner view in the folder, each with a warning naming the file", async () => {
    const { dir, source } = folder("own-workbooks");
    expect((await cli(["rollup", "--source", "foreninger", "--out", "sentral.xlsx"], dir)).code).toBe(0);
    copyFileSync(path.join(dir, "sentral.xlsx"), path.join(source, "sentral-kopi.xlsx"));
    expect((await cli(["partners", "--source", "foreninger", "--out", "kommuner"], dir)).code).toBe(0);
    copyFileSync(
      path.join(dir, "kommuner", readdirSync(path.join(dir, "kommuner"))[0]),
      path.join(source, "kommunevisning.xlsx"),
    );

    const run = await cli(
      ["rollup", "--source", "foreninger", "--out", "sentral.xlsx", "--summary", "summary.json"],
      dir,
    );
    expect(run.code).toBe(0);
    const summary = summaryOf(path.join(dir, "summary.json"));
    expect(figures(summary)).toEqual(figures(cleanSummary));
    expect(centralIssues(summary).filter((i) => i.code === "samspill_workbook")).toEqual([
      expect.objectContaining({
        cell: "kommunevisning.xlsx",
        severity: "warning",
        message: expect.stringContaining("en kommunevisning laget av Samspill"),
      }),
      expect.objectContaining({
        cell: "sentral-kopi.xlsx",
        severity: "warning",
        message: expect.stringContaining("et sentralt regneark laget av Samspill"),
      }),
    ]);
  });
});

describe("one association per real file", () => {
  it("reads a file registered under four spellings of its path once, and names the duplicate rows", async () => {
    const { dir, source } = folder("spellings");
    expect((await cli(["rollup", "--source", "foreninger", "--out", "sentral.xlsx"], dir)).code).toBe(0);
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(path.join(dir, "sentral.xlsx"));
    const registry = excel.getWorksheet("Foreninger")!;
    const spellings = [
      "./foreninger/a-oslo.xlsx",
      "foreninger//a-oslo.xlsx",
      path.join(source, "a-oslo.xlsx"),
    ];
    spellings.forEach(
      (spelling, i) =>
        (registry.getRow(5 + i).values = [
          `oslo-${i}`,
          "Seniornett Oslo",
          "",
          "0301",
          spelling,
          "",
          "",
          "Ja",
        ]),
    );
    await excel.xlsx.writeFile(path.join(dir, "sentral.xlsx"));

    const run = await cli(
      ["rollup", "--source", "foreninger", "--out", "sentral.xlsx", "--summary", "summary.json"],
      dir,
    );
    expect(run.code).toBe(0);
    const summary = summaryOf(path.join(dir, "summary.json"));
    expect(figures(summary)).toEqual(figures(cleanSummary));
    expect(
      centralIssues(summary)
        .filter((i) => i.code === "duplicate_spreadsheet")
        .map((i) => [i.sheet, i.cell, i.severity]),
    ).toEqual([
      ["Foreninger", "E5", "warning"],
      ["Foreninger", "E6", "warning"],
      ["Foreninger", "E7", "warning"],
    ]);
  });

  it("counts a link to a file in the folder once, with a warning naming both names", async () => {
    const { dir, source } = folder("link");
    symlinkSync(path.join(source, "b-bergen.xlsx"), path.join(source, "z-bergen-lenke.xlsx"));
    const run = await cli(
      ["rollup", "--source", "foreninger", "--out", "sentral.xlsx", "--summary", "summary.json"],
      dir,
    );
    expect(run.code).toBe(0);
    const summary = summaryOf(path.join(dir, "summary.json"));
    expect(figures(summary)).toEqual(figures(cleanSummary));
    expect(centralIssues(summary)).toContainEqual(
      expect.objectContaining({
        code: "same_file",
        cell: "z-bergen-lenke.xlsx",
        message: expect.stringContaining("«b-bergen.xlsx»"),
      }),
    );
  });

  it("gives Lillevik.xlsx and lillevik.xlsx distinct IDs with a note: two associations, neither vanishes", async () => {
    const { dir, source } = folder("case");
    copyFileSync(path.join(source, "a-oslo.xlsx"), path.join(source, "Lillevik.xlsx"));
    copyFileSync(path.join(source, "b-bergen.xlsx"), path.join(source, "lillevik.xlsx"));
    for (let run = 1; run <= 2; run++) {
      const result = await cli(
        ["rollup", "--source", "foreninger", "--out", "sentral.xlsx", "--summary", "summary.json"],
        dir,
      );
      expect(result.code).toBe(0);
      const summary = summaryOf(path.join(dir, "summary.json"));
      expect(summary.associations.registered).toBe(5);
      expect(summary.totals.members).toBe(cleanSummary.totals.members + 1200 + 300);
      expect(summary.issues.filter((i) => i.code === "duplicate_id")).toEqual([]);
    }
    const ids = (await readTab(path.join(dir, "sentral.xlsx"), "Foreninger")).slice(1).map((r) => r[0]);
    expect(ids).toEqual(expect.arrayContaining(["Lillevik", "lillevik-2"]));
    const summary = summaryOf(path.join(dir, "summary.json"));
    expect(centralIssues(summary)).toContainEqual(
      expect.objectContaining({
        code: "id_collision",
        cell: "lillevik.xlsx",
        message: expect.stringContaining("får ID «lillevik-2»"),
      }),
    );
  });

  it("reads .xlsm files as workbooks and lists .xls, .ods and .csv as «Kan ikke leses» with «Lagre som .xlsx»", async () => {
    const { dir, source } = folder("formats");
    copyFileSync(path.join(source, "c-bodo.xlsx"), path.join(source, "d-makro.xlsm"));
    writeFileSync(
      path.join(source, "e-gammel.xls"),
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    );
    writeFileSync(path.join(source, "f-libre.ods"), "PK\u0003\u0004");
    writeFileSync(path.join(source, "g-tall.csv"), "Dato;Deltakere\n");
    const run = await cli(
      ["rollup", "--source", "foreninger", "--out", "sentral.xlsx", "--summary", "summary.json"],
      dir,
    );
    expect(run.code).toBe(0);
    const summary = summaryOf(path.join(dir, "summary.json"));
    expect(summary.associations.registered).toBe(7);
    expect(summary.totals.members).toBe(cleanSummary.totals.members + 200);
    const status = new Map(
      (await readTab(path.join(dir, "sentral.xlsx"), "Innsamling")).slice(1).map((r) => [r[0], r[5]]),
    );
    expect([
      status.get("d-makro"),
      status.get("e-gammel"),
      status.get("f-libre"),
      status.get("g-tall"),
    ]).toEqual(["OK", "Kan ikke leses", "Kan ikke leses", "Kan ikke leses"]);
    for (const id of ["e-gammel", "f-libre", "g-tall"])
      expect(summary.issues.find((i) => i.association === id)?.message).toMatch(/Lagre som \.xlsx/);
  });

  it("never opens a FIFO, a link to /dev/zero or a folder named .xlsx: each is a warning, the figures stay", async () => {
    const { dir, source } = folder("special");
    execFileSync("mkfifo", [path.join(source, "r-ror.xlsx")]);
    symlinkSync("/dev/zero", path.join(source, "s-null.xlsx"));
    mkdirSync(path.join(source, "t-mappe.xlsx"));
    const run = await cli(
      ["rollup", "--source", "foreninger", "--out", "sentral.xlsx", "--summary", "summary.json"],
      dir,
    );
    expect(run.code).toBe(0);
    const summary = summaryOf(path.join(dir, "summary.json"));
    expect(figures(summary)).toEqual(figures(cleanSummary));
    expect(
      centralIssues(summary)
        .filter((i) => i.code === "not_a_file")
        .map((i) => i.cell),
    ).toEqual(["r-ror.xlsx", "s-null.xlsx", "t-mappe.xlsx"]);
  });
});

describe("a central moved to another folder", () => {
  it("finds its associations in --source by file name: no rows added, the same figures, one warning", async () => {
    const { dir } = folder("moved");
    expect((await cli(["rollup", "--source", "foreninger", "--out", "sentral.xlsx"], dir)).code).toBe(0);
    const elsewhere = path.join(dir, "arkiv");
    mkdirSync(elsewhere);
    copyFileSync(path.join(dir, "sentral.xlsx"), path.join(elsewhere, "sentral.xlsx"));
    const before = await readTab(path.join(elsewhere, "sentral.xlsx"), "Foreninger");

    const run = await cli(
      ["rollup", "--source", "../foreninger", "--out", "sentral.xlsx", "--summary", "summary.json"],
      elsewhere,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/La til/);
    const summary = summaryOf(path.join(elsewhere, "summary.json"));
    expect(figures(summary)).toEqual(figures(cleanSummary));
    expect(summary.issues.filter((i) => i.severity === "error" && !i.association)).toEqual([]);
    expect(centralIssues(summary)).toContainEqual(
      expect.objectContaining({ code: "registry_moved", sheet: "Foreninger" }),
    );
    expect(await readTab(path.join(elsewhere, "sentral.xlsx"), "Foreninger")).toEqual(before);
  });

  it("stops with one Norwegian message (exit 2) and writes nothing when its files cannot be found", async () => {
    const { dir } = folder("moved-lost");
    expect((await cli(["rollup", "--source", "foreninger", "--out", "sentral.xlsx"], dir)).code).toBe(0);
    const elsewhere = path.join(dir, "arkiv");
    mkdirSync(path.join(elsewhere, "tom"), { recursive: true });
    copyFileSync(path.join(dir, "sentral.xlsx"), path.join(elsewhere, "sentral.xlsx"));
    const bytes = readFileSync(path.join(elsewhere, "sentral.xlsx"));
    for (const args of [[], ["--source", "tom"]]) {
      const run = await cli(["rollup", ...args, "--out", "sentral.xlsx"], elsewhere);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /^samspill: Ingen av filene i fanen Foreninger i «sentral\.xlsx» finnes .*Er sentralfilen flyttet\?/,
      );
      expect(readFileSync(path.join(elsewhere, "sentral.xlsx")).equals(bytes)).toBe(true);
    }
  });
});

describe("Historikk, the organisation's memory", () => {
  const HAND_TYPED = [
    [
      "År",
      "Medlemmer",
      "Frivillige",
      "Aktiviteter",
      "Deltakere",
      "Nye deltakere",
      "Frivillige timer",
      "Foreninger med avtale",
      "Statstilskudd",
      "Merknad",
    ],
    ["2018 (før fusjonen)", 5000, "", "", "", "", "", "", "", "To foreninger"],
    [2023, "ca. 8000", 700, 380, 8800, "", "", "", 1_200_000, "Anslag"],
    [2024, 9142, 880, 410, 9712, 1900, 2700, 17, 1_350_000, "Revidert av styret"],
  ];

  /** A central whose deadline has passed (Frist 15.02.2026, today 01.03.2026) with Historikk typed by people. */
  async function centralWithHistory(
    name: string,
    reportYear = 2025,
  ): Promise<{ dir: string; central: string }> {
    const { dir } = folder(name);
    expect((await cli(["rollup", "--source", "foreninger", "--out", "sentral.xlsx"], dir)).code).toBe(0);
    const central = path.join(dir, "sentral.xlsx");
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(central);
    const settings = excel.getWorksheet("Oppsett")!;
    settings.eachRow((row) => {
      if (row.getCell(1).value === "Frist for innsending") row.getCell(2).value = day("2026-02-15");
      if (row.getCell(1).value === "Rapportår") row.getCell(2).value = reportYear;
    });
    excel.removeWorksheet(excel.getWorksheet("Historikk")!.id);
    const history = excel.addWorksheet("Historikk");
    HAND_TYPED.forEach((values, i) => (history.getRow(i + 1).values = values));
    await excel.xlsx.writeFile(central);
    return { dir, central };
  }

  it("is not touched by --year for another year than Oppsett's Rapportår, even after the deadline", async () => {
    // Oppsett already says 2026; the associations' 2025 is rolled up again with --year 2025.
    const { dir, central } = await centralWithHistory("history-other-year", 2026);
    const before = await readTab(central, "Historikk");
    const run = await cli(
      ["rollup", "--source", "foreninger", "--year", "2025", "--out", "sentral.xlsx"],
      dir,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/Historikk oppdatert/);
    expect(await readTab(central, "Historikk")).toEqual(before);
    expect(before).toEqual(HAND_TYPED);
  });

  it("gets only its own year's row from a final rollup; rows and the Merknad column typed by people stay as typed, with warnings", async () => {
    const { dir, central } = await centralWithHistory("history-final");
    const run = await cli(
      ["rollup", "--source", "foreninger", "--out", "sentral.xlsx", "--summary", "summary.json"],
      dir,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Historikk oppdatert/);
    const after = await readTab(central, "Historikk");
    const t = cleanSummary.totals;
    expect(after).toEqual([
      ...HAND_TYPED,
      [
        2025,
        t.members,
        t.volunteers,
        t.activities,
        t.participants,
        t.newParticipants,
        t.volunteerHours,
        t.associationsWithAgreement,
      ],
    ]);
    const summary = summaryOf(path.join(dir, "summary.json"));
    const history = summary.issues.filter((i) => i.sheet === "Historikk");
    expect(history.map((i) => [i.cell, i.severity])).toEqual([
      ["J1", "warning"],
      ["A2", "warning"],
      ["B3", "warning"],
    ]);
    expect(history[1].message).toMatch(/beholdes som den er/);

    // A second final rollup rewrites the 2025 row in place: no second 2025 row.
    expect((await cli(["rollup", "--source", "foreninger", "--out", "sentral.xlsx"], dir)).code).toBe(0);
    expect(await readTab(central, "Historikk")).toEqual(after);
  });
});

describe("writes that cannot half-happen", () => {
  it("refuses --out that is not .xlsx and --summary that is not .json (exit 2), writing nothing", async () => {
    const { dir } = folder("names");
    const txt = await cli(["rollup", "--source", "foreninger", "--out", "ut.txt"], dir);
    expect([txt.code, txt.stderr]).toEqual([2, "samspill: --out må være en .xlsx-fil (ikke «ut.txt»).\n"]);
    const summary = await cli(
      ["rollup", "--source", "foreninger", "--out", "sentral.xlsx", "--summary", "sammendrag.txt"],
      dir,
    );
    expect([summary.code, summary.stderr]).toEqual([
      2,
      "samspill: --summary må være en .json-fil (ikke «sammendrag.txt»).\n",
    ]);
    expect(readdirSync(dir)).toEqual(["foreninger"]);
  });

  it("writes neither file when the summary cannot be written: the central stays as it was", async () => {
    const { dir } = folder("pair");
    expect((await cli(["rollup", "--source", "foreninger", "--out", "sentral.xlsx"], dir)).code).toBe(0);
    const bytes = readFileSync(path.join(dir, "sentral.xlsx"));
    writeFileSync(path.join(dir, "fil"), "");
    const run = await cli(
      ["rollup", "--source", "foreninger", "--out", "sentral.xlsx", "--summary", "fil/summary.json"],
      dir,
      { SAMSPILL_NOW: "2026-03-02T10:00:00Z" },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`samspill: «${path.join(dir, "fil")}» finnes allerede, men er ikke en mappe.\n`);
    expect(run.stderr).not.toMatch(/uventet|ENOTDIR|EEXIST/);
    expect(readFileSync(path.join(dir, "sentral.xlsx")).equals(bytes)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(["fil", "foreninger", "sentral.xlsx"]);
  });

  it("says what the system said about a file in Norwegian, naming it", () => {
    const problem = (code: string) =>
      fileSystemProblem(Object.assign(new Error(`${code}: x`), { code, path: "/data/sentral.xlsx" }))
        ?.message;
    expect(problem("EACCES")).toBe(
      "Samspill har ikke lov til å skrive eller lese «/data/sentral.xlsx». Sjekk tilgangen til filen og mappen den ligger i.",
    );
    expect(problem("ENOENT")).toBe(
      "«/data/sentral.xlsx» finnes ikke (eller mappen den skal ligge i finnes ikke).",
    );
    expect(problem("ENOSPC")).toBe(
      "Det er ikke plass på disken til «/data/sentral.xlsx». Ingenting er endret; frigjør plass og prøv igjen.",
    );
    expect(problem("EROFS")).toBe(
      "«/data/sentral.xlsx» ligger på en disk som bare kan leses. Velg en annen plassering.",
    );
    expect(problem("ECONNRESET")).toBeUndefined();
  });

  it("refuses an invalid SAMSPILL_NOW with a Norwegian message and exit 2", async () => {
    const run = await cli(["rollup", "--source", "foreninger", "--out", "sentral.xlsx"], work, {
      SAMSPILL_NOW: "i går",
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "samspill: SAMSPILL_NOW er ikke et gyldig tidspunkt: «i går». Bruk f.eks. 2026-03-01T10:00:00Z, eller fjern variabelen.\n",
    );
  });
});

/** The CLI as its own process (bin/samspill.js), for what only a process shows: pipes, locks, kills. */
function spawned(args: string[], cwd: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, SAMSPILL_NOW: NOW, SAMSPILL_DEBUG: "", ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const done = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>((resolve) => child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

describe("the CLI as a process", () => {
  it("ends quietly when the reader of stdout has gone (samspill … | head -1)", async () => {
    const { dir } = folder("pipe");
    const { child, done } = spawned(["rollup", "--source", "foreninger", "--out", "sentral.xlsx"], dir);
    child.stdout.destroy(); // the reader goes away before the first line is written: every write is EPIPE
    const run = await done;
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(existsSync(path.join(dir, "sentral.xlsx"))).toBe(true);
  });

  it("runs two rollups of one central at once without losing a Logg row (the second waits for the lock)", async () => {
    const { dir } = folder("concurrent");
    expect((await cli(["rollup", "--source", "foreninger", "--out", "sentral.xlsx"], dir)).code).toBe(0);
    const runs = await Promise.all(
      [1, 2].map(
        (n) =>
          spawned(["rollup", "--source", "foreninger", "--out", "sentral.xlsx"], dir, {
            SAMSPILL_NOW: `2026-03-0${n + 1}T10:00:00Z`,
          }).done,
      ),
    );
    for (const run of runs) {
      // Either both finish, or the second refuses with a message; never a silent loss.
      if (run.code !== 0)
        expect(run.stderr).toMatch(/^samspill: En annen innhenting skriver til «sentral\.xlsx» akkurat nå/);
    }
    const logged = (await readTab(path.join(dir, "sentral.xlsx"), "Logg")).length - 1;
    expect(logged).toBe(1 + runs.filter((r) => r.code === 0).length);
    expect(runs.filter((r) => r.code === 0).length).toBeGreaterThanOrEqual(1);
    expect(readdirSync(dir).sort()).toEqual(["foreninger", "sentral.xlsx"]);
  });

  it("after a run killed while writing, the next run works and leaves no debris", async () => {
    const { dir } = folder("killed");
    expect(
      (
        await cli(
          ["rollup", "--source", "foreninger", "--out", "sentral.xlsx", "--summary", "summary.json"],
          dir,
        )
      ).code,
    ).toBe(0);
    // What a kill leaves at worst: a temp file of each output, a backup, and a lock not kept fresh.
    writeFileSync(path.join(dir, "sentral.xlsx.424242.tmp"), "halvferdig");
    writeFileSync(path.join(dir, "summary.json.424242.tmp"), "{");
    writeFileSync(path.join(dir, "sentral.xlsx.424242.old"), "gammel");
    mkdirSync(path.join(dir, "sentral.xlsx.lock"));
    const longAgo = new Date(Date.now() - 10 * 60_000);
    utimesSync(path.join(dir, "sentral.xlsx.lock"), longAgo, longAgo);

    // And a real kill in the middle of writing: SIGKILL as soon as the temp file appears.
    const { child, done } = spawned(
      ["rollup", "--source", "foreninger", "--out", "sentral.xlsx", "--summary", "summary.json"],
      dir,
      { SAMSPILL_NOW: "2026-03-02T10:00:00Z" },
    );
    const poll = setInterval(() => {
      if (readdirSync(dir).some((n) => n.startsWith(`sentral.xlsx.${child.pid}.`))) child.kill("SIGKILL");
    }, 2);
    const killed = await done;
    clearInterval(poll);
    expect([killed.code, killed.signal]).toEqual([null, "SIGKILL"]);

    const run = await cli(
      ["rollup", "--source", "foreninger", "--out", "sentral.xlsx", "--summary", "summary.json"],
      dir,
      { SAMSPILL_NOW: "2026-03-03T10:00:00Z" },
    );
    expect(run.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["foreninger", "sentral.xlsx", "summary.json"]);
    expect(figures(summaryOf(path.join(dir, "summary.json")))).toEqual(figures(cleanSummary));
    expect(statSync(path.join(dir, "sentral.xlsx")).size).toBeGreaterThan(1000);
    expect(existsSync(path.join(dir, "sentral.xlsx.lock"))).toBe(false);
  });
});
