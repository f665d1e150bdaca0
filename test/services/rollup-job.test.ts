import { AssociationSource } from "../../src/core/association-result";
import { Cell } from "../../src/core/cell";
import { RegistryAssociation, spreadsheetKey } from "../../src/core/central-inputs";
import { MemoryWorkbook } from "../../src/adapters/memory/memory-workbook";
import { runRollup } from "../../src/services/rollup";
import {
  continueFromTrigger,
  continueRollup,
  RollupEngineOptions,
  RollupStep,
  startRollup,
  STATE_KEY,
} from "../../src/services/rollup-job";
import { decodeRows, encodeResult, LAST_TAB, WORKING_TAB } from "../../src/services/results-store";
import { memoryStore } from "../../src/services/key-value";
import { assessAssociation } from "../../src/core/association-result";
import { centralWorkbook, sampleSheets, virtualClock } from "../targets/sentral/fixtures";

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
];

function sheetsFor(count: number): Map<string, Record<string, Cell[][]>> {
  return new Map(
    Array.from({ length: count }, (_, i) => [`sheet-f${String(i).padStart(4, "0")}`, sampleSheets(i)]),
  );
}

/** Every output tab, with the per-association read time (Innsamling «Lest») left out: it is when each was read. */
function outputs(workbook: MemoryWorkbook): Record<string, Cell[][] | undefined> {
  const found: Record<string, Cell[][] | undefined> = {};
  for (const name of OUTPUT_TABS) {
    const table = workbook.read(name);
    const lest = table?.[0]?.indexOf("Lest") ?? -1;
    found[name] = name === "Innsamling" ? table?.map((row) => row.filter((_, i) => i !== lest)) : table;
  }
  return found;
}

function setUp(count: number, readMs = 1000, deadline?: string) {
  const clock = virtualClock();
  const { workbook } = centralWorkbook(count, { deadline });
  const sheets = sheetsFor(count);
  const properties = memoryStore();
  const scheduled: string[] = [];
  const reads: string[] = [];
  const readAssociation = (entry: RegistryAssociation): AssociationSource => {
    clock.advance(readMs);
    reads.push(entry.id);
    const found = sheets.get(spreadsheetKey(entry.spreadsheet));
    return found ? { kind: "read", sheets: found } : { kind: "not_found" };
  };
  const options = (extra: Partial<RollupEngineOptions> = {}): RollupEngineOptions => ({
    central: workbook,
    readAssociation,
    properties,
    now: clock.now,
    user: "stab@seniornett.no",
    scheduler: {
      continueLater: () => void scheduled.push("later"),
      cancel: () => void scheduled.push("cancel"),
    },
    ...extra,
  });
  return { clock, workbook, sheets, properties, scheduled, reads, options, readAssociation };
}

/** Runs the trigger until the rollup publishes, moving the clock a minute between runs. */
function finish(
  first: RollupStep,
  run: () => RollupStep,
  clock: { advance(ms: number): void },
): { steps: RollupStep[]; last: RollupStep } {
  const steps = [first];
  let last = first;
  while (last.kind === "continuing") {
    clock.advance(60_000);
    last = run();
    steps.push(last);
    if (steps.length > 100) throw new Error("rollup never finished");
  }
  return { steps, last };
}

