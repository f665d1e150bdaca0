import { createWorld } from "./index";

const KARI = "kari@example.org";
const OLA = "ola@example.org";

function twoExecutions() {
  const world = createWorld();
  const id = world.addSpreadsheet({
    name: "Delt",
    owner: KARI,
    editors: [OLA],
    sheets: { Aktiviteter: [["Dato", "Tittel"]] },
  });
  const kari = world.globalsFor({ userEmail: KARI, activeSpreadsheetId: id });
  const ola = world.globalsFor({ userEmail: OLA, activeSpreadsheetId: id });
  const tab = (g: typeof kari) => g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Aktiviteter")!;
  return { world, id, kari, ola, tab };
}

/**
 * SpreadsheetApp.flush(): "Applies all pending Spreadsheet changes. Spreadsheet operations are
 * sometimes bundled together to improve performance" —
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#flush()
 * and Lock.releaseLock(), whose documented example flushes before releasing —
 * https://developers.google.com/apps-script/reference/lock/lock#releaseLock()
 */
describe("the stand-in queues an execution's writes as Apps Script does", () => {
  it("an execution reads its own writes at once", () => {
    const { kari, tab } = twoExecutions();
    tab(kari)
      .getRange("A2:B2")
      .setValues([["12.03.2025", "Kurs"]]);
    expect(tab(kari).getLastRow()).toBe(2);
    expect(tab(kari).getRange("B2").getValue()).toBe("Kurs");
  });

  it("another execution sees them only after flush()", () => {
    const { kari, ola, tab } = twoExecutions();
    tab(kari)
      .getRange("A2:B2")
      .setValues([["12.03.2025", "Kurs"]]);
    expect(tab(ola).getLastRow()).toBe(1);
    expect(tab(ola).getRange("B2").getValue()).toBe("");
    kari.SpreadsheetApp.flush();
    expect(tab(ola).getLastRow()).toBe(2);
    expect(tab(ola).getRange("B2").getValue()).toBe("Kurs");
  });

  it("another execution sees them when the writing execution ends", () => {
    const { world, kari, ola, tab } = twoExecutions();
    tab(kari).getRange("B2").setValue("Kurs");
    expect(tab(ola).getRange("B2").getValue()).toBe("");
    world.endExecution(kari);
    expect(tab(ola).getRange("B2").getValue()).toBe("Kurs");
  });

  it("releasing a lock alone does not publish the writes: two appenders without flush write the same row", () => {
    const { world, id, kari, ola, tab } = twoExecutions();
    const lockK = kari.LockService.getDocumentLock()!;
    expect(lockK.tryLock(1000)).toBe(true);
    tab(kari)
      .getRange(tab(kari).getLastRow() + 1, 1, 1, 2)
      .setValues([["K", "Karis"]]);
    lockK.releaseLock();
    const lockO = ola.LockService.getDocumentLock()!;
    expect(lockO.tryLock(1000)).toBe(true);
    tab(ola)
      .getRange(tab(ola).getLastRow() + 1, 1, 1, 2)
      .setValues([["O", "Olas"]]);
    lockO.releaseLock();
    world.endExecution(kari);
    world.endExecution(ola);
    expect(world.snapshot(id).sheets[0].values).toEqual([
      ["Dato", "Tittel"],
      ["O", "Olas"],
    ]);
  });

  it("with flush before each release both rows land", () => {
    const { world, id, kari, ola, tab } = twoExecutions();
    for (const [g, row] of [
      [kari, ["K", "Karis"]],
      [ola, ["O", "Olas"]],
    ] as const) {
      const lock = g.LockService.getDocumentLock()!;
      expect(lock.tryLock(1000)).toBe(true);
      tab(g)
        .getRange(tab(g).getLastRow() + 1, 1, 1, 2)
        .setValues([[...row]]);
      g.SpreadsheetApp.flush();
      lock.releaseLock();
    }
    expect(world.snapshot(id).sheets[0].values).toEqual([
      ["Dato", "Tittel"],
      ["K", "Karis"],
      ["O", "Olas"],
    ]);
  });
});
