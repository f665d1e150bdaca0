// Foreninger and Historikk as readCentralInputs reads them (issue 14; SPEC "The central spreadsheet").
import { Cell } from "../../src/core/cell";
import { readCentralInputs, samspillWorkbookKind } from "../../src/core/central-inputs";
import { registry } from "../../src/core/templates/central";
import { headerOf, rowOf } from "./fixtures";

const TODAY = "2025-11-25";
const OPPSETT: Cell[][] = [["Felt", "Verdi"], ["Organisasjon", "Seniornett Norge"], ["Rapportår", 2025]];
const entry = (values: Record<string, Cell>) => rowOf(registry, { name: "Seniornett", municipalityNumber: "1804", ...values });
const read = (rows: Record<string, Cell>[], extra: Record<string, Cell[][]> = {}) =>
  readCentralInputs({ Oppsett: OPPSETT, Foreninger: [headerOf(registry), ...rows.map(entry)], ...extra }, TODAY);

describe("the associations in Foreninger", () => {
  it("are told apart by ID ignoring case only: «groß» and «gross» are two associations, «Bodo» and «bodo» one", () => {
    const distinct = read([
      { id: "groß", spreadsheet: "sheet-1" },
      { id: "gross", spreadsheet: "sheet-2" },
    ]);
    expect(distinct.associations.map((a) => a.id)).toEqual(["groß", "gross"]);
    const same = read([
      { id: "Bodo", spreadsheet: "sheet-1" },
      { id: "bodo", spreadsheet: "sheet-2" },
    ]);
    expect(same.associations.map((a) => a.id)).toEqual(["Bodo"]);
    expect(same.issues.map((i) => [i.cell, i.code])).toEqual([["A3", "duplicate_id"]]);
  });

  it("read one spreadsheet registered twice once, with a warning on the second row's Regneark", () => {
    const inputs = read([
      { id: "a", spreadsheet: "https://docs.google.com/spreadsheets/d/abc123/edit" },
      { id: "b", spreadsheet: "ABC123" },
    ]);
    expect(inputs.associations.map((a) => a.id)).toEqual(["a"]);
    expect(inputs.issues).toEqual([
      { sheet: "Foreninger", cell: "E3", code: "duplicate_spreadsheet", severity: "warning", message: "Regnearket i rad 3 er det samme som i rad 2; det leses og telles bare én gang (rad 2)" },
    ]);
  });

  it("give each partner e-mail address in lower case, however the list is separated", () => {
    const inputs = read([{ id: "a", spreadsheet: "s", partnerEmails: "Ola@Bodo.Kommune.no; kari@bodo.kommune.no,  PER@X.NO" }]);
    expect(inputs.associations[0].partnerEmailList).toEqual(["ola@bodo.kommune.no", "kari@bodo.kommune.no", "per@x.no"]);
  });
});

describe("a central spreadsheet without Historikk", () => {
  it("has no history and no issues from it", () => {
    const inputs = read([{ id: "a", spreadsheet: "s" }]);
    expect(inputs.history).toEqual([]);
    expect(inputs.issues).toEqual([]);
  });
});

describe("a central spreadsheet's tab names", () => {
  it("match in lower case only: «Oppſett» (long s) is not Oppsett, though it is in upper case", () => {
    expect(samspillWorkbookKind(["Oppſett", "Foreninger"])).toBeUndefined();
    expect(samspillWorkbookKind(["OPPSETT", "Foreninger"])).toBe("central");
  });
});
