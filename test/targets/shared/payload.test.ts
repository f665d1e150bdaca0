/**
 * The sidebar → server trust boundary: every function a sidebar calls through google.script.run
 * checks its arguments (zod/mini) before it runs, and a bad payload gets a Norwegian refusal, never a
 * crash, never a write. google.script.run itself only passes primitives, plain objects and arrays
 * (https://developers.google.com/apps-script/guides/html/reference/run#parameters); the server does
 * not rely on the browser for that.
 */
import { MemoryWorkbook } from "../../../src/adapters/memory/memory-workbook";
import { setUpTemplates } from "../../../src/services/setup";
import { createForeningApi } from "../../../src/targets/forening/api";
import { createSentralApi } from "../../../src/targets/sentral/api";
import { MAX_FIELD_TEXT, PayloadRefused } from "../../../src/targets/shared/payload";
import { memoryStore } from "../../../src/services/key-value";
import { centralWorkbook, virtualClock } from "../sentral/fixtures";
import { memoryMailer } from "../sentral/capabilities";

const ENGLISH = /\b(expected|received|invalid|input|string|number|undefined|object|array)\b/i;

function forening() {
  const workbook = new MemoryWorkbook();
  setUpTemplates(workbook);
  const selected: string[] = [];
  const api = createForeningApi({
    workbook: () => workbook,
    now: () => new Date("2025-06-16T10:00:00Z"),
    userEmail: () => "leder@example.no",
    withDocumentLock: (fn) => fn(),
    selectCell: (sheet, cell) => void selected.push(`${sheet}!${cell}`),
  });
  const rows = () => (workbook.read("Aktiviteter") ?? []).length + (workbook.read("Milepæler") ?? []).length;
  return { api, workbook, selected, rows };
}

/** A call with arguments the TypeScript signature would not allow: what a tampered sidebar can send. */
const call = (fn: (...a: any[]) => unknown, ...args: unknown[]) => fn(...args);

function expectRefusal(result: unknown, pattern: RegExp) {
  expect(result).toMatchObject({ ok: false, errors: [] });
  const message = (result as { message: string }).message;
  expect(message).toMatch(/^Samspill avviste forespørselen «[^»]+» fra sidepanelet: /);
  expect(message).toMatch(pattern);
  expect(message).not.toMatch(ENGLISH);
}

function expectThrownRefusal(run: () => unknown, pattern: RegExp) {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(PayloadRefused);
  expect((thrown as Error).message).toMatch(pattern);
  expect((thrown as Error).message).not.toMatch(ENGLISH);
}

describe("forening: Registrer aktivitet and Ny milepæl refuse a bad payload with a Norwegian message and write nothing", () => {
  const good = { date: "2025-03-01", type: "Kurs", title: "Nettbank", participants: "12" };

  it("accepts the sidebar's own payload (the check lets a good call through)", () => {
    const t = forening();
    expect(t.api.addActivity(good)).toMatchObject({ ok: true });
  });

  it.each([
    [
      "a number where text belongs",
      { ...good, participants: 12 },
      /Feltet «Deltakere» må være tekst, men var et helt tall/,
    ],
    [
      "a Date object",
      { ...good, date: new Date("2025-03-01") },
      /Feltet «Dato» må være tekst, men var et datoobjekt/,
    ],
    [
      "an extra-long string",
      { ...good, title: "x".repeat(MAX_FIELD_TEXT + 1) },
      /Feltet «Tittel» er for lang: høyst 5 000 tegn/,
    ],
    [
      "a field the form does not have",
      { ...good, formula: "=IMPORTXML()" },
      /Skjemaet har et ukjent felt: «formula»/,
    ],
    ["null instead of the fields", null, /Skjemaet må være et sett med felt, men var en tom verdi \(null\)/],
    ["a list instead of the fields", ["Kurs"], /Skjemaet må være et sett med felt, men var en liste/],
  ])("addActivity: %s", (_, payload, pattern) => {
    const t = forening();
    const before = t.rows();
    expectRefusal(call(t.api.addActivity, payload), pattern);
    expect(t.rows()).toBe(before);
  });

  it("addActivity: no fields at all (a missing argument)", () => {
    const t = forening();
    expectRefusal(call(t.api.addActivity), /: Skjemaet mangler\./);
  });

  it("addMilestone: a Date object and an object where text belongs", () => {
    const t = forening();
    const before = t.rows();
    expectRefusal(
      call(t.api.addMilestone, { title: "Avtale", dueDate: new Date() }),
      /Feltet «Frist» må være tekst, men var et datoobjekt/,
    );
    expectRefusal(
      call(t.api.addMilestone, { title: { toString: "x" } }),
      /Feltet «Milepæl» må være tekst, men var et sett med felt/,
    );
    expect(t.rows()).toBe(before);
  });
});

