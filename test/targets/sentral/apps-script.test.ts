import { Cell } from "../../../src/core/cell";
import { googleJsonError } from "../../stand-ins/apps-script";
import { STATE_KEY } from "../../../src/services/rollup-job";
import { VIEWS_TAB } from "../../../src/services/partner-views";
import { MENU_ITEMS } from "../../../src/targets/sentral/public";
import { sentralWorld, STAFF } from "./stand-in";

const OUTPUT_TABS = [
  "Innsamling",
  "Nasjonalt",
  "Per fylke",
  "Per aktivitetstype",
  "Mål",
  "Milepæler",
  "Tiltak",
  "Avvik",
  "Historikk",
  "Dashbord",
];

function outputs(t: ReturnType<typeof sentralWorld>): Record<string, Cell[][] | undefined> {
  // Innsamling «Lest» is when each association was read, so it is left out.
  return Object.fromEntries(
    OUTPUT_TABS.map((name) => {
      const table = t.read(t.centralId, name);
      const lest = table?.[0]?.indexOf("Lest") ?? -1;
      return [name, name === "Innsamling" ? table?.map((r) => r.filter((_, i) => i !== lest)) : table];
    }),
  );
}

const statusOf = (t: ReturnType<typeof sentralWorld>, id: string) =>
  t.read(t.centralId, "Innsamling")!.find((r) => r[0] === id)?.[5];

