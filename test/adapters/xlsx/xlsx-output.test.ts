import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { newXlsx } from "../../../src/adapters/xlsx";
import { setUpTemplates } from "../../../src/services/setup";
import { writeCentral } from "./central-output";

const dir = mkdtempSync(path.join(tmpdir(), "samspill-output-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let excel: ExcelJS.Workbook;
beforeAll(async () => {
  const file = path.join(dir, "sentral.xlsx");
  await writeCentral(file);
  excel = new ExcelJS.Workbook();
  await excel.xlsx.readFile(file);
});

const tab = (name: string) => excel.getWorksheet(name)!;
const headerIndex = (ws: ExcelJS.Worksheet, header: string) => (ws.getRow(1).values as unknown[]).indexOf(header);

describe("sentral.xlsx reads like a Norwegian report", () => {
  it("shows counts with thousands separators and the year without one", () => {
    const ws = tab("Nasjonalt");
    const row = (label: string) => [...Array(ws.rowCount).keys()].map((i) => ws.getRow(i + 1)).find((r) => r.getCell(1).value === label)!;
    expect(row("Rapportår").getCell(2).value).toBe(2025);
    expect(row("Rapportår").getCell(2).numFmt).toBe("0");
    expect(row("Medlemmer").getCell(2).numFmt).toBe("#,##0");
    expect(Number(row("Deltakere").getCell(2).value)).toBeGreaterThan(1000);
    expect(tab("Per fylke").getCell("F2").numFmt).toBe("#,##0");
  });

  it("shows growth goals as percentages and counts as counts", () => {
    const ws = tab("Mål");
    const target = headerIndex(ws, "Målverdi");
    const byName = new Map([...Array(ws.rowCount - 1).keys()].map((i) => [String(ws.getRow(i + 2).getCell(1).value), ws.getRow(i + 2)]));
    expect(byName.get("Vekst i statstilskudd")!.getCell(target).numFmt).toBe("0.0 %");
    expect(byName.get("Medlemmer")!.getCell(target).numFmt).toBe("#,##0");
  });

  it("writes Innsendt, Lest and Logg's Tidspunkt as date-time cells on the Oslo clock", () => {
    const ws = tab("Innsamling");
    for (const header of ["Innsendt", "Lest"]) {
      const cell = ws.getRow(2).getCell(headerIndex(ws, header));
      expect(cell.value).toBeInstanceOf(Date);
      expect(cell.numFmt).toBe("dd.mm.yyyy hh:mm");
    }
    // The fixture's Innsendt is 2026-01-20T10:00:00+01:00: 10:00 on the Oslo wall clock.
    const submitted = ws.getRow(2).getCell(headerIndex(ws, "Innsendt")).value as Date;
    expect(submitted.toISOString()).toBe("2026-01-20T10:00:00.000Z");
    const log = tab("Logg").getCell("A2");
    expect(log.value).toBeInstanceOf(Date);
    expect(log.numFmt).toBe("dd.mm.yyyy hh:mm");
    // 2026-03-01T12:00:01.5Z is 13:00 in Oslo (winter time).
    expect((log.value as Date).toISOString().slice(0, 16)).toBe("2026-03-01T13:00");
  });

  it("writes dates of milestones as date cells", () => {
    const ws = tab("Milepæler");
    const cell = ws.getRow(2).getCell(headerIndex(ws, "Frist"));
    expect(cell.value).toBeInstanceOf(Date);
    expect(cell.numFmt).toBe("dd.mm.yyyy");
  });

  it("freezes and filters the header row of every output table, in Arial with a shaded bold header", () => {
    for (const name of ["Innsamling", "Nasjonalt", "Per fylke", "Per aktivitetstype", "Mål", "Milepæler", "Tiltak", "Avvik", "Logg"]) {
      const ws = tab(name);
      expect({ name, view: ws.views[0] }).toMatchObject({ name, view: { state: "frozen", ySplit: 1 } });
      expect({ name, filter: ws.autoFilter }).toMatchObject({ name, filter: expect.stringMatching(/^A1:[A-Z]+\d+$/) });
      expect(ws.getCell("A1").font).toMatchObject({ name: "Arial", bold: true });
      expect((ws.getCell("A1").fill as ExcelJS.FillPattern).pattern).toBe("solid");
      expect(ws.getCell("A2").font?.name).toBe("Arial");
    }
  });

  it("gives every tab an A4 page set-up one page wide, with the header row on every page", () => {
    for (const ws of excel.worksheets.filter((w) => w.state !== "hidden")) {
      const setup = ws.pageSetup;
      expect({ name: ws.name, paper: setup.paperSize, fit: setup.fitToPage, wide: setup.fitToWidth }).toEqual({ name: ws.name, paper: 9, fit: true, wide: 1 });
    }
    expect(tab("Tiltak").pageSetup).toMatchObject({ orientation: "landscape", fitToHeight: 0, printTitlesRow: "1:1" });
    expect(tab("Dashbord").pageSetup).toMatchObject({ orientation: "portrait", fitToHeight: 1 });
  });

  it("widens columns to their header and wraps Tiltak's long texts", () => {
    const ws = tab("Tiltak");
    // exceljs reads neighbouring columns of equal width (one <col min max>) onto the last of them.
    const width = (c: number): number => ws.getColumn(c).width ?? width(c + 1);
    for (let c = 1; c <= ws.columnCount; c++) expect(width(c)).toBeGreaterThanOrEqual(String(ws.getRow(1).getCell(c).value).length);
    const measure = ws.getRow(2).getCell(headerIndex(ws, "Tiltak"));
    expect(measure.alignment?.wrapText).toBe(true);
    expect(ws.getColumn(headerIndex(ws, "Tiltak")).width).toBeLessThanOrEqual(34);
  });

  it("lays the dashboard out in label and value cells, with a bar column", () => {
    const ws = tab("Dashbord");
    expect(excel.worksheets[0].name).toBe("Dashbord");
    expect([ws.getCell("A1").value, ws.getCell("B1").value, ws.getCell("B1").numFmt]).toEqual(["Rapportår", 2025, "0"]);
    const rows = [...Array(ws.rowCount).keys()].map((i) => ws.getRow(i + 1));
    const members = rows.find((r) => r.getCell(1).value === "Medlemmer")!;
    expect(typeof members.getCell(2).value).toBe("number");
    expect(members.getCell(2).numFmt).toBe("#,##0");
    const countyHeading = rows.find((r) => r.getCell(1).value === "Fylke")!;
    expect(countyHeading.getCell(1).font?.bold).toBe(true);
    const firstCounty = ws.getRow(countyHeading.number + 1);
    expect(typeof firstCounty.getCell(5).value).toBe("number");
    expect(firstCounty.getCell(5).numFmt).toBe("#,##0"); // participants, not a share
    expect(String(firstCounty.getCell(6).value)).toMatch(/^█+░*$/);
    // Last year from Historikk beside this year, and the change.
    const keyHeading = rows.find((r) => r.getCell(1).value === "Nøkkeltall")!;
    expect([keyHeading.getCell(2).value, keyHeading.getCell(3).value, keyHeading.getCell(4).value]).toEqual(["I år (2025)", "I fjor (2024)", "Endring"]);
    const goal = ws.getRow(rows.find((r) => r.getCell(1).value === "Mål")!.number + 1);
    expect(goal.getCell(4).numFmt).toBe("0.0 %");
    expect(String(goal.getCell(6).value)).toMatch(/^█*░*$/);
  });
});

describe("xlsx association template for a senior", () => {
  let template: ExcelJS.Workbook;
  beforeAll(async () => {
    const file = path.join(dir, "mal.xlsx");
    const workbook = newXlsx(file);
    setUpTemplates(workbook);
    await workbook.save();
    template = new ExcelJS.Workbook();
    await template.xlsx.readFile(file);
  });

  it("opens on «Slik fyller du ut» with five steps and Google's permission question", () => {
    const ws = template.worksheets[0];
    expect(ws.name).toBe("Slik fyller du ut");
    const text = [...Array(ws.rowCount).keys()].map((i) => `${ws.getRow(i + 1).getCell(1).value} ${ws.getRow(i + 1).getCell(2).value}`);
    expect(text.filter((line) => /^Steg \d/.test(line))).toHaveLength(5);
    expect(text.join("\n")).toMatch(/Tillat/);
    expect(text.join("\n")).toMatch(/Årsrapport.*Aktiviteter.*Milepæler.*Tiltak/s);
  });

  it("uses Arial in every header, with required and optional headers told apart by shade", () => {
    const ws = template.getWorksheet("Aktiviteter")!;
    const shade = (address: string) => ((ws.getCell(address).fill as ExcelJS.FillPattern).fgColor as { argb: string }).argb;
    for (let c = 1; c <= 10; c++) expect(ws.getRow(1).getCell(c).font).toMatchObject({ name: "Arial", bold: true });
    expect(shade("A1")).toBe("FFC9DAF8"); // Dato: required
    expect(shade("D1")).toBe("FFEFEFEF"); // Kommunenummer: optional
    expect(((ws.getColumn(1).fill as ExcelJS.FillPattern).fgColor as { argb: string }).argb).toBe("FFEAF1FB"); // input cells
    const form = template.getWorksheet("Årsrapport")!;
    expect(form.getCell("A2").font).toMatchObject({ name: "Arial", bold: true });
    expect(((form.getCell("B2").fill as ExcelJS.FillPattern).fgColor as { argb: string }).argb).toBe("FFEAF1FB");
  });

  it("makes every header fit its column («Kommunenummer» is not cut off)", () => {
    for (const name of ["Aktiviteter", "Milepæler", "Tiltak"]) {
      const ws = template.getWorksheet(name)!;
      (ws.getRow(1).values as unknown[]).slice(1).forEach((header, c) => {
        // Excel widths count characters of the default font; bold Arial needs about 1.1 of them per character.
        expect({ name, header, fits: ws.getColumn(c + 1).width! >= String(header).length * 1.1 }).toEqual({ name, header, fits: true });
      });
    }
  });

  it("prints each tab on A4, one page wide, the header row repeated", () => {
    for (const ws of template.worksheets.filter((w) => w.state !== "hidden")) {
      expect({ name: ws.name, ...ws.pageSetup }).toMatchObject({ name: ws.name, paperSize: 9, fitToPage: true, fitToWidth: 1 });
    }
    expect(template.getWorksheet("Aktiviteter")!.pageSetup).toMatchObject({ orientation: "landscape", printTitlesRow: "1:1" });
  });
});
