import { MemoryWorkbook } from "../../src/adapters/memory/memory-workbook";
import { describeWorkbookContract } from "./contract";

describeWorkbookContract("memory", { open: async (initial) => new MemoryWorkbook(initial) });

import { setUpTemplates } from "../../src/services/setup";
import { annualReport } from "../../src/core/templates/association";

describe("set-up of a form with a field label written twice", () => {
  it("puts the field's rules on the first row with that label, the one the checks read", () => {
    const workbook = new MemoryWorkbook({ Årsrapport: [["Felt", "Verdi", "Hjelp"], ["Rapportår", 2025, ""], ["Rapportår", "gammel", ""]] });
    const [plan] = setUpTemplates(workbook, [annualReport]);
    expect(plan.columns.find((c) => c.key === "year")!.row).toBe(1);
  });
});
