import { googleJsonError } from "../../stand-ins/apps-script";
import { ENGLISH } from "../../report/deny-list";
import { sentralWorld, STAFF } from "./stand-in";

/** The bound script's association reader (adapters/apps-script/association-reader.ts) through a whole rollup. */

const statusOf = (t: ReturnType<typeof sentralWorld>, id: string) =>
  t.read(t.centralId, "Innsamling")!.find((r) => r[0] === id)?.[5];

const avvikOf = (t: ReturnType<typeof sentralWorld>, id: string) =>
  t.read(t.centralId, "Avvik")!.filter((r) => r[0] === id);

describe("the bound script reads tabs as people name them (core/tabs.ts)", () => {
  it("reads a renamed tab with a warning and names copies of tabs, in at most 2 calls", () => {
    const t = sentralWorld(3);
    const ss = t.world.globalsFor({ userEmail: STAFF }).SpreadsheetApp.openById(t.associationSpreadsheet(1));
    ss.getSheetByName("Aktiviteter")!.setName("aktiviteter ");
    ss.insertSheet("Kopi av Milepæler");
    ss.insertSheet("Tiltak (2)");
    t.world.resetCalls();
    t.app().collectAndSummarise();
    expect(
      t.world.callsOf("Sheets.Spreadsheets.Values.batchGet") + t.world.callsOf("Sheets.Spreadsheets.get"),
    ).toBe(3 + 1);
    const codes = avvikOf(t, "F0001").map((r) => [r[7], r[2]]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ["tab_name_differs", "Aktiviteter"],
        ["copied_tab", "Milepæler"],
        ["copied_tab", "Tiltak"],
      ]),
    );
    expect(codes.some(([code]) => code === "missing_tab")).toBe(false);
    // The renamed tab's rows are read as if it had its right name (the same rows as an untouched copy).
    const untouched = sentralWorld(3);
    untouched.app().collectAndSummarise();
    const rowsOf = (w: ReturnType<typeof sentralWorld>) =>
      w
        .read(w.centralId, "Innsamling")!
        .find((r) => r[0] === "F0001")!
        .slice(6, 9);
    expect(rowsOf(t)).toEqual(rowsOf(untouched));
    expect(rowsOf(t)[0]).toBeGreaterThan(0);
    expect(statusOf(t, "F0001")).toBe(statusOf(untouched, "F0001")); // warnings do not change the status
  });
});

describe("the bound script warns about a tab named but for case", () => {
  it("in the one batchGet Google answers with the tab's own name", () => {
    const t = sentralWorld(3);
    const ss = t.world.globalsFor({ userEmail: STAFF }).SpreadsheetApp.openById(t.associationSpreadsheet(2));
    ss.getSheetByName("Tiltak")!.setName("TILTAK");
    t.world.resetCalls();
    t.app().collectAndSummarise();
    expect(t.world.callsOf("Sheets.Spreadsheets.Values.batchGet")).toBe(3);
    expect(t.world.callsOf("Sheets.Spreadsheets.get")).toBe(0);
    expect(avvikOf(t, "F0002").map((r) => [r[7], r[2]])).toContainEqual(["tab_name_differs", "Tiltak"]);
  });
});

describe("Google's failures reach people in Norwegian in the bound script", () => {
  it.each([
    ["a refusal Samspill does not know", "Invalid value at 'ranges': the request could not be parsed.", 1],
    ["a failure that outlives every retry", "Internal error encountered.", 5],
  ])("%s is «Kan ikke leses» with no English in Innsamling or Avvik", (_what, detail, times) => {
    const t = sentralWorld(4);
    t.world.failNext(
      "Sheets.Spreadsheets.Values.batchGet",
      googleJsonError("sheets.spreadsheets.values.batchGet", detail),
      times,
    );
    t.app().collectAndSummarise();
    expect(statusOf(t, "F0000")).toBe("Kan ikke leses");
    expect(statusOf(t, "F0001")).not.toBe("Kan ikke leses");
    for (const tab of ["Innsamling", "Avvik"]) {
      const text = t
        .read(t.centralId, tab)!
        .flat()
        .filter((cell) => cell !== null && cell !== undefined)
        .map(String)
        .join("\n");
      expect(text).not.toMatch(ENGLISH);
      expect(text).not.toMatch(/API call|sheets\.spreadsheets/);
    }
    expect(
      avvikOf(t, "F0000").some((r) =>
        r.some((cell) => String(cell).startsWith("Regnearket kunne ikke leses (Google")),
      ),
    ).toBe(true);
  });
});
