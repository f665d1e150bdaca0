// A template built with table() (core/schema/table.ts, issue 14): a header row and one row per record,
// with no cross-field rules until rule() adds them.
import { column } from "../../src/core/schema/column";
import { table } from "../../src/core/schema/table";

describe("a template built with table()", () => {
  it("is laid out as a table and has no rules of its own", () => {
    const template = table("Aktiviteter", { title: column.text("Tittel") });
    expect(template.layout).toBe("table");
    expect(template.rules).toEqual([]);
    expect(template.keys).toEqual(["title"]);
  });
});
