// One association's result at its edges: not yet submitted, the Rapportår it states, formulas
// without values in any of its tabs (issue 14).
import { assessAssociation } from "../../src/core/association-result";
import { associationSheets, GOOD_ACTIVITY } from "./fixtures";

const context = { year: 2025, today: "2025-11-25" };
const BODO = { id: "bodo", name: "Seniornett Bodø", municipalityNumber: "1804" };

describe("an association's result", () => {
  it("is «Ikke sendt inn» without errors and without Innsendt", () => {
    const result = assessAssociation(BODO, { kind: "read", sheets: associationSheets({ report: { submittedAt: "" }, activities: [GOOD_ACTIVITY] }) }, context);
    expect(result.status).toBe("Ikke sendt inn");
    expect(result.submittedAt).toBe("");
  });

  it("remembers the Rapportår the association states, also when it is the wrong one, and none when it cannot be read", () => {
    const read = (year: unknown) => assessAssociation(BODO, { kind: "read", sheets: associationSheets({ report: { year: year as number } }) }, context);
    expect(read(2025).reportedYear).toBe(2025);
    expect(read(2024).reportedYear).toBe(2024);
    expect("reportedYear" in read("i fjor")).toBe(false);
  });

  it("passes what the file reader learnt about each tab to that tab's reading", () => {
    const sheets = associationSheets({ report: { members: "" }, activities: [{ ...GOOD_ACTIVITY, participants: "" }] });
    const facts = { Årsrapport: { uncachedFormulas: [[5, 1]] as Array<[number, number]> }, Aktiviteter: { uncachedFormulas: [[1, 5]] as Array<[number, number]> } };
    const result = assessAssociation(BODO, { kind: "read", sheets, facts }, context);
    expect(result.issues.map((i) => `${i.sheet}!${i.cell} ${i.code}`)).toEqual(["Årsrapport!B6 formula_without_value", "Aktiviteter!F2 formula_without_value"]);
    expect(result.status).toBe("Med avvik");
  });
});
