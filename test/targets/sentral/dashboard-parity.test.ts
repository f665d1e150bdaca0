import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { xlsxCharts } from "../../../src/cli/xlsx-dashboard";
import { newXlsx, openXlsx } from "../../../src/adapters/xlsx/xlsx-workbook";
import { Cell } from "../../../src/core/cell";
import { runRollup } from "../../../src/services/rollup";
import { associationId, centralWorkbook, sampleSheets } from "./fixtures";
import { sentralWorld } from "./stand-in";

/** Dashbord's content (columns A–E, the label/value cells), with empty cells as "". */
const content = (rows: Cell[][] | undefined) =>
  (rows ?? []).map((row) =>
    [0, 1, 2, 3, 4].map((c) => (row[c] === null || row[c] === undefined ? "" : row[c])),
  );

describe("Dashbord: the bound script and the local sentral.xlsx carry the board report's content", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "samspill-dashbord-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("holds the same labels and figures (this year, last year from Historikk, the change) on both", async () => {
    // The bound script in the Apps Script stand-in.
    const t = sentralWorld(6);
    t.app().collectAndSummarise();
    const google = content(t.read(t.centralId, "Dashbord"));

    // The local CLI over the same central inputs and the same association sheets.
    const file = path.join(dir, "sentral.xlsx");
    const central = newXlsx(file);
    const { workbook } = centralWorkbook(6);
    for (const name of workbook.sheetNames()) central.write(name, workbook.read(name)!);
    await runRollup({
      central,
      now: () => new Date("2026-01-25T09:00:00Z"),
      user: "stab@seniornett.no",
      openAssociation: (entry) => ({
        kind: "read",
        sheets: sampleSheets([0, 1, 2, 3, 4, 5].find((i) => associationId(i) === entry.id)!),
      }),
      charts: xlsxCharts,
    });
    await central.save();
    const local = content((await openXlsx(file)).read("Dashbord"));

    const members = google.find((row) => row[0] === "Medlemmer")!;
    expect(members).toBeDefined();
    const [, thisYear, lastYear, change] = members;
    expect(lastYear).toBe(9000); // Historikk's 2024 row
    expect(thisYear).toEqual(expect.any(Number));
    expect(change).toBe((thisYear as number) - 9000);
    expect(google.find((row) => row[0] === "Rapportår")?.[1]).toBe(2025);
    for (const label of [
      "Mål",
      "Fylke",
      "Aktivitetstype",
      "Tiltak i handlingsplanen",
      "Problemer",
      "Om tallene",
    ]) {
      expect(google.map((row) => row[0])).toContain(label);
    }
    expect(local).toEqual(google);
  });
});
