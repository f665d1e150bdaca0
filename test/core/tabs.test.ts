// The tab rules every reader shares (core/tabs.ts, issue 14): which tab is read as which template tab,
// which tabs are copies, merged ranges over data and values far outside the table.
import { Issue } from "../../src/core/issues";
import { mergedRangeIssues, resolveTabs, strayCellIssues, tabKey, tabOfRange } from "../../src/core/tabs";

const ASSOCIATION_TABS = ["Årsrapport", "Aktiviteter", "Milepæler", "Tiltak"];

const summary = (issues: Issue[]) => issues.map((i) => `${i.severity} ${i.sheet}!${i.cell} ${i.code}`);

describe("a tab name as people see it", () => {
  it("ignores case and every kind and number of spaces, also inside the name", () => {
    expect(tabKey(" Akti  viteter\u00a0\u202f")).toBe("aktiviteter");
    expect(tabKey("MILEPÆLER\t")).toBe("milepæler");
  });

  it("keeps every other character", () => {
    expect(tabKey("Aktiviteter (2)")).toBe("aktiviteter(2)");
    expect(tabKey("Kopi_av-x")).toBe("kopi_av-x");
  });
});

describe("finding the template tabs in a workbook", () => {
  it("reads a tab with the template's own name as it is, without a warning", () => {
    const { tabs, issues } = resolveTabs(ASSOCIATION_TABS, ["Tiltak", "Årsrapport", "Milepæler", "Aktiviteter"]);
    expect(tabs).toEqual({ Årsrapport: "Årsrapport", Aktiviteter: "Aktiviteter", Milepæler: "Milepæler", Tiltak: "Tiltak" });
    expect(issues).toEqual([]);
  });

  it("leaves a template tab out when no tab matches it, and ignores tabs of other names", () => {
    const { tabs, issues } = resolveTabs(ASSOCIATION_TABS, ["Årsrapport", "Notater", "Ark1"]);
    expect(tabs.Årsrapport).toBe("Årsrapport");
    expect(tabs.Aktiviteter).toBeUndefined();
    expect(Object.keys(tabs)).toEqual(["Årsrapport"]);
    expect(issues).toEqual([]);
  });

  it("gives a tab named otherwise than the template but for case or spaces tab_name_differs, and reads it", () => {
    const { tabs, issues } = resolveTabs(ASSOCIATION_TABS, ["Årsrapport", " aktiviteter ", "MILE PÆLER"]);
    expect(tabs.Aktiviteter).toBe(" aktiviteter ");
    expect(tabs.Milepæler).toBe("MILE PÆLER");
    expect(issues).toEqual([
      { sheet: "Aktiviteter", cell: "A1", code: "tab_name_differs", severity: "warning", message: "Fanen « aktiviteter » leses som «Aktiviteter»; gi den navnet «Aktiviteter»" },
      { sheet: "Milepæler", cell: "A1", code: "tab_name_differs", severity: "warning", message: "Fanen «MILE PÆLER» leses som «Milepæler»; gi den navnet «Milepæler»" },
    ]);
  });

  it("prefers the tab with the exact name over one named but for case, and reports the other as a copy", () => {
    const { tabs, issues } = resolveTabs(ASSOCIATION_TABS, ["aktiviteter", "Aktiviteter"]);
    expect(tabs.Aktiviteter).toBe("Aktiviteter");
    expect(summary(issues)).toEqual(["warning Aktiviteter!A1 copied_tab"]);
    expect(issues[0].message).toBe("Fanen «aktiviteter» ser ut som en kopi av «Aktiviteter» og blir ikke lest; flytt radene til «Aktiviteter» eller slett kopien");
  });

  it("reads the first of two tabs named but for case or spaces, and reports the second as a copy (nothing is dropped silently)", () => {
    const { tabs, issues } = resolveTabs(ASSOCIATION_TABS, ["AKTIVITETER", " Aktiviteter"]);
    expect(tabs.Aktiviteter).toBe("AKTIVITETER");
    expect(summary(issues)).toEqual(["warning Aktiviteter!A1 tab_name_differs", "warning Aktiviteter!A1 copied_tab"]);
    expect(issues[1].message).toContain("Fanen « Aktiviteter» ser ut som en kopi av «Aktiviteter»");
  });

  it("never reads one tab as two template tabs", () => {
    // Two template names that people would not tell apart: the one tab goes to the first.
    const { tabs, issues } = resolveTabs(["Ark", "ARK"], ["Ark"]);
    expect(tabs).toEqual({ Ark: "Ark" });
    expect(issues).toEqual([]);
    const fuzzy = resolveTabs(["Ark", "ARK"], ["ark"]);
    expect(fuzzy.tabs).toEqual({ Ark: "ark" });
    expect(summary(fuzzy.issues)).toEqual(["warning Ark!A1 tab_name_differs"]);
  });

  it("reads a template tab whose own name looks like a copy of another as itself", () => {
    const { tabs, issues } = resolveTabs(["Ark", "Ark (2)"], ["Ark", "Ark (2)"]);
    expect(tabs).toEqual({ Ark: "Ark", "Ark (2)": "Ark (2)" });
    expect(issues).toEqual([]);
  });

  it("lists the renamed tabs in template order first, then the copies in the workbook's tab order", () => {
    const { issues } = resolveTabs(ASSOCIATION_TABS, ["Tiltak (2)", "tiltak", "Kopi av Årsrapport", "aktiviteter"]);
    expect(summary(issues)).toEqual([
      "warning Aktiviteter!A1 tab_name_differs",
      "warning Tiltak!A1 tab_name_differs",
      "warning Tiltak!A1 copied_tab",
      "warning Årsrapport!A1 copied_tab",
    ]);
  });
});

