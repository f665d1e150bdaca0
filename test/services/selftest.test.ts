import { createForeningApp } from "../../src/targets/forening/app";
import { createSentralApp } from "../../src/targets/sentral/app";
import { createWorld } from "../stand-ins/apps-script";
import { quirks } from "../stand-ins/apps-script/values";
import { annualReportRows, KARI } from "../targets/forening/harness";
import { sentralWorld, STAFF } from "../targets/sentral/stand-in";

function forening() {
  const world = createWorld({ startTime: Date.UTC(2025, 10, 20, 9, 0, 0) });
  const id = world.addSpreadsheet({ name: "Rapport", owner: KARI, sheets: { Årsrapport: annualReportRows() } });
  const globals = world.globalsFor({ userEmail: KARI, activeSpreadsheetId: id });
  return { world, id, globals, app: createForeningApp(globals, world.now) };
}

const statusOf = (report: { checks: Array<{ id: string; ok: boolean }> }) => Object.fromEntries(report.checks.map((c) => [c.id, c.ok ? "OK" : "FEIL"]));

describe("Selvtest (Samspill → Selvtest)", () => {
  it("is all OK on the stand-in, in plain bokmål, and leaves no tab behind", () => {
    const { world, id, app } = forening();
    const tabsBefore = world.snapshot(id).sheets.map((s) => s.name);
    const report = app.getSelfTest();
    expect(statusOf(report)).toEqual({ date: "OK", timeZone: "OK", plainText: "OK", numberFormats: "OK", validations: "OK", lock: "OK" });
    expect(report.ok).toBe(true);
    for (const c of report.checks) {
      expect(c.title).toMatch(/\S/);
      expect(c.meaning).toMatch(/\S/);
      expect(c.action).toBe("");
    }
    expect(world.snapshot(id).sheets.map((s) => s.name)).toEqual(tabsBefore);
    expect(world.heldLocks()).toEqual([]);
  });

  it("says FEIL on the date when Google's Oslo date and Samspill's disagree", () => {
    const { world, globals } = forening();
    const real = globals.Utilities;
    const utilities = { formatDate: (date: Date, zone: string, pattern: string) => (pattern === "yyyy-MM-dd" ? "2025-11-19" : real.formatDate(date, zone, pattern)) };
    const app = createForeningApp({ ...globals, Utilities: utilities as unknown as typeof real }, world.now);
    const report = app.getSelfTest();
    const date = report.checks.find((c) => c.id === "date")!;
    expect(date).toMatchObject({ ok: false, detail: "Samspill: 2025-11-20, Google: 2025-11-19" });
    expect(date.action).toMatch(/Ta kontakt/);
    expect(report.ok).toBe(false);
  });

  it("says FEIL on formula-looking text when Sheets parses formulas in plain-text (@) cells", () => {
    const { app } = forening();
    quirks.formulasInPlainTextCells = true;
    try {
      const report = app.getSelfTest();
      expect(statusOf(report)).toMatchObject({ plainText: "FEIL", numberFormats: "OK", validations: "OK", date: "OK" });
      expect(report.checks.find((c) => c.id === "plainText")!.detail).toMatch(/=1\+1/);
    } finally {
      quirks.formulasInPlainTextCells = false;
    }
  });

  it("says FEIL on the time zone when the spreadsheet is not in Oslo time, and what to do", () => {
    const { globals, app } = forening();
    globals.SpreadsheetApp.getActiveSpreadsheet().setSpreadsheetTimeZone("Europe/Helsinki");
    const check = app.getSelfTest().checks.find((c) => c.id === "timeZone")!;
    expect(check).toMatchObject({ ok: false, detail: "Tidssone: Europe/Helsinki" });
    expect(check.action).toMatch(/Tidssone/);
  });

  it("says FEIL on the lock when someone else holds it", () => {
    const { world, id, app } = forening();
    world.globalsFor({ userEmail: "ola@example.org", activeSpreadsheetId: id }).LockService.getDocumentLock()!.waitLock(1000);
    expect(statusOf(app.getSelfTest())).toMatchObject({ lock: "FEIL", date: "OK" });
  });
});

describe("Selvtest (Samspill sentralt → Selvtest)", () => {
  it("is all OK on the stand-in, also the Sheets service, a trigger, the mail quota and one association", () => {
    const t = sentralWorld(3);
    const report = t.app().getSelfTest();
    expect(statusOf(report)).toEqual({
      date: "OK",
      timeZone: "OK",
      plainText: "OK",
      numberFormats: "OK",
      validations: "OK",
      lock: "OK",
      sheetsService: "OK",
      trigger: "OK",
      mailQuota: "OK",
      association: "OK",
    });
    expect(t.world.triggers.filter((tr) => tr.dueAt !== null)).toEqual([]);
  });

  it("says FEIL on the Sheets service and on reading an association when the advanced service is off", () => {
    const t = sentralWorld(3);
    const globals = t.world.globalsFor({ userEmail: STAFF, activeSpreadsheetId: t.centralId });
    delete (globals as Partial<typeof globals>).Sheets;
    const report = createSentralApp(globals, { now: t.now }).getSelfTest();
    expect(statusOf(report)).toMatchObject({ sheetsService: "FEIL", association: "FEIL", date: "OK", trigger: "OK" });
    expect(report.checks.find((c: { id: string }) => c.id === "sheetsService")!.action).toMatch(/Tjenester/);
  });
});
