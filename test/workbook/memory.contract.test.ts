import { MemoryWorkbook } from "../../src/adapters/memory/memory-workbook";
import { parseA1 } from "../../src/core/cell";
import { describeWorkbookContract } from "./contract";

describeWorkbookContract("memory", {
  open: async (initial) => new MemoryWorkbook(initial),
  // The memory backend keeps the plan it was given: a cell has what the plan gives its column.
  async look(workbook, tab, cell) {
    const seen = (workbook as MemoryWorkbook).inspect(tab);
    const at = parseA1(cell)!;
    const column = seen?.plan?.columns.find((c) => c.index === at.column && at.row >= 1 && at.row <= seen.plan!.dataRows);
    return { validated: !!column?.validation, numberFormat: column?.format ?? "", marked: !!seen?.marks.some((m) => m.cell === cell) };
  },
});

import { setUpTemplates } from "../../src/services/setup";
import { annualReport } from "../../src/core/templates/association";

describe("set-up of a form with a field label written twice", () => {
  it("puts the field's rules on the first row with that label, the one the checks read", () => {
    const workbook = new MemoryWorkbook({ Årsrapport: [["Felt", "Verdi", "Hjelp"], ["Rapportår", 2025, ""], ["Rapportår", "gammel", ""]] });
    const [plan] = setUpTemplates(workbook, [annualReport]);
    expect(plan.columns.find((c) => c.key === "year")!.row).toBe(1);
  });
});
