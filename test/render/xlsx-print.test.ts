// Render checks: the association template and the central workbook printed to PDF by LibreOffice,
// as a person printing them would get them. Page counts come from pdfinfo, each page's tab and page
// number from the footer Samspill sets («Tiltak … Side 3 av 31»). Screenshots of the pages go to
// test-output/screenshots/ to be looked at. Skipped with a message where LibreOffice is missing,
// except in CI (CI=true), where a missing LibreOffice is a failure (.ci/run installs it).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { newXlsx } from "../../src/adapters/xlsx";
import { setUpTemplates } from "../../src/services/setup";
import { writeCentral } from "../adapters/xlsx/central-output";

const SCREENSHOTS = path.resolve(__dirname, "../../test-output/screenshots");
const have = (tool: string) => spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0;
const tools = have("soffice") && have("pdfinfo") && have("pdftotext") && have("pdftoppm");
if (!tools && process.env.CI === "true") throw new Error("LibreOffice (soffice) and poppler-utils are needed for the render checks in CI: .ci/run installs libreoffice-calc-nogui and poppler-utils");
if (!tools) console.warn("Render checks skipped: soffice, pdfinfo, pdftotext or pdftoppm is not installed (apt-get install libreoffice-calc-nogui poppler-utils).");
const describeRender = tools ? describe : describe.skip;

const dir = mkdtempSync(path.join(tmpdir(), "samspill-render-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** LibreOffice's PDF of an .xlsx, with a profile of its own (another soffice may be running). */
function toPdf(file: string): string {
  execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, file], { stdio: "ignore", timeout: 180_000 });
  return file.replace(/\.xlsx$/, ".pdf");
}

const slug = (text: string) => text.toLowerCase().replace(/æ/g, "ae").replace(/ø/g, "o").replace(/å/g, "a").replace(/[^a-z0-9]+/g, "-");

function pageCount(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
}

/** Each page's text and the tab named in its footer. */
function pages(pdf: string): Array<{ tab: string; text: string }> {
  return Array.from({ length: pageCount(pdf) }, (_, i) => {
    const text = execFileSync("pdftotext", ["-layout", "-f", String(i + 1), "-l", String(i + 1), pdf, "-"], { encoding: "utf8" });
    const footer = text.split("\n").reverse().find((line) => /Side \d+ av \d+\s*$/.test(line)) ?? "";
    return { tab: footer.replace(/\s{2,}Side \d+ av \d+\s*$/, "").trim(), text };
  });
}

/** PNGs of the given pages, named `prefix-NN-tab.png`. */
function screenshots(pdf: string, prefix: string, pick: Array<{ page: number; tab: string }>): void {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const { page, tab } of pick) {
    execFileSync("pdftoppm", ["-png", "-r", "80", "-singlefile", "-f", String(page), "-l", String(page), pdf, path.join(dir, `shot`)]);
    renameSync(path.join(dir, "shot.png"), path.join(SCREENSHOTS, `${prefix}-${String(page).padStart(2, "0")}-${slug(tab)}.png`));
  }
}

describeRender("printed with LibreOffice", () => {
  jest.setTimeout(300_000);

  it("prints the empty association template one page per tab, each tab one page wide", async () => {
    const file = path.join(dir, "mal.xlsx");
    const workbook = newXlsx(file);
    setUpTemplates(workbook);
    await workbook.save();
    const pdf = toPdf(file);
    const printed = pages(pdf);
    // «Slik fyller du ut» and the four tabs: one page each.
    expect(printed.map((p) => p.tab)).toEqual(["Slik fyller du ut", "Årsrapport", "Aktiviteter", "Milepæler", "Tiltak"]);
    // One page wide: the last column's header is on the tab's page.
    expect(printed[1].text).toContain("Hjelp");
    expect(printed[2].text).toContain("Kommentar");
    expect(printed[3].text).toContain("Kommentar");
    expect(printed[4].text).toContain("Antall nådd");
    screenshots(pdf, "mal", printed.map((p, i) => ({ page: i + 1, tab: p.tab })));
  });

  it("prints every tab of sentral.xlsx one page wide, with its header on every page", async () => {
    const file = path.join(dir, "sentral.xlsx");
    await writeCentral(file);
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(file);
    const pdf = toPdf(file);
    const printed = pages(pdf);
    const visible = excel.worksheets.filter((ws) => ws.state !== "hidden");
    expect([...new Set(printed.map((p) => p.tab))]).toEqual(visible.map((ws) => ws.name));
    for (const ws of visible) {
      const header = (ws.getRow(1).values as unknown[]).filter((v) => typeof v === "string" && v !== "") as string[];
      const last = header[header.length - 1];
      for (const page of printed.filter((p) => p.tab === ws.name)) {
        // The last header on every page of the tab: nothing is pushed onto a second page across.
        expect({ tab: ws.name, last, found: page.text.includes(last) }).toEqual({ tab: ws.name, last, found: true });
      }
    }
    expect(printed.filter((p) => p.tab === "Dashbord")).toHaveLength(1);
    screenshots(pdf, "sentral", visible.map((ws) => ({ page: printed.findIndex((p) => p.tab === ws.name) + 1, tab: ws.name })));
  });
});

