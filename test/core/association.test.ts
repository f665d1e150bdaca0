// Assessing one association and reading the central spreadsheet's registry (issue 14).
import { assessAssociation } from "../../src/core/association-result";
import { readCentralInputs } from "../../src/core/central-inputs";
import { Cell } from "../../src/core/cell";
import { history, registry, settings } from "../../src/core/templates/central";
import { associationSheets, GOOD_ACTIVITY, headerOf, rowOf } from "./fixtures";

const today = "2025-11-25";
const context = { year: 2025, today };
const BODO = { id: "bodo", name: "Seniornett Bodø", municipalityNumber: "1804" };

describe("an association that could not be read", () => {
  it("has the status of why, and one error without a cell, carrying the reason", () => {
    const result = assessAssociation(BODO, { kind: "not_found", detail: "404" }, context);
    expect(result).toMatchObject({ status: "Finnes ikke", countyNumber: "18", county: "Nordland", rows: { read: 0, counted: 0, rejected: 0 }, activities: [] });
    expect(result.issues).toEqual([{ association: "bodo", sheet: "", cell: "", code: "not_found", severity: "error", message: "Regnearket finnes ikke (slettet eller feil adresse) (404)" }]);
  });

  it("takes a more precise code and message when the reader gives them", () => {
    const result = assessAssociation(BODO, { kind: "unreadable", code: "not_xlsx", message: "Lagre som .xlsx" }, context);
    expect(result.issues).toEqual([expect.objectContaining({ code: "not_xlsx", message: "Lagre som .xlsx" })]);
    expect(assessAssociation(BODO, { kind: "no_access" }, context).issues[0].message).toBe("Samspill har ikke tilgang til regnearket; del det med sentralleddet");
  });

  it("outside any known municipality has no county", () => {
    expect(assessAssociation({ ...BODO, municipalityNumber: "9999" }, { kind: "not_found" }, context)).toMatchObject({ countyNumber: "", county: "" });
  });
});

describe("an association that was read", () => {
  it("is OK when submitted without errors, and keeps its report figures and submission time", () => {
    const result = assessAssociation(BODO, { kind: "read", sheets: associationSheets({ activities: [GOOD_ACTIVITY] }) }, context);
    expect(result).toMatchObject({ status: "OK", submittedAt: "2026-01-20T10:00:00+01:00", report: { members: 120, volunteers: 14, agreement: "Skriftlig" }, rows: { read: 1, counted: 1, rejected: 0 } });
    expect(result.issues).toEqual([]);
  });

  it("with only warnings is OK, not Med avvik", () => {
    const sheets = associationSheets({ activities: [GOOD_ACTIVITY] });
    sheets["Aktiviteter"][0].push("Notater");
    const result = assessAssociation(BODO, { kind: "read", sheets }, context);
    expect(result.issues.map((i) => i.code)).toEqual(["extra_column"]);
    expect(result.status).toBe("OK");
  });

  it("is Med avvik with an error even when not submitted", () => {
    const result = assessAssociation(BODO, { kind: "read", sheets: associationSheets({ report: { submittedAt: "" }, activities: [{ ...GOOD_ACTIVITY, participants: -1 }] }) }, context);
    expect(result.status).toBe("Med avvik");
  });

  it("counts an activity without Kommunenummer in the association's own municipality, and drops its comment", () => {
    const result = assessAssociation(BODO, { kind: "read", sheets: associationSheets({ activities: [{ ...GOOD_ACTIVITY, comment: "hemmelig" }, { ...GOOD_ACTIVITY, municipalityNumber: "1806" }] }) }, context);
    expect(result.activities.map((a) => a.municipalityNumber)).toEqual(["1804", "1806"]);
    expect(JSON.stringify(result.activities)).not.toContain("hemmelig");
    expect("comment" in result.activities[0]).toBe(false);
  });

  it("keeps milestones and measures that read cleanly, and adds up the rows of all three tables", () => {
    const result = assessAssociation(
      BODO,
      {
        kind: "read",
        sheets: associationSheets({
          activities: [GOOD_ACTIVITY, { ...GOOD_ACTIVITY, date: "" }],
          milestones: [{ municipalityNumber: "1804", title: "Møte", dueDate: "01.12.2025", responsibleParty: "Begge" }],
          measures: [{ area: "Felles", measure: "Kurs", responsibility: "Lokalt" }, { area: "Felles", measure: "", responsibility: "Lokalt" }],
        }),
      },
      context,
    );
    expect(result.rows).toEqual({ read: 5, counted: 3, rejected: 2 });
    expect(result.milestones).toEqual([expect.objectContaining({ title: "Møte", dueDate: "2025-12-01", status: "Ikke startet" })]);
    expect(result.measures).toEqual([expect.objectContaining({ area: "Felles", measure: "Kurs" })]);
  });

  it("for another year counts none of its report figures", () => {
    const result = assessAssociation(BODO, { kind: "read", sheets: associationSheets({ report: { year: 2024 } }) }, context);
    expect(result.report).toEqual({ members: undefined, volunteers: undefined, agreement: undefined });
    expect(result.issues).toContainEqual({ association: "bodo", sheet: "Årsrapport", cell: "B2", code: "wrong_year", severity: "error", message: "Rapportår er 2024, men innsamlingen gjelder 2025" });
  });

  it("lists its issues in workbook order (Årsrapport before Aktiviteter), each with the association ID", () => {
    const result = assessAssociation(BODO, { kind: "read", sheets: associationSheets({ report: { members: "x" }, activities: [{ ...GOOD_ACTIVITY, type: "y" }] }) }, context);
    expect(result.issues.map((i) => [i.association, i.sheet, i.cell])).toEqual([
      ["bodo", "Årsrapport", "B6"],
      ["bodo", "Aktiviteter", "B2"],
    ]);
  });

  it("adds the reader's own issues (stray cells and the like) to those of the cells", () => {
    const stray = { sheet: "Aktiviteter", cell: "Z9", code: "stray_cell", severity: "warning" as const, message: "m" };
    const result = assessAssociation(BODO, { kind: "read", sheets: associationSheets(), issues: [stray] }, context);
    expect(result.issues).toEqual([{ association: "bodo", ...stray }]);
  });
});

