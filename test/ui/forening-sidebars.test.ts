import { checkRecord } from "../../src/core/read";
import { activities } from "../../src/core/templates/association";
import { Page } from "playwright-core";
import { baseFontSize, dateKeys, describeInBrowser, screenshot, seriousViolations, TODAY, useHarness } from "./browser";

const YEAR = Number(TODAY.slice(0, 4));
const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** The demo workbook has a header and 6 activity rows: the next one lands in row 8. */
const NEXT_ROW = 8;

function activityRows(harness: ReturnType<typeof useHarness>) {
  return (harness.setup.workbook.read("Aktiviteter") ?? []).slice(1);
}

async function openActivityForm(harness: ReturnType<typeof useHarness>): Promise<Page> {
  const page = await harness.open("/forening/aktivitet.html");
  await page.waitForSelector("#activity-form");
  return page;
}

/** The messages the core gives for these values: the UI must show exactly these. */
function coreMessages(values: Record<string, string>, year = YEAR): Record<string, string> {
  const { errors } = checkRecord(activities, values, { year, today: TODAY });
  const byField: Record<string, string> = {};
  for (const e of errors) byField[e.field] = byField[e.field] ? `${byField[e.field]}. ${e.message}` : e.message;
  return byField;
}

async function shownErrors(page: Page): Promise<Record<string, string>> {
  return page.$$eval(".field-error", (nodes) =>
    Object.fromEntries(nodes.filter((n) => n.textContent).map((n) => [n.id.replace(/^f-/, "").replace(/-error$/, ""), n.textContent ?? ""])),
  );
}

