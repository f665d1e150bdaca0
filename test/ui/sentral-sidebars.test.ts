import { baseFontSize, describeInBrowser, screenshot, seriousViolations, useHarness } from "./browser";

describeInBrowser("sentral sidebars in Chromium", () => {
  const harness = useHarness();

  it("Innsamlingsstatus shows the counts per status and one row per association, names as text", async () => {
    const page = await harness.open("/sentral/innsamling.html");
    await page.waitForSelector("#associations");
    const expected = harness.apis.sentral.getCollectionStatus();
    const counts = await page.$$eval("#counts tbody tr", (rows) => rows.map((r) => [r.querySelector("th")?.textContent, Number(r.querySelector("td")?.textContent)]));
    expect(Object.fromEntries(counts)).toEqual(expected.counts);
    const names = await page.$$eval("#associations tbody th", (cells) => cells.map((c) => c.firstChild?.textContent));
    expect([...names].sort()).toEqual(expected.rows.map((r) => r.name).sort());
    expect(await page.$$("#associations b")).toHaveLength(0); // «<b>og omegn</b>» is text, not markup
    await screenshot(page, "innsamling");
    expect(await seriousViolations(page)).toEqual([]);
    expect(await baseFontSize(page)).toBeGreaterThanOrEqual(16);
  });

  it("Send påminnelser previews who gets what, and sends only after a confirmation", async () => {
    const page = await harness.open("/sentral/paaminnelser.html");
    await page.waitForSelector("#send");
    const preview = harness.apis.sentral.previewReminders();
    const toSend = preview.reminders.filter((r) => !r.skip);
    await expect(page.$$eval("#to-send h3", (hs) => hs.map((h) => h.textContent))).resolves.toEqual(toSend.map((r) => r.association));
    await expect(page.textContent("#to-send")).resolves.toContain(toSend[0].to);
    await expect(page.textContent("#send")).resolves.toBe(`Send ${toSend.length} påminnelser`);
    await screenshot(page, "paaminnelser");
    expect(await seriousViolations(page)).toEqual([]);
    expect(await baseFontSize(page)).toBeGreaterThanOrEqual(16);

    await page.click("#send");
    await page.waitForSelector("#confirm-send");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("confirm-send");
    await page.click("#cancel-send");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("send");
    expect(harness.server.calls.filter((c) => c.name === "sendReminders")).toHaveLength(0);

    await page.keyboard.press("Enter");
    await page.waitForSelector("#confirm-send");
    await screenshot(page, "paaminnelser-bekreft");
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("Enter");
    await page.waitForSelector("#status .notice-success");
    expect(harness.server.calls.filter((c) => c.name === "sendReminders")).toHaveLength(1);
    expect(harness.setup.mail.map((m) => m.to)).toEqual(toSend.map((r) => r.to));
    // The refreshed preview shows that nobody is due another reminder today.
    await page.waitForFunction(() => document.getElementById("content")?.textContent?.includes("Ingen foreninger trenger påminnelse."));
    expect(await page.$$("#send")).toHaveLength(0);
    await screenshot(page, "paaminnelser-sendt");
  });
});
