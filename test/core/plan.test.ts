// What «Sett opp rapportmal» makes of a template (core/plan.ts, issue 14): widths, formats, data
// validation, conditional formatting, protection, prefill and print orientation, over a tab as it is.
import { helpText } from "../../src/core/messages";
import {
  columnPlans,
  DATA_ROWS,
  DONE_BACKGROUND,
  FONT_FAMILY,
  FONT_SIZE,
  FORM_HEADER,
  FORM_WIDTHS,
  formGrid,
  HEADER_BACKGROUND,
  headerWidth,
  INPUT_BACKGROUND,
  OPTIONAL_HEADER_BACKGROUND,
  OVERDUE_BACKGROUND,
  sheetPlan,
} from "../../src/core/plan";
import { MEASURES } from "../../src/core/reference";
import { column, ColumnSpec } from "../../src/core/schema/column";
import { form, table } from "../../src/core/schema/table";
import { activities, measures, milestones } from "../../src/core/templates/association";

const sample = table("Prøve", {
  name: column.text("Navn", { required: true, maxLength: 60, width: 90 }),
  note: column.text("Notat"),
  count: column.whole("Antall", { min: 0, max: 10 }),
  year: column.whole("År", { min: 1000 }),
  number: column.whole("Tall", { min: 999 }),
  amount: column.decimal("Beløp", { min: 0 }),
  date: column.date("Dato"),
  choice: column.oneOf("Valg", ["A", "B"]),
  municipality: column.municipality("Kommune"),
  email: column.email("E-post"),
  orgNumber: column.orgNumber("Org.nr."),
  submittedAt: column.text("Innsendt", { system: true, maxLength: 40 }),
});

describe("the width a header needs", () => {
  it("is 7,5 px a character plus 22, rounded up; characters, not UTF-16 units", () => {
    expect(headerWidth("Dato")).toBe(52);
    expect(headerWidth("Frivillige timer")).toBe(142);
    expect(headerWidth("Navn")).toBe(52);
    expect(headerWidth("😀")).toBe(30);
    expect(headerWidth("")).toBe(22);
  });
});