describe("copies of a template tab", () => {
  const copyOf = (name: string) => {
    const { tabs, issues } = resolveTabs(ASSOCIATION_TABS, ["Aktiviteter", name]);
    expect(tabs.Aktiviteter).toBe("Aktiviteter");
    return issues;
  };

  it.each([
    "Aktiviteter (2)",
    "Aktiviteter(2)",
    "Aktiviteter ( 12 )",
    "Kopi av Aktiviteter",
    "KOPI  AV  aktiviteter",
    "kopi - Aktiviteter",
    "Copy of Aktiviteter",
    "Aktiviteter - kopi",
    "Aktiviteter_kopi",
    "Aktiviteter Copy",
    "Aktiviteter copy 2",
    "Aktiviteter-kopi12",
    "Aktiviteter_2",
    "Aktiviteter_12",
    "  Aktiviteter (3)  ",
  ])("«%s» is a copy of Aktiviteter: a warning naming it, and its rows are not read", (name) => {
    const issues = copyOf(name);
    expect(issues).toEqual([
      {
        sheet: "Aktiviteter",
        cell: "A1",
        code: "copied_tab",
        severity: "warning",
        message: `Fanen «${name}» ser ut som en kopi av «Aktiviteter» og blir ikke lest; flytt radene til «Aktiviteter» eller slett kopien`,
      },
    ]);
  });

  it.each(["Aktiviteter (2) gammel", "Ikke kopi av Aktiviteter", "Aktiviteter_2b", "Aktiviteter 2024", "Aktiviteter kopiert", "Kopi av Notater", "Notater (2)", "Notater_2", "Notater - kopi"])(
    "«%s» is not a copy of a template tab: no warning",
    (name) => {
      expect(copyOf(name)).toEqual([]);
    },
  );

  it("names the template tab with its own name, however the copy writes it", () => {
    const { issues } = resolveTabs(ASSOCIATION_TABS, ["Kopi av MILEPÆLER"]);
    expect(issues[0].sheet).toBe("Milepæler");
    expect(issues[0].message).toBe("Fanen «Kopi av MILEPÆLER» ser ut som en kopi av «Milepæler» og blir ikke lest; flytt radene til «Milepæler» eller slett kopien");
  });

  it("reports a copy even when the template tab itself is missing", () => {
    const { tabs, issues } = resolveTabs(ASSOCIATION_TABS, ["Tiltak (2)"]);
    expect(tabs.Tiltak).toBeUndefined();
    expect(summary(issues)).toEqual(["warning Tiltak!A1 copied_tab"]);
  });

  it("tries every way of naming a copy, not only the first that fits the name", () => {
    // «Kopi av X (2)» fits «X (2)» as a Sheets copy: with a template tab named «X (2)» it is its copy.
    const { issues } = resolveTabs(["X (2)"], ["Kopi av X (2)"]);
    expect(summary(issues)).toEqual(["warning X (2)!A1 copied_tab"]);
  });
});

describe("the tab named in an A1 range", () => {
  it.each([
    ["'Kopi av x'!A1:B2", "Kopi av x"],
    ["'Ola''s ark'!A1", "Ola's ark"],
    ["'Ark 1'", "Ark 1"],
    ["Ark1!A1:C3", "Ark1"],
    ["Ark1", "Ark1"],
    ["a'b'!A1", "a'b'"],
    ["!A1", ""],
  ])("%s names the tab %p", (range, tab) => {
    expect(tabOfRange(range)).toBe(tab);
  });
});

