import vm from "node:vm";
import { AppsScriptGlobals, createWorld, World } from ".";

const KARI = "kari@forening.no";
const OLA = "ola@forening.no";

function seeded(): { world: World; id: string; g: AppsScriptGlobals } {
  const world = createWorld();
  const id = world.addSpreadsheet({
    name: "Seniornett Bodø",
    owner: KARI,
    sheets: {
      Aktiviteter: [
        ["Dato", "Tittel", "Deltakere", "Ferdig"],
        [new Date(Date.UTC(2025, 2, 12, 12)), "Kurs i nettbank", 12, true],
        [null, "", "", ""],
        ["", "Foredrag", 30, false],
      ],
      Milepæler: [],
    },
  });
  return { world, id, g: world.globalsFor({ userEmail: KARI, activeSpreadsheetId: id }) };
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error("did not throw");
}

describe("values", () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/range#getvalues
  it("reads empty cells as '', numbers as numbers, dates as Dates and booleans as booleans", () => {
    const { g } = seeded();
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Aktiviteter")!;
    const values = sheet.getDataRange().getValues();
    expect(values).toEqual([
      ["Dato", "Tittel", "Deltakere", "Ferdig"],
      [new Date(Date.UTC(2025, 2, 12, 12)), "Kurs i nettbank", 12, true],
      ["", "", "", ""],
      ["", "Foredrag", 30, false],
    ]);
    expect(sheet.getLastRow()).toBe(4);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluesvalues
  it("stores Dates as date serials in the spreadsheet's time zone and gives the same instant back", () => {
    const { g, world, id } = seeded();
    const range = g.SpreadsheetApp.openById(id).getSheetByName("Milepæler")!.getRange(1, 1);
    const noon = new Date(Date.UTC(2025, 9, 26, 12)); // the day summer time ends in Oslo
    range.setValue(noon);
    expect(range.getValue()).toEqual(noon);
    expect(range.getNumberFormat()).toBe("dd.MM.yyyy HH:mm:ss");
    const [batch] = g.Sheets!.Spreadsheets!.Values!.batchGet(id, {
      ranges: ["Milepæler!A1"],
      valueRenderOption: "UNFORMATTED_VALUE",
    }).valueRanges!;
    expect(batch.values![0][0]).toBeCloseTo(45956 + 13 / 24, 6);
    expect(world.snapshot(id).sheets[1].values).toEqual([[noon]]);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluevalue
  it("treats text written through setValue(s) as typed: formulas, apostrophes, numbers, plain-text cells", () => {
    const { g, world, id } = seeded();
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().insertSheet("Test");
    sheet.getRange("A1:E1").setValues([["=1+1", "'=1+1", "42", "+47 900 00 000", "tekst"]]);
    expect(sheet.getRange("A1:E1").getValues()).toEqual([["", "=1+1", 42, "", "tekst"]]);
    expect(sheet.getRange("D1").getFormula()).toBe("=+47 900 00 000");

    const text = sheet.getRange("A2:D2").setNumberFormat("@");
    text.setValues([["=SUM(A1)", "+47 900 00 000", "-", "@navn"]]);
    expect(text.getValues()).toEqual([["=SUM(A1)", "+47 900 00 000", "-", "@navn"]]);
    expect(world.snapshot(id).sheets[2].formulas).toEqual({ A1: "=1+1", D1: "=+47 900 00 000" });
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluesvalues
  it("throws Google's error when the data does not fit the range", () => {
    const { g } = seeded();
    const range = g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(1, 1, 2, 3);
    const rows = thrown(() => range.setValues([[1, 2, 3]]));
    expect(rows.name).toBe("Exception");
    expect(rows.message).toBe(
      "The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.",
    );
    expect(String(rows)).toMatch(/^Exception: The number of rows/);
    expect(() =>
      range.setValues([
        [1, 2, 3],
        [4, 5],
      ]),
    ).toThrow(
      "The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.",
    );
  });
});

describe("grid", () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertsheetsheetname
  it("makes new sheets 1000 × 26 and refuses ranges outside the grid", () => {
    const { g } = seeded();
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().insertSheet("Ny");
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    expect(() => sheet.getRange(1001, 1)).toThrow(
      "The coordinates of the range are outside the dimensions of the sheet.",
    );
    expect(() => sheet.getRange(1, 1, 1, 27)).toThrow(
      "The coordinates of the range are outside the dimensions of the sheet.",
    );
    expect(() => sheet.getRange(0, 1)).toThrow("The starting row of the range is too small.");
    expect(() => sheet.getRange("A1001")).toThrow("Range not found");
    expect(sheet.getRange("B:B").getA1Notation()).toBe("B1:B1000");
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertrowsafterafterposition,-howmany
  it("grows only through insertRowsAfter and insertColumnsAfter; new rows take the formatting of the row above", () => {
    const { g } = seeded();
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().insertSheet("Små");
    sheet.getRange("A2").setNumberFormat("dd.mm.yyyy").setBackground("#FCE8B2");
    sheet.insertRowsAfter(2, 3);
    expect(sheet.getMaxRows()).toBe(1003);
    expect(sheet.getRange("A4").getNumberFormat()).toBe("dd.mm.yyyy");
    expect(sheet.getRange("A4").getBackground()).toBe("#fce8b2");
    sheet.insertColumnsAfter(26, 2);
    expect([sheet.getMaxColumns(), sheet.getRange(1003, 28).getA1Notation()]).toEqual([28, "AB1003"]);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSheetByName(String)
  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#deletesheetsheet
  it("finds sheets whatever the case, refuses duplicate names in any case and deleting the last sheet", () => {
    const { g } = seeded();
    const ss = g.SpreadsheetApp.getActiveSpreadsheet();
    expect(ss.getSheetByName("aktiviteter")!.getName()).toBe("Aktiviteter");
    expect(ss.getSheetByName("Mangler")).toBeNull();
    expect(() => ss.insertSheet("aktiviteter")).toThrow(
      'A sheet with the name "aktiviteter" already exists. Please enter another name.',
    );
    ss.deleteSheet(ss.getSheetByName("Milepæler")!);
    expect(() => ss.deleteSheet(ss.getSheets()[0])).toThrow(/at least one sheet/);
  });
});

describe("validation, conditional formatting, protection, notes", () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder
  it("keeps data validation rules with Google's criteria and defaults; null clears a cell's rule", () => {
    const { g, world, id } = seeded();
    const app = g.SpreadsheetApp;
    const sheet = app.getActiveSpreadsheet().getSheets()[0];
    const list = app
      .newDataValidation()
      .requireValueInList(["Kurs", "Foredrag"], true)
      .setAllowInvalid(false)
      .setHelpText("Velg type")
      .build();
    const number = app.newDataValidation().requireNumberBetween(0, 10000).build();
    sheet.getRange("B2:C3").setDataValidations([
      [list, number],
      [list, null],
    ]);
    expect(world.snapshot(id).sheets[0].validations).toEqual({
      B2: {
        criteria: "VALUE_IN_LIST",
        values: [["Kurs", "Foredrag"], true],
        allowInvalid: false,
        helpText: "Velg type",
      },
      B3: {
        criteria: "VALUE_IN_LIST",
        values: [["Kurs", "Foredrag"], true],
        allowInvalid: false,
        helpText: "Velg type",
      },
      C2: { criteria: "NUMBER_BETWEEN", values: [0, 10000], allowInvalid: true, helpText: null },
    });
    expect(sheet.getRange("B2").getDataValidation()).not.toBeNull();
    sheet.getRange("B2:B3").setDataValidations([[null], [null]]);
    expect(sheet.getRange("B2:B3").getDataValidations()).toEqual([[null], [null]]);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder
  it("reads conditional format rules back, and moves their ranges when rows are inserted", () => {
    const { g, world, id } = seeded();
    const app = g.SpreadsheetApp;
    const sheet = app.getActiveSpreadsheet().getSheets()[0];
    const overdue = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=AND($F2<>"Fullført";$C2<TODAY())')
      .setBackground("#F4C7C3")
      .setRanges([sheet.getRange("A2:H1000")])
      .build();
    sheet.setConditionalFormatRules([overdue]);
    sheet.insertRowsAfter(1, 1);
    const condition = sheet.getConditionalFormatRules()[0].getBooleanCondition()!;
    expect([String(condition.getCriteriaType()), condition.getBackground()]).toEqual([
      "CUSTOM_FORMULA",
      "#F4C7C3",
    ]);
    expect(world.snapshot(id).sheets[0].conditionalRules).toEqual([
      {
        ranges: ["A3:H1001"],
        criteria: "CUSTOM_FORMULA",
        values: ['=AND($F2<>"Fullført";$C2<TODAY())'],
        background: "#F4C7C3",
      },
    ]);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/protection
  it("keeps protections, notes, frozen rows and widths for the snapshot", () => {
    const { g, world, id } = seeded();
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    const protection = sheet.getRange("A1:D1").protect().setWarningOnly(true).setDescription("Overskrifter");
    sheet.getRange("A1:B1").setNotes([["Datoen aktiviteten ble holdt", "Kort tittel"]]);
    sheet.setFrozenRows(1);
    sheet.setColumnWidths(1, 2, 140);
    expect(
      sheet
        .getProtections(g.SpreadsheetApp.ProtectionType.RANGE)
        .map((p) => [p.getDescription(), p.isWarningOnly(), p.getRange().getA1Notation()]),
    ).toEqual([["Overskrifter", true, "A1:D1"]]);
    const snap = world.snapshot(id).sheets[0];
    expect(snap.protections).toEqual([
      {
        type: "RANGE",
        range: "A1:D1",
        description: "Overskrifter",
        warningOnly: true,
        editors: [KARI],
        unprotected: [],
      },
    ]);
    expect(snap.notes).toEqual({ A1: "Datoen aktiviteten ble holdt", B1: "Kort tittel" });
    expect([snap.frozenRows, snap.columnWidths]).toEqual([1, { A: 140, B: 140 }]);
    protection.remove();
    expect(sheet.getProtections(g.SpreadsheetApp.ProtectionType.RANGE)).toHaveLength(0);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
  it("records charts built on a sheet", () => {
    const { g, world, id } = seeded();
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    const chart = sheet
      .newChart()
      .asColumnChart()
      .addRange(sheet.getRange("B1:C4"))
      .setPosition(2, 6, 0, 0)
      .setOption("title", "Deltakere")
      .build();
    sheet.insertChart(chart);
    expect(sheet.getCharts()[0].getOptions().get("title")).toBe("Deltakere");
    expect(world.snapshot(id).sheets[0].charts).toEqual([
      {
        id: 1,
        chartType: "COLUMN",
        ranges: ["Aktiviteter!B1:C4"],
        options: { title: "Deltakere" },
        anchorRow: 2,
        anchorColumn: 6,
      },
    ]);
  });
});

describe("opening, access and faults", () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#openbyidid
  it("opens by id, and fails like Google for unknown and forbidden documents", () => {
    const { g, world, id } = seeded();
    expect(g.SpreadsheetApp.openById(id).getName()).toBe("Seniornett Bodø");
    const unknown = thrown(() => g.SpreadsheetApp.openById("finnes-ikke"));
    expect(String(unknown)).toBe(
      "Exception: Unexpected error while getting the method or property openById on object SpreadsheetApp.",
    );
    world.setAccess(id, "no_access");
    expect(() => g.SpreadsheetApp.openById(id)).toThrow(
      "You do not have permission to access the requested document.",
    );
    world.setAccess(id, "ok");
    expect(g.SpreadsheetApp.openById(id).getId()).toBe(id);
  });

  // https://developers.google.com/apps-script/guides/support/troubleshooting
  it("throws injected faults a given number of times, then works again", () => {
    const { g, world } = seeded();
    const range = g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getDataRange();
    const timeout = new Error(
      "Exception: Service Spreadsheets timed out while accessing document with id x.",
    );
    world.failNext("Range.getValues", timeout, 2);
    expect(() => range.getValues()).toThrow(timeout);
    expect(() => range.getValues()).toThrow(timeout);
    expect(range.getValues()).toHaveLength(4);
  });
});

describe("call counting", () => {
  // https://developers.google.com/apps-script/guides/support/best-practices#minimize_calls_to_other_services
  it("counts each call made by the code under test once, not the stand-in's own work", () => {
    const { g, world } = seeded();
    world.resetCalls();
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Aktiviteter")!;
    sheet.getDataRange().getValues();
    sheet.getRange(2, 1, 3, 4).setValues([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
      [9, 10, 11, 12],
    ]);
    g.SpreadsheetApp.newDataValidation().requireDate().build();
    expect(world.calls).toBe(9);
    expect(world.callsByMethod).toEqual({
      "SpreadsheetApp.getActiveSpreadsheet": 1,
      "Spreadsheet.getSheetByName": 1,
      "Sheet.getDataRange": 1,
      "Range.getValues": 1,
      "Sheet.getRange": 1,
      "Range.setValues": 1,
      "SpreadsheetApp.newDataValidation": 1,
      "DataValidationBuilder.requireDate": 1,
      "DataValidationBuilder.build": 1,
    });
    expect(world.callsOf("Range", "Sheet")).toBe(4);
    world.resetCalls();
    expect([world.calls, world.callsByMethod]).toEqual([0, {}]);
  });
});

describe("several users", () => {
  // https://developers.google.com/apps-script/reference/lock/lock-service
  it("lets only one execution hold the script lock; waiting advances the virtual clock", () => {
    const { world, id } = seeded();
    const kari = world.globalsFor({ userEmail: KARI, activeSpreadsheetId: id });
    const ola = world.globalsFor({ userEmail: OLA, activeSpreadsheetId: id });
    const kariLock = kari.LockService.getScriptLock();
    expect(kariLock.tryLock(1000)).toBe(true);
    const before = world.clock.millis();
    const olaLock = ola.LockService.getScriptLock();
    expect(olaLock.tryLock(5000)).toBe(false);
    expect(world.clock.millis() - before).toBe(5000);
    expect(() => olaLock.waitLock(10_000)).toThrow(
      "Lock timeout: another process was holding the lock for too long.",
    );
    expect(ola.LockService.getDocumentLock()!.tryLock(0)).toBe(true);
    kariLock.releaseLock();
    expect(olaLock.tryLock(0)).toBe(true);
    expect(world.heldLocks()).toEqual(["script", `document:${id}`]);
    world.endExecution(ola);
    expect(world.heldLocks()).toEqual([]);
  });

  // https://developers.google.com/apps-script/guides/properties
  it("keeps document properties per document, within Google's limits", () => {
    const { world, id } = seeded();
    const kari = world.globalsFor({ userEmail: KARI, activeSpreadsheetId: id });
    const ola = world.globalsFor({ userEmail: OLA, activeSpreadsheetId: id });
    kari.PropertiesService.getDocumentProperties().setProperty("rollup", "{}");
    expect(ola.PropertiesService.getDocumentProperties().getProperty("rollup")).toBe("{}");
    expect(world.globalsFor({ userEmail: OLA }).PropertiesService.getDocumentProperties()).toBeNull();
    const props = kari.PropertiesService.getDocumentProperties();
    expect(() => props.setProperty("stor", "x".repeat(9 * 1024 + 1))).toThrow("Argument too large: value");
    props.setProperty("akkurat", "x".repeat(9 * 1024));
    for (let i = 0; i < 54; i++) props.setProperty(`k${i}`, "y".repeat(9 * 1024));
    expect(() => props.setProperty("k55", "z".repeat(9 * 1024))).toThrow(
      /exceeded the property storage quota/,
    );
    expect(props.getProperty("k55")).toBeNull();
  });

  // https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#authorization_modes
  it("records menus, and in AuthMode.NONE refuses and records every touch of document or user data", () => {
    const { world, id } = seeded();
    const g = world.globalsFor({ userEmail: KARI, activeSpreadsheetId: id, authMode: "NONE" });
    g.SpreadsheetApp.getUi().createAddonMenu().addItem("Kom i gang", "start").addToUi();
    expect(world.restrictedCalls).toEqual([]);
    expect(world.menus).toEqual([
      {
        spreadsheetId: id,
        userEmail: KARI,
        addon: true,
        caption: "Samspill",
        items: [{ type: "item", caption: "Kom i gang", functionName: "start" }],
      },
    ]);
    expect(() => g.SpreadsheetApp.getActiveSpreadsheet()).toThrow(
      /You do not have permission to call SpreadsheetApp.getActiveSpreadsheet/,
    );
    expect(() => g.PropertiesService.getDocumentProperties()).toThrow(/permission/);
    expect(world.restrictedCalls.map((c) => c.method)).toEqual([
      "SpreadsheetApp.getActiveSpreadsheet",
      "PropertiesService.getDocumentProperties",
    ]);
  });

  // https://developers.google.com/apps-script/reference/base/ui#alertprompt
  // https://developers.google.com/apps-script/reference/base/ui#prompttitle,-prompt,-buttons
  it("answers alerts and prompts from a queue and refuses getUi where there is no editor", () => {
    const { world, id } = seeded();
    const g = world.globalsFor({ userEmail: KARI, activeSpreadsheetId: id });
    const ui = g.SpreadsheetApp.getUi();
    world.queueUiResponse({ button: "NO" });
    expect(ui.alert("Send inn?", "Rapporten sendes til sentralleddet.", ui.ButtonSet.YES_NO)).toBe(
      ui.Button.NO,
    );
    expect(ui.alert("OK?")).toBe(ui.Button.OK);
    world.queueUiResponse({ button: "OK", text: "5501" });
    expect(ui.prompt("Ny forening", "Kommunenummer", ui.ButtonSet.OK_CANCEL).getResponseText()).toBe("5501");
    world.htmlFiles.Kontroll = "<p>Hei</p>";
    ui.showSidebar(g.HtmlService.createHtmlOutputFromFile("Kontroll.html").setTitle("Kontroll"));
    expect(world.dialogs.map((d) => [d.type, d.title, d.content])).toEqual([
      ["alert", "Send inn?", "Rapporten sendes til sentralleddet."],
      ["alert", "", "OK?"],
      ["prompt", "Ny forening", "Kommunenummer"],
      ["sidebar", "Kontroll", "<p>Hei</p>"],
    ]);
    const trigger = world.globalsFor({ userEmail: KARI, uiAvailable: false });
    expect(() => trigger.SpreadsheetApp.getUi()).toThrow(
      "Cannot call SpreadsheetApp.getUi() from this context.",
    );
  });
});

describe("other services", () => {
  // https://developers.google.com/apps-script/reference/script/clock-trigger-builder#afterdurationmilliseconds
  it("records clock triggers that fall due as the virtual clock moves", () => {
    const { world, g } = seeded();
    g.ScriptApp.newTrigger("continueRollup").timeBased().after(60_000).create();
    expect(world.takeDueTriggers()).toEqual([]);
    g.Utilities.sleep(60_000);
    expect(world.takeDueTriggers().map((t) => t.handlerFunction)).toEqual(["continueRollup"]);
    const [trigger] = g.ScriptApp.getProjectTriggers();
    g.ScriptApp.deleteTrigger(trigger);
    expect(world.triggers).toEqual([]);
  });

  // https://developers.google.com/apps-script/guides/services/quotas
  it("records mail and counts each recipient against the daily quota", () => {
    const { world, g } = seeded();
    g.MailApp.sendEmail("a@x.no,b@x.no", "Påminnelse", "Husk rapporten");
    expect(world.mail.map((m) => [m.from, m.to, m.subject, m.body])).toEqual([
      [KARI, "a@x.no,b@x.no", "Påminnelse", "Husk rapporten"],
    ]);
    expect(g.MailApp.getRemainingDailyQuota()).toBe(98);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#copy(String)
  it("copies a spreadsheet for the caller, shared with nobody, and shares the copy", () => {
    const { world, g, id } = seeded();
    const copy = g.SpreadsheetApp.openById(id).copy("Kommune 1804");
    copy.addViewer("partner@bodo.kommune.no").addEditors([OLA]);
    expect(copy.getSheetByName("Aktiviteter")!.getRange("B2").getValue()).toBe("Kurs i nettbank");
    expect(copy.getViewers().map((u) => u.getEmail())).toEqual(["partner@bodo.kommune.no"]);
    expect(world.snapshot(copy.getId()).editors).toEqual([KARI, OLA]);
    copy.removeViewer("partner@bodo.kommune.no");
    expect(copy.getViewers()).toEqual([]);
  });

  // https://developers.google.com/apps-script/reference/utilities/utilities#formatdatedate,-timezone,-format
  it("formats dates in a time zone and reads who is running", () => {
    const { g } = seeded();
    const date = new Date(Date.UTC(2025, 5, 30, 22, 30));
    expect(g.Utilities.formatDate(date, "Europe/Oslo", "yyyy-MM-dd")).toBe("2025-07-01");
    expect(g.Utilities.formatDate(date, "Europe/Oslo", "dd.MM.yyyy")).toBe("01.07.2025");
    expect(g.Utilities.formatDate(date, "Europe/Oslo", "yyyy-MM-dd'T'HH:mm:ss")).toBe("2025-07-01T00:30:00");
    expect(g.Session.getActiveUser().getEmail()).toBe(KARI);
  });
});

describe("Sheets advanced service", () => {
  // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets.values/batchGet
  it("returns batchGet value ranges like the API: trailing empties dropped, dates as serials", () => {
    const { g, id } = seeded();
    const result = g.Sheets!.Spreadsheets!.Values!.batchGet(id, {
      ranges: ["Aktiviteter", "Milepæler!A1:C10"],
      valueRenderOption: "UNFORMATTED_VALUE",
    });
    expect(result.valueRanges).toEqual([
      {
        range: "Aktiviteter!A1:Z1000",
        majorDimension: "ROWS",
        values: [
          ["Dato", "Tittel", "Deltakere", "Ferdig"],
          [45728 + 13 / 24, "Kurs i nettbank", 12, true],
          [],
          ["", "Foredrag", 30, false],
        ],
      },
      { range: "Milepæler!A1:C10", majorDimension: "ROWS" },
    ]);
    const values = g.Sheets!.Spreadsheets!.Values!;
    expect(() =>
      values.batchGet(id, { ranges: ["Mangler!A1:B2"], valueRenderOption: "UNFORMATTED_VALUE" }),
    ).toThrow("Unable to parse range: Mangler!A1:B2");
  });
});

describe("inside a vm context", () => {
  // https://developers.google.com/apps-script/guides/v8-runtime
  it("runs script code against the installed globals and hands back Dates of the context's realm", () => {
    const { world, id } = seeded();
    const context = vm.createContext({});
    const globals = world.globalsFor({
      userEmail: KARI,
      activeSpreadsheetId: id,
      dateConstructor: vm.runInContext("Date", context) as DateConstructor,
    });
    Object.assign(context, globals);
    const result = vm.runInContext(
      `(function () {
        var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Aktiviteter");
        var values = sheet.getDataRange().getValues();
        sheet.getRange(5, 1, 1, 4).setValues([[new Date(2025, 3, 1), "Åpent møte", 8, false]]);
        return { isDate: values[1][0] instanceof Date, rows: sheet.getLastRow() };
      })()`,
      context,
    ) as { isDate: boolean; rows: number };
    expect(result).toEqual({ isDate: true, rows: 5 });
    expect(world.snapshot(id).sheets[0].values[4][0]).toBeInstanceOf(Date);
  });
});