describe("the plan of each column", () => {
  let plans: ReturnType<typeof columnPlans>;
  beforeEach(() => {
    plans = columnPlans(sample);
  });
  const plan = (key: string) => plans.find((p) => p.key === key)!;

  it("keeps the template's order, header and help note", () => {
    expect(plans.map((p) => p.key)).toEqual(sample.keys);
    expect(plans.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(plan("name").header).toBe("Navn");
    expect(plan("name").note).toBe(helpText(sample.columns.name as ColumnSpec));
    expect(plan("name").note).toBe("Påkrevd: tekst på høyst 60 tegn.");
  });

  it("places each column where the tab has it", () => {
    const placed = columnPlans(sample, [11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(placed.map((p) => p.index)).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(columnPlans(sample, [4]).map((p) => p.index).slice(0, 3)).toEqual([4, 1, 2]);
  });

  it("is required only where the template says so", () => {
    expect(plans.filter((p) => p.required).map((p) => p.key)).toEqual(["name"]);
  });

  it("shows dates as dates, whole numbers from 1000 up as years, numbers with decimals as decimals, the rest as text", () => {
    expect(plans.map((p) => [p.key, p.format])).toEqual([
      ["name", "text"],
      ["note", "text"],
      ["count", "whole"],
      ["year", "year"],
      ["number", "whole"],
      ["amount", "decimal"],
      ["date", "date"],
      ["choice", "text"],
      ["municipality", "text"],
      ["email", "text"],
      ["orgNumber", "text"],
      ["submittedAt", "text"],
    ]);
  });

  it("validates each kind as a person types it", () => {
    expect(plan("name").validation).toEqual({ kind: "textLength", max: 60 });
    expect(plan("count").validation).toEqual({ kind: "whole", min: 0, max: 10 });
    expect(plan("amount").validation).toEqual({ kind: "decimal", min: 0, max: undefined });
    expect(plan("date").validation).toEqual({ kind: "date" });
    expect(plan("choice").validation).toEqual({ kind: "list", values: ["A", "B"] });
    expect(plan("municipality").validation).toEqual({ kind: "municipality" });
    expect(plan("email").validation).toEqual({ kind: "email" });
  });

  it("leaves text without a length limit, organisation numbers and columns Samspill fills in itself without validation", () => {
    expect(plan("note").validation).toBeUndefined();
    expect(plan("orgNumber").validation).toBeUndefined();
    expect(plan("submittedAt").validation).toBeUndefined();
  });

  it("offers an empty list when a list column has no values", () => {
    const bare = table("Bar", { x: { kind: "list", header: "X" } as ColumnSpec });
    expect(columnPlans(bare)[0].validation).toEqual({ kind: "list", values: [] });
  });

  it("is as wide as planned (140 px unless the template says), rounded up to 100, 140, 160 or 260 px, and never narrower than its header", () => {
    const widths = (width: number | undefined, header = "X") => columnPlans(table("B", { x: column.text(header, { width }) }))[0].width;
    expect(widths(90)).toBe(100);
    expect(widths(100)).toBe(100);
    expect(widths(101)).toBe(140);
    expect(widths(undefined)).toBe(140);
    expect(widths(140)).toBe(140);
    expect(widths(141)).toBe(160);
    expect(widths(161)).toBe(260);
    expect(widths(260)).toBe(260);
    expect(widths(300)).toBe(300);
    expect(widths(90, "Frivillige timer")).toBe(160);
    expect(widths(90, "x".repeat(40))).toBe(322);
  });
});

describe("the plan of a form (Årsrapport, Oppsett)", () => {
  const sheet = form("Skjema", { name: column.text("Navn", { required: true }), count: column.whole("Antall") });
  let plan: ReturnType<typeof sheetPlan>;
  beforeEach(() => {
    plan = sheetPlan(sheet, ["Felt", "Verdi", "Hjelp"]);
  });

  it("has one field a row under the header, its value in column B", () => {
    expect(plan.name).toBe("Skjema");
    expect(plan.layout).toBe("form");
    expect(plan.header).toEqual(["Navn", "Antall"]);
    expect(plan.columns.map((c) => [c.key, c.index, c.row])).toEqual([
      ["name", 1, 1],
      ["count", 1, 2],
    ]);
    expect(plan.dataRows).toBe(2);
  });

  it("freezes the header row, protects it and the field labels, and is portrait with no conditional formatting or prefill", () => {
    expect(plan.frozenRows).toBe(1);
    expect(plan.protectedRanges).toEqual(["A1:C1", "A2:A3"]);
    expect(plan.conditional).toEqual([]);
    expect(plan.prefill).toEqual([]);
    expect(plan.landscape).toBe(false);
  });

  it("starts a fresh tab with the field labels and their help", () => {
    expect(formGrid(plan)).toEqual([
      ["Felt", "Verdi", "Hjelp"],
      ["Navn", "", "Påkrevd: tekst."],
      ["Antall", "", "Valgfri: et helt tall."],
    ]);
  });
});

describe("the plan of a table over a tab as it stands", () => {
  const list = table("Liste", { name: column.text("Navn"), count: column.whole("Antall"), date: column.date("Dato") });

  it("a new tab: the template's columns in order", () => {
    const plan = sheetPlan(list);
    expect(plan.layout).toBe("table");
    expect(plan.header).toEqual(["Navn", "Antall", "Dato"]);
    expect(plan.columns.map((c) => c.index)).toEqual([0, 1, 2]);
    expect(plan.frozenRows).toBe(1);
    expect(plan.dataRows).toBe(1000);
    expect(plan.protectedRanges).toEqual(["A1:C1"]);
  });

  it("keeps the columns where people put them and their own columns, and adds a missing column after the last used one", () => {
    const plan = sheetPlan(list, ["Antall", "Mine notater", "navn ", "", " "]);
    expect(plan.columns.map((c) => [c.key, c.index])).toEqual([
      ["name", 2],
      ["count", 0],
      ["date", 3],
    ]);
    expect(plan.header).toEqual(["Antall", "Mine notater", "Navn", "Dato"]);
    expect(plan.protectedRanges).toEqual(["A1:D1"]);
  });

  it("keeps an empty column between used ones", () => {
    const plan = sheetPlan(list, ["Navn", "", "Antall", ""]);
    expect(plan.header).toEqual(["Navn", "", "Antall", "Dato"]);
    expect(plan.columns.map((c) => c.index)).toEqual([0, 2, 3]);
  });

  it("a header row of blanks only is a new tab", () => {
    const plan = sheetPlan(list, ["", " ", null]);
    expect(plan.header).toEqual(["Navn", "Antall", "Dato"]);
    expect(plan.columns.map((c) => c.index)).toEqual([0, 1, 2]);
  });

  it("with all its columns there: nothing added", () => {
    const plan = sheetPlan(list, ["Dato", "Navn", "Antall"]);
    expect(plan.header).toEqual(["Dato", "Navn", "Antall"]);
    expect(plan.columns.map((c) => c.index)).toEqual([1, 2, 0]);
  });
});

describe("conditional formatting of a tab with status and deadline", () => {
  it("paints overdue rows red and done rows green, over every data row and column", () => {
    const plan = sheetPlan(milestones);
    expect(plan.conditional).toEqual([
      { kind: "overdue", range: "A2:H1001", formula: 'AND($C2<>"",$C2<TODAY(),$F2<>"Fullført",$F2<>"Avlyst")', background: "#F4CCCC" },
      { kind: "done", range: "A2:H1001", formula: '$F2="Fullført"', background: "#D9EAD3" },
    ]);
  });

  it("follows the status and deadline columns where the tab has them, and covers the tab's own columns too", () => {
    const plan = sheetPlan(milestones, ["Status", "Frist", "Mine notater"]);
    expect(plan.conditional[0].formula).toBe('AND($B2<>"",$B2<TODAY(),$A2<>"Fullført",$A2<>"Avlyst")');
    expect(plan.conditional[1].formula).toBe('$A2="Fullført"');
    expect(plan.conditional[0].range).toBe("A2:I1001");
  });

  it("none for a tab without both a status and a deadline", () => {
    expect(sheetPlan(activities).conditional).toEqual([]);
    expect(sheetPlan(table("S", { status: column.text("Status") })).conditional).toEqual([]);
    expect(sheetPlan(table("D", { dueDate: column.date("Frist") })).conditional).toEqual([]);
  });
});

describe("Tiltak prefilled from the action plan", () => {
  it("a new Tiltak tab gets one row per measure of the plan, not started", () => {
    const plan = sheetPlan(measures);
    expect(plan.prefill).toHaveLength(MEASURES.length);
    const [first] = MEASURES;
    expect(plan.prefill[0]).toEqual([first.area, first.measure, first.activity, first.responsibility, "", "", "Ikke startet", "", ""]);
  });

  it("other tabs get no rows", () => {
    expect(sheetPlan(milestones).prefill).toEqual([]);
  });
});

describe("printing a table", () => {
  const wide = (widths: number[]) => sheetPlan(table("W", Object.fromEntries(widths.map((width, i) => [`c${i}`, column.text(`K${i}`, { width })])))).landscape;

  it("landscape when the columns are wider than 760 px in all, portrait up to 760", () => {
    expect(wide([260, 260, 140, 100])).toBe(false);
    expect(wide([260, 260, 160, 100])).toBe(true);
  });
});

describe("what every backend writes alike", () => {
  it("one font, the colours of headers, input cells and status rows, the form's columns and 1000 data rows", () => {
    expect([FONT_FAMILY, FONT_SIZE]).toEqual(["Arial", 10]);
    expect([HEADER_BACKGROUND, OPTIONAL_HEADER_BACKGROUND, INPUT_BACKGROUND]).toEqual(["#C9DAF8", "#EFEFEF", "#EAF1FB"]);
    expect([OVERDUE_BACKGROUND, DONE_BACKGROUND]).toEqual(["#F4CCCC", "#D9EAD3"]);
    expect(FORM_HEADER).toEqual(["Felt", "Verdi", "Hjelp"]);
    expect(FORM_WIDTHS).toEqual([220, 160, 340]);
    expect(DATA_ROWS).toBe(1000);
  });
});
