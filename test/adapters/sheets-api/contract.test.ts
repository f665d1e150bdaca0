import { parseA1 } from "../../../src/core/cell";
import { MARK_NOTE_PREFIX, openSpreadsheet, SheetsWorkbook } from "../../../src/adapters/sheets-api/sheets-workbook";
import { describeWorkbookContract } from "../../workbook/contract";
import { harnessPerFile } from "./helpers";

const shared = harnessPerFile();

describeWorkbookContract("Sheets API (local stand-in)", {
  async open(initial) {
    const id = shared.harness.server.addSpreadsheet({ title: "Kontrakt", sheets: initial as never });
    return openSpreadsheet(shared.clients, id);
  },
  async reopen(workbook) {
    const sheets = workbook as SheetsWorkbook;
    await sheets.save();
    return openSpreadsheet(shared.clients, sheets.spreadsheetId);
  },
  // spreadsheets.get with grid data (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/cells#CellData).
  async look(workbook, tab, cell) {
    const { data } = await shared.clients.sheets.spreadsheets.get({
      spreadsheetId: (workbook as SheetsWorkbook).spreadsheetId,
      includeGridData: true,
      fields: "sheets(properties.title,data(startRow,startColumn,rowData.values(userEnteredFormat.numberFormat,dataValidation,note)))",
    });
    const at = parseA1(cell)!;
    const grid = data.sheets?.find((s) => s.properties?.title === tab)?.data?.[0];
    const found = grid?.rowData?.[at.row - (grid.startRow ?? 0)]?.values?.[at.column - (grid.startColumn ?? 0)];
    const format = found?.userEnteredFormat?.numberFormat;
    return { validated: !!found?.dataValidation, numberFormat: format?.pattern || format?.type || "", marked: !!found?.note?.startsWith(MARK_NOTE_PREFIX) };
  },
});
