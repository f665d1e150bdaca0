import { AppsScriptWorkbook, PROTECTION_DESCRIPTION, widthStrokes } from "../../../src/adapters/apps-script/apps-script-workbook";
import { sheetPlan } from "../../../src/core/plan";
import { activities, annualReport, milestones } from "../../../src/core/templates/association";
import { setUpTemplates } from "../../../src/services/setup";
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

  it("recognises its header protection without a description, and adopts the described ones of earlier versions", () => {
    const header = milestones.keys.map((k) => milestones.columns[k].header);
    const { world, id, workbook, SpreadsheetApp } = open({ Milepæler: [header], Aktiviteter: [activities.keys.map((k) => activities.columns[k].header)] });
    const book = SpreadsheetApp.getActiveSpreadsheet();
    // An earlier version's protection (described), and the owner's own strict one over a data column.
    book.getSheetByName("Milepæler")!.getRange("A1:H1").protect().setDescription(PROTECTION_DESCRIPTION).setWarningOnly(true);
    book.getSheetByName("Milepæler")!.getRange("B1:B20").protect().setDescription("Eierens");
    const plan = sheetPlan(milestones, header);
    workbook().applyPlan(plan);
    const once = world.snapshot(id);
    workbook().applyPlan(plan);
    workbook().applyPlan(sheetPlan(activities, workbook().read("Aktiviteter")![0]));
    workbook().applyPlan(sheetPlan(activities, workbook().read("Aktiviteter")![0]));
    const tabs = world.snapshot(id).sheets;
    expect(tabs.find((s) => s.name === "Milepæler")).toEqual(once.sheets.find((s) => s.name === "Milepæler"));
    expect(tabs.find((s) => s.name === "Milepæler")!.protections.map((p) => [p.range, p.warningOnly])).toEqual([["A1:H1", true], ["B1:B20", false]]);
    expect(tabs.find((s) => s.name === "Aktiviteter")!.protections.map((p) => [p.range, p.warningOnly, p.description])).toEqual([["A1:J1", true, ""]]);
  });

  it("repairs an Årsrapport protected the earlier way (two described ranges) into one sheet protection, and keeps an owner's strict one", () => {
    const { world, id, workbook, SpreadsheetApp } = open();
    setUpTemplates(workbook(), [annualReport]);
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Årsrapport")!;
    sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0].remove();
    for (const a1 of ["A1:C1", "A2:A13"]) sheet.getRange(a1).protect().setDescription(PROTECTION_DESCRIPTION).setWarningOnly(true);
    setUpTemplates(workbook(), [annualReport]);
    const form = () => world.snapshot(id).sheets.find((s) => s.name === "Årsrapport")!;
    expect(form().protections).toEqual([expect.objectContaining({ type: "SHEET", warningOnly: true, unprotected: ["B2:B13"] })]);
    setUpTemplates(workbook(), [annualReport]);
    expect(form().protections).toHaveLength(1);

    sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0].setWarningOnly(false).setUnprotectedRanges([]);
    setUpTemplates(workbook(), [annualReport]);
    expect(form().protections).toEqual([expect.objectContaining({ type: "SHEET", warningOnly: false, unprotected: [] })]);
  });

  it("creates missing tabs without looking them up, and finds the ones that exist", () => {
    const { world, id, workbook } = open({ Aktiviteter: [["Dato"]] });
    const book = workbook();
    world.resetCalls();
    book.createMissing(["Årsrapport", "Aktiviteter", "Milepæler"]);
    expect(world.callLog).toEqual(["Spreadsheet.insertSheet", "Spreadsheet.insertSheet", "Spreadsheet.getSheets", "Sheet.getName", "Sheet.getName", "Spreadsheet.insertSheet"]);
    expect(book.read("Aktiviteter")).toEqual([["Dato"]]);
    expect(book.read("Årsrapport")).toEqual([]);
    expect(world.snapshot(id).sheets.map((s) => s.name)).toEqual(["Aktiviteter", "Årsrapport", "Milepæler"]);
  });

  it("sets column widths with as few calls as layering a block's common width allows", () => {
    const widths = (list: number[]) => widthStrokes(list.map((width, index) => ({ index, width })));
    expect(widths([160, 260, 260, 160, 160])).toEqual([{ index: 0, count: 5, width: 160 }, { index: 1, count: 2, width: 260 }]);
    expect(widths([160, 260])).toEqual([{ index: 0, count: 1, width: 160 }, { index: 1, count: 1, width: 260 }]);
    expect(widthStrokes([{ index: 1, width: 260 }, { index: 7, width: 260 }])).toEqual([{ index: 1, count: 1, width: 260 }, { index: 7, count: 1, width: 260 }]);
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
    // Kept cells stay as they are, marked or not, whatever the marks say.
    book.markCells("Aktiviteter", [{ cell: "B2", message: "x" }], ["A2", "B2"]);
    expect(world.snapshot(id).sheets[0].backgrounds).toEqual({ A2: "#fce8b2" });
  });
});
