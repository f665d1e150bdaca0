// One association's result at its edges (issue 14): an unreachable workbook, an Årsrapport with blank
// year or municipality, formulas without a value in Milepæler and Tiltak, issues in workbook order.
import { assessAssociation } from "../../src/core/association-result";
import { associationSheets, GOOD_ACTIVITY } from "./fixtures";

const context = { year: 2025, today: "2025-11-25" };
const BODO = { id: "bodo", name: "Seniornett Bodø", municipalityNumber: "1804" };
const MILESTONE = { municipalityNumber: "1804", title: "Lokaler avklart", dueDate: "01.06.2025", responsibleParty: "Begge" };
const MEASURE = { area: "Rekruttering", measure: "Verve nye medlemmer", responsibility: "Lokalt" };
const codes = (result: ReturnType<typeof assessAssociation>) => result.issues.map((i) => `${i.sheet}!${i.cell} ${i.code}`);

describe("an association whose workbook cannot be read", () => {
  it("has no submission time and no rows of any kind", () => {
    const result = assessAssociation(BODO, { kind: "not_found" }, context);
    expect(result.status).toBe("Finnes ikke");
    expect(result.submittedAt).toBe("");
    expect(result.activities).toEqual([]);
    expect(result.milestones).toEqual([]);
    expect(result.measures).toEqual([]);
    expect(result.report).toEqual({});
  });
});

describe("an Årsrapport with a blank field", () => {
  it("a blank Rapportår is only missing, not a wrong year", () => {
    const result = assessAssociation(BODO, { kind: "read", sheets: associationSheets({ report: { year: "" } }) }, context);
    expect(codes(result)).toEqual(["Årsrapport!B2 required"]);
    expect(result.report.members).toBe(120);
  });

  it("a blank Kommunenummer is only missing, not another municipality", () => {
    const result = assessAssociation(BODO, { kind: "read", sheets: associationSheets({ report: { municipalityNumber: "" } }) }, context);
    expect(codes(result)).toEqual(["Årsrapport!B5 required"]);
  });
});

describe("what the file reader learnt about Milepæler and Tiltak", () => {
  it("reaches their reading: a blank title that is a formula without a value is said to be one", () => {
    const sheets = associationSheets({ milestones: [{ ...MILESTONE, title: "" }], measures: [{ ...MEASURE, measure: "" }] });
    const facts = { Milepæler: { uncachedFormulas: [[1, 1]] as Array<[number, number]> }, Tiltak: { uncachedFormulas: [[1, 1]] as Array<[number, number]> } };
    const result = assessAssociation(BODO, { kind: "read", sheets, facts }, context);
    expect(codes(result)).toEqual(["Milepæler!B2 formula_without_value", "Tiltak!B2 formula_without_value"]);
  });
});

describe("the issues of one association", () => {
  it("are listed in workbook order, whoever found them first", () => {
    const sheets = associationSheets({ report: { year: 2024 }, activities: [GOOD_ACTIVITY] });
    const early = { sheet: "Tiltak", cell: "A2", code: "x", severity: "warning" as const, message: "" };
    const result = assessAssociation(BODO, { kind: "read", sheets, issues: [early] }, context);
    expect(codes(result)).toEqual(["Årsrapport!B2 wrong_year", "Tiltak!A2 x"]);
  });
});
