import { AppsScriptWorkbook } from "../../../src/adapters/apps-script/apps-script-workbook";
import { Cell } from "../../../src/core/cell";
import { MARK_BACKGROUND, Workbook } from "../../../src/workbook/workbook";
import { AppsScriptGlobals, createWorld, SeedCell, World } from "../../stand-ins/apps-script";
import { describeWorkbookContract } from "../../workbook/contract";

const opened = new WeakMap<Workbook, { world: World; id: string; globals: AppsScriptGlobals }>();

function open(world: World, id: string, userEmail: string): AppsScriptWorkbook {
  const globals = world.globalsFor({ userEmail, activeSpreadsheetId: id });
  const { SpreadsheetApp } = globals;
  const workbook = new AppsScriptWorkbook(SpreadsheetApp.getActiveSpreadsheet(), SpreadsheetApp);
  opened.set(workbook, { world, id, globals });
  return workbook;
}

/** The contract over the SpreadsheetApp stand-in; `reopen` reads back in a new execution by another user. */
describeWorkbookContract("apps-script", {
  async open(initial: Record<string, Cell[][]>) {
    const world = createWorld();
    const sheets = Object.keys(initial).length ? (initial as Record<string, SeedCell[][]>) : undefined;
    return open(world, world.addSpreadsheet({ name: "Kontrakt", sheets }), "kari@example.org");
  },
  async reopen(workbook: Workbook) {
    // The writer's execution has ended (its queued writes are applied) before the new one reads.
    const { world, id, globals } = opened.get(workbook)!;
    world.endExecution(globals);
    return open(world, id, "ola@example.org");
  },
  // SpreadsheetApp's own view: Range.getDataValidation, getNumberFormat, getBackground.
  async look(workbook: Workbook, tab: string, cell: string) {
    const { id, globals } = opened.get(workbook)!;
    const range = globals.SpreadsheetApp.openById(id).getSheetByName(tab)!.getRange(cell);
    return { validated: range.getDataValidation() !== null, numberFormat: range.getNumberFormat(), marked: range.getBackground().toLowerCase() === MARK_BACKGROUND.toLowerCase() };
  },
});
