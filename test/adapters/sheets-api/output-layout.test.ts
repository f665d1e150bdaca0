import { openSpreadsheet } from "../../../src/adapters/sheets-api/sheets-workbook";
import { grid, outputTable } from "../../../src/core/output-table";
import { harnessPerFile } from "./helpers";

const shared = harnessPerFile();

describe("Sheets API output layout", () => {
  it("freezes the header, filters, sizes columns and shows single cells with their own format, in one batchUpdate", async () => {
    const { server } = shared.harness;
    server.reset();
    const id = server.addSpreadsheet({ title: "Sentralt", sheets: { Ark1: [] } });
    const workbook = await openSpreadsheet(shared.clients, id);
    const rows = Array.from({ length: 300 }, (_, i) => [`Forening ${i}`, 1000 + i, 0.125]);
    const table = outputTable("Mål", [["Mål", "text"], ["Målverdi", "whole"], ["Andel", "percent"]], rows, { cellFormats: { 1: [undefined, "year"] } });
    workbook.write(table.name, grid(table), table.formats, table.layout);
    await workbook.save();
    expect(server.requests.filter((r) => r.endpoint === "spreadsheets.batchUpdate")).toHaveLength(1);

    const { data } = await shared.clients.sheets.spreadsheets.get({ spreadsheetId: id, includeGridData: true });
    const sheet = data.sheets!.find((s) => s.properties?.title === "Mål")!;
    expect(sheet.properties?.gridProperties?.frozenRowCount).toBe(1);
    expect(sheet.basicFilter?.range).toMatchObject({ startRowIndex: 0, endRowIndex: 301, startColumnIndex: 0, endColumnIndex: 3 });
    const cells = sheet.data![0].rowData!;
    expect(cells[0].values![0].userEnteredFormat).toMatchObject({ textFormat: { bold: true }, backgroundColor: expect.any(Object) });
    expect(cells[1].values![1].userEnteredFormat?.numberFormat?.pattern).toBe("0");
    expect(cells[2].values![1].userEnteredFormat?.numberFormat?.pattern).toBe("#,##0");
    expect(cells[2].values![2].userEnteredFormat?.numberFormat?.type).toBe("PERCENT");
  });
});