describe("forening: Lagre status and Vis cellen refuse a bad payload", () => {
  it.each([
    ["a row number as text", ["7", "Fullført", "2025-06-01"], /Radnummeret må være et tall, men var tekst/],
    ["a fractional row number", [2.5, "Fullført", ""], /Radnummeret må være et helt tall, men var et tall/],
    ["a missing status", [2], /: Statusen mangler\./],
    [
      "a Date as completed date",
      [2, "Fullført", new Date()],
      /Fullført dato må være tekst, men var et datoobjekt/,
    ],
    ["an extra-long status", [2, "x".repeat(100_000), ""], /Statusen er for lang/],
    ["an argument too many", [2, "Fullført", "", "ekstra"], /Forespørselen har for mange verdier: høyst 3/],
  ])("setMilestoneStatus: %s", (_, args, pattern) => {
    const t = forening();
    expectRefusal(call(t.api.setMilestoneStatus, ...args), pattern);
  });

  it("selectCell: a cell that is not A1 notation, a number as tab name, a missing cell: refused, nothing selected", () => {
    const t = forening();
    expectThrownRefusal(() => call(t.api.selectCell, "Aktiviteter", "A1; DROP"), /Cellen har feil form/);
    expectThrownRefusal(
      () => call(t.api.selectCell, 7, "A1"),
      /Fanenavnet må være tekst, men var et helt tall/,
    );
    expectThrownRefusal(() => call(t.api.selectCell, "Aktiviteter"), /: Cellen mangler\./);
    expect(t.selected).toEqual([]);
    t.api.selectCell("Aktiviteter", "F7");
    expect(t.selected).toEqual(["Aktiviteter!F7"]);
  });

  it("functions that take nothing refuse arguments", () => {
    const t = forening();
    expectThrownRefusal(
      () => call(t.api.getProblems, { all: true }),
      /«Kontroller rapporten».*Forespørselen har for mange verdier: høyst 0/,
    );
    expectThrownRefusal(() => call(t.api.getMilestones, "x"), /«Milepæler»/);
    expectThrownRefusal(() => call(t.api.getActivityForm, 1), /«Registrer aktivitet»/);
  });
});

describe("sentral: the sidebar functions take nothing and refuse anything else", () => {
  function sentral() {
    const { workbook } = centralWorkbook(2);
    const mail = memoryMailer(100);
    const api = createSentralApi({
      central: workbook,
      properties: memoryStore(),
      mail,
      now: virtualClock().now,
    });
    return { api, mail };
  }

  it("getCollectionStatus and previewReminders throw a Norwegian refusal; sendReminders returns one and mails nobody", () => {
    const t = sentral();
    expectThrownRefusal(
      () => call(t.api.getCollectionStatus, "2025"),
      /«Innsamlingsstatus».*for mange verdier/,
    );
    expectThrownRefusal(() => call(t.api.previewReminders, new Date()), /«Send påminnelser»/);
    const result = call(t.api.sendReminders, { to: "alle@example.no" }) as { sent: number; message: string };
    expect(result).toMatchObject({ sent: 0, skipped: 0 });
    expect(result.message).toMatch(
      /^Samspill avviste forespørselen «Send påminnelser» fra sidepanelet: Forespørselen har for mange verdier/,
    );
    expect(t.mail.sent).toHaveLength(0);
    expect(t.api.getCollectionStatus().rows.length).toBeGreaterThan(0);
  });
});
