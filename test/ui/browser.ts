/**
 * Shared set-up of the browser tests: Debian's Chromium driven by playwright-core (no browser
 * downloads), the sidebar preview server with fresh demo APIs per test, screenshots, axe-core.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { Browser, chromium, Page } from "playwright-core";
import { createPreviewApis, PreviewSetup } from "../../scripts/preview/apis";
import { PreviewApis, PreviewServer, startPreview } from "../../scripts/preview/server";

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter((p): p is string => !!p);
export const CHROMIUM = CANDIDATES.find((path) => existsSync(path));
const IN_CI = process.env.CI === "true";
export const INSTALL_HINT = "Chromium not found (looked at " + CANDIDATES.join(", ") + "). Install it with: sudo apt-get install -y chromium";

/**
 * `describe` when a browser is there, or in CI (where a missing browser must fail the run);
 * `describe.skip` with a clear message on a developer machine without Chromium.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (CHROMIUM || IN_CI) {
    describe(name, body);
    return;
  }
  console.warn(`Skipping browser tests "${name}": ${INSTALL_HINT}`);
  describe.skip(name, body);
}

export const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=nb-NO"];
export const TODAY = "2025-06-16";
export const SIDEBAR_WIDTH = 300;
export const SCREENSHOTS = join(__dirname, "..", "..", "test-output", "screenshots");

export interface Harness {
  browser: Browser;
  server: PreviewServer;
  /** The APIs the server answers from; replaced with fresh demo ones before each test. */
  apis: PreviewApis;
  setup: PreviewSetup;
  open(path: string): Promise<Page>;
}

/** Starts Chromium and the preview server once per file; fresh demo data before each test. */
export function useHarness(): Harness {
  const harness = {} as Harness;
  const pages: Page[] = [];
  beforeAll(async () => {
    if (!CHROMIUM) throw new Error(INSTALL_HINT);
    harness.browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
    harness.setup = await createPreviewApis({ today: TODAY });
    harness.apis = { ...harness.setup.apis };
    harness.server = await startPreview(harness.apis);
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  beforeEach(async () => {
    harness.setup = await createPreviewApis({ today: TODAY });
    Object.assign(harness.apis, harness.setup.apis);
    harness.server.calls.length = 0;
  });
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((p) => p.context().close()));
  });
  afterAll(async () => {
    await harness.browser?.close();
    await harness.server?.close();
  });
  harness.open = async (path: string) => {
    const context = await harness.browser.newContext({ viewport: { width: SIDEBAR_WIDTH, height: 800 }, locale: "nb-NO", timezoneId: "Europe/Oslo" });
    const page = await context.newPage();
    pages.push(page);
    await page.goto(harness.server.url + path);
    return page;
  };
  return harness;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; html: string }>;
}

/** Runs axe-core in the page; gives the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(context: Document): Promise<{ violations: AxeViolation[] }> } }).axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html })) }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

export async function baseFontSize(page: Page): Promise<number> {
  return page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
}

/**
 * The keys a person types into a date input for the given ISO date: Chromium lays the fields out
 * by its UI locale (Debian's package ships en-US only: mm/dd/yyyy; with chromium-l10n and Norwegian:
 * dd.mm.yyyy), so the order is found by trying, as a person would see it on screen.
 */
export async function dateKeys(browser: Browser, iso: string): Promise<string> {
  const [y, m, d] = iso.split("-");
  const context = await browser.newContext({ locale: "nb-NO" });
  try {
    const page = await context.newPage();
    for (const keys of [`${d}${m}${y}`, `${m}${d}${y}`, `${y}${m}${d}`]) {
      await page.setContent('<input type="date" id="probe">');
      await page.focus("#probe");
      await page.keyboard.type(keys);
      if ((await page.inputValue("#probe")) === iso) return keys;
    }
    throw new Error("Could not type a date into Chromium's date input");
  } finally {
    await context.close();
  }
}
