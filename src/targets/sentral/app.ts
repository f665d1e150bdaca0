import { AppsScriptWorkbook } from "../../adapters/apps-script/apps-script-workbook";
import { createAssociationReader } from "../../adapters/apps-script/association-reader";
import { appsScriptCharts } from "../../adapters/apps-script/charts";
import { appsScriptAssociationFiles, hideTabs, mailAppMailer, propertiesStore, scriptLock, triggerScheduler } from "../../adapters/apps-script/ports";
import { sentralSelfTest } from "../../adapters/apps-script/sentral-selftest";
import { appsScriptViewFiles } from "../../adapters/apps-script/view-files";
import { createAssociation } from "../../services/new-association";
import { partnerViewsFromCentral, partnerViewsRunning } from "../../services/partner-views-from-central";
import type { KeyValueStore } from "../../services/ports";
import { LAST_TAB, WORKING_TAB } from "../../services/results-store";
import { continueFromTrigger, RollupEngineOptions, RollupStep, startRollup } from "../../services/rollup-job";
import { SentralApi } from "../../ui/api-types";
import { Workbook } from "../../workbook/workbook";
import type { SentralServices } from "../shared/gas";
import { withLockOr } from "../shared/lock";
import { addMenu } from "../shared/menu";
import { createSentralApi } from "./api";
import { CONTINUE_HANDLER, CONTINUE_VIEWS_HANDLER, FULL_MENU, MENU, PUBLIC_FUNCTIONS, START_MENU } from "./public";

/** The Apps Script services the sentral script uses (globals in Apps Script; a stand-in in tests). */
export type GasGlobals = SentralServices;

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

export type SentralApp = Record<(typeof PUBLIC_FUNCTIONS)[number], (...args: any[]) => any>;

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

  const afterMs = tuning.continueAfterMs ?? 60_000;
  const scheduler = triggerScheduler(g.ScriptApp, CONTINUE_HANDLER, afterMs);
  const viewsScheduler = triggerScheduler(g.ScriptApp, CONTINUE_VIEWS_HANDLER, afterMs);

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
      lock: scriptLock(g.LockService.getScriptLock(), g.SpreadsheetApp),
      scheduler,
      readBudgetMs: tuning.readBudgetMs,
      publishBeforeMs: tuning.publishBeforeMs,
      charts: appsScriptCharts(ss),
    };
  };

  const api = (): SentralApi =>
    createSentralApi({
      central: central(),
      properties: properties(),
      mail: mailAppMailer(g.MailApp),
      now,
      lock: scriptLock(g.LockService.getDocumentLock(), g.SpreadsheetApp),
    });

  /** One execution of «Oppdater kommunevisninger» (the first, or a continuation from its trigger). */
  const partnerViews = (store: KeyValueStore, interactive: boolean) => {
    // One execution at a time (a double click, or the menu while a continuation runs).
    return withLockOr(g.LockService.getScriptLock(), g.SpreadsheetApp, 2_000, () => partnerViewsLocked(store, interactive), () => {
      if (!interactive) viewsScheduler.continueLater();
      else ui().alert("Kommunevisningene oppdateres akkurat nå. Prøv igjen om litt.");
      return undefined;
    });
  };
  const partnerViewsLocked = (store: KeyValueStore, interactive: boolean) => {
    const outcome = partnerViewsFromCentral({
      central: central(),
      files: appsScriptViewFiles(g.SpreadsheetApp),
      now,
      store,
      scheduler: viewsScheduler,
      budgetMs: tuning.viewsBudgetMs,
    });
    if (outcome !== "no_rollup") return outcome;
    if (interactive) ui().alert("Kjør «Hent inn og summer» først: kommunevisningene bygger på siste innhenting.");
    return undefined;
  };

  const showSidebar = (file: string, title: string) =>
    ui().showSidebar(g.HtmlService.createHtmlOutputFromFile(file).setTitle(title));

  const report = (step: RollupStep) => {
    hideTabs(spreadsheet(), [WORKING_TAB, LAST_TAB]);
    return step;
  };

  return {
    onOpen(e?: { authMode?: unknown }) {
      addMenu(ui(), e && String(e.authMode) === "NONE" ? START_MENU : FULL_MENU, { addon: false, title: MENU });
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
      return continueFromTrigger(engine(), report).message;
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
      const create = () => {
        const result = createAssociation({
          central: central(),
          files: appsScriptAssociationFiles(g.SpreadsheetApp),
          input: { name, municipalityNumber, editors },
          now,
          centralId: g.SpreadsheetApp.getActiveSpreadsheet().getId(),
        });
        u.alert(result.ok ? `${result.message}\n\n${result.url}` : `Regnearket ble ikke opprettet:\n\n${result.message}`);
        return result;
      };
      return withLockOr(g.LockService.getDocumentLock(), g.SpreadsheetApp, 10_000, create, () => void u.alert("Et annet regneark opprettes akkurat nå. Prøv igjen om litt."));
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

    getSelfTest: () => sentralSelfTest(g, now, CONTINUE_HANDLER),

    getCollectionStatus: () => api().getCollectionStatus(),
    previewReminders: () => api().previewReminders(),
    sendReminders: () => api().sendReminders(),
  };
}
