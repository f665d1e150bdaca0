import { Cell, columnLetter } from "../../src/core/cell";
import { sheetPlan } from "../../src/core/plan";
import { activities } from "../../src/core/templates/association";
import { Workbook } from "../../src/workbook/workbook";

/**
 * The workbook contract: every backend runs these same cases. `open` makes a fresh backend over the
 * given tabs; `reopen` gives what another reader would see after the backend saved (defaults to the
 * same object, for backends without a save step).
 */
export interface ContractBackend {
  open(initial: Record<string, Cell[][]>): Promise<Workbook>;
  reopen?(workbook: Workbook): Promise<Workbook>;
  /** What the backend shows in one cell (after reopen): its own words, read its own way. */
  look(workbook: Workbook, tab: string, cell: string): Promise<CellLook>;
}

/** One cell as a backend holds it: a data-validation rule, the number format, a problem mark. */
export interface CellLook {
  validated: boolean;
  /** The backend's number format ("dd.mm.yyyy", "date", "@", "0", ...); "" when none. */
  numberFormat: string;
  marked: boolean;
}

export function describeWorkbookContract(name: string, backend: ContractBackend): void {
  const reopen = async (workbook: Workbook) => (backend.reopen ? backend.reopen(workbook) : workbook);

  describe(`workbook contract: ${name}`, () => {
    it("reads a tab as a rectangular table with '' for empty cells and undefined for a missing tab", async () => {
      const workbook = await backend.open({ Ark: [["a", "", 3], ["", "x"]] });
      expect(workbook.read("Ark")).toEqual([["a", "", 3], ["", "x", ""]]);
      expect(workbook.read("Finnes ikke")).toBeUndefined();
      expect(workbook.sheetNames()).toContain("Ark");
    });

    it("writes a whole tab, replacing what was there, and creates missing tabs", async () => {
      const workbook = await backend.open({ Ark: [["gammel", "data"], ["mer", "data"], ["enda", "mer"]] });
      workbook.write("Ark", [["ny"], [1]]);
      workbook.write("Ny fane", [["x", "y"], [1, 2]]);
      const after = await reopen(workbook);
      expect(after.read("Ark")).toEqual([["ny"], [1]]);
      expect(after.read("Ny fane")).toEqual([["x", "y"], [1, 2]]);
    });

    it("keeps text that looks like a formula as text", async () => {
      const workbook = await backend.open({});
      const risky = ["=1+1", "+47 123", "-5 grader", "@bruker", "=HYPERLINK(\"http://x\")"];
      workbook.write("Ut", [risky]);
      const after = await reopen(workbook);
      expect(after.read("Ut")).toEqual([risky]);
    });

    it("round-trips a calendar date without shifting the day", async () => {
      const workbook = await backend.open({});
      workbook.write("Datoer", [[new Date("2025-03-30T12:00:00Z"), new Date("2025-10-26T12:00:00Z")]], ["date", "date"]);
      const after = await reopen(workbook);
      const [row] = after.read("Datoer")!;
      const days = row.map((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d));
      expect(days).toEqual(["2025-03-30", "2025-10-26"]);
    });

    it("appends rows after the last used row and tells the first row number", async () => {
      const workbook = await backend.open({ Aktiviteter: [["Dato", "Tittel"], ["x", "y"]] });
      expect(workbook.append("Aktiviteter", [["a", "b"], ["c", "d"]])).toBe(3);
      expect(workbook.append("Aktiviteter", [["e", "f"]])).toBe(5);
      const after = await reopen(workbook);
      expect(after.read("Aktiviteter")!.map((r) => r[0])).toEqual(["Dato", "x", "a", "c", "e"]);
    });

    it("sets single cells by A1 reference, growing the table when needed", async () => {
      const workbook = await backend.open({ Ark: [["a", "b"]] });
      workbook.setCells("Ark", [{ cell: "B1", value: "B" }, { cell: "C3", value: 7 }]);
      const after = await reopen(workbook);
      expect(after.read("Ark")).toEqual([["a", "B", ""], ["", "", ""], ["", "", 7]]);
    });

    it("reads a block of rows at their sheet rows, with the header, as wide as asked", async () => {
      const workbook = await backend.open({ Ark: [["Dato", "Tittel"], ["a", "b"], ["c"], ["e", "f", "g"]] });
      expect(workbook.readRows("Ark", 3, 4, 3)).toEqual({ header: ["Dato", "Tittel", ""], rows: [["c", "", ""], ["e", "f", "g"]] });
      expect(workbook.readRows("Ark", 2, 2, 1)).toEqual({ header: ["Dato"], rows: [["a"]] });
      expect(workbook.readRows("Finnes ikke", 2, 3, 2)).toBeUndefined();
    });

    it("creates only the missing tabs, empty, and leaves the existing ones as they were", async () => {
      const workbook = await backend.open({ Aktiviteter: [["Dato", "Tittel"], ["x", "y"]] });
      workbook.createMissing(["Aktiviteter", "Milepæler", "Tiltak"]);
      workbook.createMissing(["Milepæler"]);
      const after = await reopen(workbook);
      expect(after.sheetNames().filter((n) => ["Aktiviteter", "Milepæler", "Tiltak"].includes(n)).sort()).toEqual(["Aktiviteter", "Milepæler", "Tiltak"]);
      expect(after.read("Aktiviteter")).toEqual([["Dato", "Tittel"], ["x", "y"]]);
      expect(after.read("Milepæler")).toEqual([]);
    });

    it("applies a template plan and marks cells without changing any value", async () => {
      const rows: Cell[][] = [activities.keys.map((k) => activities.columns[k].header), ["01.02.2025", "Kurs", "Tittel", "", "", 5, "", "", "", ""]];
      const participants = columnLetter(activities.keys.indexOf("participants")) + "2";
      const workbook = await backend.open({ Aktiviteter: rows });
      workbook.applyPlan(sheetPlan(activities, rows[0]));
      workbook.markCells("Aktiviteter", [{ cell: participants, message: "Deltakere må være et helt tall" }]);
      const after = await reopen(workbook);
      expect(after.read("Aktiviteter")).toEqual(rows);
      // The plan's rules and formats are in the tab: Deltakere is checked, Dato is a date.
      const counted = await backend.look(after, "Aktiviteter", participants);
      expect(counted).toMatchObject({ validated: true, marked: true });
      expect((await backend.look(after, "Aktiviteter", "A2")).numberFormat).toMatch(/date|dd\.mm\.yyyy/i);
      expect((await backend.look(after, "Aktiviteter", "C2")).numberFormat).not.toMatch(/date|dd\.mm\.yyyy/i);
      // A mark cleared by the next check is gone; a kept cell keeps its mark.
      after.markCells("Aktiviteter", [{ cell: "B2", message: "Ukjent aktivitetstype" }]);
      after.markCells("Aktiviteter", [], ["B2"]);
      const cleared = await reopen(after);
      expect(cleared.read("Aktiviteter")).toEqual(rows);
      expect((await backend.look(cleared, "Aktiviteter", participants)).marked).toBe(false);
      expect((await backend.look(cleared, "Aktiviteter", "B2")).marked).toBe(true);
    });
  });
}
