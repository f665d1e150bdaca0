import { checkRecord } from "../../src/core/read";
import { milestones } from "../../src/core/templates/association";
import { baseFontSize, dateKeys, describeInBrowser, screenshot, seriousViolations, TODAY, useHarness } from "./browser";

const YEAR = Number(TODAY.slice(0, 4));
const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describeInBrowser("Milepæler sidebar: a new milestone, confirmations in view", () => {
  const harness = useHarness();

  const rows = () => harness.setup.workbook.read("Milepæler") ?? [];

  it("adds a milestone from fields of the template, checked by the core, and shows and announces the confirmation", async () => {
    const page = await harness.open("/forening/milepaeler.html");
    await page.waitForSelector("#milestones section");
    const before = rows().length;
    await page.click("#new-milestone-title");
    // Fields and labels come from the Milepæler template; Kommunenummer starts as the association's own.
    const labels = await page.$$eval("#new-milestone label", (ls) => ls.map((l) => l.textContent));
    expect(labels).toEqual(milestones.keys.map((key) => milestones.columns[key].header));
    await expect(page.inputValue("#n-municipalityNumber")).resolves.toMatch(/^\d{4}$/);

    await page.fill("#n-title", "Kurs for bibliotekets ansatte");
    const due = shift(TODAY, 20);
    await page.focus("#n-dueDate");
    await page.keyboard.type(await dateKeys(harness.browser, due));
    await page.selectOption("#n-responsibleParty", "Begge");
    await screenshot(page, "milepaeler-ny");
    await page.click("#add-milestone");
    await page.waitForSelector("#status .notice-success");

    const added = rows();
    expect(added).toHaveLength(before + 1);
    const row = added[added.length - 1];
    expect(row[1]).toBe("Kurs for bibliotekets ansatte");
    expect((row[2] as Date).toISOString().slice(0, 10)).toBe(due);
    expect(row[3]).toBe("Begge");
    // In the live region and in view.
    await expect(page.$eval("#status", (s) => s.getAttribute("aria-live"))).resolves.toBe("polite");
    await expect(page.textContent("#status")).resolves.toContain("Kurs for bibliotekets ansatte");
    await expect(page.$eval("#status .notice-success", (n) => { const r = n.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; })).resolves.toBe(true);
    // The new milestone is in the list (due within 30 days).
    await expect(page.textContent("#milestones")).resolves.toContain("Kurs for bibliotekets ansatte");
  });

  it("shows the core's messages at the fields for a milestone without title and date, and appends nothing", async () => {
    const page = await harness.open("/forening/milepaeler.html");
    await page.waitForSelector("#milestones section");
    const before = rows().length;
    await page.click("#new-milestone-title");
    await page.click("#add-milestone");
    await page.waitForSelector("#n-title-error:not(:empty)");
    const expected = checkRecord(milestones, { municipalityNumber: await page.inputValue("#n-municipalityNumber"), title: "", dueDate: "", responsibleParty: "", contribution: "", status: "Ikke startet", completedDate: "", comment: "" }, { year: YEAR, today: TODAY }).errors;
    for (const e of expected) await expect(page.textContent(`#n-${e.field}-error`)).resolves.toContain(e.message);
    await expect(page.$eval("#n-title", (i) => i.getAttribute("aria-invalid"))).resolves.toBe("true");
    expect(harness.server.calls.filter((c) => c.name === "addMilestone")).toHaveLength(0);
    expect(rows()).toHaveLength(before);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await baseFontSize(page)).toBeGreaterThanOrEqual(16);
  });

  it("refuses on the server what the server's check refuses, whatever the sidebar sent", () => {
    const result = harness.setup.apis.forening.addMilestone({ municipalityNumber: "9999", title: "x", dueDate: "2025-07-01", responsibleParty: "Begge" });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => e.field)).toEqual(["municipalityNumber"]);
  });

  it("brings the confirmation of «Lagre status» into view after the list is drawn anew", async () => {
    const page = await harness.open("/forening/milepaeler.html");
    await page.waitForSelector("#milestones section");
    await page.setViewportSize({ width: 300, height: 500 });
    const card = page.locator("#m2");
    await card.locator("select").selectOption("Pågår");
    await card.getByRole("button", { name: "Lagre status" }).click();
    await page.waitForSelector("#status .notice-success");
    await expect(page.$eval("#status .notice-success", (n) => { const r = n.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; })).resolves.toBe(true);
  });
});
