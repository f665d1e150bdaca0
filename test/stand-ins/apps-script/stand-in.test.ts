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
    expect(sheet.getRange("A2").getDisplayValue()).toBe("12.03.2025");
    expect(sheet.getRange("C2:D2").getDisplayValues()).toEqual([["12", "TRUE"]]);
    expect(sheet.getLastRow()).toBe(4);
    expect(sheet.getLastColumn()).toBe(4);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluesvalues
  it("stores Dates as date serials in the spreadsheet's time zone and gives the same instant back", () => {
    const { g, world, id } = seeded();
    const range = g.SpreadsheetApp.openById(id).getSheetByName("Milepæler")!.getRange(1, 1);
    const noon = new Date(Date.UTC(2025, 9, 26, 12)); // the day summer time ends in Oslo
    range.setValue(noon);
    expect(range.getValue()).toEqual(noon);
    expect(range.getNumberFormat()).toBe("dd.MM.yyyy HH:mm:ss");
    range.setNumberFormat("dd.mm.yyyy");
    expect(range.getDisplayValue()).toBe("26.10.2025");
    const [batch] = g.Sheets!.Spreadsheets!.Values!.batchGet(id, {
      ranges: ["Milepæler!A1"],
      valueRenderOption: "UNFORMATTED_VALUE",
    }).valueRanges!;
    expect(batch.values![0][0]).toBeCloseTo(45956 + 13 / 24, 6);
    expect(world.snapshot(id).sheets[1].values).toEqual([[noon]]);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluevalue
  it("treats text written through setValue(s) as typed: formulas, apostrophes, numbers, plain-text cells", () => {
    const { g } = seeded();
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().insertSheet("Test");
    sheet.getRange("A1:E1").setValues([["=1+1", "'=1+1", "42", "+47 900 00 000", "tekst"]]);
    expect(sheet.getRange("A1:E1").getFormulas()).toEqual([["=1+1", "", "", "=+47 900 00 000", ""]]);
    expect(sheet.getRange("A1:E1").getValues()).toEqual([["", "=1+1", 42, "", "tekst"]]);

    const text = sheet.getRange("A2:D2").setNumberFormat("@");
    text.setValues([["=SUM(A1)", "+47 900 00 000", "-", "@navn"]]);
    expect(text.getFormulas()).toEqual([["", "", "", ""]]);
    expect(text.getValues()).toEqual([["=SUM(A1)", "+47 900 00 000", "-", "@navn"]]);
    expect(sheet.getRange("A3").setFormula("=A1*2").getFormula()).toBe("=A1*2");
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluesvalues
  it("throws Google's error when the data does not fit the range", () => {
    const { g } = seeded();
    const range = g.SpreadsheetApp.getActiveSheet().getRange(1, 1, 2, 3);
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
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().insertSheet("Ny", 0);
    expect([sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getIndex()]).toEqual([1000, 26, 1]);
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
  it("grows only through insertRows… and appendRow; inserted rows take the formatting of the row above", () => {
    const { g } = seeded();
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().insertSheet("Små");
    sheet.deleteRows(3, 998);
    expect(sheet.getMaxRows()).toBe(2);
    sheet.getRange("A2").setNumberFormat("dd.mm.yyyy").setBackground("#FCE8B2");
    sheet.insertRowsAfter(2, 3);
    expect(sheet.getMaxRows()).toBe(5);
    expect(sheet.getRange("A4").getNumberFormat()).toBe("dd.mm.yyyy");
    expect(sheet.getRange("A4").getBackground()).toBe("#fce8b2");
    sheet.getRange("A5").setValue("siste");
    sheet.appendRow(["ny", 1]);
    expect(sheet.getMaxRows()).toBe(6);
    expect(sheet.getRange("A6:B6").getValues()).toEqual([["ny", 1]]);
    expect(() => sheet.deleteRows(1, 6)).toThrow("Sorry, it is not possible to delete all non-frozen rows.");
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#deletesheetsheet
  it("refuses duplicate sheet names and deleting the last sheet", () => {
    const { g } = seeded();
    const ss = g.SpreadsheetApp.getActiveSpreadsheet();
    expect(() => ss.insertSheet("aktiviteter")).toThrow(
      'A sheet with the name "aktiviteter" already exists. Please enter another name.',
    );
    ss.deleteSheet(ss.getSheetByName("Milepæler")!);
    expect(() => ss.deleteSheet(ss.getSheets()[0])).toThrow(/at least one sheet/);
  });
});

describe("validation, conditional formatting, protection, notes", () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder
  it("reads data validation rules back with Google's criteria and defaults", () => {
    const { g, world, id } = seeded();
    const app = g.SpreadsheetApp;
    const sheet = app.getActiveSheet();
    const list = app
      .newDataValidation()
      .requireValueInList(["Kurs", "Foredrag"], true)
      .setAllowInvalid(false)
      .setHelpText("Velg type")
      .build();
    sheet.getRange("B2:B5").setDataValidation(list);
    sheet.getRange("C2").setDataValidation(app.newDataValidation().requireNumberBetween(0, 10000).build());
    sheet.getRange("A2").setDataValidation(app.newDataValidation().requireDate().build());

    const rule = sheet.getRange("B3").getDataValidation()!;
    expect(rule.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(String(rule.getCriteriaType())).toBe("VALUE_IN_LIST");
    expect(rule.getCriteriaValues()).toEqual([["Kurs", "Foredrag"], true]);
    expect(rule.getAllowInvalid()).toBe(false);
    expect(rule.getHelpText()).toBe("Velg type");
    const number = sheet.getRange("C2").getDataValidation()!;
    expect([
      number.getCriteriaType(),
      number.getCriteriaValues(),
      number.getAllowInvalid(),
      number.getHelpText(),
    ]).toEqual(["NUMBER_BETWEEN", [0, 10000], true, null]);
    expect(number.copy().requireNumberGreaterThanOrEqualTo(1).build().getCriteriaType()).toBe(
      "NUMBER_GREATER_THAN_OR_EQUAL_TO",
    );
    expect(sheet.getRange("A2").getDataValidation()!.getCriteriaType()).toBe("DATE_IS_VALID_DATE");
    expect(sheet.getRange("D2").getDataValidation()).toBeNull();
    expect(world.snapshot(id).sheets[0].validations.B5).toEqual({
      criteria: "VALUE_IN_LIST",
      values: [["Kurs", "Foredrag"], true],
      allowInvalid: false,
      helpText: "Velg type",
    });
    sheet.getRange("B2:B5").clearDataValidations();
    expect(sheet.getRange("B2:B5").getDataValidations()).toEqual([[null], [null], [null], [null]]);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder
  it("reads conditional format rules back, and moves their ranges when rows are inserted", () => {
    const { g, world, id } = seeded();
    const app = g.SpreadsheetApp;
    const sheet = app.getActiveSheet();
    const overdue = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=AND($F2<>"Fullført";$C2<TODAY())')
      .setBackground("#F4C7C3")
      .setRanges([sheet.getRange("A2:H1000")])
      .build();
    sheet.setConditionalFormatRules([overdue]);
    sheet.insertRowsAfter(1, 1);
    const [rule] = sheet.getConditionalFormatRules();
    expect(rule.getRanges().map((r) => r.getA1Notation())).toEqual(["A3:H1001"]);
    expect(rule.getBooleanCondition()!.getCriteriaValues()).toEqual(['=AND($F2<>"Fullført";$C2<TODAY())']);
    expect(rule.getBooleanCondition()!.getBackground()).toBe("#F4C7C3");
    expect(world.snapshot(id).sheets[0].conditionalRules).toEqual([
      {
        ranges: ["A3:H1001"],
        criteria: "CUSTOM_FORMULA",
        values: ['=AND($F2<>"Fullført";$C2<TODAY())'],
        background: "#F4C7C3",
        fontColor: null,
        bold: null,
      },
    ]);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/protection
  it("keeps protections, notes, frozen rows and widths for the snapshot", () => {
    const { g, world, id } = seeded();
    const sheet = g.SpreadsheetApp.getActiveSheet();
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
    expect(sheet.getColumnWidth(3)).toBe(100);
    protection.remove();
    expect(sheet.getProtections(g.SpreadsheetApp.ProtectionType.RANGE)).toHaveLength(0);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
  it("records charts built on a sheet", () => {
    const { g, world, id } = seeded();
    const sheet = g.SpreadsheetApp.getActiveSheet();
    const chart = sheet
      .newChart()
      .setChartType(g.Charts.ChartType.COLUMN)
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
  it("opens by id and url, and fails like Google for unknown, forbidden and flaky documents", () => {
    const { g, world, id } = seeded();
    expect(g.SpreadsheetApp.openByUrl(world.urlOf(id)).getName()).toBe("Seniornett Bodø");
    const unknown = thrown(() => g.SpreadsheetApp.openById("finnes-ikke"));
    expect(String(unknown)).toBe(
      "Exception: Unexpected error while getting the method or property openById on object SpreadsheetApp.",
    );
    world.setAccess(id, "no_access");
    expect(() => g.SpreadsheetApp.openById(id)).toThrow(
      "You do not have permission to access the requested document.",
    );
    world.setAccess(id, "ok");
    world.failOpenTransiently(id, 2);
    expect(() => g.SpreadsheetApp.openById(id)).toThrow(
      `Service Spreadsheets failed while accessing document with id ${id}.`,
    );
    expect(() => g.SpreadsheetApp.openById(id)).toThrow(/Service Spreadsheets failed/);
    expect(g.SpreadsheetApp.openById(id).getId()).toBe(id);
  });

  // https://developers.google.com/apps-script/guides/support/troubleshooting
  it("throws injected faults a given number of times, then works again", () => {
    const { g, world } = seeded();
    const range = g.SpreadsheetApp.getActiveSheet().getDataRange();
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
    expect(olaLock.hasLock()).toBe(true);
    world.endExecution(ola);
    expect(world.heldLocks()).toEqual([]);
  });

  // https://developers.google.com/apps-script/guides/properties
  it("keeps user properties per user and document properties per document, within Google's limits", () => {
    const { world, id } = seeded();
    const kari = world.globalsFor({ userEmail: KARI, activeSpreadsheetId: id });
    const ola = world.globalsFor({ userEmail: OLA, activeSpreadsheetId: id });
    kari.PropertiesService.getUserProperties().setProperty("valg", "a");
    kari.PropertiesService.getDocumentProperties().setProperty("rollup", "{}");
    expect(ola.PropertiesService.getUserProperties().getProperty("valg")).toBeNull();
    expect(ola.PropertiesService.getDocumentProperties().getProperty("rollup")).toBe("{}");
    const props = kari.PropertiesService.getScriptProperties();
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
  it("answers alerts from a queue and refuses getUi where there is no editor", () => {
    const { world, id } = seeded();
    const g = world.globalsFor({ userEmail: KARI, activeSpreadsheetId: id });
    const ui = g.SpreadsheetApp.getUi();
    world.queueUiResponse({ button: "NO" });
    expect(ui.alert("Send inn?", "Rapporten sendes til sentralleddet.", ui.ButtonSet.YES_NO)).toBe(
      ui.Button.NO,
    );
    expect(ui.alert("OK?")).toBe(ui.Button.OK);
    ui.showSidebar(g.HtmlService.createHtmlOutput("<p>Hei</p>").setTitle("Kontroll"));
    expect(world.dialogs.map((d) => [d.type, d.title])).toEqual([
      ["alert", "Send inn?"],
      ["alert", ""],
      ["sidebar", "Kontroll"],
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
  it("records mail and counts it against the daily quota", () => {
    const { world, g } = seeded();
    g.MailApp.sendEmail("a@x.no,b@x.no", "Påminnelse", "Husk rapporten");
    g.MailApp.sendEmail({ to: "c@x.no", subject: "Hei", body: "tekst", htmlBody: "<b>tekst</b>" });
    expect(world.mail.map((m) => [m.from, m.to, m.subject, m.htmlBody])).toEqual([
      [KARI, "a@x.no,b@x.no", "Påminnelse", null],
      [KARI, "c@x.no", "Hei", "<b>tekst</b>"],
    ]);
    expect(g.MailApp.getRemainingDailyQuota()).toBe(97);
  });

  // https://developers.google.com/apps-script/reference/drive/file#makecopyname
  it("copies and shares spreadsheets through DriveApp", () => {
    const { world, g, id } = seeded();
    const copy = g.DriveApp.getFileById(id).makeCopy("Kommune 1804");
    copy.addViewer("partner@bodo.kommune.no").addEditor(OLA);
    const opened = g.SpreadsheetApp.openById(copy.getId());
    expect(opened.getSheetByName("Aktiviteter")!.getRange("B2").getValue()).toBe("Kurs i nettbank");
    expect(opened.getViewers().map((u) => u.getEmail())).toEqual(["partner@bodo.kommune.no"]);
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
    expect(g.Session.getScriptTimeZone()).toBe("Europe/Oslo");
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
    const formatted = g.Sheets!.Spreadsheets!.Values!.batchGet(id, {
      ranges: ["Aktiviteter!A2"],
      valueRenderOption: "UNFORMATTED_VALUE",
      dateTimeRenderOption: "FORMATTED_STRING",
    });
    expect(formatted.valueRanges![0].values).toEqual([["12.03.2025"]]);
    expect(() => g.Sheets!.Spreadsheets!.Values!.batchGet(id, { ranges: ["Mangler!A1:B2"] })).toThrow(
      "Unable to parse range: Mangler!A1:B2",
    );
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
        sheet.appendRow([new Date(2025, 3, 1), "Åpent møte", 8, false]);
        return { isDate: values[1][0] instanceof Date, rows: sheet.getLastRow() };
      })()`,
      context,
    ) as { isDate: boolean; rows: number };
    expect(result).toEqual({ isDate: true, rows: 5 });
    expect(world.snapshot(id).sheets[0].values[4][0]).toBeInstanceOf(Date);
  });
});