describe("sentral in the Apps Script stand-in", () => {
  it("a rollup of 300 associations cut off by the time budget publishes what an uninterrupted run publishes", () => {
    const whole = sentralWorld(300, { deadline: "15.01.2026" });
    whole.world.resetCalls();
    const message = whole
      .app({ readBudgetMs: 60 * 60_000, publishBeforeMs: 60 * 60_000 })
      .collectAndSummarise();
    expect(message).toMatch(/^Ferdig: 300 foreninger hentet inn og summert/);
    // One Sheets API call per association when every tab exists; SpreadsheetApp never opens them.
    expect(whole.world.callsOf("Sheets.Spreadsheets.Values.batchGet")).toBe(300);
    expect(whole.world.callsOf("Sheets.Spreadsheets.get")).toBe(0);
    expect(whole.world.callsOf("SpreadsheetApp.openById")).toBe(0);

    const cut = sentralWorld(300, { deadline: "15.01.2026" });
    const tuning = { readBudgetMs: 100_000, publishBeforeMs: 110_000 };
    const first = cut.app(tuning).collectAndSummarise();
    expect(first).toMatch(
      /^Hentet inn \d+ av 300 foreninger\. Innhentingen fortsetter av seg selv om litt \(kjøring 1\)\.$/,
    );
    expect(cut.read(cut.centralId, "Nasjonalt")).toBeUndefined();
    expect(cut.world.triggers.filter((t) => t.dueAt !== null).map((t) => t.handlerFunction)).toEqual([
      "continueRollup",
    ]);
    const runs = cut.runTriggers(tuning);
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(cut.world.callsOf("Sheets.Spreadsheets.Values.batchGet")).toBe(300);
    expect(cut.world.triggers.filter((t) => t.dueAt !== null)).toEqual([]); // the trigger is gone when done

    expect(outputs(cut)).toEqual(outputs(whole));
    expect(cut.read(cut.centralId, "Logg")![1].slice(1, 3)).toEqual([
      STAFF,
      `Hent inn og summer (${runs + 1} kjøringer)`,
    ]);
    // Working tabs are hidden from users; the dashboard has its two charts, made once.
    const snapshot = cut.world.snapshot(cut.centralId);
    const sheets = snapshot.sheets as unknown as Array<{ name: string; hidden: boolean; charts?: unknown[] }>;
    expect(
      sheets
        .filter((s) => s.hidden)
        .map((s) => s.name)
        .sort(),
    ).toEqual(["Samspill-innhenting", "Samspill-resultater"]);
  });

  it("refuses a second rollup while one is running, in Norwegian", () => {
    const t = sentralWorld(60);
    const tuning = { readBudgetMs: 20_000 };
    expect(t.app(tuning).collectAndSummarise()).toMatch(/^Hentet inn/);
    // 09:00 UTC in January is 10:00 in Oslo.
    expect(t.app(tuning).collectAndSummarise()).toBe(
      "En innhenting pågår allerede (startet kl. 10:00). Prøv igjen om litt.",
    );
    t.runTriggers(tuning);
    expect(t.read(t.centralId, "Innsamling")).toHaveLength(61);
    expect(t.world.heldLocks()).toEqual([]);
  });

  it("gives a deleted, an unshared and a broken association their status while the rest go on", () => {
    const t = sentralWorld(8);
    t.world.setAccess(t.associationSpreadsheet(1), "not_found");
    t.world.setAccess(t.associationSpreadsheet(2), "no_access");
    // Two transient failures, then success: retried with backoff (Utilities.sleep) in one place.
    t.world.failNext(
      "Sheets.Spreadsheets.Values.batchGet",
      googleJsonError("sheets.spreadsheets.values.batchGet", "Internal error encountered."),
      2,
    );
    t.world.resetCalls();
    t.app().collectAndSummarise();
    expect(statusOf(t, "F0000")).toBe("Med avvik"); // read after two failures: its own data decides
    expect(statusOf(t, "F0001")).toBe("Finnes ikke");
    expect(statusOf(t, "F0002")).toBe("Mangler tilgang");
    expect(statusOf(t, "F0003")).toBe("OK");
    expect(t.world.callsOf("Utilities.sleep")).toBeGreaterThanOrEqual(2);
    expect(t.world.callsOf("Sheets.Spreadsheets.Values.batchGet")).toBe(8 + 2);
  });

  it("reads an association with a missing tab in 2 calls and reports the tab", () => {
    const t = sentralWorld(3);
    const globals = t.world.globalsFor({ userEmail: STAFF });
    const ss = globals.SpreadsheetApp.openById(t.associationSpreadsheet(1));
    ss.deleteSheet(ss.getSheetByName("Tiltak")!);
    t.world.resetCalls();
    t.app().collectAndSummarise();
    expect(t.world.callsOf("Sheets.Spreadsheets.Values.batchGet")).toBe(3);
    expect(t.world.callsOf("Sheets.Spreadsheets.get")).toBe(1);
    expect(statusOf(t, "F0001")).toBe("Med avvik");
    expect(
      t
        .read(t.centralId, "Avvik")!
        .some((r) => r[0] === "F0001" && r[7] === "missing_tab" && r[2] === "Tiltak"),
    ).toBe(true);
    // The rest of F0001 is still read.
    expect(t.read(t.centralId, "Milepæler")!.some((r) => r[0] === "F0001")).toBe(true);
  });

  it("keeps formula-looking text from associations as text in the outputs", () => {
    const t = sentralWorld(12);
    t.app().collectAndSummarise();
    // Association 0 and 11 have a milestone titled =SUM(1;2).
    const milestones = t.read(t.centralId, "Milepæler")!;
    expect(milestones.filter((r) => r[5] === "=SUM(1;2)").map((r) => r[0])).toEqual(["F0000", "F0011"]);
    const tab = t.world.snapshot(t.centralId).sheets.find((s) => s.name === "Milepæler")!;
    expect(tab.formulas).toEqual({});
  });

  it("makes the dashboard's two charts once and keeps them on later rollups", () => {
    const t = sentralWorld(6);
    t.app().collectAndSummarise();
    t.app().collectAndSummarise();
    const dashboard = t.world.snapshot(t.centralId).sheets.find((s) => s.name === "Dashbord")!;
    expect(dashboard.charts).toHaveLength(2);
    // The board report's content from A1, the chart-data tables the charts read from H1 (core/dashboard CHARTS).
    expect(dashboard.values[0].slice(0, 2)).toEqual(["Rapportår", 2025]);
    expect(dashboard.values[0].slice(7, 12)).toEqual(["Fylke", "Deltakere", "", "Mål", "Andel av målet"]);
  });

  it("builds the menu: only a start item before authorisation, every action after", () => {
    const t = sentralWorld(1);
    const none = t.world.globalsFor({ userEmail: STAFF, activeSpreadsheetId: t.centralId, authMode: "NONE" });
    const { createSentralApp } = jest.requireActual("../../../src/targets/sentral/app");
    createSentralApp(none).onOpen({ authMode: "NONE" });
    expect(t.world.menus[0].items).toEqual([
      { type: "item", caption: "Start Samspill", functionName: "enableSamspill" },
    ]);
    t.app().onOpen({ authMode: "FULL" });
    const items = t.world.menus[t.world.menus.length - 1].items.filter((i) => i.type === "item");
    expect(t.world.menus[t.world.menus.length - 1].caption).toBe("Samspill sentralt");
    expect(items.map((i) => (i.type === "item" ? [i.caption, i.functionName] : []))).toEqual(
      MENU_ITEMS.map(([a, b]) => [a, b]),
    );
  });

  it("creates a new association's spreadsheet from the template, shares and registers it", () => {
    const t = sentralWorld(2);
    t.world.queueUiResponse({ button: "OK", text: "Seniornett Tromsø" });
    t.world.queueUiResponse({ button: "OK", text: "5501" });
    t.world.queueUiResponse({ button: "OK", text: "leder@example.no, nestleder@example.no" });
    const before = new Set(t.world.spreadsheetIds());
    const result = t.app().createAssociationSpreadsheet();
    expect(result).toMatchObject({ ok: true, id: "5501-seniornett-tromso" });
    const id = t.world.spreadsheetIds().find((x) => !before.has(x))!;
    const snapshot = t.world.snapshot(id) as unknown as {
      editors: string[];
      sheets: Array<{ name: string }>;
    };
    expect(snapshot.editors).toEqual(expect.arrayContaining(["leder@example.no", "nestleder@example.no"]));
    expect(snapshot.sheets.map((s) => s.name)).toEqual(["Slik fyller du ut", "Årsrapport", "Aktiviteter", "Milepæler", "Tiltak"]);
    expect(t.read(id, "Årsrapport")!.find((r) => r[0] === "Kommunenummer")?.[1]).toBe("5501");
    const registry = t.read(t.centralId, "Foreninger")!;
    expect(registry[registry.length - 1].slice(0, 5)).toEqual([
      "5501-seniornett-tromso",
      "Seniornett Tromsø",
      "",
      "5501",
      t.world.urlOf(id),
    ]);
  });

  it("copies the master template in Malregneark with its bound script, in Oslo time, shared and registered", () => {
    const t = sentralWorld(1);
    // The master template: a spreadsheet with the build/mal script bound to it (minimal files here).
    const script = [
      { name: "Code.js", source: "function onOpen(e) {}" },
      { name: "appsscript.json", source: '{"timeZone":"Europe/Oslo"}' },
    ];
    const master = t.world.addSpreadsheet({ name: "Samspill – mal", owner: STAFF, timeZone: "Europe/Helsinki", boundScript: script });
    const staff = t.world.globalsFor({ userEmail: STAFF });
    const oppsett = staff.SpreadsheetApp.openById(t.centralId).getSheetByName("Oppsett")!;
    const row = oppsett.getDataRange().getValues().findIndex((r) => r[0] === "Malregneark") + 1;
    oppsett.getRange(row, 2).setValue(t.world.urlOf(master));
    staff.SpreadsheetApp.flush();

    t.world.queueUiResponse({ button: "OK", text: "Seniornett Tromsø" });
    t.world.queueUiResponse({ button: "OK", text: "5501" });
    t.world.queueUiResponse({ button: "OK", text: "leder@example.no" });
    const before = new Set(t.world.spreadsheetIds());
    const result = t.app().createAssociationSpreadsheet();
    expect(result).toMatchObject({ ok: true, id: "5501-seniornett-tromso" });
    expect(result.message).toMatch(/kopiert fra malregnearket og har Samspill-menyen/);
    const id = t.world.spreadsheetIds().find((x) => !before.has(x))!;
    // The copy carries the bound script, file for file; the master keeps its own.
    expect(t.world.boundScriptOf(id)).toEqual(script);
    expect(t.world.boundScriptOf(master)).toEqual(script);
    const copy = t.world.snapshot(id);
    expect(copy.name).toBe("Samspill – Seniornett Tromsø");
    expect(copy.timeZone).toBe("Europe/Oslo");
    expect(t.world.snapshot(master).timeZone).toBe("Europe/Helsinki");
    expect(copy.editors).toEqual(expect.arrayContaining(["leder@example.no"]));
    expect(copy.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Årsrapport", "Aktiviteter", "Milepæler", "Tiltak"]));
    expect(t.read(id, "Årsrapport")!.find((r) => r[0] === "Kommunenummer")?.[1]).toBe("5501");
    const registry = t.read(t.centralId, "Foreninger")!;
    expect(registry[registry.length - 1].slice(0, 5)).toEqual(["5501-seniornett-tromso", "Seniornett Tromsø", "", "5501", t.world.urlOf(id)]);
  });

  it("says so, and creates nothing, when the master template in Malregneark cannot be opened", () => {
    const t = sentralWorld(1);
    const staff = t.world.globalsFor({ userEmail: STAFF });
    const oppsett = staff.SpreadsheetApp.openById(t.centralId).getSheetByName("Oppsett")!;
    const row = oppsett.getDataRange().getValues().findIndex((r) => r[0] === "Malregneark") + 1;
    oppsett.getRange(row, 2).setValue("https://docs.google.com/spreadsheets/d/1NoSuchSpreadsheetAbcdefghijklmnopqrstuvwx/edit");
    staff.SpreadsheetApp.flush();
    t.world.queueUiResponse({ button: "OK", text: "Seniornett Tromsø" });
    t.world.queueUiResponse({ button: "OK", text: "5501" });
    t.world.queueUiResponse({ button: "OK", text: "leder@example.no" });
    const before = t.world.spreadsheetIds().length;
    const registered = t.read(t.centralId, "Foreninger")!.length;
    const result = t.app().createAssociationSpreadsheet();
    expect(result).toMatchObject({ ok: false });
    expect(t.world.dialogs.at(-1)!.content).toMatch(/^Regnearket ble ikke opprettet:\n\nMalregnearket i Oppsett .* kunne ikke kopieres/);
    expect(t.world.spreadsheetIds()).toHaveLength(before);
    expect(t.read(t.centralId, "Foreninger")).toHaveLength(registered);
  });

  it("updates partner views: a removed address loses access", () => {
    const t = sentralWorld(4, { partners: (i) => (i === 2 ? "a@kommune.no, b@kommune.no" : "") });
    t.app().collectAndSummarise();
    t.app().updatePartnerViews();
    const record = t.read(t.centralId, VIEWS_TAB)!;
    expect(record).toHaveLength(2);
    const viewId = String(record[1][2]);
    const viewers = () => (t.world.snapshot(viewId) as unknown as { viewers: string[] }).viewers.sort();
    expect(viewers()).toEqual(["a@kommune.no", "b@kommune.no"]);
    const view = t.world.snapshot(viewId) as unknown as { sheets: Array<{ name: string }> };
    expect(view.sheets.map((s) => s.name)).toEqual([
      "Om visningen",
      "Foreninger",
      "Aktiviteter",
      "Milepæler",
    ]);

    const registry = t.read(t.centralId, "Foreninger")!;
    registry[3][6] = "b@kommune.no";
    const globals = t.world.globalsFor({ userEmail: STAFF, activeSpreadsheetId: t.centralId });
    globals.SpreadsheetApp.openById(t.centralId)
      .getSheetByName("Foreninger")!
      .getRange("G4")
      .setValue("b@kommune.no");
    t.world.endExecution(globals);
    t.app().updatePartnerViews();
    expect(viewers()).toEqual(["b@kommune.no"]);
  });

  it("partner views: an address without a Google account fails alone, with its reason in Kommunevisninger", () => {
    const t = sentralWorld(4, { partners: (i) => (i === 2 ? "a@kommune.no, ingen-google@firma.no, b@kommune.no" : i === 3 ? "c@kommune.no" : "") });
    t.world.refusedAddresses.add("ingen-google@firma.no");
    t.app().collectAndSummarise();
    const outcome = t.app().updatePartnerViews();
    expect(outcome).toMatchObject({ updated: 2, added: 3, failed: 1 });
    const record = t.read(t.centralId, VIEWS_TAB)!;
    const row = record.find((r) => r[4] === "a@kommune.no, b@kommune.no")!;
    expect(t.world.snapshot(String(row[2])).viewers.sort()).toEqual(["a@kommune.no", "b@kommune.no"]);
    expect(t.world.snapshot(String(row[2])).name).toMatch(/^Samspill – kommunevisning \d{4} /);
    expect(row[6]).toBe("Kunne ikke dele med ingen-google@firma.no: Google godtok ikke adressen (er den knyttet til en Google-konto?).");
  });

  it("partner views: stop at the time budget, continue from a one-off trigger, and end with one view per municipality", () => {
    const t = sentralWorld(12, { partners: (i) => `p${i}@kommune.no` });
    t.app().collectAndSummarise();
    t.runTriggers();
    const first = t.app({ viewsBudgetMs: 20_000 }).updatePartnerViews();
    expect(first.done).toBe(false);
    expect(t.world.triggers.filter((x) => x.dueAt !== null).map((x) => x.handlerFunction)).toEqual(["continuePartnerViews"]);
    expect(t.app().updatePartnerViews()).toBeUndefined(); // the menu refuses while it runs
    expect(t.runTriggers({ viewsBudgetMs: 20_000 })).toBeGreaterThan(1);
    const record = t.read(t.centralId, VIEWS_TAB)!.slice(1);
    const distinct = new Set(record.map((r) => r[0]));
    expect(record).toHaveLength(distinct.size);
    const views = t.world.spreadsheetIds().filter((id) => t.world.snapshot(id).name.startsWith("Samspill – kommunevisning"));
    expect(views.sort()).toEqual(record.map((r) => String(r[2])).sort());
    expect(t.world.triggers.filter((x) => x.dueAt !== null)).toEqual([]);
    expect(t.world.heldLocks()).toEqual([]);
  });

  it("sends reminders once per association, deadline and day", () => {
    const t = sentralWorld(8);
    t.app().collectAndSummarise();
    const preview = t.app().previewReminders();
    const first = t.app().sendReminders();
    expect(first.sent).toBe(preview.reminders.filter((r: { skip: boolean }) => !r.skip).length);
    expect(t.world.mail).toHaveLength(first.sent);
    expect(t.world.mail[0].subject).toMatch(
      /^Påminnelse: årsrapport 2025 for Seniornett \d+ – frist 15\.02\.2026$/,
    );
    expect(t.app().sendReminders().sent).toBe(0);
    expect(t.world.mail).toHaveLength(first.sent);
  });

  it("leaves no state, lock or trigger behind after a finished rollup", () => {
    const t = sentralWorld(5);
    t.app().collectAndSummarise();
    const globals = t.world.globalsFor({ userEmail: STAFF, activeSpreadsheetId: t.centralId });
    expect(globals.PropertiesService.getDocumentProperties().getProperty(STATE_KEY)).toBeNull();
    expect(t.world.heldLocks()).toEqual([]);
    expect(t.world.triggers.filter((x) => x.dueAt !== null)).toEqual([]);
  });
});
