import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { MARK_PREFIX, newXlsx, openXlsx, XlsxWorkbook } from "../../../src/adapters/xlsx";
import { describeWorkbookContract } from "../../workbook/contract";

const dir = mkdtempSync(path.join(tmpdir(), "samspill-xlsx-contract-"));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeWorkbookContract("xlsx", {
  async open(initial) {
    const file = path.join(dir, `bok-${++n}.xlsx`);
    const created = newXlsx(file);
    for (const [name, rows] of Object.entries(initial)) created.write(name, rows);
    await created.save();
    return openXlsx(file);
  },
  async reopen(workbook) {
    const xlsx = workbook as XlsxWorkbook;
    await xlsx.save();
    return openXlsx(xlsx.file);
  },
  // exceljs's own view of the saved file: the cell's dataValidation, numFmt and Samspill's note.
  async look(workbook, tab, cell) {
    const found = (workbook as XlsxWorkbook).excel.getWorksheet(tab)!.getCell(cell);
    const note = typeof found.note === "string" ? found.note : (found.note?.texts ?? []).map((t) => t.text).join("");
    return { validated: !!found.dataValidation?.type, numberFormat: found.numFmt ?? "", marked: note.startsWith(MARK_PREFIX) };
  },
});