describe("the central spreadsheet's registry (Foreninger)", () => {
  function central(rows: Array<Record<string, Cell>>, historyRows: Array<Record<string, Cell>> | undefined = []) {
    return readCentralInputs(
      {
        [settings.name]: [["Felt", "Verdi"], ["Organisasjon", "Seniornett Norge"], ["Rapportår", 2025]],
        [registry.name]: [headerOf(registry), ...rows.map((r) => rowOf(registry, r))],
        ...(historyRows ? { [history.name]: [headerOf(history), ...historyRows.map((r) => rowOf(history, r))] } : {}),
      },
      today,
    );
  }
  const entry = (id: string, spreadsheet: string, values: Record<string, Cell> = {}) => ({ id, name: `Seniornett ${id}`, municipalityNumber: "1804", spreadsheet, ...values });

  it("reads each active association once, with its row and its partner addresses as a list", () => {
    const inputs = central([entry("bodo", "bodo.xlsx", { partnerEmails: "A@bodo.kommune.no; b@bodo.kommune.no,c@x.no  d@y.no" }), entry("gone", "gone.xlsx", { active: "Nei" }), entry("alta", "alta.xlsx")]);
    expect(inputs.associations.map((a) => [a.id, a.row, a.partnerEmailList])).toEqual([
      ["bodo", 2, ["a@bodo.kommune.no", "b@bodo.kommune.no", "c@x.no", "d@y.no"]],
      ["alta", 4, []],
    ]);
    expect(inputs.settings).toMatchObject({ organisation: "Seniornett Norge", year: 2025 });
    expect(inputs.issues).toEqual([]);
  });

  it("reads an ID used twice (in any case) only the first time, with an error at the second", () => {
    const inputs = central([entry("bodo", "a.xlsx"), entry("BODO", "b.xlsx")]);
    expect(inputs.associations.map((a) => a.spreadsheet)).toEqual(["a.xlsx"]);
    expect(inputs.issues).toEqual([{ sheet: "Foreninger", cell: "A3", code: "duplicate_id", severity: "error", message: "Forening-ID «BODO» er brukt før (rad 2); raden leses ikke" }]);
  });

  it("reads a spreadsheet registered twice (as URL and as ID) only once", () => {
    const inputs = central([entry("a", "https://docs.google.com/spreadsheets/d/1XyZ/edit"), entry("b", "1xyz")]);
    expect(inputs.associations.map((a) => a.id)).toEqual(["a"]);
    expect(inputs.issues.map((i) => [i.cell, i.code])).toEqual([["E3", "duplicate_spreadsheet"]]);
  });

  it("counts an inactive association's ID and spreadsheet as taken", () => {
    const inputs = central([entry("a", "a.xlsx", { active: "Nei" }), entry("a", "b.xlsx")]);
    expect(inputs.associations).toEqual([]);
    expect(inputs.issues.map((i) => i.code)).toEqual(["duplicate_id"]);
  });

  it("reads Historikk when there is one, and goes without it when the tab is missing", () => {
    expect(central([], [{ year: 2024, participants: 20 }]).history).toEqual([expect.objectContaining({ year: 2024, participants: 20 })]);
    const none = central([], undefined);
    expect(none.history).toEqual([]);
    expect(none.issues).toEqual([]);
  });
});
