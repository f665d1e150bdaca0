import { AssociationSource } from "../../../src/core/association-result";
import { RegistryAssociation, spreadsheetKey } from "../../../src/core/central-inputs";
import { createSentralApi } from "../../../src/targets/sentral/api";
import { recordSent, sentToday } from "../../../src/services/reminders";
import { startRollup, STATE_KEY } from "../../../src/services/rollup-job";
import { memoryStore, PROPERTY_VALUE_LIMIT } from "../../../src/services/key-value";
import { centralWorkbook, sampleSheets, virtualClock } from "./fixtures";
import { memoryMailer } from "./capabilities";

function setUp(count: number, quota = 100) {
  const clock = virtualClock();
  const { workbook } = centralWorkbook(count);
  // F0004 (not submitted) has no contact address in the registry.
  const registry = workbook.read("Foreninger")!;
  if (registry[5]) registry[5][5] = "";
  workbook.write("Foreninger", registry);
  const properties = memoryStore();
  const mail = memoryMailer(quota);
  const readAssociation = (entry: RegistryAssociation): AssociationSource => {
    const i = Number(spreadsheetKey(entry.spreadsheet).slice(-4));
    return i === 5 ? { kind: "no_access" } : { kind: "read", sheets: sampleSheets(i) };
  };
  const rollup = () =>
    startRollup({ central: workbook, readAssociation, properties, now: clock.now, user: "stab@example.no" });
  const api = createSentralApi({ central: workbook, properties, mail, now: clock.now });
  return { clock, workbook, properties, mail, rollup, api };
}

describe("Innsamlingsstatus (getCollectionStatus)", () => {
  it("shows every registered association as not collected before the first rollup", () => {
    const t = setUp(3);
    const status = t.api.getCollectionStatus();
    expect(status).toMatchObject({
      year: 2025,
      deadline: "2026-02-15",
      lastRun: "",
      running: false,
      counts: { "Ikke hentet inn": 3 },
    });
    expect(status.rows.map((r) => r.id)).toEqual(["F0000", "F0001", "F0002"]);
  });

  it("shows the last rollup's status per association, and whether a rollup is running", () => {
    const t = setUp(14);
    t.rollup();
    const status = t.api.getCollectionStatus();
    expect(status.running).toBe(false);
    expect(status.lastRun).toBe(t.clock.now().toISOString());
    expect(status.counts).toEqual({ OK: 8, "Ikke sendt inn": 3, "Med avvik": 2, "Mangler tilgang": 1 });
    expect(status.rows.find((r) => r.id === "F0005")).toMatchObject({ status: "Mangler tilgang", errors: 1 });
    expect(status.rows.find((r) => r.id === "F0001")?.readAt).toMatch(/^2026-01-25T/);
    expect(JSON.parse(JSON.stringify(status))).toEqual(status); // only JSON crosses to the sidebar
    t.properties.set(STATE_KEY, JSON.stringify({ year: 2025, startedAt: "x" }));
    expect(t.api.getCollectionStatus().running).toBe(true);
  });
});

describe("Send påminnelser", () => {
  it("previews who gets what: everyone not OK, with the deadline, skipping those without an address", () => {
    const t = setUp(14);
    t.rollup();
    const { deadline, reminders } = t.api.previewReminders();
    expect(deadline).toBe("2026-02-15");
    expect(reminders).toHaveLength(6);
    const noAccess = reminders.find((r) => r.associationId === "F0005")!;
    expect(noAccess).toMatchObject({
      to: "kontakt5@example.no",
      skip: false,
      subject: "Påminnelse: årsrapport 2025 for Seniornett 5 – frist 15.02.2026",
    });
    expect(noAccess.body).toContain("Sentralleddet har ikke tilgang til regnearket deres.");
    expect(noAccess.body).toContain("Fristen for innsending er 15.02.2026.");
    expect(noAccess.body).toContain("https://docs.google.com/spreadsheets/d/sheet-F0005/edit");
    const noAddress = reminders.find((r) => r.associationId === "F0004")!;
    expect(noAddress).toMatchObject({
      skip: true,
      to: "",
      reason: "Hoppes over: Kontakt e-post mangler i Foreninger.",
    });
  });

  it("does not mail the same association twice for the same deadline on one day", () => {
    const t = setUp(14);
    t.rollup();
    const first = t.api.sendReminders();
    expect(first).toEqual({ sent: 5, skipped: 1, message: "Sendte 5 påminnelser. 1 hoppet over." });
    expect(t.mail.sent.map((m) => m.to)).toContain("kontakt5@example.no");
    const second = t.api.sendReminders();
    expect(second.sent).toBe(0);
    expect(t.mail.sent).toHaveLength(5);
    expect(t.api.previewReminders().reminders.filter((r) => !r.skip)).toEqual([]);

    // A new deadline the same day is a new reminder; so is the next day.
    const settings = t.workbook.read("Oppsett")!;
    settings.find((r) => r[0] === "Frist for innsending")![1] = "01.03.2026";
    t.workbook.write("Oppsett", settings);
    expect(t.api.sendReminders().sent).toBe(5);
    t.clock.advance(24 * 3600_000);
    expect(t.api.sendReminders().sent).toBe(5);
    expect(t.properties.keys().every((k) => !k.startsWith("samspill.reminders|2026-01-25"))).toBe(true);
  });

  it("stops at the daily mail quota and says so", () => {
    const t = setUp(14, 3);
    t.rollup();
    const result = t.api.sendReminders();
    expect(result.sent).toBe(3);
    expect(result.message).toContain("Dagskvoten for e-post er brukt opp");
    expect(t.api.sendReminders().sent).toBe(0);
  });

  it("keeps the record of sent reminders in property values under the 9 KB limit", () => {
    const store = memoryStore();
    const context = { organisation: "", year: 2025, deadline: "2026-02-15", today: "2026-01-25" };
    const ids = new Set(
      Array.from({ length: 1500 }, (_, i) => `forening-med-et-langt-navn-${i}-${"x".repeat(30)}`),
    );
    recordSent(store, context, ids);
    expect(store.keys().length).toBeGreaterThan(5);
    expect(Math.max(...store.keys().map((k) => store.get(k)!.length))).toBeLessThanOrEqual(
      PROPERTY_VALUE_LIMIT,
    );
    expect(sentToday(store, context)).toEqual(ids);
  });
});
