// A formula without a cached value (an .xlsx written by a program that does not compute formulas):
// the reader says so at the cell instead of reading it as empty (issue 14; SPEC "Hostile input").
import { readForm, readTable } from "../../src/core/read";
import { activities, annualReport } from "../../src/core/templates/association";
import { associationSheets, GOOD_ACTIVITY, headerOf, rowOf } from "./fixtures";

const context = { year: 2025, today: "2025-11-25" };
const MESSAGE = "er en formel uten lagret verdi; åpne filen i Excel eller LibreOffice, lagre den på nytt, eller skriv inn verdien";
const PARTICIPANTS = 5; // column F
const PARTNER = 4; // column E, optional list
const HOURS = 8; // column I, optional number
const COMMENT = 9; // column J, optional text

describe("a formula without a cached value in a table", () => {
  it("in a required column is an error at its cell, and the row is rejected", () => {
    const cells = [headerOf(activities), rowOf(activities, { ...GOOD_ACTIVITY, participants: "" })];
    const read = readTable(activities, cells, context, { keepRejected: true, facts: { uncachedFormulas: [[1, PARTICIPANTS]] } });
    expect(read.issues).toEqual([{ sheet: "Aktiviteter", cell: "F2", code: "formula_without_value", severity: "error", message: `Deltakere ${MESSAGE}` }]);
    expect(read).toMatchObject({ read: 1, counted: 0, rejected: 1 });
    expect(read.rejectedRows![0].issues.map((i) => i.field)).toEqual(["participants"]);
    expect(read.rejectedRows![0].row.participants).toBeUndefined();
    expect(read.rejectedRows![0].row.title).toBe("iPad for nybegynnere");
  });

  it("in an optional number column is an error too: a number that counts must be known", () => {
    const cells = [headerOf(activities), rowOf(activities, { ...GOOD_ACTIVITY, volunteerHours: "" })];
    const read = readTable(activities, cells, context, { facts: { uncachedFormulas: [[1, HOURS]] } });
    expect(read.issues.map((i) => `${i.cell} ${i.code} ${i.severity}`)).toEqual(["I2 formula_without_value error"]);
    expect(read.counted).toBe(0);
  });

  it("in an optional list or text column is a warning, and the row counts with the column's default", () => {
    const cells = [headerOf(activities), rowOf(activities, GOOD_ACTIVITY)];
    const read = readTable(activities, cells, context, { facts: { uncachedFormulas: [[1, PARTNER], [1, COMMENT]] } });
    expect(read.issues.map((i) => `${i.cell} ${i.code} ${i.severity}`)).toEqual(["E2 formula_without_value warning", "J2 formula_without_value warning"]);
    expect(read.counted).toBe(1);
    expect(read.rows[0].partner).toBe("Ingen");
  });

  it("is read as its value when the file does hold one", () => {
    const cells = [headerOf(activities), rowOf(activities, GOOD_ACTIVITY)];
    const read = readTable(activities, cells, context, { facts: { uncachedFormulas: [[1, PARTICIPANTS]] } });
    expect(read.issues).toEqual([]);
    expect(read.rows[0].participants).toBe(12);
  });

  it("in a row below the last row with values still makes that row read, and a blank row between is skipped", () => {
    const cells = [headerOf(activities), rowOf(activities, GOOD_ACTIVITY)];
    const read = readTable(activities, cells, context, { facts: { uncachedFormulas: [[3, PARTICIPANTS], [3, COMMENT]] } });
    expect(read).toMatchObject({ read: 2, counted: 1, rejected: 1 });
    expect(read.issues.filter((i) => i.code === "formula_without_value").map((i) => i.cell)).toEqual(["F4", "J4"]);
  });

  it("with no facts, or an empty list, changes nothing", () => {
    const cells = [headerOf(activities), rowOf(activities, GOOD_ACTIVITY)];
    expect(readTable(activities, cells, context, { facts: { uncachedFormulas: [] } })).toEqual(readTable(activities, cells, context));
    expect(readTable(activities, cells, context, { facts: {} }).counted).toBe(1);
  });
});

describe("a formula without a cached value in Årsrapport", () => {
  const rowIndex = (key: string) => 1 + annualReport.keys.indexOf(key as never);

  it("in a required field is an error at its value cell, and the field is left out", () => {
    const cells = associationSheets({ report: { members: "" } })[annualReport.name];
    const r = rowIndex("members");
    const read = readForm(annualReport, cells, context, { facts: { uncachedFormulas: [[r, 1]] } });
    expect(read.issues).toEqual([{ sheet: "Årsrapport", cell: `B${r + 1}`, code: "formula_without_value", severity: "error", message: `Antall medlemmer per 31.12 ${MESSAGE}` }]);
    expect(read.values.members).toBeUndefined();
    expect(read.values.volunteers).toBe(14);
  });

  it("in an optional text field is a warning; in another column, or with a value, it is nothing", () => {
    const cells = associationSheets({ report: { contactName: "" } })[annualReport.name];
    const r = rowIndex("contactName");
    const read = readForm(annualReport, cells, context, { facts: { uncachedFormulas: [[r, 1]] } });
    expect(read.issues.map((i) => `${i.cell} ${i.code} ${i.severity}`)).toEqual([`B${r + 1} formula_without_value warning`]);
    expect(readForm(annualReport, cells, context, { facts: { uncachedFormulas: [[r, 2]] } }).issues).toEqual([]);
    expect(readForm(annualReport, cells, context, { facts: { uncachedFormulas: [[r + 1, 1]] } }).issues).toEqual([]);
  });
});
