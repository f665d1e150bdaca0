import { MARK_BACKGROUND } from "../../../src/workbook/workbook";
import { activityRows, annualReportRows, harness, MILESTONE_HEADER } from "./harness";

/**
 * Issue 13 in the add-on (Apps Script stand-in): personal data in Tittel or Milepæl is a warning
 * that Kontroller lists and marks on its cell, and that an edit marks and clears, like an error;
 * it is no error, so it does not stop «Send inn rapporten» (which refuses only while errors remain).
 */
const MARK = MARK_BACKGROUND.toLowerCase();
const backgroundsOf = (h: ReturnType<typeof harness>, tab: string) =>
  h.world.snapshot(h.id).sheets.find((s) => s.name === tab)!.backgrounds;

function edit(h: ReturnType<typeof harness>, tab: string, a1: string, value: string): void {
  const book = h.globals.SpreadsheetApp.getActiveSpreadsheet();
  const range = book.getSheetByName(tab)!.getRange(a1);
  range.setValues([[value]] as never);
  h.app.onEdit({
    authMode: h.globals.ScriptApp.AuthMode.LIMITED,
    range,
    source: book,
  } as unknown as GoogleAppsScript.Events.SheetsOnEdit);
}

describe("personal data in a title, in the add-on", () => {
  it("Kontroller lists a warning (not an error) on the cell and marks it", () => {
    const rows = activityRows(4);
    rows[2][2] = "Kurs hos Kari, ring 912 34 567";
    const milestones = [
      MILESTONE_HEADER,
      ["1804", "Møte med ola@kommune.no", new Date(Date.UTC(2025, 5, 1, 12)), "Begge", "", "Pågår", "", ""],
    ];
    const h = harness({
      Årsrapport: annualReportRows(),
      Aktiviteter: rows,
      Milepæler: milestones as never,
      Tiltak: [
        [
          "Planområde",
          "Tiltak",
          "Aktivitet",
          "Ansvar",
          "Ansvarlig",
          "Frist",
          "Status",
          "Resultat",
          "Antall nådd",
        ],
      ],
    });
    const { problems, errors } = h.app.getProblems();
    expect(errors).toBe(0);
    expect(problems.filter((p) => p.code === "personal_data")).toEqual([
      {
        sheet: "Aktiviteter",
        cell: "C3",
        code: "personal_data",
        severity: "warning",
        message:
          "Tittelen ser ut til å inneholde et telefonnummer. Tittelen vises for kommunen – ta bort personopplysninger.",
      },
      {
        sheet: "Milepæler",
        cell: "B2",
        code: "personal_data",
        severity: "warning",
        message:
          "Milepælen ser ut til å inneholde en e-postadresse. Milepælen vises for kommunen – ta bort personopplysninger.",
      },
    ]);
    expect(backgroundsOf(h, "Aktiviteter")).toEqual({ C3: MARK });
    expect(backgroundsOf(h, "Milepæler")).toEqual({ B2: MARK });
  });

  it("an edit that types a phone number into Tittel marks the cell, and the edit that takes it out clears the mark", () => {
    const h = harness({ Årsrapport: annualReportRows(), Aktiviteter: activityRows(5) });
    edit(h, "Aktiviteter", "C4", "Datahjelp, ring 91 23 45 67");
    expect(backgroundsOf(h, "Aktiviteter")).toEqual({ C4: MARK });
    edit(h, "Aktiviteter", "C4", "Datahjelp");
    expect(backgroundsOf(h, "Aktiviteter")).toEqual({});
  });
});
