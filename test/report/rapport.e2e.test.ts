import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { chromium } from "playwright-core";
import { ISSUE_DESCRIPTIONS } from "../../src/core/wording";
import { samspill } from "../cli/helpers";
import { CHROMIUM, describeInBrowser, FLAGS, SCREENSHOTS } from "../ui/browser";
import { ENGLISH } from "./deny-list";

const work = mkdtempSync(path.join(tmpdir(), "samspill-rapport-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const out = path.join(work, "ut");
const CODES = new RegExp(`\\b(${Object.keys(ISSUE_DESCRIPTIONS).join("|")})\\b`);

/** What a person reads of an HTML page: its text without tags, styles and the SVG's markup. */
function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<head>[\s\S]*?<\/head>/, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&[a-z]+;|&#\d+;/g, " ");
}

beforeAll(() => {
  const demo = samspill(["demo", "--out", "ut"], work);
  expect(demo.code).toBe(0);
}, 240_000);

describe("samspill rapport", () => {
  it("writes the board report from summary.json and sentral.xlsx, with last year, measures and statuses", () => {
    const run = samspill(["rapport", "--summary", "ut/summary.json", "--central", "ut/sentral.xlsx", "--out", "ut/styre/rapport.html"], work);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Skrev rapporten til ut/styre/rapport.html");
    const html = readFileSync(path.join(out, "styre", "rapport.html"), "utf8");
    const text = visibleText(html);
    expect(text).toContain("Nøkkeltall 2025 og 2024");
    expect(text).toMatch(/Deltakere\s+10 683\s+9 565\s+\+1 118 \(\+11,7 %\)/);
    expect(text).toContain("Tiltak i handlingsplanen");
    expect(text).toMatch(/Kartlegging\s+\d+\s+\d+\s+\d+\s+\d+/);
    expect(text).toContain("Om tallene");
    expect(text).toContain("Kan ikke leses");
    expect(text).toMatch(/1 forening er ikke med i tabellen fordi fylket er ukjent/);
    // The same content as the report the rollup wrote in the demo.
    const fromRollup = visibleText(readFileSync(path.join(out, "rapport.html"), "utf8"));
    const section = (t: string) => t.slice(t.indexOf("Tiltak i handlingsplanen"), t.indexOf("Om tallene"));
    expect(section(text)).toBe(section(fromRollup));
  });

  it("has no English words and no issue codes where a person reads", () => {
    const text = visibleText(readFileSync(path.join(out, "rapport.html"), "utf8"));
    expect(text).not.toMatch(ENGLISH);
    expect(text).not.toMatch(CODES);
  });

  it("refuses a file that is not a summary, in Norwegian, with exit code 2", () => {
    writeFileSync(path.join(work, "tull.json"), JSON.stringify({ hei: 1 }));
    const run = samspill(["rapport", "--summary", "tull.json"], work);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("er ikke et Samspill-sammendrag");
    expect(run.stderr).not.toMatch(ENGLISH);
  });

  it("writes the report from a rollup with --report", () => {
    const run = samspill(["rollup", "--source", "ut/foreninger", "--out", "ut/igjen/sentral.xlsx", "--year", "2025", "--report", "ut/igjen/rapport.html"], work);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Skrev rapporten til ut/igjen/rapport.html");
    expect(visibleText(readFileSync(path.join(out, "igjen", "rapport.html"), "utf8"))).toContain("Tiltak i handlingsplanen");
  });

  it("says which year the files are for when most dates fall outside --year, and exits 1", () => {
    const run = samspill(["rollup", "--source", "ut/foreninger", "--out", "ut/feil-aar/sentral.xlsx", "--year", "2019"], work);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Innsamlingen gjelder 2019, men \d+ av \d+ foreninger har Rapportår 2025/);
    expect(run.stderr).toContain("--year 2025");
  });
});

describe("Norwegian where people read: CLI help and the central's Avvik, Mål and Innsamling", () => {
  it.each([[[]], [["demo"]], [["template"]], [["validate"]], [["rollup"]], [["partners"]], [["rapport"]]])("samspill %p --help is bokmål", (command) => {
    const run = samspill([...command, "--help"], work);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Bruk: samspill/);
    // Option names (--credentials) are what people type, not prose: left out of the scan.
    expect(run.stdout.replace(/(^|\s)--?[a-z][a-z-]*/g, " ")).not.toMatch(ENGLISH);
    expect(run.stdout).not.toMatch(/\b(FILE|DIR|YEAR|SPREADSHEET_ID)\b/);
  });

  it("translates commander's errors whole", () => {
    for (const args of [["validate"], ["rollup", "--bogus"], ["rapport"], ["finnesikke"]]) {
      const run = samspill(args, work);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^feil: /);
      expect(run.stderr).not.toMatch(ENGLISH);
    }
  });

  it.each(["Avvik", "Mål", "Innsamling"])("the %s tab has Norwegian words, with codes only in its last column Kode", async (tab) => {
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(path.join(out, "sentral.xlsx"));
    const sheet = excel.getWorksheet(tab)!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    if (tab !== "Innsamling") expect(header[header.length - 1]).toBe("Kode");
    const skip = new Set(["Kode", "Forening-ID"].map((h) => header.indexOf(h) + 1));
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell, column) => void (!skip.has(column) && typeof cell.value === "string" && texts.push(cell.value))));
    const text = texts.join("\n");
    expect(text).not.toMatch(ENGLISH);
    expect(text).not.toMatch(CODES);
    if (tab === "Mål") expect(text).toContain("Fylker med lokale tiltak");
    if (tab === "Avvik") expect(text).toContain("Påkrevd felt mangler");
  });
});

describeInBrowser("rapport.html on paper", () => {
  it("prints on at most 4 A4 pages in Chromium, with screenshots of screen and print", async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      await page.goto("file://" + path.join(out, "rapport.html"));
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, "rapport-skjerm.png"), fullPage: true });
      const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
      const file = path.join(work, "rapport.pdf");
      writeFileSync(file, pdf);
      // Each page is one /Type /Page object (not /Pages) in Chromium's PDF.
      const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
      expect(pages).toBeGreaterThan(1);
      expect(pages).toBeLessThanOrEqual(4);
      try {
        execFileSync("pdftoppm", ["-r", "60", "-png", file, path.join(SCREENSHOTS, "rapport-a4")]);
      } catch {
        // pdftoppm (poppler-utils) is optional: the page count above is the statement.
      }
      // The goal labels start right of the dashed 100 % line, so the line never cuts through «10 447 av 11 000».
      const collisions = await page.evaluate(() => {
        const svg = document.querySelector('figure[aria-label="Fremdrift mot strategimålene"] svg')!;
        const rule = [...svg.querySelectorAll("line, path")].find((el) => (el.getAttribute("stroke-dasharray") ?? "").length > 0)!;
        const ruleBox = rule.getBoundingClientRect();
        const labels = [...svg.querySelectorAll("text")].filter((t) => /\d.* av /.test(t.textContent ?? ""));
        return { labels: labels.length, cut: labels.filter((t) => t.getBoundingClientRect().left <= ruleBox.right).map((t) => t.textContent) };
      });
      expect(collisions.labels).toBe(5);
      expect(collisions.cut).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
