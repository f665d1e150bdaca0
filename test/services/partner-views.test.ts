import fc from "fast-check";
import { AssociationResult, assessAssociation } from "../../src/core/association-result";
import { Cell } from "../../src/core/cell";
import { MUNICIPALITIES } from "../../src/core/reference";
import { PartnerViewRecord } from "../../src/core/templates/central";
import { readCentral } from "../../src/services/rollup";
import { Job, runSync } from "../../src/services/ports";
import {
  PartnerViewsOutcome,
  PartnerViewsPlan,
  ViewRegistry,
  sharedViewsPlan,
  updatePartnerViews,
  VIEWS_STATE_KEY,
  VIEWS_TAB,
  viewTitle,
  workbookViewRegistry,
} from "../../src/services/partner-views";
import { memoryStore } from "../../src/services/key-value";
import { memoryDrive } from "../targets/sentral/capabilities";
import { associationId, centralWorkbook, sampleSheets, virtualClock } from "../targets/sentral/fixtures";

const CONTEXT = { year: 2025, today: "2026-01-25" };

/** Association i's municipality: distinct for all 357 (the fixtures' home repeats after 51). */
const home = (i: number) => MUNICIPALITIES[(i * 5) % MUNICIPALITIES.length].number;

function results(count: number): AssociationResult[] {
  return Array.from({ length: count }, (_, i) =>
    assessAssociation(
      { id: associationId(i), name: `Seniornett ${i}`, municipalityNumber: home(i) },
      { kind: "read", sheets: sampleSheets(i) },
      CONTEXT,
    ),
  );
}

/** The views' tables depend only on the (fixed) results: built once per municipality for the whole file. */
const contents = new Map<string, ReturnType<PartnerViewsPlan["content"]>>();
const resultsOf = new Map<number, AssociationResult[]>();

/** Everything one runtime needs: a central in memory, a memory Drive, a store, a scheduler, a clock. */
function setup(count: number, partners: (i: number) => string, options: { refuse?: string[]; plainRegistry?: boolean } = {}) {
  const { workbook } = centralWorkbook(count, { partners });
  const rows = workbook.read("Foreninger")!;
  rows.slice(1).forEach((row, i) => (row[3] = home(i)));
  workbook.write("Foreninger", rows);
  const drive = memoryDrive({ refuse: new Set(options.refuse ?? []) });
  const store = memoryStore();
  const clock = virtualClock();
  const armed: string[] = [];
  const scheduler = { continueLater: () => void armed.push("armed"), cancel: () => void armed.push("cancelled") };
  const all = resultsOf.get(count) ?? resultsOf.set(count, results(count)).get(count)!;
  // The cut-off test saves the registry thousands of times: there a plain list stands in for the tab.
  let saved: PartnerViewRecord[] = [];
  const plain: ViewRegistry = { load: () => saved.map((r) => ({ ...r })), save: (records) => void (saved = records.map((r) => ({ ...r }))) };
  const registry = options.plainRegistry ? plain : workbookViewRegistry(workbook);
  const job = (budgetMs?: number): Job<PartnerViewsOutcome> => {
    const plan = sharedViewsPlan(readCentral(workbook, CONTEXT.today).associations, all, CONTEXT.today);
    const content = (n: string) => contents.get(`${count}:${n}`) ?? contents.set(`${count}:${n}`, plan.content(n)).get(`${count}:${n}`)!;
    return updatePartnerViews({ ...plan, content }, {
      registry,
      files: drive.views,
      now: clock.now,
      store,
      scheduler,
      budgetMs,
    });
  };
  const setPartners = (i: number, emails: string) => {
    const registry = workbook.read("Foreninger")!;
    registry[i + 1][6] = emails;
    workbook.write("Foreninger", registry);
  };
  const records = (): Cell[][] =>
    options.plainRegistry
      ? saved.map((r) => [r.municipalityNumber, r.municipality ?? "", r.spreadsheetId ?? "", r.url ?? "", r.sharedWith ?? "", r.updatedAt ?? "", r.note ?? ""])
      : (workbook.read(VIEWS_TAB) ?? []).slice(1);
  return { workbook, drive, store, clock, armed, all, job, setPartners, records };
}

/** Every text in a view, to look for personal data and comments. */
function texts(workbook: { sheetNames(): string[]; read(name: string): Cell[][] | undefined }): string[] {
  return workbook.sheetNames().flatMap((name) => (workbook.read(name) ?? []).flat().map((c) => String(c)));
}

