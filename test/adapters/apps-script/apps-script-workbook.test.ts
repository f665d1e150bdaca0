import { AppsScriptWorkbook } from "../../../src/adapters/apps-script/apps-script-workbook";
import { sheetPlan } from "../../../src/core/plan";
import { activities, milestones } from "../../../src/core/templates/association";
import { createWorld } from "../../stand-ins/apps-script";

function open(sheets?: Record<string, Array<Array<string | number>>>) {
  const world = createWorld();
  const id = world.addSpreadsheet({ name: "Test", sheets });
  const { SpreadsheetApp } = world.globalsFor({ userEmail: "kari@example.org", activeSpreadsheetId: id });
  const workbook = () => new AppsScriptWorkbook(SpreadsheetApp.getActiveSpreadsheet(), SpreadsheetApp);
  return { world, id, workbook, SpreadsheetApp };
}

describe("AppsScriptWorkbook", () => {
  it("keeps every string as the text it was, even where Sheets would read a number, date, boolean or formula", () => {
    const { workbook } = open();
    const texts = ["0301", "1 234", "12.03.2025", "2025-03-12", "TRUE", "=1+1", "+47 22 00 00 00", "-", "@bruker", "'sitat", "Kurs"];
    workbook().write("Ut", [texts]);
    workbook().append("Ut", [texts]);
    workbook().setCells("Ut", texts.map((value, j) => ({ cell: `${String.fromCharCode(65 + j)}3`, value })));
    expect(workbook().read("Ut")).toEqual([texts, texts, texts]);
  });

  it("writes a tab with one clear, one format and one value call; reads it with one getValues", () => {
    const { world, workbook } = open({ Ut: [["gammel"]] });
    const book = workbook();
    world.resetCalls();
    book.write("Ut", Array.from({ length: 3000 }, (_, i) => [i, `rad ${i}`, new Date(Date.UTC(2025, 0, 1 + (i % 300), 12))]), ["whole", "text", "date"]);
    expect(world.callsOf("Range.setValues", "Range.setNumberFormats", "Sheet.clearContents")).toBe(3);
    world.resetCalls();
    expect(workbook().read("Ut")).toHaveLength(3000);
    expect(world.callsOf("Range.getValues")).toBe(1);
  });

  it("re-uses its own protection and conditional rules on a second plan, and keeps the user's rules", () => {
    const { world, id, workbook, SpreadsheetApp } = open({ Milepæler: [milestones.keys.map((k) => milestones.columns[k].header)] });
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Milepæler")!;
    const userRule = SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo("Viktig").setBackground("#0000ff").setRanges([sheet.getRange("B2:B50")]).build();
    sheet.setConditionalFormatRules([userRule]);
    const plan = sheetPlan(milestones, workbook().read("Milepæler")![0]);
    workbook().applyPlan(plan);
    workbook().applyPlan(plan);
    const tab = world.snapshot(id).sheets.find((s) => s.name === "Milepæler")!;
    expect(tab.protections).toHaveLength(1);
    expect(tab.conditionalRules.map((r) => r.background?.toLowerCase())).toEqual(["#0000ff", "#f4cccc", "#d9ead3"]);
  });

  it("marks cells in one getBackgrounds/setBackgrounds over the range read, and only changes what changed", () => {
    const header = activities.keys.map((k) => activities.columns[k].header);
    const { world, id, workbook } = open({ Aktiviteter: [header, ["x", "Kurs", "T", "", "", 5, "", "", "", ""]] });
    const book = workbook();
    book.read("Aktiviteter");
    world.resetCalls();
    book.markCells("Aktiviteter", [{ cell: "A2", message: "Dato må være en dato" }, { cell: "Z99", message: "utenfor" }]);
    expect(world.callLog).toEqual(["Range.getBackgrounds", "Range.setBackgrounds"]);
    expect(world.snapshot(id).sheets[0].backgrounds).toEqual({ A2: "#fce8b2" });
    world.resetCalls();
    book.markCells("Aktiviteter", [{ cell: "A2", message: "Dato må være en dato" }]);
    expect(world.callLog).toEqual(["Range.getBackgrounds"]);
  });
});