describe("the resumable rollup (Hent inn og summer)", () => {
  it("tries a continuation that fails unexpectedly again twice, then removes its trigger", () => {
    const t = setUp(30);
    expect(startRollup(t.options({ readBudgetMs: 5_000 })).kind).toBe("continuing");
    const failing = { ...t.workbook, sheetNames: () => t.workbook.sheetNames(), read: () => { throw new Error("Service Spreadsheets failed"); } };
    const broken = t.options({ readBudgetMs: 5_000, central: failing as unknown as MemoryWorkbook });
    t.scheduled.length = 0;
    for (let run = 1; run <= 3; run++) expect(() => continueFromTrigger(broken)).toThrow("Innhentingen stoppet: Service Spreadsheets failed");
    expect(t.scheduled).toEqual(["later", "later", "cancel"]);
    // A run that works again clears the count.
    continueFromTrigger(t.options({ readBudgetMs: 5_000 }));
    expect(t.properties.get("samspill.rollup.failures")).toBeNull();
  });

  it("publishes the same outputs when cut off by its time budget as an uninterrupted run", async () => {
    // A deadline already passed: the rollup is final and writes Historikk too.
    const whole = setUp(300, 1000, "15.01.2026");
    const one = startRollup(whole.options({ readBudgetMs: 10 * 60_000, publishBeforeMs: 20 * 60_000 }));
    expect(one.kind).toBe("published");

    const statuses = new Set(
      whole.workbook
        .read("Innsamling")!
        .slice(1)
        .map((r) => r[5]),
    );
    expect([...statuses].sort()).toEqual(["Ikke sendt inn", "Med avvik", "OK"]);
    expect(whole.workbook.read("Historikk")!.map((r) => r[0])).toEqual(["År", 2024, 2025]);

    const cut = setUp(300, 1000, "15.01.2026");
    const budget = { readBudgetMs: 100_000, publishBeforeMs: 110_000 };
    const first = startRollup(cut.options(budget));
    expect(first).toMatchObject({ kind: "continuing", total: 300 });
    expect(cut.workbook.read("Nasjonalt")).toBeUndefined(); // nothing published half-way
    const { steps, last } = finish(first, () => continueRollup(cut.options(budget)), cut.clock);
    expect(last.kind).toBe("published");
    expect(steps.filter((s) => s.kind === "continuing").length).toBeGreaterThanOrEqual(2);

    expect(outputs(cut.workbook)).toEqual(outputs(whole.workbook));
    expect(cut.reads).toHaveLength(300); // each association read once
    expect(new Set(cut.reads).size).toBe(300);

    // And both agree with the one-shot rollup of services/rollup.
    const reference = setUp(300, 1000, "15.01.2026");
    await runRollup({
      central: reference.workbook,
      openAssociation: reference.readAssociation,
      now: reference.clock.now,
      user: "x",
    });
    expect(outputs(cut.workbook)).toEqual(outputs(reference.workbook));

    // Every run arms its continuation — the last one too, before publishing, so a run stopped while
    // publishing is finished by the next — and the finished run cancels it.
    expect(cut.scheduled.filter((s) => s === "later").length).toBe(steps.length);
    expect(cut.scheduled[cut.scheduled.length - 1]).toBe("cancel");
    expect(cut.properties.get(STATE_KEY)).toBeNull();
    expect(cut.workbook.read(WORKING_TAB)).toHaveLength(1); // working rows cleared, header kept
    expect(decodeRows(cut.workbook.read(LAST_TAB)).size).toBe(300);
    const log = cut.workbook.read("Logg")!;
    expect(log[1][2]).toBe(`Hent inn og summer (${steps.length} kjøringer)`);
    expect(log[1][4]).toBe(300);
  });

  it("publishes in the next run when reading ends too late to publish safely", () => {
    const t = setUp(20);
    const first = startRollup(t.options({ readBudgetMs: 60_000, publishBeforeMs: 10_000 }));
    expect(first).toMatchObject({ kind: "continuing", done: 20, total: 20 });
    expect(first.kind === "continuing" && first.message).toMatch(/publiseres i neste kjøring/);
    const next = continueRollup(t.options());
    expect(next.kind).toBe("published");
    expect(t.reads).toHaveLength(20);
  });

  it("refuses a second rollup while one is running, with the time it started", () => {
    const t = setUp(50);
    const first = startRollup(t.options({ readBudgetMs: 10_000 }));
    expect(first.kind).toBe("continuing");
    t.clock.advance(30_000);
    const second = startRollup(t.options());
    // 09:00 UTC in January is 10:00 in Oslo.
    expect(second).toEqual({
      kind: "refused",
      message: "En innhenting pågår allerede (startet kl. 10:00). Prøv igjen om litt.",
    });
    // The refused call changed nothing: the first run goes on where it stopped.
    const { last } = finish(first, () => continueRollup(t.options()), t.clock);
    expect(last.kind).toBe("published");
    expect(new Set(t.reads).size).toBe(50);
    expect(t.reads).toHaveLength(50);
  });

  it("refuses while another execution holds the script lock", () => {
    const t = setUp(5);
    const held = { tryLock: () => false, release: () => undefined };
    const step = startRollup(t.options({ lock: held }));
    expect(step.kind).toBe("refused");
    expect(step.kind === "refused" && step.message).toMatch(
      /^En innhenting pågår allerede \(startet kl\. \d\d:\d\d\)\. Prøv igjen om litt\.$/,
    );
    expect(t.reads).toHaveLength(0);
    // A continuation that finds the lock taken tries again later instead of giving up.
    expect(continueRollup(t.options({ lock: held })).kind).toBe("busy");
    expect(t.scheduled).toEqual(["later"]);
  });

  it("lets a new rollup start when a stopped one has not moved for 20 minutes", () => {
    const t = setUp(30);
    startRollup(t.options({ readBudgetMs: 5_000 }));
    t.clock.advance(21 * 60_000);
    const again = startRollup(t.options({ readBudgetMs: 10 * 60_000 }));
    expect(again.kind).toBe("published");
    expect(t.workbook.read("Innsamling")).toHaveLength(31);
  });

  it("starts over when the registry changes between runs, and counts no association twice", () => {
    const t = setUp(40);
    const first = startRollup(t.options({ readBudgetMs: 10_000 }));
    expect(first.kind).toBe("continuing");
    // Central staff deactivate one association and rename another meanwhile.
    const registry = t.workbook.read("Foreninger")!;
    registry[3][7] = "Nei";
    registry[5][1] = "Seniornett Nytt navn";
    t.workbook.write("Foreninger", registry);
    const { last } = finish(first, () => continueRollup(t.options({ readBudgetMs: 10_000 })), t.clock);
    expect(last.kind).toBe("published");

    const fresh = setUp(40);
    fresh.workbook.write("Foreninger", registry);
    startRollup(fresh.options({ readBudgetMs: 10 * 60_000 }));
    expect(outputs(t.workbook)).toEqual(outputs(fresh.workbook));
    expect(t.workbook.read("Innsamling")).toHaveLength(40); // 39 associations + header
  });

  it("never counts an association twice when a run stopped between saving results and saving the cursor", () => {
    const t = setUp(12);
    const first = startRollup(t.options({ readBudgetMs: 5_000, flushEvery: 2 }));
    expect(first.kind).toBe("continuing");
    // Simulate the lost cursor: rewind it, so the next run reads some associations again.
    const state = JSON.parse(t.properties.get(STATE_KEY)!);
    state.next = 0;
    t.properties.set(STATE_KEY, JSON.stringify(state));
    finish(first, () => continueRollup(t.options({ readBudgetMs: 5_000, flushEvery: 2 })), t.clock);
    const whole = setUp(12);
    startRollup(whole.options());
    expect(t.reads.length).toBeGreaterThan(12);
    expect(outputs(t.workbook)).toEqual(outputs(whole.workbook));
  });

  it("gives an association whose read throws its own status and goes on with the rest", () => {
    const t = setUp(6);
    const reader = (entry: RegistryAssociation): AssociationSource => {
      if (entry.id === "F0002") throw new Error("Service Spreadsheets timed out while accessing document");
      return t.readAssociation(entry);
    };
    const step = startRollup(t.options({ readAssociation: reader }));
    expect(step.kind).toBe("published");
    const rows = t.workbook.read("Innsamling")!;
    const statusOf = (id: string) => rows.find((r) => r[0] === id)?.[5];
    expect(statusOf("F0002")).toBe("Kan ikke leses");
    expect(statusOf("F0001")).not.toBe("Kan ikke leses");
    expect(t.workbook.read("Avvik")!.some((r) => r[0] === "F0002")).toBe(true);
  });
});

describe("the working tab", () => {
  it("splits a large result over cells of at most 40,000 characters and reads it back whole", () => {
    const result = assessAssociation(
      { id: "X", name: "X", municipalityNumber: "0301" },
      { kind: "not_found", detail: "y".repeat(95_000) },
      { year: 2025, today: "2026-01-01" },
    );
    const row = encodeResult("run", result, "2026-01-01T00:00:00Z");
    expect(row.length).toBe(6);
    expect(row.slice(3).every((c) => String(c).length <= 40_000)).toBe(true);
    expect(decodeRows([["h"], row], "run").get("X")?.result).toEqual(result);
    expect(decodeRows([["h"], row], "other").size).toBe(0);
  });
});
