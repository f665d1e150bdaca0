import { promises as fs } from "node:fs";
import * as path from "node:path";
import { newXlsx } from "../../adapters/xlsx";
import { Cell } from "../../core/cell";
import { sheetPlan } from "../../core/plan";
import { ASSOCIATION_TEMPLATES, activities, annualReport, measures, milestones } from "../../core/templates/association";
import { setUpTemplates } from "../../services/setup";
import { createCentral } from "../central-file";
import { partnersCommand } from "../commands/partners";
import { CliContext, progress } from "../context";
import { pool } from "../local-files";
import { localRollup, LocalRollupResult } from "../local-rollup";
import { countyLines, goalLinesText, nationalLines, statusLine } from "../print";
import { renderReport } from "../../report/html";
import { reportOptionsFromCentral } from "../../report/inputs";
import { counted, describeIssue } from "../../core/wording";
import { DEMO_SEED, DemoAssociation, demoAssociations, demoSheetSeed, demoSheets, DemoSheets, NOT_A_WORKBOOK, reorder } from "../../demo/data";

const LAST_YEAR = 2024;
const YEAR = 2025;

/** Writes one association's workbook as its people would have filled it in. */
export async function writeAssociationWorkbook(file: string, association: DemoAssociation, sheets: DemoSheets, mistakes: boolean): Promise<void> {
  const variant = mistakes ? association.variant : "clean";
  const workbook = newXlsx(file);
  const templates = variant === "missingTab" ? ASSOCIATION_TEMPLATES.filter((t) => t !== milestones) : ASSOCIATION_TEMPLATES;
  const plans = setUpTemplates(workbook, templates);

  const form = plans.find((p) => p.name === annualReport.name)!;
  const rowOf = new Map(form.columns.map((c) => [c.header, (c.row ?? 0) + 1]));
  workbook.setCells(annualReport.name, sheets.report.map(([label, value]) => ({ cell: `B${rowOf.get(label)}`, value })));

  if (variant === "reordered") {
    const grid = reorder(sheets.activities, [2, 1, 0, 5, 6, 4, 3, 7, 8, 9]);
    workbook.write(activities.name, grid);
    workbook.applyPlan(sheetPlan(activities, grid[0]));
  } else if (variant === "missingColumn") {
    // Someone deleted the Deltakere column of a plain copy of the sheet.
    workbook.write(activities.name, sheets.activities.map((row) => row.filter((_, j) => j !== 5)));
  } else if (variant === "extraColumn") {
    const grid = sheets.activities.map((row, r): Cell[] => [...row, r === 0 ? "Sted" : r % 3 === 0 ? "Biblioteket" : "Frivilligsentralen"]);
    workbook.write(activities.name, grid);
    workbook.applyPlan(sheetPlan(activities, grid[0]));
  } else workbook.append(activities.name, sheets.activities.slice(1));

  if (variant !== "missingTab") workbook.append(milestones.name, sheets.milestones.slice(1));
  const updates = [...sheets.measures].flatMap(([i, [status, result, reached, due]]) => [
    { cell: `F${i + 2}`, value: due },
    { cell: `G${i + 2}`, value: status as Cell },
    { cell: `H${i + 2}`, value: result as Cell },
    { cell: `I${i + 2}`, value: reached },
  ]);
  workbook.setCells(measures.name, updates);
  await workbook.save();
}

/** Writes every association's workbook for a year into `dir`; gives the files written. */
async function writeYear(dir: string, associations: DemoAssociation[], year: number, mistakes: boolean, context: CliContext): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const bar = progress(context, `Lager eksempelregneark ${year}`);
  let done = 0;
  await pool(associations, 4, async (association, i) => {
    const sheets = demoSheets(association, year, demoSheetSeed(i, year), mistakes);
    await writeAssociationWorkbook(path.join(dir, `${association.id}.xlsx`), association, sheets, mistakes);
    bar.update(++done, associations.length);
  });
  bar.stop();
}

export interface DemoResult {
  lastYear: LocalRollupResult;
  thisYear: LocalRollupResult;
  files: { central: string; summary: string; report: string; associations: string; partners: string };
}

/**
 * `samspill demo`: sample association workbooks for 2024 and 2025, the 2024 rollup (final, so
 * Historikk gets 2024 and participant growth has a value), the 2025 rollup, partner views and
 * rapport.html. Everything is written under `out`; earlier demo files there are replaced.
 */
