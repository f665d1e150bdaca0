import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { newXlsx, openXlsx, openXlsxBuffer, XlsxOpenError } from "../../../src/adapters/xlsx";
import { MEASURES } from "../../../src/core/reference";
import { setUpTemplates } from "../../../src/services/setup";
import { checkAssociationSheets, markIssues, readAssociationSheets } from "../../../src/services/check";

const dir = mkdtempSync(path.join(tmpdir(), "samspill-xlsx-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function template(): Promise<{ file: string; excel: ExcelJS.Workbook }> {
  const file = path.join(dir, `mal-${Math.random().toString(36).slice(2)}.xlsx`);
  const workbook = newXlsx(file);
  setUpTemplates(workbook);
  await workbook.save();
  const excel = new ExcelJS.Workbook();
  await excel.xlsx.readFile(file);
  return { file, excel };
}

const validationAt = (ws: ExcelJS.Worksheet, address: string) => (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model[address];

describe("xlsx association template", () => {
  it("has the instruction tab first, then the four tabs in order", async () => {
    const { excel } = await template();
    expect(excel.worksheets.map((ws) => ws.name)).toEqual(["Slik fyller du ut", "Årsrapport", "Aktiviteter", "Milepæler", "Tiltak"]);
  });

  it("has dropdowns, number, date and length rules on the data rows of Aktiviteter", async () => {
    const { excel } = await template();
    const ws = excel.getWorksheet("Aktiviteter")!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(["Dato", "Aktivitetstype", "Tittel", "Kommunenummer", "Samarbeidspartner", "Deltakere", "Nye deltakere", "Frivillige", "Frivillige timer", "Kommentar"]);
    expect(validationAt(ws, "B2")).toMatchObject({ type: "list", formulae: ['"Kurs,Datahjelp,Foredrag,Åpent møte,Medlemsmøte,Veilederopplæring,Annet"'] });
    expect(validationAt(ws, "B1001")).toMatchObject({ type: "list" });
    expect(validationAt(ws, "B1002")).toBeUndefined();
    expect(validationAt(ws, "F500")).toMatchObject({ type: "whole", operator: "between", formulae: [0, 10000] });
    expect(validationAt(ws, "I2")).toMatchObject({ type: "decimal", formulae: [0, 10000] });
    expect(validationAt(ws, "A2")).toMatchObject({ type: "date" });
    expect(validationAt(ws, "C2")).toMatchObject({ type: "textLength", operator: "lessThanOrEqual", formulae: [200] });
    expect(validationAt(ws, "D2")).toMatchObject({ type: "custom", formulae: ["AND(LEN(D2)=4,ISNUMBER(VALUE(D2)))"] });
    expect(validationAt(ws, "F2")?.error).toContain("Deltakere");
  });

  it("freezes and bolds the header row, sets widths, header notes and column formats", async () => {
    const { excel } = await template();
    const ws = excel.getWorksheet("Aktiviteter")!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getColumn(3).width).toBeCloseTo(260 / 7, 0);
    expect(String(ws.getCell("F1").note)).toContain("Påkrevd: et helt tall mellom 0 og 10 000");
    expect(ws.getColumn(1).numFmt).toBe("dd.mm.yyyy");
    expect(ws.getColumn(4).numFmt).toBe("@");
    expect(ws.getColumn(6).numFmt).toBe("#,##0");
  });

  it("protects only the header row, with no password", async () => {
    const { excel } = await template();
    const ws = excel.getWorksheet("Aktiviteter")!;
    const protection = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection).toMatchObject({ sheet: true, insertRows: true, deleteRows: true, sort: true });
    expect(protection.hashValue).toBeUndefined();
    expect(ws.getCell("A1").protection?.locked).not.toBe(false); // locked is Excel's default
    expect(ws.getColumn(1).style.protection?.locked).toBe(false);
  });

  it("paints overdue milestones red and done ones green", async () => {
    const { excel } = await template();
    const cf = (excel.getWorksheet("Milepæler") as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
    expect(cf.map((c) => c.ref)).toEqual(["A2:H1001", "A2:H1001"]);
    expect((cf[0].rules[0] as { formulae: string[] }).formulae[0]).toContain("TODAY()");
    expect((cf[1].rules[0] as { formulae: string[] }).formulae[0]).toBe('$F2="Fullført"');
  });

  it("sets up Årsrapport as a form: labels locked in A, rules on B, help in C", async () => {
    const { excel } = await template();
    const ws = excel.getWorksheet("Årsrapport")!;
    expect(ws.getCell("A2").value).toBe("Rapportår");
    expect(validationAt(ws, "B2")).toMatchObject({ type: "whole", formulae: [2000, 2100] });
    expect(validationAt(ws, "B8")).toMatchObject({ type: "list", formulae: ['"Ingen,Muntlig,Skriftlig"'] });
    expect(ws.getCell("B9").numFmt).toBe("dd.mm.yyyy");
    expect(String(ws.getCell("C6").value)).toContain("et helt tall mellom 0 og 100 000");
    expect(ws.getCell("A6").protection?.locked).not.toBe(false);
    expect(ws.getCell("B6").protection?.locked).toBe(false);
    expect(ws.getColumn(2).style.protection?.locked).toBe(false);
  });

  it("prefills Tiltak from the action plan", async () => {
    const { excel } = await template();
    const ws = excel.getWorksheet("Tiltak")!;
    expect(ws.actualRowCount).toBe(MEASURES.length + 1);
    expect(ws.getCell("B2").value).toBe(MEASURES[0].measure);
    expect(ws.getCell("G2").value).toBe("Ikke startet");
  });

  it("a fresh template checks without errors except the empty required fields", async () => {
    const { file } = await template();
    const result = checkAssociationSheets(readAssociationSheets(await openXlsx(file)), "2025-06-01");
    expect(new Set(result.issues.filter((i) => i.severity === "error").map((i) => i.code))).toEqual(new Set(["required"]));
  });
});

describe("xlsx values", () => {
  it("reads rich text, hyperlinks, formula results, errors and wall-clock dates as the interface says", async () => {
    const excel = new ExcelJS.Workbook();
    const ws = excel.addWorksheet("Ark");
    ws.getCell("A1").value = { richText: [{ text: "Senior" }, { text: "nett", font: { bold: true } }] };
    ws.getCell("B1").value = { text: "Nettside", hyperlink: "https://seniornett.no" };
    ws.getCell("C1").value = { formula: "1+1", result: 2 };
    ws.getCell("D1").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    ws.getCell("E1").value = new Date(Date.UTC(2025, 2, 30));
    ws.getCell("E1").numFmt = "dd.mm.yyyy";
    ws.getCell("F1").value = new Date(Date.UTC(2025, 6, 1, 14, 30));
    ws.getCell("F1").numFmt = "dd.mm.yyyy hh:mm";
    const workbook = await openXlsxBuffer(Buffer.from(await excel.xlsx.writeBuffer()));
    const [row] = workbook.read("Ark")!;
    expect(row.slice(0, 4)).toEqual(["Seniornett", "Nettside", 2, "#DIV/0!"]);
    expect((row[4] as Date).toISOString()).toBe("2025-03-30T12:00:00.000Z");
    expect((row[5] as Date).toISOString()).toBe("2025-07-01T12:30:00.000Z"); // 14:30 in Oslo (summer time)
  });

  it("stores formula-looking text as strings in the file, never as formulas", async () => {
    const file = path.join(dir, "tekst.xlsx");
    const workbook = newXlsx(file);
    workbook.write("Ut", [["=HYPERLINK(\"http://x\")", "+47 123", "-5", "@b"]], ["text", "text", "text", "text"]);
    await workbook.save();
    const zip = await JSZip.loadAsync(readFileSync(file));
    const sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheetXml).not.toContain("<f>");
    expect(sheetXml).toMatch(/t="s"/);
    const shared = await zip.file("xl/sharedStrings.xml")!.async("string");
    expect(shared).toContain("=HYPERLINK(&quot;http://x&quot;)");
  });

  it("writes calendar dates as whole serial days shown dd.mm.yyyy", async () => {
    const file = path.join(dir, "dato.xlsx");
    const workbook = newXlsx(file);
    workbook.write("Ut", [["Dato"], [new Date("2025-10-26T12:00:00Z")]], ["date"]);
    await workbook.save();
    const zip = await JSZip.loadAsync(readFileSync(file));
    const sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheetXml).toContain("<v>45956</v>");
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(file);
    expect(excel.getWorksheet("Ut")!.getCell("A2").numFmt).toBe("dd.mm.yyyy");
  });

  it("marks cells with a fill and a note, and clears earlier marks but keeps help notes", async () => {
    const file = path.join(dir, "merk.xlsx");
    const workbook = newXlsx(file);
    setUpTemplates(workbook);
    workbook.append("Aktiviteter", [["01.02.2025", "Kurs", "Kurs", "", "", "mange"]]);
    const result = checkAssociationSheets(readAssociationSheets(workbook), "2025-06-01");
    markIssues(workbook, result.issues);
    await workbook.save();
    let excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(file);
    const cell = excel.getWorksheet("Aktiviteter")!.getCell("F2");
    expect(String(cell.note)).toContain("Deltakere må være et helt tall mellom 0 og 10 000");
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFCE8B2");

    const again = await openXlsx(file);
    again.setCells("Aktiviteter", [{ cell: "F2", value: 12 }]);
    markIssues(again, checkAssociationSheets(readAssociationSheets(again), "2025-06-01").issues);
    await again.save();
    excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(file);
    const ws = excel.getWorksheet("Aktiviteter")!;
    expect(ws.getCell("F2").note).toBeFalsy();
    expect((ws.getCell("F2").fill as ExcelJS.FillPattern | undefined)?.pattern ?? "none").toBe("none");
    expect(String(ws.getCell("F1").note)).toContain("Påkrevd");
  });

  it("gives a Norwegian error for a file that is not a workbook, and for a missing file", async () => {
    await expect(openXlsxBuffer(Buffer.from("dette er tekst"), "feil.xlsx")).rejects.toThrow(new XlsxOpenError("Filen «feil.xlsx» kan ikke åpnes som et Excel-regneark (.xlsx)", "unreadable"));
    await expect(openXlsx(path.join(dir, "borte.xlsx"))).rejects.toMatchObject({ reason: "not_found" });
  });
});

describe("xlsx long lists", () => {
  it("keeps a list longer than Excel's 255-character limit on a hidden Lister tab", async () => {
    const values = Array.from({ length: 40 }, (_, i) => `Et langt listevalg nummer ${i + 1}`);
    const file = path.join(dir, "lister.xlsx");
    const workbook = newXlsx(file);
    workbook.write("Ark", [["Valg"]]);
    workbook.applyPlan({
      name: "Ark",
      layout: "table",
      header: ["Valg"],
      columns: [{ key: "choice", index: 0, header: "Valg", note: "Velg fra listen", width: 200, format: "text", validation: { kind: "list", values }, required: false }],
      frozenRows: 1,
      dataRows: 10,
      conditional: [],
      protectedRanges: ["A1:A1"],
      prefill: [],
    });
    await workbook.save();
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(file);
    expect(excel.getWorksheet("Lister")!.state).toBe("hidden");
    expect(excel.getWorksheet("Lister")!.getCell("A40").value).toBe(values[39]);
    expect(validationAt(excel.getWorksheet("Ark")!, "A2")).toMatchObject({ type: "list", formulae: ["Lister!$A$1:$A$40"] });
  });
});
