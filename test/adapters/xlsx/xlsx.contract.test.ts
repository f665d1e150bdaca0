import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { newXlsx, openXlsx, XlsxWorkbook } from "../../../src/adapters/xlsx";
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
});