describe("merged cells", () => {
  it("over data rows of a table: a warning at the merge's first cell saying only its value is read", () => {
    expect(mergedRangeIssues("Aktiviteter", ["B3:B5"], false)).toEqual([
      {
        sheet: "Aktiviteter",
        cell: "B3",
        code: "merged_cells",
        severity: "warning",
        message: "Cellene B3:B5 er slått sammen; bare verdien i B3 leses. Del opp cellene og skriv verdien i hver rad",
      },
    ]);
  });

  it("in a table: a merge within the header row changes nothing read; one reaching row 2 does", () => {
    expect(mergedRangeIssues("Aktiviteter", ["A1:C1", "D1"], false)).toEqual([]);
    expect(summary(mergedRangeIssues("Aktiviteter", ["A1:A2", "AB12:AC12", "E2"], false))).toEqual([
      "warning Aktiviteter!A1 merged_cells",
      "warning Aktiviteter!AB12 merged_cells",
      "warning Aktiviteter!E2 merged_cells",
    ]);
  });

  it("in a form: a merge within column A changes nothing read; one touching another column does", () => {
    expect(mergedRangeIssues("Årsrapport", ["A2:A5", "A7"], true)).toEqual([]);
    expect(summary(mergedRangeIssues("Årsrapport", ["A1:C1", "B3:B4", "A2:B2", "B2:A2"], true))).toEqual([
      "warning Årsrapport!A1 merged_cells",
      "warning Årsrapport!B3 merged_cells",
      "warning Årsrapport!A2 merged_cells",
      "warning Årsrapport!B2 merged_cells",
    ]);
  });

  it("skips a range it cannot read as cells", () => {
    expect(mergedRangeIssues("Aktiviteter", ["A2:", ":B3", "A:A", "2:3", "b2:b3", "B2:B3x", "xB2:B3", ""], false)).toEqual([]);
    expect(mergedRangeIssues("Årsrapport", ["B2:", ":B3", "B:B"], true)).toEqual([]);
  });
});

describe("values far outside the table", () => {
  it("are named one by one, each a warning at its cell", () => {
    expect(strayCellIssues("Aktiviteter", ["AB5", "C2000"], 2)).toEqual([
      { sheet: "Aktiviteter", cell: "AB5", code: "stray_cell", severity: "warning", message: "Verdien i Aktiviteter!AB5 ligger langt utenfor tabellen og blir ikke lest; slett den eller flytt den inn i tabellen" },
      { sheet: "Aktiviteter", cell: "C2000", code: "stray_cell", severity: "warning", message: "Verdien i Aktiviteter!C2000 ligger langt utenfor tabellen og blir ikke lest; slett den eller flytt den inn i tabellen" },
    ]);
  });

  it("beyond those named are counted in one more warning at the last named cell: «Én verdi til»", () => {
    const issues = strayCellIssues("Tiltak", ["AB5", "AC9"], 3);
    expect(issues).toHaveLength(3);
    expect(issues[2]).toEqual({ sheet: "Tiltak", cell: "AC9", code: "stray_cell", severity: "warning", message: "Én verdi til langt utenfor tabellen i Tiltak blir ikke lest" });
  });

  it("beyond those named, two or more: «N verdier til»", () => {
    const issues = strayCellIssues("Tiltak", ["AB5"], 3);
    expect(issues.map((i) => i.message)).toEqual([
      "Verdien i Tiltak!AB5 ligger langt utenfor tabellen og blir ikke lest; slett den eller flytt den inn i tabellen",
      "2 verdier til langt utenfor tabellen i Tiltak blir ikke lest",
    ]);
    expect(issues[1].cell).toBe("AB5");
  });

  it("none named: the count alone, at A1", () => {
    expect(strayCellIssues("Milepæler", [], 4)).toEqual([
      { sheet: "Milepæler", cell: "A1", code: "stray_cell", severity: "warning", message: "4 verdier til langt utenfor tabellen i Milepæler blir ikke lest" },
    ]);
  });

  it("a large count is written with a thousands space, as every figure people read", () => {
    expect(strayCellIssues("Aktiviteter", [], 1200)[0].message).toBe("1 200 verdier til langt utenfor tabellen i Aktiviteter blir ikke lest");
  });

  it("none at all: no warning", () => {
    expect(strayCellIssues("Milepæler", [], 0)).toEqual([]);
  });
});
