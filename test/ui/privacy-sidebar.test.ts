import { checkRecord } from "../../src/core/read";
import { activities } from "../../src/core/templates/association";
import { describeInBrowser, screenshot, seriousViolations, TODAY, useHarness } from "./browser";

const YEAR = Number(TODAY.slice(0, 4));
const TITLE = "Kurs hos Kari, ring 912 34 567 eller kari@example.no";

/** The core's warning for a title: the sidebar must show exactly this. */
function coreWarning(title: string): string {
  const { warnings } = checkRecord(activities, { title }, { year: YEAR, today: TODAY });
  return warnings.map((w) => w.message).join(" ");
}

describeInBrowser("Registrer aktivitet warns about personal data in Tittel (issue 13)", () => {
  const harness = useHarness();

  it("shows the core's warning under Tittel while the person types, before saving, and clears it when the number is gone", async () => {
    const page = await harness.open("/forening/aktivitet.html");
    await page.waitForSelector("#activity-form");
    await expect(page.isVisible("#f-title-warning")).resolves.toBe(false);

    await page.click("#f-title");
    await page.keyboard.type(TITLE);
    const expected = coreWarning(TITLE);
    expect(expected).toBe(
      "Tittelen ser ut til å inneholde et telefonnummer og en e-postadresse. Tittelen vises for kommunen – ta bort personopplysninger.",
    );
    await expect(page.textContent("#f-title-warning")).resolves.toBe(expected);
    await expect(page.isVisible("#f-title-warning")).resolves.toBe(true);
    await expect(page.getAttribute("#f-title", "aria-describedby")).resolves.toContain("f-title-warning");
    await expect(page.getAttribute("#f-title", "aria-invalid")).resolves.toBeNull();
    expect(harness.server.calls.filter((c) => c.name === "addActivity")).toHaveLength(0);
    await screenshot(page, "aktivitet-personopplysning");
    expect(await seriousViolations(page)).toEqual([]);

    await page.fill("#f-title", "Kurs i BankID");
    await page.dispatchEvent("#f-title", "input");
    await expect(page.textContent("#f-title-warning")).resolves.toBe("");
    await expect(page.isVisible("#f-title-warning")).resolves.toBe(false);
    await expect(page.getAttribute("#f-title", "aria-describedby")).resolves.not.toContain("f-title-warning");
  });

  it("does not block saving: the row is appended as typed and the warning stays in view", async () => {
    const page = await harness.open("/forening/aktivitet.html");
    await page.waitForSelector("#activity-form");
    const before = (harness.setup.workbook.read("Aktiviteter") ?? []).length;
    await page.fill("#f-date", `${YEAR}-03-14`);
    await page.selectOption("#f-type", "Kurs");
    await page.click("#f-title");
    await page.keyboard.type("Datahjelp, ring 91234567");
    await page.fill("#f-participants", "8");
    await expect(page.textContent("#f-title-warning")).resolves.toBe(coreWarning("Datahjelp, ring 91234567"));
    await page.click("#save");
    await page.waitForSelector("#status .notice-success");
    await expect(page.textContent("#status .notice-warning")).resolves.toBe(
      coreWarning("Datahjelp, ring 91234567"),
    );
    const rows = harness.setup.workbook.read("Aktiviteter") ?? [];
    expect(rows).toHaveLength(before + 1);
    expect(rows[rows.length - 1][2]).toBe("Datahjelp, ring 91234567"); // the association's own sheet keeps it as typed
    await expect(page.textContent("#f-title-warning")).resolves.toBe("");
  });
});
