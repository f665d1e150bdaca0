import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { XlsxWorkbook } from "../../../src/adapters/xlsx";
import { CliContext } from "../../../src/cli/context";
import { localRollup } from "../../../src/cli/local-rollup";
import { associationXSheets, cleanSheets, xlsx } from "../../hostile/xlsx-files";
import { writeCentral } from "./central-output";

// Output tabs are written from their grids while the file is zipped (src/adapters/xlsx/streamed-sheets.ts),
// not as exceljs cells. The file must be the same as when exceljs writes every cell itself: same tabs,
// values, styles, widths, frozen header, filter, page set-up; input tabs as loaded.

const dir = mkdtempSync(path.join(tmpdir(), "samspill-streamed-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const quiet: CliContext = {
  out: () => undefined,
  err: () => undefined,
  now: () => new Date("2026-03-01T10:00:00Z"),
  user: "test",
  interactive: false,
};

/** Every tab of a file as exceljs reads it back: cells with their values and styles, and the tab's settings. */
async function contents(bytes: Buffer): Promise<Array<{ name: string; model: unknown }>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book.worksheets.map((ws) => {
    const {
      rows,
      cols,
      views,
      autoFilter,
      pageSetup,
      headerFooter,
      merges,
      dataValidations,
      conditionalFormattings,
      dimensions,
    } = ws.model as unknown as Record<string, unknown>;
    return {
      name: ws.name,
      model: JSON.parse(
        JSON.stringify({
          rows,
          cols,
          views,
          autoFilter,
          pageSetup,
          headerFooter,
          merges,
          dataValidations,
          conditionalFormattings,
          dimensions: String(dimensions),
        }),
      ),
    };
  });
}

/** The same workbook, written with its output tabs streamed and then with every tab as exceljs cells. */
async function bothWays(workbook: XlsxWorkbook): Promise<[Buffer, Buffer]> {
  const streamed = await workbook.buffer();
  void workbook.excel; // turns the output tabs into exceljs cells
  const cells = await workbook.buffer();
  return [streamed, cells];
}

test("a central with every output tab (12 associations) reads back the same as when exceljs writes each cell", async () => {
  const file = path.join(dir, "tolv.xlsx");
  const saved: XlsxWorkbook[] = [];
  const save = XlsxWorkbook.prototype.save;
  const spy = jest.spyOn(XlsxWorkbook.prototype, "save").mockImplementation(async function (
    this: XlsxWorkbook,
  ) {
    saved.push(this);
    return save.call(this);
  });
  try {
    await writeCentral(file);
  } finally {
    spy.mockRestore();
  }
  const [streamed, cells] = await bothWays(saved[0]);
  const a = await contents(streamed);
  const b = await contents(cells);
  expect(a.map((t) => t.name)).toEqual(b.map((t) => t.name));
  expect(a.map((t) => t.name)).toEqual(
    expect.arrayContaining([
      "Dashbord",
      "Oppsett",
      "Foreninger",
      "Historikk",
      "Nasjonalt",
      "Innsamling",
      "Tiltak",
      "Avvik",
      "Logg",
      "Milepæler",
    ]),
  );
  for (let i = 0; i < b.length; i++) expect(a[i]).toEqual(b[i]);
  // The saved file is the streamed one.
  expect(await contents(readFileSync(file))).toEqual(a);
});

test("a local rollup of 30 files writes the central the same either way, and the next rollup reads its input tabs back", async () => {
  const source = path.join(dir, "foreninger");
  mkdirSync(source);
  const municipalities = ["1804", "0301", "4601", "5001", "3301"];
  for (let i = 0; i < 30; i++) {
    const sheets =
      i % 3 === 0
        ? cleanSheets()
        : associationXSheets({
            report: {
              associationName: `Seniornett ${i}`,
              municipalityNumber: municipalities[i % municipalities.length],
              members: 100 + i,
            },
          });
    writeFileSync(path.join(source, `forening-${String(i).padStart(2, "0")}.xlsx`), xlsx(sheets));
  }
  const out = path.join(dir, "sentral.xlsx");
  const first = await localRollup({ source, out }, quiet);
  expect(first.added).toHaveLength(30);
  const [streamed, cells] = await bothWays(first.central);
  expect(await contents(streamed)).toEqual(await contents(cells));
  expect(await contents(readFileSync(out))).toEqual(await contents(streamed));

  // The written file is the next run's --out: Oppsett, Foreninger and Historikk are read back.
  const second = await localRollup({ source, out }, quiet);
  expect(second.created).toBe(false);
  expect(second.added).toEqual([]);
  expect(second.outcome.summary).toEqual(first.outcome.summary);
  const [streamedAgain, cellsAgain] = await bothWays(second.central);
  const again = await contents(streamedAgain);
  expect(again).toEqual(await contents(cellsAgain));
  // Input tabs as the first run wrote them (cells, widths, views, validation); output tabs the same figures.
  const before = await contents(streamed);
  const tab = (tabs: typeof again, name: string) => {
    const model = tabs.find((t) => t.name === name)?.model as Record<string, unknown>;
    return { rows: model.rows, cols: model.cols, views: model.views, dataValidations: model.dataValidations };
  };
  for (const name of ["Oppsett", "Foreninger", "Historikk", "Tiltak", "Innsamling", "Milepæler", "Avvik"])
    expect(tab(again, name)).toEqual(tab(before, name));
});