describeInBrowser("forening sidebars in Chromium", () => {
  const harness = useHarness();

  describe("Kontroller rapporten", () => {
    it("lists every problem grouped by tab, and a click asks the server to select its cell", async () => {
      const page = await harness.open("/forening/kontroller.html");
      await page.waitForSelector("button.problem");
      const headings = await page.$$eval("#problems h2", (hs) => hs.map((h) => h.textContent));
      expect(headings).toEqual(["Aktiviteter (5)", "Milepæler (1)"]);
      await expect(page.textContent("#summary")).resolves.toContain("Fant 6 feil");
      await screenshot(page, "kontroller");

      const problem = page.locator('button.problem[data-sheet="Aktiviteter"][data-cell="F5"]');
      await expect(problem.textContent()).resolves.toContain("Deltakere må være et helt tall mellom 0 og 10 000");
      await problem.click();
      await page.waitForSelector("#status .notice");
      expect(harness.server.calls.filter((c) => c.name === "selectCell").map((c) => c.args)).toEqual([["Aktiviteter", "F5"]]);
      expect(harness.setup.selected).toEqual(["Aktiviteter!F5"]);
      await expect(page.textContent("#status")).resolves.toContain("Aktiviteter!F5");
    });

    it("shows «Ingen feil funnet» after the problems are fixed and «Kontroller på nytt» is pressed", async () => {
      const page = await harness.open("/forening/kontroller.html");
      await page.waitForSelector("button.problem");
      const { workbook } = harness.setup;
      const activitySheet = workbook.read("Aktiviteter") ?? [];
      workbook.write("Aktiviteter", activitySheet.slice(0, 4));
      const milestoneSheet = workbook.read("Milepæler") ?? [];
      workbook.write("Milepæler", milestoneSheet.slice(0, 6));

      await page.getByRole("button", { name: "Kontroller på nytt" }).click();
      await page.waitForSelector("#summary .empty");
      await expect(page.textContent("#summary .empty")).resolves.toBe("Ingen feil funnet");
      expect(await page.$$("button.problem")).toHaveLength(0);
      await screenshot(page, "kontroller-ingen-feil");
    });

    it("passes axe with no serious or critical violations, base text at least 16 px", async () => {
      const page = await harness.open("/forening/kontroller.html");
      await page.waitForSelector("button.problem");
      expect(await seriousViolations(page)).toEqual([]);
      expect(await baseFontSize(page)).toBeGreaterThanOrEqual(16);
      await expect(page.getAttribute("html", "lang")).resolves.toBe("nb");
    });
  });

  describe("Registrer aktivitet", () => {
    it("appends a valid activity as a row, read as the numbers and date the person meant", async () => {
      const page = await openActivityForm(harness);
      await page.fill("#f-date", `${YEAR}-03-14`);
      await page.selectOption("#f-type", "Kurs");
      await page.fill("#f-title", "Kurs i digital post");
      await page.fill("#f-participants", "1 234");
      await page.fill("#f-newParticipants", "15");
      await page.fill("#f-volunteerHours", "2,5");
      await page.click("#save");
      await page.waitForSelector("#status .notice-success");
      await expect(page.textContent("#status")).resolves.toContain(`rad ${NEXT_ROW}`);

      const rows = activityRows(harness);
      expect(rows).toHaveLength(NEXT_ROW - 1);
      const added = rows[NEXT_ROW - 2];
      expect(added[1]).toBe("Kurs");
      expect(added[2]).toBe("Kurs i digital post");
      expect(added[5]).toBe(1234);
      expect(added[6]).toBe(15);
      expect(added[8]).toBe(2.5);
      expect((added[0] as Date).toISOString().slice(0, 10)).toBe(`${YEAR}-03-14`);
      // The form is empty again and ready for the next activity.
      await expect(page.inputValue("#f-title")).resolves.toBe("");
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("f-date");
      await screenshot(page, "aktivitet-lagret");
    });

    it("shows the core's Norwegian messages at the fields for invalid input and appends nothing", async () => {
      const page = await openActivityForm(harness);
      const before = activityRows(harness).length;

      await page.click("#save");
      await page.waitForSelector("#status .notice-error");
      expect(await shownErrors(page)).toEqual(coreMessages({}));
      await expect(page.textContent("#f-date-error")).resolves.toBe("Dato må fylles ut");
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("f-date");

      const values = { date: `${YEAR - 1}-05-01`, type: "Foredrag", title: "x".repeat(201), participants: "mange", newParticipants: "", volunteerHours: "-3" };
      await page.fill("#f-date", values.date);
      await page.selectOption("#f-type", values.type);
      await page.fill("#f-title", values.title);
      await page.fill("#f-participants", values.participants);
      await page.fill("#f-volunteerHours", values.volunteerHours);
      await page.click("#save");
      const expected = coreMessages(values);
      expect(Object.keys(expected).sort()).toEqual(["date", "participants", "title", "volunteerHours"]);
      await page.waitForFunction((n) => document.querySelectorAll(".field-error:not(:empty)").length === n, Object.keys(expected).length);
      expect(await shownErrors(page)).toEqual(expected);
      await expect(page.textContent("#f-participants-error")).resolves.toBe("Deltakere må være et helt tall mellom 0 og 10 000 (ikke «mange»)");
      await expect(page.textContent("#f-date-error")).resolves.toBe(`Dato må være en dato i rapportåret ${YEAR}`);
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("f-date");
      await screenshot(page, "aktivitet-feil");

      // The summary at the top links each message to its field; fixing a field clears its message.
      await page.getByRole("link", { name: expected.participants }).click();
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("f-participants");
      await page.keyboard.press("Control+A");
      await page.keyboard.type("12");
      await expect(page.textContent("#f-participants-error")).resolves.toBe("");
      await expect(page.getAttribute("#f-participants", "aria-invalid")).resolves.toBeNull();
      await expect(page.textContent("#f-title-error")).resolves.toBe(expected.title);

      // The row rule (Nye deltakere ≤ Deltakere) comes from the template too.
      await page.fill("#f-date", `${YEAR}-05-01`);
      await page.fill("#f-title", "Foredrag om svindel");
      await page.fill("#f-participants", "10");
      await page.fill("#f-newParticipants", "12");
      await page.fill("#f-volunteerHours", "");
      await page.click("#save");
      await page.waitForFunction(() => (document.getElementById("f-newParticipants-error")?.textContent ?? "") !== "");
      await expect(page.textContent("#f-newParticipants-error")).resolves.toBe("Nye deltakere (12) kan ikke være flere enn Deltakere (10)");

      for (const id of ["f-newParticipants"]) {
        await expect(page.getAttribute(`#${id}`, "aria-invalid")).resolves.toBe("true");
        await expect(page.getAttribute(`#${id}`, "aria-describedby")).resolves.toContain(`${id}-error`);
      }
      await expect(page.getAttribute("#f-title", "aria-invalid")).resolves.toBeNull();
      expect(harness.server.calls.filter((c) => c.name === "addActivity")).toHaveLength(0);
      expect(activityRows(harness)).toHaveLength(before);
    });

    it("shows a server-side rejection at the field, and a failed call as a message, appending nothing", async () => {
      const page = await openActivityForm(harness);
      const before = activityRows(harness).length;
      // The report year changes in the sheet after the form was opened: only the server knows.
      const report = harness.setup.workbook.read("Årsrapport") ?? [];
      const yearRow = report.findIndex((row) => row[0] === "Rapportår") + 1;
      harness.setup.workbook.setCells("Årsrapport", [{ cell: `B${yearRow}`, value: YEAR + 1 }]);

      await page.fill("#f-date", `${YEAR}-03-14`);
      await page.selectOption("#f-type", "Datahjelp");
      await page.fill("#f-title", "Datahjelp");
      await page.fill("#f-participants", "4");
      await page.click("#save");
      await page.waitForSelector("#status .notice-error");
      await expect(page.textContent("#f-date-error")).resolves.toBe(coreMessages({ date: `${YEAR}-03-14` }, YEAR + 1).date);
      await expect(page.getAttribute("#f-date", "aria-invalid")).resolves.toBe("true");
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("f-date");
      expect(activityRows(harness)).toHaveLength(before);
      await screenshot(page, "aktivitet-avvist");

      harness.apis.forening.addActivity = () => {
        throw new Error("Regnearket er opptatt. Prøv igjen om litt.");
      };
      harness.setup.workbook.setCells("Årsrapport", [{ cell: `B${yearRow}`, value: YEAR }]);
      await page.click("#save");
      await page.waitForFunction(() => document.getElementById("status")?.textContent?.includes("opptatt"));
      await expect(page.textContent("#status")).resolves.toBe("Aktiviteten ble ikke lagret: Regnearket er opptatt. Prøv igjen om litt.");
      await expect(page.inputValue("#f-title")).resolves.toBe("Datahjelp");
      expect(activityRows(harness)).toHaveLength(before);
    });

    it("works by keyboard alone: Tab, typing and Enter, with a visible focus on every control", async () => {
      const keys = await dateKeys(harness.browser, `${YEAR}-04-02`);
      const page = await openActivityForm(harness);
      const focused = () => page.evaluate(() => document.activeElement?.id ?? "");
      const outline = () => page.evaluate(() => (document.activeElement ? getComputedStyle(document.activeElement).outlineStyle : "none"));

      /** Tab until focus arrives at `id` (Chromium's date input has a stop per part, plus its picker). */
      const tabTo = async (id: string) => {
        for (let i = 0; i < 4 && (await focused()) !== id; i++) await page.keyboard.press("Tab");
        expect(await focused()).toBe(id);
      };
      expect(await focused()).toBe("f-date");
      await page.keyboard.type(keys);
      await tabTo("f-type");
      expect(await outline()).not.toBe("none");
      await page.keyboard.type("Fo"); // type-ahead in the closed list picks Foredrag
      await page.keyboard.press("Tab");
      expect(await focused()).toBe("f-title");
      await page.keyboard.type("Trygg på nett");
      await page.keyboard.press("Tab"); // Kommunenummer: blank = own
      await page.keyboard.press("Tab"); // Samarbeidspartner: Ingen
      await page.keyboard.press("Tab");
      expect(await focused()).toBe("f-participants");
      expect(await outline()).not.toBe("none");
      await page.keyboard.type("27");
      await page.keyboard.press("Tab");
      await page.keyboard.type("4");
      await page.keyboard.press("Enter"); // implicit submission from a text field
      await page.waitForSelector("#status .notice-success");

      const added = activityRows(harness)[NEXT_ROW - 2];
      expect(added.slice(1, 3)).toEqual(["Foredrag", "Trygg på nett"]);
      expect((added[0] as Date).toISOString().slice(0, 10)).toBe(`${YEAR}-04-02`);
      expect(added[4]).toBe("Ingen");
      expect(added[5]).toBe(27);
      expect(added[6]).toBe(4);
      expect(await focused()).toBe("f-date");

      // An error found from the keyboard puts focus on the field to fix.
      await tabTo("f-type");
      for (let i = 0; i < 12 && (await focused()) !== "save"; i++) await page.keyboard.press("Tab");
      expect(await focused()).toBe("save");
      expect(await outline()).not.toBe("none");
      await page.keyboard.press("Enter");
      await page.waitForSelector("#status .notice-error");
      expect(await focused()).toBe("f-date");
    });

    it("shows a title with HTML as text and runs no script", async () => {
      const payload = "<img src=x onerror=alert(1)>";
      const page = await openActivityForm(harness);
      const dialogs: string[] = [];
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.fill("#f-date", `${YEAR}-03-14`);
      await page.selectOption("#f-type", "Kurs");
      await page.fill("#f-title", payload);
      await page.fill("#f-participants", "3");
      await page.click("#save");
      await page.waitForSelector("#status .notice-success");
      await expect(page.textContent("#status")).resolves.toContain(payload);
      expect(await page.$$("img")).toHaveLength(0);
      expect(activityRows(harness)[NEXT_ROW - 2][2]).toBe(payload);

      // The same text coming back from the sheet (a problem message) is text too.
      harness.setup.workbook.append("Aktiviteter", [[new Date(`${YEAR}-03-15T12:00:00Z`), payload, "Tittel", "", "", 1]]);
      const kontroller = await harness.open("/forening/kontroller.html");
      kontroller.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await kontroller.waitForSelector("button.problem");
      await expect(kontroller.textContent("#problems")).resolves.toContain("«<img src=x onerror=alert(1)>»");
      expect(await kontroller.$$("img")).toHaveLength(0);
      await kontroller.waitForTimeout(200); // give a broken image's onerror the chance it must not get
      expect(dialogs).toEqual([]);
    });

    it("passes axe, also while showing errors, with base text at least 16 px and labels from the template", async () => {
      const page = await openActivityForm(harness);
      const labels = await page.$$eval("label", (ls) => ls.map((l) => l.firstChild?.textContent));
      expect(labels).toEqual(activities.keys.map((k) => activities.columns[k].header));
      await expect(page.$$eval("select", (s) => s.map((x) => x.id))).resolves.toEqual(["f-type", "f-partner"]);
      await expect(page.getAttribute("#f-date", "type")).resolves.toBe("date");
      await screenshot(page, "aktivitet");
      expect(await seriousViolations(page)).toEqual([]);
      await page.click("#save");
      await page.waitForSelector("#status .notice-error");
      expect(await seriousViolations(page)).toEqual([]);
      expect(await baseFontSize(page)).toBeGreaterThanOrEqual(16);
    });
  });

  describe("Milepæler", () => {
    it("lists overdue and upcoming milestones and saves Fullført with Fullført dato", async () => {
      const page = await harness.open("/forening/milepaeler.html");
      await page.waitForSelector("#milestones section");
      const sections = await page.$$eval("#milestones h2", (hs) => hs.map((h) => h.textContent));
      expect(sections).toEqual(["Må rettes (1)", "Forsinket (1)", "Frist de neste 30 dagene (2)"]);
      await screenshot(page, "milepaeler");

      const card = page.locator("#m2"); // «Avtale om lokaler …», overdue
      await expect(card.textContent()).resolves.toContain("Forsinket");
      await card.locator("select").selectOption("Fullført");
      await expect(card.locator('input[type="date"]').inputValue()).resolves.toBe(TODAY);
      await card.getByRole("button", { name: "Lagre status" }).click();
      await page.waitForSelector("#status .notice-success");
      const row = (harness.setup.workbook.read("Milepæler") ?? [])[1];
      expect(row[5]).toBe("Fullført");
      expect((row[6] as Date).toISOString().slice(0, 10)).toBe(TODAY);
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("m2-title");
    });

    it("asks for Fullført dato at the field when it is emptied, and saves nothing", async () => {
      const page = await harness.open("/forening/milepaeler.html");
      await page.waitForSelector("#milestones section");
      const card = page.locator("#m3");
      await card.locator("select").selectOption("Fullført");
      await card.locator('input[type="date"]').fill("");
      await card.getByRole("button", { name: "Lagre status" }).click();
      await expect(card.locator(".field-error").last().textContent()).resolves.toBe("Fullført dato må fylles ut når Status er Fullført");
      await expect(card.locator('input[type="date"]').getAttribute("aria-invalid")).resolves.toBe("true");
      expect(harness.server.calls.filter((c) => c.name === "setMilestoneStatus")).toHaveLength(0);
      expect(await seriousViolations(page)).toEqual([]);
      expect(await baseFontSize(page)).toBeGreaterThanOrEqual(16);
      await screenshot(page, "milepaeler-feil");
    });

    it("shows a Fullført row without Fullført dato with its message, and it is fixed from the sidebar", async () => {
      const page = await harness.open("/forening/milepaeler.html");
      await page.waitForSelector("#milestones section");
      const card = page.locator("#m7"); // «Digital hjelp på sykehjemmet»: Fullført, no date
      await expect(card.locator(".card-problems li").allTextContents()).resolves.toEqual(["Fullført dato må fylles ut når Status er Fullført"]);
      await expect(card.locator("select").getAttribute("aria-describedby")).resolves.toBe("m7-problems m7-status-error");
      await expect(card.locator('input[type="date"]').getAttribute("aria-describedby")).resolves.toBe("m7-problems m7-date-error");
      await expect(page.getByRole("group", { name: "Feil i regnearket" }).count()).resolves.toBe(1);
      await expect(page.locator("#unlisted").count()).resolves.toBe(0);

      await expect(card.locator("select").inputValue()).resolves.toBe("Fullført");
      await expect(card.locator('input[type="date"]').inputValue()).resolves.toBe(TODAY);
      await card.locator('input[type="date"]').fill(shift(TODAY, -5));
      await card.getByRole("button", { name: "Lagre status" }).click();
      await page.waitForSelector("#status .notice-success");
      const row = (harness.setup.workbook.read("Milepæler") ?? [])[6];
      expect(row[5]).toBe("Fullført");
      expect((row[6] as Date).toISOString().slice(0, 10)).toBe(shift(TODAY, -5));

      // Reloaded: the milestone is among the others, without the problem, and has focus.
      await page.waitForFunction(() => document.activeElement?.id === "m7-title");
      await expect(page.locator(".card-problems").count()).resolves.toBe(0);
      await expect(page.$$eval("#milestones h2", (hs) => hs.map((h) => h.textContent))).resolves.toEqual(["Forsinket (1)", "Frist de neste 30 dagene (2)"]);
      await expect(page.locator("#others").getAttribute("open")).resolves.toBe("");
    });

    it("makes the user choose again when the sheet holds a status it does not know, and saves nothing until then", async () => {
      const due = new Date(`${shift(TODAY, 3)}T12:00:00Z`);
      const first = harness.setup.workbook.append("Milepæler", [["1804", "Nettbrett kjøpt", due, "Kommunen", "", "Ferdig", "", ""]]);
      const page = await harness.open("/forening/milepaeler.html");
      await page.waitForSelector("#milestones section");
      const card = page.locator(`#m${first}`);
      await expect(card.locator(".card-problems li").allTextContents()).resolves.toEqual([expect.stringContaining("(ikke «Ferdig»)")]);
      await expect(card.locator("select").inputValue()).resolves.toBe("");
      await card.getByRole("button", { name: "Lagre status" }).click();
      await expect(card.locator(".field-error").first().textContent()).resolves.toBe("Status må fylles ut");
      expect(harness.server.calls.filter((c) => c.name === "setMilestoneStatus")).toHaveLength(0);

      await card.locator("select").selectOption("Pågår");
      await card.getByRole("button", { name: "Lagre status" }).click();
      await page.waitForSelector("#status .notice-success");
      expect((harness.setup.workbook.read("Milepæler") ?? [])[first - 1][5]).toBe("Pågår");
    });

    it("counts rows with errors it cannot fix (a missing Milepæl, an unknown municipality) in a note at the top", async () => {
      const due = new Date(`${shift(TODAY, 3)}T12:00:00Z`);
      harness.setup.workbook.append("Milepæler", [
        ["1804", "", due, "Begge", "", "Pågår", "", ""],
        ["9999", "Møte med rådmannen", due, "Begge", "", "Pågår", "", ""],
      ]);
      const page = await harness.open("/forening/milepaeler.html");
      await page.waitForSelector("#milestones section");
      await expect(page.textContent("#unlisted")).resolves.toBe("2 milepæler har feil som må rettes i regnearket og vises ikke her. Kontroller rapporten viser hvor feilene er.");
      await expect(page.$$eval("#milestones h3", (hs) => hs.map((h) => h.textContent))).resolves.not.toContain("Møte med rådmannen");
      expect(await seriousViolations(page)).toEqual([]);
      expect(await baseFontSize(page)).toBeGreaterThanOrEqual(16);
      await screenshot(page, "milepaeler-problem");
    });
  });
});
