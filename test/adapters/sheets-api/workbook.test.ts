import { MARK_NOTE_PREFIX, openSpreadsheet } from "../../../src/adapters/sheets-api/sheets-workbook";
import { setUpTemplates } from "../../../src/services/setup";
import { harnessPerFile } from "./helpers";

const shared = harnessPerFile();

describe("Sheets API workbook", () => {
  it("opens with two requests and saves any number of rows with one batchUpdate", async () => {
    const { server } = shared.harness;
    for (const rows of [10, 5000]) {
      server.reset();
      const id = server.addSpreadsheet({ title: "Tall", sheets: { Ark: [["x"]] } });
      const workbook = await openSpreadsheet(shared.clients, id);
      workbook.write("Ut", Array.from({ length: rows }, (_, i) => [i, `rad ${i}`, new Date("2025-05-17T12:00:00Z")]), ["whole", "text", "date"]);
      workbook.append("Ark", [["y"]]);
      await workbook.save();
      expect(server.requests.filter((r) => r.endpoint !== "token").map((r) => r.endpoint)).toEqual(["spreadsheets.get", "values.batchGet", "spreadsheets.batchUpdate"]);
      expect(server.getValues(id, "Ut")).toHaveLength(rows);
    }
  });

  it("sets up the association template twice without doubling rules, and marks then clears problem cells", async () => {
    const { server } = shared.harness;
    server.reset();
    const id = server.addSpreadsheet({ title: "Ny forening", sheets: { Ark1: [] } });
    let workbook = await openSpreadsheet(shared.clients, id);
    setUpTemplates(workbook);
    await workbook.save();
    workbook = await openSpreadsheet(shared.clients, id);
    setUpTemplates(workbook);
    workbook.markCells("Aktiviteter", [{ cell: "F2", message: "Deltakere må være et helt tall" }]);
    await workbook.save();
    const marked = server.getSpreadsheet(id).sheets.find((s) => s.title === "Aktiviteter")!.notes as Record<string, string>;
    expect(marked.F2).toBe(`${MARK_NOTE_PREFIX}Deltakere må være et helt tall`);

    const sheet = server.getSpreadsheet(id).sheets.find((s) => s.title === "Milepæler")!;
    expect(sheet.conditionalFormats).toHaveLength(2);
    expect(sheet.protectedRanges).toHaveLength(1);
    expect(sheet.protectedRanges[0]).toMatchObject({ warningOnly: true });
    expect(sheet.frozenRowCount).toBe(1);
    expect(server.getValues(id, "Tiltak").length).toBeGreaterThan(10);

    workbook = await openSpreadsheet(shared.clients, id);
    workbook.markCells("Aktiviteter", []);
    await workbook.save();
    const notes = () => Object.values(server.getSpreadsheet(id).sheets.find((s) => s.title === "Aktiviteter")!.notes as Record<string, string>);
    expect(notes().filter((n) => n.startsWith(MARK_NOTE_PREFIX))).toEqual([]);
    expect(notes().length).toBe(10);
  });
});
