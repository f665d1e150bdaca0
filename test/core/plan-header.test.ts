// «Sett opp rapportmal» over a header row with empty cells (issue 14).
import { sheetPlan } from "../../src/core/plan";
import { column } from "../../src/core/schema/column";
import { table } from "../../src/core/schema/table";

const list = table("Liste", { name: column.text("Navn"), count: column.whole("Antall"), date: column.date("Dato") });

describe("a header row with an empty cell between used ones", () => {
  it("keeps the empty cell empty, whatever the sheet reader gave for it (null or nothing)", () => {
    expect(sheetPlan(list, ["Navn", null, "Antall"]).header).toEqual(["Navn", "", "Antall", "Dato"]);
    expect(sheetPlan(list, ["Navn", undefined, "Antall"]).header).toEqual(["Navn", "", "Antall", "Dato"]);
  });
});
