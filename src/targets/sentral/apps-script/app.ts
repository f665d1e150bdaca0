import { AppsScriptWorkbook } from "../../../adapters/apps-script/apps-script-workbook";
import { TIME_ZONE } from "../../../core/dates";
import { INSTRUCTIONS } from "../../../core/templates/instructions";
import { SentralApi } from "../../../ui/api-types";
import { Workbook } from "../../../workbook/workbook";
import { createSentralApi } from "../api";
import { appsScriptCharts } from "../../../adapters/apps-script/charts";
import { AssociationFiles, createAssociation } from "../../../services/new-association";
import { appsScriptViewFiles } from "../../../adapters/apps-script/view-files";
import { partnerViewsRunning, runPartnerViews } from "../partner-views";
import { LAST_TAB, ResultsStore, WORKING_TAB } from "../../../services/results-store";
import {
  continueRollup as continueEngine,
  RollupEngineOptions,
  RollupStep,
  Scheduler,
  startRollup,
} from "../../../services/rollup-job";
import { errorText } from "../../../services/key-value";
import type { KeyValueStore, Lock } from "../../../services/ports";
import { Flushable, releaseAfterFlush } from "../../shared/lock";
import { VIEWS_STATE_KEY } from "../../../services/partner-views";
import { createAssociationReader } from "../../../adapters/apps-script/association-reader";
import { sentralSelfTest } from "./selftest";
import { CONTINUE_HANDLER, CONTINUE_VIEWS_HANDLER, MENU, MENU_ITEMS, PUBLIC_FUNCTIONS, START_ITEM } from "../public";

/** The Apps Script services the sentral script uses (globals in Apps Script; a stand-in in tests). */
export interface GasGlobals {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  Sheets: GoogleAppsScript.Sheets;
  LockService: GoogleAppsScript.Lock.LockService;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  MailApp: GoogleAppsScript.Mail.MailApp;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
}

export interface SentralTuning {
  now?: () => Date;
  readBudgetMs?: number;
  publishBeforeMs?: number;
  /** Pause between association reads (Sheets API: 60 reads per minute per user). Default 1000 ms. */
  minReadIntervalMs?: number;
  /** Delay before the continuation trigger fires. Default 60 s. */
  continueAfterMs?: number;
  /** «Oppdater kommunevisninger»: stop starting municipalities after this long (default 4.5 min). */
  viewsBudgetMs?: number;
}

export { MENU, CONTINUE_HANDLER, MENU_ITEMS, START_ITEM, PUBLIC_FUNCTIONS };

export type SentralApp = Record<(typeof PUBLIC_FUNCTIONS)[number], (...args: any[]) => any>;

const FAILURES_KEY = "samspill.rollup.failures";

function propertiesStore(properties: GoogleAppsScript.Properties.Properties): KeyValueStore {
  return {
    get: (key) => properties.getProperty(key),
    set: (key, value) => void properties.setProperty(key, value),
    delete: (key) => void properties.deleteProperty(key),
    keys: () => properties.getKeys(),
  };
}

function lockOf(lock: GoogleAppsScript.Lock.Lock, spreadsheetApp: Flushable): Lock {
  return { tryLock: (ms) => lock.tryLock(ms), release: () => releaseAfterFlush(lock, spreadsheetApp) };
}

