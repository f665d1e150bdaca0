// The central spreadsheet's inputs: which workbooks are Samspill's own, and Historikk as memory (issue 14).
import { historyIssuesAsWarnings, readCentralInputs, samspillWorkbookKind } from "../../src/core/central-inputs";
import { Issue } from "../../src/core/issues";
import { history, registry, settings } from "../../src/core/templates/central";
import { headerOf } from "./fixtures";

describe("a workbook Samspill wrote itself", () => {
  it("is a central spreadsheet when it has two of the central's own tabs, whatever their case and spaces", () => {
    expect(samspillWorkbookKind(["Oppsett", "Foreninger"])).toBe("central");
    expect(samspillWorkbookKind([" innsamling ", "NASJONALT", "Ark1"])).toBe("central");
    expect(samspillWorkbookKind(["Kommunevisninger", "Logg"])).toBe("central");
  });

  it("is not taken for a central spreadsheet with only one of its tabs", () => {
    expect(samspillWorkbookKind(["Oppsett", "Ark1"])).toBeUndefined();
    expect(samspillWorkbookKind([])).toBeUndefined();
  });

  it("is a partner view when it has «Om visningen»", () => {
    expect(samspillWorkbookKind(["Om visningen", "Aktiviteter"])).toBe("partner_view");
    expect(samspillWorkbookKind(["om visningen "])).toBe("partner_view");
  });

  it("is never an association's workbook: with Årsrapport it is read as an association whatever else it holds", () => {
    expect(samspillWorkbookKind(["Årsrapport", "Oppsett", "Foreninger", "Nasjonalt"])).toBeUndefined();
    expect(samspillWorkbookKind(["årsrapport", "Om visningen"])).toBeUndefined();
  });
});

describe("Historikk's reading problems", () => {
  const error: Issue = { sheet: "Historikk", cell: "B3", code: "not_whole", severity: "error", message: "Medlemmer må være et helt tall" };

  it("are warnings that say the row is kept as typed but not used", () => {
    expect(historyIssuesAsWarnings([error])).toEqual([{ ...error, severity: "warning", message: "Medlemmer må være et helt tall. Raden beholdes som den er, men Samspill bruker den ikke" }]);
  });

  it("leave warnings of Historikk and errors of other tabs as they are", () => {
    const warning: Issue = { ...error, severity: "warning", code: "extra_column" };
    const registryError: Issue = { ...error, sheet: "Foreninger" };
    expect(historyIssuesAsWarnings([warning, registryError])).toEqual([warning, registryError]);
  });

  it("come out of reading the central spreadsheet as warnings, and the bad row is not used", () => {
    const inputs = readCentralInputs(
      {
        [settings.name]: [["Felt", "Verdi"], ["Organisasjon", "Seniornett Norge"], ["Rapportår", 2025]],
        [registry.name]: [headerOf(registry)],
        [history.name]: [headerOf(history), [2023, "mange"], [2024, 900]],
      },
      "2025-11-25",
    );
    expect(inputs.issues.map((i) => [i.sheet, i.cell, i.code, i.severity])).toEqual([["Historikk", "B2", "not_whole", "warning"]]);
    expect(inputs.history.map((row) => row.year)).toEqual([2024]);
  });
});
