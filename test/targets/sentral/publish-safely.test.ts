import { AssociationResult, AssociationSource } from "../../../src/core/association-result";
import { Cell } from "../../../src/core/cell";
import { RegistryAssociation, spreadsheetKey } from "../../../src/core/central-inputs";
import { MemoryWorkbook } from "../../../src/adapters/memory/memory-workbook";
import { continueRollup, loadLastRun, RollupEngineOptions, startRollup, STATE_KEY } from "../../../src/services/rollup-job";
import { decodeRows, LAST_TAB, ResultsStore, WRITE_BLOCK_CHARS } from "../../../src/services/results-store";
import { memoryStore } from "../../../src/services/key-value";
import { centralWorkbook, sampleSheets, virtualClock } from "./fixtures";

function setUp(count: number) {
  const clock = virtualClock();
  const { workbook } = centralWorkbook(count);
  const sheets = new Map(Array.from({ length: count }, (_, i) => [`sheet-f${String(i).padStart(4, "0")}`, sampleSheets(i)]));
  const properties = memoryStore();
  const events: string[] = [];
  const readAssociation = (entry: RegistryAssociation): AssociationSource => {
    clock.advance(1000);
    const found = sheets.get(spreadsheetKey(entry.spreadsheet));
    return found ? { kind: "read", sheets: found } : { kind: "not_found" };
  };
  const options = (central = workbook as MemoryWorkbook | Record<string, unknown>): RollupEngineOptions => ({
    central: central as MemoryWorkbook,
    readAssociation,
    properties,
    now: clock.now,
    user: "stab@seniornett.no",
    scheduler: { continueLater: () => void events.push("arm"), cancel: () => void events.push("cancel") },
  });
  return { workbook, properties, events, options };
}

/** A workbook whose writes to the output tabs fail: Apps Script stopping the run while it publishes. */
function stoppedWhilePublishing(workbook: MemoryWorkbook): MemoryWorkbook {
  return new Proxy(workbook, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === "write" || prop === "setCells") {
        return (name: string, ...rest: unknown[]) => {
          if (name === "Nasjonalt") throw new Error("Exceeded maximum execution time");
          return (value as (...a: unknown[]) => unknown).call(target, name, ...rest);
        };
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

describe("publishing a rollup safely", () => {
  it("arms the continuation before it publishes, and cancels it once published", () => {
    const t = setUp(5);
    const step = startRollup(t.options());
    expect(step.kind).toBe("published");
    expect(t.events).toEqual(["arm", "cancel"]);
  });

  it("a run stopped while publishing is finished by its continuation, with the same outputs and nothing counted twice", () => {
    const whole = setUp(12);
    startRollup(whole.options());

    const cut = setUp(12);
    expect(() => startRollup(cut.options(stoppedWhilePublishing(cut.workbook)))).toThrow(/execution time/);
    expect(cut.events).toEqual(["arm"]); // the trigger that will finish the job is there
    expect(cut.properties.get(STATE_KEY)).not.toBeNull();
    const step = continueRollup(cut.options());
    expect(step.kind).toBe("published");
    for (const tab of ["Nasjonalt", "Per fylke", "Mål", "Avvik"]) expect(cut.workbook.read(tab)).toEqual(whole.workbook.read(tab));
    expect(cut.properties.get(STATE_KEY)).toBeNull();
    expect(loadLastRun(cut.properties)!.publishSeconds).toBeGreaterThanOrEqual(0);
  });

  it("stores the published results in blocks, not one giant write", () => {
    const calls: Array<{ kind: string; rows: number }> = [];
    const book = new MemoryWorkbook({});
    const spy = new Proxy(book, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (prop === "write" || prop === "append") return (name: string, rows: Cell[][]) => (calls.push({ kind: String(prop), rows: rows.length }), (value as (n: string, r: Cell[][]) => unknown).call(target, name, rows));
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const big = "x".repeat(WRITE_BLOCK_CHARS / 4);
    const results = Array.from({ length: 10 }, (_, i) => ({ result: { id: `F${i}`, name: big } as unknown as AssociationResult, readAt: "2025-01-01T00:00:00.000Z" }));
    new ResultsStore(spy as MemoryWorkbook).saveLast("run", results);
    expect(calls[0]).toEqual({ kind: "write", rows: 1 });
    expect(calls.slice(1).every((c) => c.kind === "append" && c.rows <= 4)).toBe(true);
    expect(calls.length).toBeGreaterThan(2);
    expect([...decodeRows(book.read(LAST_TAB)).keys()]).toEqual(results.map((r) => r.result.id));
  });
});
