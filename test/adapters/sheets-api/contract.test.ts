import { GoogleClients } from "../../../src/adapters/sheets-api/clients";
import { openSpreadsheet, SheetsWorkbook } from "../../../src/adapters/sheets-api/sheets-workbook";
import { describeWorkbookContract } from "../../workbook/contract";
import { Harness, startHarness } from "./helpers";

let harness: Harness;
let clients: GoogleClients;

beforeAll(async () => {
  harness = await startHarness();
  clients = await harness.clients();
});
afterAll(async () => {
  await clients?.gate.stop();
  await harness?.server.close();
});

describeWorkbookContract("Sheets API (local stand-in)", {
  async open(initial) {
    const id = harness.server.addSpreadsheet({ title: "Kontrakt", sheets: initial as never });
    return openSpreadsheet(clients, id);
  },
  async reopen(workbook) {
    const sheets = workbook as SheetsWorkbook;
    await sheets.save();
    return openSpreadsheet(clients, sheets.spreadsheetId);
  },
});
