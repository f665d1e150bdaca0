// Apps Script service calls of the forening add-on, counted by the SpreadsheetApp stand-in
// (test/stand-ins/apps-script), and the size of build/forening (npm run build).
import { buildTarget } from "../scripts/build";
import { createForeningApp } from "../src/targets/forening/app";
import { createWorld, SeedCell } from "../test/stand-ins/apps-script";
import { activityRows, annualReportRows, CONTENT_CALL, MEASURE_HEADER, MILESTONE_HEADER } from "../test/targets/forening/harness";
import { Figure } from "./figures";

const USER = "kari@example.org";
/** Rule builders only assemble an object in the script; the service call is the one that applies it. */
const BUILDER = /^(DataValidationBuilder|ConditionalFormatRuleBuilder)\.|^SpreadsheetApp\.new/;

function open(sheets?: Record<string, SeedCell[][]>) {
  const world = createWorld({ startTime: Date.UTC(2025, 10, 20, 9) });
  const id = world.addSpreadsheet({ name: "Rapport", sheets });
  const globals = world.globalsFor({ userEmail: USER, activeSpreadsheetId: id });
  return { world, globals, app: createForeningApp(globals, world.now) };
}

function counted(world: ReturnType<typeof createWorld>): { service: number; all: number } {
  const entries = Object.entries(world.callsByMethod);
  return { all: world.calls, service: entries.filter(([k]) => !BUILDER.test(k)).reduce((s, [, n]) => s + n, 0) };
}

function check(rows: number): { service: number; all: number } {
  const { world, app } = open({ Årsrapport: annualReportRows(), Aktiviteter: activityRows(rows, 5), Milepæler: [MILESTONE_HEADER], Tiltak: [MEASURE_HEADER] });
  world.resetCalls();
  app.getProblems();
  return counted(world);
}

/** onEdit after a user set `cell` of a 5,000-row Aktiviteter; content = calls that read or write cell content or formatting. */
function edit(rows: number, cell: string, value: unknown): { service: number; all: number; content: number } {
  const { world, globals, app } = open({ Årsrapport: annualReportRows(), Aktiviteter: activityRows(rows, 5) });
  const book = globals.SpreadsheetApp.getActiveSpreadsheet();
  const range = book.getSheetByName("Aktiviteter")!.getRange(cell);
  range.setValue(value);
  world.resetCalls();
  app.onEdit({ authMode: globals.ScriptApp.AuthMode.LIMITED, range, source: book } as unknown as GoogleAppsScript.Events.SheetsOnEdit);
  const content = Object.entries(world.callsByMethod).filter(([k]) => CONTENT_CALL.test(k)).reduce((s, [, n]) => s + n, 0);
  return { ...counted(world), content };
}

export async function figures(): Promise<Figure[]> {
  const setUp = open();
  setUp.world.resetCalls();
  setUp.app.menuSetUp();
  const setup = counted(setUp.world);
  const small = check(10);
  const large = check(5000);
  const changed = edit(5000, "F5000", 20000);
  const dated = edit(5000, "A5000", new Date(Date.UTC(2024, 4, 2, 12)));
  const built = await buildTarget("forening");
  const mal = await buildTarget("mal");
  const sidebars = built.files.filter((f) => f.endsWith(".html"));
  const { statSync } = await import("node:fs");
  const { join } = await import("node:path");
  const sidebarBytes = sidebars.map((f) => statSync(join(built.dir, f)).size);
  const note = "service calls counted by the stand-in, rule builders excluded";
  return [
    { name: "appsscript.setup.calls", value: setup.service, unit: "calls", note: `Sett opp rapportmal on a new spreadsheet, all four tabs; ${note}` },
    { name: "appsscript.setup.allCalls", value: setup.all, unit: "calls", note: "the same, every counted call including DataValidationBuilder/ConditionalFormatRuleBuilder" },
    { name: "appsscript.check.calls.10rows", value: small.service, unit: "calls", note: `Kontroller rapporten, four tabs, Aktiviteter 10 rows; ${note} (none are used)` },
    { name: "appsscript.check.calls.5000rows", value: large.service, unit: "calls", note: "the same with 5,000 rows" },
    { name: "appsscript.check.callsPerTab", value: large.service / 4, unit: "calls", note: "Kontroller rapporten: calls / 4 tabs" },
    {
      name: "appsscript.edit.calls",
      value: changed.content,
      unit: "calls",
      note: "onEdit of Deltakere in a 5,000-row Aktiviteter: calls that read or write cell content or formatting (getValues ×2: header, edited row; getBackgrounds; setBackgrounds). Handle getters (getSheet, getName, getA1Notation, getRange) are not counted here: see appsscript.edit.allCalls",
    },
    { name: "appsscript.edit.allCalls", value: changed.all, unit: "calls", note: "the same edit: every counted call, handle getters included" },
    {
      name: "appsscript.edit.calls.dateColumn",
      value: dated.content,
      unit: "calls",
      note: "onEdit of Dato in the same tab, counted as appsscript.edit.calls: also reads Rapportår (dates must fall in the report year), so 5. Edits outside the Dato column leave the Dato cells' marks as they are and skip that read",
    },
    { name: "appsscript.edit.allCalls.dateColumn", value: dated.all, unit: "calls", note: "the same Dato edit: every counted call" },
    { name: "bundle.forening.bytes", value: built.codeBytes, unit: "bytes", note: "build/forening/Code.js, minified" },
    { name: "bundle.mal.bytes", value: mal.codeBytes, unit: "bytes", note: "build/mal/Code.js (the forening code bound to the master template), minified; budget 153600" },
    ...(sidebarBytes.length ? [{ name: "sidebar.forening.maxBytes", value: Math.max(...sidebarBytes), unit: "bytes", note: `largest of ${sidebars.join(", ")}` }] : []),
  ];
}