export async function runDemo(out: string, context: CliContext): Promise<DemoResult> {
  const files = {
    central: path.join(out, "sentral.xlsx"),
    summary: path.join(out, "summary.json"),
    report: path.join(out, "rapport.html"),
    associations: path.join(out, "foreninger"),
    partners: path.join(out, "kommuner"),
  };
  const archive = path.join(out, String(LAST_YEAR));
  for (const target of [files.associations, files.partners, archive]) await fs.rm(target, { recursive: true, force: true });
  for (const target of [files.central, files.summary, files.report]) await fs.rm(target, { force: true });
  await fs.mkdir(out, { recursive: true });

  const associations = demoAssociations(DEMO_SEED);
  const quiet: CliContext = { ...context, out: () => undefined };

  // 2024: last year, clean, rolled up after the deadline, so its totals go into Historikk.
  const lastYearDir = path.join(archive, "foreninger");
  await writeYear(lastYearDir, associations, LAST_YEAR, false, context);
  const lastYearCentral = path.join(archive, "sentral.xlsx");
  await createCentral(lastYearCentral, { year: LAST_YEAR, deadline: `${LAST_YEAR + 1}-02-15`, grantLastYear: 1_200_000, grantThisYear: 1_350_000 }).save();
  const lastYear = await localRollup({ source: lastYearDir, out: lastYearCentral, summary: path.join(archive, "summary.json") }, quiet);

  // 2025: this year, with the mistakes people make, one association late and one file that is not a workbook.
  await writeYear(files.associations, associations, YEAR, true, context);
  await fs.writeFile(path.join(files.associations, `${NOT_A_WORKBOOK.id}.xlsx`), NOT_A_WORKBOOK.text);
  const central = createCentral(files.central, { year: YEAR, deadline: `${YEAR + 1}-02-15`, grantLastYear: 1_350_000, grantThisYear: 1_650_000 });
  central.append("Historikk", (lastYear.central.read("Historikk") ?? []).slice(1));
  await central.save();
  const thisYear = await localRollup({ source: files.associations, out: files.central, summary: files.summary }, quiet);

  await partnersCommand({ source: files.associations, out: files.partners, year: YEAR }, quiet);
  const summary = thisYear.outcome.summary;
  await fs.writeFile(files.report, await renderReport(summary, { ...reportOptionsFromCentral(thisYear.central, context.now(), false), results: thisYear.outcome.results }));

  const say = context.out;
  say(`Samspill demo – rapportår ${YEAR} (${associations.length + 1} foreningsfiler, seed ${DEMO_SEED})`);
  say("");
  say(statusLine(summary));
  say("");
  nationalLines(summary).forEach((line) => say(line));
  say("");
  countyLines(summary).forEach((line) => say(line));
  say("");
  goalLinesText(summary).forEach((line) => say(line));
  say("");
  say(`${counted(summary.issues.length, "problem")} funnet (se fanen Avvik i sentral.xlsx), f.eks.:`);
  const examples = new Map<string, string>();
  for (const issue of summary.issues) if (!examples.has(issue.code)) examples.set(issue.code, `  ${issue.association || "sentralt regneark"}: ${issue.sheet ? `${issue.sheet}!${issue.cell} ` : ""}${describeIssue(issue.code)} – ${issue.message}`);
  [...examples.values()].forEach((line) => say(line));
  say("");
  say("Skrev:");
  say(`  ${files.central}   sentralt regneark (Dashbord, Innsamling, Nasjonalt, Per fylke, Mål, Avvik, …)`);
  say(`  ${files.summary}   sammendrag (summary JSON)`);
  say(`  ${files.report}   rapport med diagrammer (åpnes i en nettleser, virker uten nett)`);
  say(`  ${files.associations}/   foreningenes regneark for ${YEAR} (prøv: samspill validate ${path.join(files.associations, `${associations[1].id}.xlsx`)})`);
  say(`  ${files.partners}/   kommunevisninger (én fil per kommune)`);
  say(`  ${archive}/   rapportåret ${LAST_YEAR} (grunnlaget for veksten i Historikk)`);
  return { lastYear, thisYear, files };
}
