import { AppsScriptWorkbook } from "../../../src/adapters/apps-script/apps-script-workbook";
import { osloDayOf, serialFromIso } from "../../../src/core/dates";
import { createForeningApp } from "../../../src/targets/forening/app";
import { createWorld } from "../../stand-ins/apps-script";
import { ACTIVITY_HEADER, annualReportRows, KARI } from "./harness";

/**
 * Range.getValues returns a date cell as a Date at midnight in the spreadsheet's time zone
 * (https://developers.google.com/apps-script/reference/spreadsheet/range#getValues() and
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSpreadsheetTimeZone()),
 * which the stand-in models: a cell typed 12.03.2025 is a whole serial number shown as a date.
 */
function helsinkiSheet() {
  const world = createWorld({ startTime: Date.UTC(2025, 10, 20, 9, 0, 0) });
  const date = (iso: string) => ({ value: serialFromIso(iso), numberFormat: "dd.MM.yyyy" });
  const id = world.addSpreadsheet({
    name: "Seniornett Bodø – rapport",
    owner: KARI,
    timeZone: "Europe/Helsinki",
    sheets: {
      Årsrapport: annualReportRows(),
      Aktiviteter: [ACTIVITY_HEADER, [date("2025-03-12"), "Kurs", "Nettbank", "", "", 12, 2, 1, 2, ""], [date("2025-01-01"), "Kurs", "Nyttår", "", "", 8, 0, 0, 0, ""]],
    },
  });
  const globals = world.globalsFor({ userEmail: KARI, activeSpreadsheetId: id });
  return { world, id, globals };
}

describe("dates in a spreadsheet that is not in Oslo time", () => {
  it("reads 12.03.2025 in a Europe/Helsinki spreadsheet as 12.03.2025", () => {
    const { globals } = helsinkiSheet();
    const book = new AppsScriptWorkbook(globals.SpreadsheetApp.getActiveSpreadsheet(), globals.SpreadsheetApp, globals.Utilities);
    const [, first, second] = book.read("Aktiviteter")!;
    expect((first[0] as Date).toISOString()).toBe("2025-03-12T12:00:00.000Z");
    expect((second[0] as Date).toISOString()).toBe("2025-01-01T12:00:00.000Z");
  });

  it("does not report 01.01.2025 as outside Rapportår 2025 when the spreadsheet is in Helsinki time", () => {
    const { world, globals } = helsinkiSheet();
    const app = createForeningApp(globals, world.now);
    const { problems } = app.getProblems();
    expect(problems.filter((p) => p.sheet === "Aktiviteter")).toEqual([]);
  });

  it("Sett opp rapportmal sets the spreadsheet to Oslo time and the dates keep their day", () => {
    const { world, id, globals } = helsinkiSheet();
    createForeningApp(globals, world.now).menuSetUp();
    expect(world.snapshot(id).timeZone).toBe("Europe/Oslo");
    const book = new AppsScriptWorkbook(globals.SpreadsheetApp.getActiveSpreadsheet(), globals.SpreadsheetApp, globals.Utilities);
    expect(book.read("Aktiviteter")!.slice(1).map((row) => osloDayOf(row[0] as Date))).toEqual(["2025-03-12", "2025-01-01"]);
  });
});