/** Drives a job like an execution that is killed after `steps` port calls. */
function cutAfter<R>(job: Job<R>, steps: number): R | "cut" {
  let step = job.next();
  for (let n = 0; !step.done; n++) {
    if (n >= steps) return "cut";
    step = job.next(step.value);
  }
  return step.value;
}

describe("services/partner-views: one reconciliation for every runtime", () => {
  it("gives every municipality with partners a view of its own rows only, shared as viewer (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 25 }), fc.array(fc.integer({ min: 0, max: 24 }), { maxLength: 10 }), (count, indexes) => {
        const withPartner = new Set(indexes.filter((i) => i < count));
        const t = setup(count, (i) => (withPartner.has(i) ? `partner${i}@kommune.no, felles@kommune.no` : ""));
        runSync(t.job());
        const wanted = new Set([...withPartner].map(home));
        expect(t.records().map((r) => r[0]).sort()).toEqual([...wanted].sort());
        for (const row of t.records()) {
          const number = String(row[0]);
          const view = t.drive.files.get(String(row[2]))!;
          expect(view.title).toBe(viewTitle(number));
          const activities = t.all.flatMap((r) => r.activities.filter((a) => a.municipalityNumber === number).map((a) => `${r.name}|${a.title}`));
          expect(view.workbook.read("Aktiviteter")!.slice(1).map((r) => `${r[0]}|${r[3]}`).sort()).toEqual(activities.sort());
          expect(texts(view.workbook).join("\n")).not.toMatch(/KOMMENTAR|KONTAKT-|EIER-|RESULTAT-|kontakt\d+@/);
          const addresses = [...withPartner].filter((i) => home(i) === number).flatMap((i) => [`partner${i}@kommune.no`, "felles@kommune.no"]);
          expect([...view.viewers].sort()).toEqual([...new Set(addresses)].sort());
          expect(row[4]).toBe([...new Set(addresses)].sort().join(", "));
        }
        expect(t.store.get(VIEWS_STATE_KEY)).toBeNull();
      }),
      { numRuns: 30 },
    );
  });

  it("titles a view «Samspill – kommunevisning NNNN Kommune»", () => {
    expect(viewTitle("0301")).toBe("Samspill – kommunevisning 0301 Oslo");
  });

  it("takes access away from a removed address, and keeps an unshared view and its record for a partner who comes back", () => {
    const t = setup(3, (i) => (i === 1 ? "a@kommune.no, b@kommune.no" : ""));
    expect(runSync(t.job())).toMatchObject({ created: 1, updated: 1, added: 2, removed: 0, done: true });
    const id = String(t.records()[0][2]);
    t.setPartners(1, "b@kommune.no");
    expect(runSync(t.job())).toMatchObject({ created: 0, added: 0, removed: 1 });
    expect([...t.drive.files.get(id)!.viewers]).toEqual(["b@kommune.no"]);
    t.setPartners(1, "");
    expect(runSync(t.job()).removed).toBe(1);
    expect(t.drive.files.get(id)!.viewers.size).toBe(0);
    expect(t.records().map((r) => r.slice(0, 5))).toEqual([[home(1), expect.any(String), id, "", ""]]);
    t.setPartners(1, "c@kommune.no");
    expect(runSync(t.job())).toMatchObject({ created: 0, added: 1 });
    expect(t.drive.files.size).toBe(1);
    expect([...t.drive.files.get(id)!.viewers]).toEqual(["c@kommune.no"]);
  });

  it("makes a new view when the recorded one is gone", () => {
    const t = setup(2, (i) => (i === 0 ? "a@kommune.no" : ""));
    runSync(t.job());
    t.drive.files.clear();
    expect(runSync(t.job()).created).toBe(1);
    expect(t.drive.files.size).toBe(1);
  });

  it("lets a refused address (not a Google account) fail alone, with its reason in «Merknad»", () => {
    const t = setup(3, (i) => (i === 0 ? "a@kommune.no, ikke-google@firma.no" : i === 2 ? "c@kommune.no" : ""), {
      refuse: ["ikke-google@firma.no"],
    });
    const outcome = runSync(t.job());
    expect(outcome).toMatchObject({ updated: 2, added: 2, failed: 1 });
    expect(outcome.message).toMatch(/1 kommune fikk ikke alt gjort; se «Merknad» i fanen «Kommunevisninger»/);
    const first = t.records().find((r) => r[0] === home(0))!;
    expect(first[4]).toBe("a@kommune.no");
    expect(first[6]).toBe("Kunne ikke dele med ikke-google@firma.no: Google godtok ikke adressen (er den knyttet til en Google-konto?).");
    expect(t.records().find((r) => r[0] === home(2))![6]).toBe("");
  });

  it("stops starting municipalities when its time budget is spent and finishes from the scheduler", () => {
    const t = setup(12, (i) => `p${i}@kommune.no`);
    const tick = t.drive.views.write;
    t.drive.views.write = (id, tables) => (t.clock.advance(10_000), tick(id, tables));
    const first = runSync(t.job(25_000));
    expect(first).toMatchObject({ done: false, handled: 3, total: 12 });
    expect(first.message).toBe("Oppdaterte 3 av 12 kommunevisninger. Resten oppdateres av seg selv om litt (kjøring 1).");
    expect(t.armed).toEqual(["armed"]);
    let last = first;
    while (!last.done) last = runSync(t.job(25_000));
    expect(last).toMatchObject({ done: true, created: 12, updated: 12, runs: 4 });
    expect(t.armed[t.armed.length - 1]).toBe("cancelled");
    expect(t.store.get(VIEWS_STATE_KEY)).toBeNull();
  });

  it("cut off after any step of 60 municipalities: one view each and the same sharing as an uninterrupted run", () => {
    const partners = (round: number) => (i: number) =>
      round === 0 ? (i % 2 ? `p${i}@kommune.no` : "") : i % 3 === 0 ? "" : `p${i}@kommune.no, ny${i}@kommune.no${i === 5 ? ", ikke-google@firma.no" : ""}`;
    const make = () => {
      const t = setup(60, partners(0), { refuse: ["ikke-google@firma.no"], plainRegistry: true });
      runSync(t.job()); // an earlier update: half the municipalities have views already
      for (let i = 0; i < 60; i++) t.setPartners(i, partners(1)(i));
      return t;
    };
    const sharing = (t: ReturnType<typeof make>) =>
      t.records().map((r) => [r[0], r[4], [...t.drive.files.get(String(r[2]))!.viewers].sort().join(", "), String(r[6]).match(/Kunne ikke dele med [^:]+/)?.[0] ?? ""]);
    const reference = make();
    const before = reference.drive.log.length;
    runSync(reference.job());
    const steps = reference.drive.log.length - before + 2; // + registry load and the last save
    const expected = sharing(reference);
    const views = [...Array(60).keys()].filter((i) => partners(0)(i) || partners(1)(i)).length;
    expect(expected).toHaveLength(views);
    expect(expected.filter((r) => r[1] === "")).not.toHaveLength(0); // some are un-shared and kept

    let orphans = 0;
    for (let cut = 0; cut < steps; cut++) {
      const t = make();
      if (cutAfter(t.job(), cut) !== "cut") break;
      runSync(t.job()); // the continuation trigger
      expect(sharing(t)).toEqual(expected);
      const registered = new Set(t.records().map((r) => String(r[2])));
      expect(registered.size).toBe(views);
      const unregistered = [...t.drive.files].filter(([id]) => !registered.has(id));
      // Killed between creating a file and saving its record: the file is empty and unshared, and said so.
      expect(unregistered.length).toBeLessThanOrEqual(1);
      for (const [, file] of unregistered) {
        orphans++;
        expect(file.viewers.size).toBe(0);
        expect(file.workbook.sheetNames()).toEqual([]);
        expect(t.records().some((r) => String(r[6]).includes(`tomt, udelt regneark «${file.title}»`))).toBe(true);
      }
    }
    expect(orphans).toBeGreaterThan(0); // the one window there is, is exercised
  });
});

describe("services/partner-views in local mode (.xlsx files in a folder)", () => {
  it("titles each file like the shared views and keeps the file of a municipality that drops out", async () => {
    const { mkdtempSync, readdirSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const ExcelJS = (await import("exceljs")).default;
    const { folderViewFiles, folderViewRegistry } = await import("../../src/adapters/xlsx/view-files");
    const { localViewsPlan } = await import("../../src/services/partner-views");
    const { runAsync } = await import("../../src/services/ports");
    const dir = mkdtempSync(join(tmpdir(), "views-"));
    const all = results(2);
    const run = (numbers: string[]) =>
      runAsync(updatePartnerViews(localViewsPlan(numbers, all, CONTEXT.today), { registry: folderViewRegistry(dir), files: folderViewFiles(dir), now: () => new Date() }));
    const first = await run([home(0), home(1)]);
    expect(first.created).toBe(2);
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(join(dir, first.views[0].spreadsheetId));
    expect(excel.title).toBe(viewTitle(first.views[0].municipalityNumber));
    const second = await run([home(0)]);
    expect(second.created).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(first.views.map((v) => v.spreadsheetId).sort());
  });
});
