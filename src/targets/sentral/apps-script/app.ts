import { AppsScriptWorkbook } from "../../../adapters/apps-script/apps-script-workbook";
import { parseA1 } from "../../../core/cell";
import { ASSOCIATION_TEMPLATES } from "../../../core/templates/association";
import { SentralApi } from "../../../ui/api-types";
import { Workbook } from "../../../workbook/workbook";
import { createSentralApi } from "../api";
import { DashboardCharts, publishDashboard } from "../dashboard";
import { AssociationFiles, createAssociation } from "../new-association";
import { updatePartnerViews as refreshPartnerViews, ViewFiles } from "../partner-views";
import { LAST_TAB, ResultsStore, WORKING_TAB } from "../results-store";
import {
  continueRollup as continueEngine,
  RollupEngineOptions,
  RollupStep,
  Scheduler,
  startRollup,
} from "../rollup-engine";
import { errorText, KeyValueStore, Lock } from "../util";
import { createAssociationReader } from "./association-reader";
import { CONTINUE_HANDLER, MENU, MENU_ITEMS, PUBLIC_FUNCTIONS, START_ITEM } from "../public";

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

function lockOf(lock: GoogleAppsScript.Lock.Lock): Lock {
  return { tryLock: (ms) => lock.tryLock(ms), release: () => lock.releaseLock() };
}

export function createSentralApp(g: GasGlobals, tuning: SentralTuning = {}): SentralApp {
  const now = tuning.now ?? (() => new Date());
  const spreadsheet = () => g.SpreadsheetApp.getActiveSpreadsheet();
  const central = (): Workbook => new AppsScriptWorkbook(spreadsheet(), g.SpreadsheetApp);
  const properties = () => propertiesStore(g.PropertiesService.getDocumentProperties());
  const ui = () => g.SpreadsheetApp.getUi();
  const user = () => {
    try {
      return g.Session.getActiveUser().getEmail() || g.Session.getEffectiveUser().getEmail();
    } catch {
      return "";
    }
  };

  const scheduler: Scheduler = {
    continueLater() {
      this.cancel();
      g.ScriptApp.newTrigger(CONTINUE_HANDLER)
        .timeBased()
        .after(tuning.continueAfterMs ?? 60_000)
        .create();
    },
    cancel() {
      for (const trigger of g.ScriptApp.getProjectTriggers())
        if (trigger.getHandlerFunction() === CONTINUE_HANDLER) g.ScriptApp.deleteTrigger(trigger);
    },
  };

  const charts = (ss: GoogleAppsScript.Spreadsheet.Spreadsheet): DashboardCharts => ({
    ensure(name, specs) {
      const sheet = ss.getSheetByName(name);
      if (!sheet) return;
      const titles = new Set(sheet.getCharts().map((c) => String(c.getOptions().get("title"))));
      for (const spec of specs) {
        if (titles.has(spec.title)) continue;
        const at = parseA1(spec.anchor) ?? { row: 0, column: 0 };
        const builder = (spec.kind === "bar"
          ? sheet.newChart().asBarChart()
          : sheet.newChart().asColumnChart()) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
        sheet.insertChart(
          builder
            .addRange(sheet.getRange(spec.range))
            .setOption("title", spec.title)
            .setPosition(at.row + 1, at.column + 1, 0, 0)
            .build(),
        );
      }
    },
  });

  const hideWorkingTabs = (ss: GoogleAppsScript.Spreadsheet.Spreadsheet) => {
    for (const name of [WORKING_TAB, LAST_TAB]) {
      const sheet = ss.getSheetByName(name);
      if (sheet && !sheet.isSheetHidden()) sheet.hideSheet();
    }
  };

  const engine = (): RollupEngineOptions => {
    const ss = spreadsheet();
    const workbook = new AppsScriptWorkbook(ss, g.SpreadsheetApp);
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
      lock: lockOf(g.LockService.getScriptLock()),
      scheduler,
      readBudgetMs: tuning.readBudgetMs,
      publishBeforeMs: tuning.publishBeforeMs,
      afterPublish: (outcome) => publishDashboard(workbook, outcome.summary, charts(ss)),
    };
  };

  const open = (id: string) => {
    try {
      return g.SpreadsheetApp.openById(id);
    } catch {
      return undefined;
    }
  };

  /** A new spreadsheet whose first (default) tab is renamed, so no empty "Ark1" is left behind. */
  const createSpreadsheet = (title: string, firstTab: string) => {
    const ss = g.SpreadsheetApp.create(title);
    ss.getSheets()[0].setName(firstTab);
    return ss;
  };

  const viewFiles = (): ViewFiles => {
    const opened = new Map<string, GoogleAppsScript.Spreadsheet.Spreadsheet>();
    const get = (id: string) => {
      let ss = opened.get(id);
      if (!ss) {
        ss = open(id);
        if (ss) opened.set(id, ss);
      }
      return ss;
    };
    return {
      open: (id) => {
        const ss = get(id);
        return ss && new AppsScriptWorkbook(ss, g.SpreadsheetApp);
      },
      create: (title, firstTab) => {
        const ss = createSpreadsheet(title, firstTab ?? "Om visningen");
        opened.set(ss.getId(), ss);
        return { id: ss.getId(), workbook: new AppsScriptWorkbook(ss, g.SpreadsheetApp) };
      },
      viewers: (id) => (get(id)?.getViewers() ?? []).map((u) => u.getEmail()),
      addViewers: (id, emails) => void get(id)?.addViewers(emails),
      removeViewer: (id, email) => void get(id)?.removeViewer(email),
    };
  };

  const associationFiles = (): AssociationFiles => ({
    create: (title) => {
      const ss = createSpreadsheet(title, ASSOCIATION_TEMPLATES[0].name);
      return { id: ss.getId(), url: ss.getUrl(), workbook: new AppsScriptWorkbook(ss, g.SpreadsheetApp) };
    },
    addEditors: (id, emails) => void g.SpreadsheetApp.openById(id).addEditors(emails),
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
      lock: lockOf(g.LockService.getDocumentLock()),
    });

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
        });
        u.alert(
          result.ok
            ? `${result.message}\n\n${result.url}`
            : `Regnearket ble ikke opprettet:\n\n${result.message}`,
        );
        return result;
      } finally {
        lock.releaseLock();
      }
    },

    updatePartnerViews() {
      const workbook = central();
      const results = new ResultsStore(workbook).loadLast().map((r) => r.result);
      if (!results.length)
        return void ui().alert(
          "Kjør «Hent inn og summer» først: kommunevisningene bygger på siste innhenting.",
        );
      const outcome = refreshPartnerViews({ central: workbook, files: viewFiles(), results, now });
      ui().alert(outcome.message);
      return outcome;
    },

    showReminders() {
      showSidebar("paaminnelser", "Send påminnelser");
    },

    showCollectionStatus() {
      showSidebar("innsamling", "Innsamlingsstatus");
    },

    getCollectionStatus: () => api().getCollectionStatus(),
    previewReminders: () => api().previewReminders(),
    sendReminders: () => api().sendReminders(),
  };
}