export function createSentralApp(g: GasGlobals, tuning: SentralTuning = {}): SentralApp {
  const now = tuning.now ?? (() => new Date());
  const spreadsheet = () => g.SpreadsheetApp.getActiveSpreadsheet();
  // Dates in the central's cells (Frist for innsending) are read in its own time zone.
  const central = (): Workbook => new AppsScriptWorkbook(spreadsheet(), g.SpreadsheetApp, g.Utilities);
  const properties = () => propertiesStore(g.PropertiesService.getDocumentProperties());
  const ui = () => g.SpreadsheetApp.getUi();
  const user = () => {
    try {
      return g.Session.getActiveUser().getEmail() || g.Session.getEffectiveUser().getEmail();
    } catch {
      return "";
    }
  };

  /** One pending one-off trigger for `handler` (an earlier one is replaced). */
  const triggerScheduler = (handler: string): Scheduler => ({
    continueLater() {
      this.cancel();
      g.ScriptApp.newTrigger(handler)
        .timeBased()
        .after(tuning.continueAfterMs ?? 60_000)
        .create();
    },
    cancel() {
      for (const trigger of g.ScriptApp.getProjectTriggers())
        if (trigger.getHandlerFunction() === handler) g.ScriptApp.deleteTrigger(trigger);
    },
  });
  const scheduler = triggerScheduler(CONTINUE_HANDLER);
  const viewsScheduler = triggerScheduler(CONTINUE_VIEWS_HANDLER);

  const hideWorkingTabs = (ss: GoogleAppsScript.Spreadsheet.Spreadsheet) => {
    for (const name of [WORKING_TAB, LAST_TAB]) {
      const sheet = ss.getSheetByName(name);
      if (sheet && !sheet.isSheetHidden()) sheet.hideSheet();
    }
  };

  const engine = (): RollupEngineOptions => {
    const ss = spreadsheet();
    const workbook = new AppsScriptWorkbook(ss, g.SpreadsheetApp, g.Utilities);
    return {
      central: workbook,
      readAssociation: createAssociationReader(g.Sheets, {
        sleep: (ms) => g.Utilities.sleep(ms),
        minIntervalMs: tuning.minReadIntervalMs ?? 1000,
        now: () => now().getTime(),
      }),
      properties: properties(),
      now,
      user: user(),
      lock: lockOf(g.LockService.getScriptLock(), g.SpreadsheetApp),
      scheduler,
      readBudgetMs: tuning.readBudgetMs,
      publishBeforeMs: tuning.publishBeforeMs,
      charts: appsScriptCharts(ss),
    };
  };

  /** A new spreadsheet whose first (default) tab is renamed, so no empty "Ark1" is left behind. */
  const createSpreadsheet = (title: string, firstTab: string) => {
    const ss = g.SpreadsheetApp.create(title);
    ss.getSheets()[0].setName(firstTab);
    return ss;
  };

  /** An association's spreadsheet keeps Oslo calendar days (dates are read in its time zone). */
  const associationFile = (ss: GoogleAppsScript.Spreadsheet.Spreadsheet) => {
    if (ss.getSpreadsheetTimeZone() !== TIME_ZONE) ss.setSpreadsheetTimeZone(TIME_ZONE);
    return { id: ss.getId(), url: ss.getUrl(), workbook: new AppsScriptWorkbook(ss, g.SpreadsheetApp) };
  };
  const associationFiles = (): AssociationFiles => ({
    // The new spreadsheet's first tab becomes «Slik fyller du ut», which set-up puts first.
    create: (title) => associationFile(createSpreadsheet(title, INSTRUCTIONS)),
    // Spreadsheet.copy keeps the container-bound script (build/mal), so the copy has the «Samspill» menu.
    copy: (templateId, title) => associationFile(g.SpreadsheetApp.openById(templateId).copy(title)),
    addEditors: (id, emails) => void g.SpreadsheetApp.openById(id).addEditors(emails),
    // No Drive scope to trash it: the unregistered, unshared file is renamed so staff can delete it.
    discard: (id) => {
      const ss = g.SpreadsheetApp.openById(id);
      ss.rename(`${ss.getName()} (ufullstendig – kan slettes)`);
    },
  });

  const api = (): SentralApi =>
    createSentralApi({
      central: central(),
      properties: properties(),
      mail: {
        send: (m) => g.MailApp.sendEmail(m.to, m.subject, m.body),
        remainingDailyQuota: () => g.MailApp.getRemainingDailyQuota(),
      },
      now,
      lock: lockOf(g.LockService.getDocumentLock(), g.SpreadsheetApp),
    });

  /** One execution of «Oppdater kommunevisninger» (the first, or a continuation from its trigger). */
  const partnerViews = (store: KeyValueStore, interactive: boolean) => {
    // One execution at a time (a double click, or the menu while a continuation runs).
    const lock = g.LockService.getScriptLock();
    if (!lock.tryLock(2_000)) {
      if (!interactive) viewsScheduler.continueLater();
      else ui().alert("Kommunevisningene oppdateres akkurat nå. Prøv igjen om litt.");
      return undefined;
    }
    try {
      return partnerViewsLocked(store, interactive);
    } finally {
      releaseAfterFlush(lock, g.SpreadsheetApp);
    }
  };
  const partnerViewsLocked = (store: KeyValueStore, interactive: boolean) => {
    const workbook = central();
    const results = new ResultsStore(workbook).loadLast().map((r) => r.result);
    if (!results.length) {
      store.delete(VIEWS_STATE_KEY);
      viewsScheduler.cancel();
      if (interactive)
        ui().alert("Kjør «Hent inn og summer» først: kommunevisningene bygger på siste innhenting.");
      return undefined;
    }
    return runPartnerViews({
      central: workbook,
      files: appsScriptViewFiles(g.SpreadsheetApp),
      results,
      now,
      store,
      scheduler: viewsScheduler,
      budgetMs: tuning.viewsBudgetMs,
    });
  };

  const showSidebar = (file: string, title: string) =>
    ui().showSidebar(g.HtmlService.createHtmlOutputFromFile(file).setTitle(title));

  const report = (step: RollupStep) => {
    hideWorkingTabs(spreadsheet());
    return step;
  };

  return {
    onOpen(e?: { authMode?: unknown }) {
      const menu = ui().createMenu(MENU);
      if (e && String(e.authMode) === "NONE") menu.addItem(START_ITEM[0], START_ITEM[1]);
      else {
        MENU_ITEMS.forEach(([label, fn], i) => {
          if (i === 3) menu.addSeparator();
          menu.addItem(label, fn);
        });
      }
      menu.addToUi();
    },

    enableSamspill() {
      this.onOpen({ authMode: "FULL" });
      spreadsheet().toast("Samspill sentralt er klart. Velg en handling i menyen.", MENU);
    },

    collectAndSummarise() {
      const step = report(startRollup(engine()));
      ui().alert(step.message);
      return step.message;
    },

    continueRollup() {
      const store = properties();
      try {
        const step = report(continueEngine(engine()));
        store.delete(FAILURES_KEY);
        return step.message;
      } catch (error) {
        // An unexpected failure: try again a couple of times, then leave the run to go stale.
        const failures = Number(store.get(FAILURES_KEY) ?? 0) + 1;
        store.set(FAILURES_KEY, String(failures));
        if (failures < 3) scheduler.continueLater();
        else scheduler.cancel();
        throw new Error(`Innhentingen stoppet: ${errorText(error)}`);
      }
    },

    createAssociationSpreadsheet() {
      const u = ui();
      const ask = (step: string, prompt: string): string | null => {
        const answer = u.prompt(`Ny forening (${step})`, prompt, u.ButtonSet.OK_CANCEL);
        return answer.getSelectedButton() === u.Button.OK ? answer.getResponseText() : null;
      };
      const name = ask("1 av 3", "Foreningens navn:");
      if (name === null) return;
      const municipalityNumber = ask("2 av 3", "Kommunenummer (4 siffer, f.eks. 0301):");
      if (municipalityNumber === null) return;
      const editors = ask("3 av 3", "E-postadressene til foreningens redaktører (skill med komma):");
      if (editors === null) return;
      const lock = g.LockService.getDocumentLock();
      if (!lock.tryLock(10_000))
        return void u.alert("Et annet regneark opprettes akkurat nå. Prøv igjen om litt.");
      try {
        const result = createAssociation({
          central: central(),
          files: associationFiles(),
          input: { name, municipalityNumber, editors },
          now,
          centralId: g.SpreadsheetApp.getActiveSpreadsheet().getId(),
        });
        u.alert(
          result.ok
            ? `${result.message}\n\n${result.url}`
            : `Regnearket ble ikke opprettet:\n\n${result.message}`,
        );
        return result;
      } finally {
        releaseAfterFlush(lock, g.SpreadsheetApp);
      }
    },

    updatePartnerViews() {
      const store = properties();
      if (partnerViewsRunning(store))
        return void ui().alert(
          "Kommunevisningene oppdateres allerede, og oppdateringen fortsetter av seg selv. Prøv igjen når den er ferdig.",
        );
      const outcome = partnerViews(store, true);
      if (!outcome) return;
      ui().alert(outcome.message);
      return outcome;
    },

    continuePartnerViews() {
      const store = properties();
      if (!partnerViewsRunning(store)) return void viewsScheduler.cancel();
      return partnerViews(store, false)?.message;
    },

    showReminders() {
      showSidebar("paaminnelser", "Send påminnelser");
    },

    showCollectionStatus() {
      showSidebar("innsamling", "Innsamlingsstatus");
    },

    menuSelfTest() {
      showSidebar("selvtest", "Selvtest");
    },

    getSelfTest: () => sentralSelfTest(g, now),

    getCollectionStatus: () => api().getCollectionStatus(),
    previewReminders: () => api().previewReminders(),
    sendReminders: () => api().sendReminders(),
  };
}
