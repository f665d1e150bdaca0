import fc from "fast-check";
import { AssociationResult, assessAssociation } from "../../../src/core/association";
import { Cell } from "../../../src/core/cell";
import { MUNICIPALITIES } from "../../../src/core/reference";
import { updatePartnerViews, VIEWS_TAB } from "../../../src/targets/sentral/partner-views";
import { associationId, centralWorkbook, municipalityOf, sampleSheets, virtualClock } from "./fixtures";
import { memoryDrive } from "./capabilities";

const CONTEXT = { year: 2025, today: "2026-01-25" };

function results(count: number): AssociationResult[] {
  return Array.from({ length: count }, (_, i) =>
    assessAssociation(
      { id: associationId(i), name: `Seniornett ${i}`, municipalityNumber: municipalityOf(i) },
      { kind: "read", sheets: sampleSheets(i) },
      CONTEXT,
    ),
  );
}

/** Every text in a view spreadsheet, for looking for personal data and comments. */
function texts(workbook: { sheetNames(): string[]; read(name: string): Cell[][] | undefined }): string[] {
  return workbook.sheetNames().flatMap((name) => (workbook.read(name) ?? []).flat().map((c) => String(c)));
}

describe("Oppdater kommunevisninger", () => {
  it("gives every municipality with partners a view of its own rows only, shared as viewer (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 25 }),
        fc.array(fc.integer({ min: 0, max: 24 }), { maxLength: 10 }),
        (count, partnerIndexes) => {
          const withPartner = new Set(partnerIndexes.filter((i) => i < count));
          const { workbook } = centralWorkbook(count, {
            partners: (i) => (withPartner.has(i) ? `partner${i}@kommune.no, felles@kommune.no` : ""),
          });
          const drive = memoryDrive();
          const all = results(count);
          const clock = virtualClock();
          updatePartnerViews({ central: workbook, files: drive.views, results: all, now: clock.now });

          const record = workbook.read(VIEWS_TAB)!;
          const wanted = new Set([...withPartner].map(municipalityOf));
          expect(
            record
              .slice(1)
              .map((r) => r[0])
              .sort(),
          ).toEqual([...wanted].sort());
          for (const row of record.slice(1)) {
            const number = String(row[0]);
            const view = drive.files.get(String(row[2]))!;
            // Only this municipality's activities and milestones, all of them.
            const activities = all.flatMap((r) =>
              r.activities.filter((a) => a.municipalityNumber === number).map((a) => `${r.name}|${a.title}`),
            );
            const shown = view.workbook
              .read("Aktiviteter")!
              .slice(1)
              .map((r) => `${r[0]}|${r[3]}`);
            expect(shown.sort()).toEqual(activities.sort());
            const milestones = all.flatMap((r) =>
              r.milestones.filter((m) => m.municipalityNumber === number).map((m) => `${r.name}|${m.title}`),
            );
            expect(
              view.workbook
                .read("Milepæler")!
                .slice(1)
                .map((r) => `${r[0]}|${r[1]}`)
                .sort(),
            ).toEqual(milestones.sort());
            expect(
              view.workbook
                .read("Foreninger")!
                .slice(1)
                .map((r) => r[0])
                .sort(),
            ).toEqual(
              all
                .filter((r) => r.municipalityNumber === number)
                .map((r) => r.name)
                .sort(),
            );
            // No personal data, no free text.
            const everything = texts(view.workbook).join("\n");
            expect(everything).not.toMatch(/KOMMENTAR|KONTAKT-|EIER-|RESULTAT-|kontakt\d+@/);
            // Shared with exactly the addresses of this municipality's associations.
            const addresses = new Set(
              [...withPartner]
                .filter((i) => municipalityOf(i) === number)
                .flatMap((i) => [`partner${i}@kommune.no`, "felles@kommune.no"]),
            );
            expect([...view.viewers].sort()).toEqual([...addresses].sort());
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("takes access away from an address removed from the registry, and reuses the same spreadsheet", () => {
    const { workbook } = centralWorkbook(3, {
      partners: (i) => (i === 1 ? "a@kommune.no, b@kommune.no" : ""),
    });
    const drive = memoryDrive();
    const clock = virtualClock();
    const first = updatePartnerViews({
      central: workbook,
      files: drive.views,
      results: results(3),
      now: clock.now,
    });
    expect(first).toMatchObject({ created: 1, updated: 1, added: 2, removed: 0 });
    const id = String(workbook.read(VIEWS_TAB)![1][2]);
    expect([...drive.files.get(id)!.viewers].sort()).toEqual(["a@kommune.no", "b@kommune.no"]);
    expect(workbook.read(VIEWS_TAB)![1][4]).toBe("a@kommune.no, b@kommune.no"); // Delt med, after Adresse

    const registry = workbook.read("Foreninger")!;
    registry[2][6] = "b@kommune.no";
    workbook.write("Foreninger", registry);
    const second = updatePartnerViews({
      central: workbook,
      files: drive.views,
      results: results(3),
      now: clock.now,
    });
    expect(second).toMatchObject({ created: 0, updated: 1, added: 0, removed: 1 });
    expect([...drive.files.get(id)!.viewers]).toEqual(["b@kommune.no"]);
    expect(drive.files.size).toBe(1);

    // The last partner gone: the view is un-shared but kept (and stays recorded).
    registry[2][6] = "";
    workbook.write("Foreninger", registry);
    const third = updatePartnerViews({
      central: workbook,
      files: drive.views,
      results: results(3),
      now: clock.now,
    });
    expect(third.removed).toBe(1);
    expect(drive.files.get(id)!.viewers.size).toBe(0);
    expect(workbook.read(VIEWS_TAB)![1].slice(0, 5)).toEqual([
      municipalityOf(1),
      MUNICIPALITIES.find((m) => m.number === municipalityOf(1))!.name,
      id,
      `https://docs.google.com/spreadsheets/d/${id}`,
      "",
    ]);
  });

  it("makes a new view when the recorded spreadsheet is gone", () => {
    const { workbook } = centralWorkbook(2, { partners: (i) => (i === 0 ? "a@kommune.no" : "") });
    const drive = memoryDrive();
    const clock = virtualClock();
    updatePartnerViews({ central: workbook, files: drive.views, results: results(2), now: clock.now });
    drive.files.clear();
    const again = updatePartnerViews({
      central: workbook,
      files: drive.views,
      results: results(2),
      now: clock.now,
    });
    expect(again.created).toBe(1);
    expect(drive.files.size).toBe(1);
  });
});
