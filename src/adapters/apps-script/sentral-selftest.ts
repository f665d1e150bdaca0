import { AppsScriptWorkbook } from "./apps-script-workbook";
import { appsScriptSelfTestPorts } from "./selftest";
import { readCentralInputs } from "../../core/central-inputs";
import { todayInOslo } from "../../core/dates";
import { ASSOCIATION_TEMPLATES } from "../../core/templates/association";
import { CENTRAL_INPUT_TEMPLATES } from "../../core/templates/central";
import { runSelfTest, SelfTestReport } from "../../services/selftest";
import { createAssociationReader } from "./association-reader";

/** The Apps Script services the central's Selvtest uses. */
export type SentralSelfTestGlobals = Parameters<typeof appsScriptSelfTestPorts>[0] & {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  Sheets: GoogleAppsScript.Sheets;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  MailApp: GoogleAppsScript.Mail.MailApp;
  Utilities: GoogleAppsScript.Utilities.Utilities;
};

const SOURCE_STATUS: Record<string, string> = { not_found: "finnes ikke", no_access: "mangler tilgang", unreadable: "kan ikke leses" };

/**
 * Selvtest in the central spreadsheet: the checks of both targets, and the Sheets advanced service,
 * a trigger made and deleted, the mail quota and one registered association read the way
 * «Hent inn og summer» reads it. The templates checked are the central's and the associations'.
 */
export function sentralSelfTest(g: SentralSelfTestGlobals, now: () => Date, triggerHandler: string): SelfTestReport {
  const base = appsScriptSelfTestPorts(g, now);
  return runSelfTest(
    {
      ...base,
      sentral: {
        sheetsService() {
          if (typeof g.Sheets === "undefined" || !g.Sheets?.Spreadsheets) throw new Error("Tjenesten Sheets finnes ikke i skriptet");
          const id = g.SpreadsheetApp.getActiveSpreadsheet().getId();
          const found = g.Sheets.Spreadsheets.get(id, { fields: "spreadsheetId" });
          return `Svar fra Sheets for ${found.spreadsheetId ?? id}`;
        },
        trigger() {
          const trigger = g.ScriptApp.newTrigger(triggerHandler).timeBased().after(24 * 60 * 60 * 1000).create();
          g.ScriptApp.deleteTrigger(trigger);
        },
        mailQuota: () => g.MailApp.getRemainingDailyQuota(),
        readOneAssociation() {
          const workbook = new AppsScriptWorkbook(g.SpreadsheetApp.getActiveSpreadsheet(), g.SpreadsheetApp, g.Utilities);
          const sheets = Object.fromEntries(CENTRAL_INPUT_TEMPLATES.map((t) => [t.name, workbook.read(t.name)]));
          const first = readCentralInputs(sheets, todayInOslo(now())).associations[0];
          if (!first) return { ok: false, detail: "Ingen aktiv forening i Foreninger" };
          if (typeof g.Sheets === "undefined") return { ok: false, detail: `${first.id}: tjenesten Sheets mangler` };
          const source = createAssociationReader(g.Sheets, { sleep: (ms) => g.Utilities.sleep(ms), now: () => now().getTime() })(first);
          if (source.kind === "read") return { ok: true, detail: `${first.id} ${first.name}: lest` };
          return { ok: false, detail: `${first.id} ${first.name}: ${SOURCE_STATUS[source.kind] ?? source.kind}` };
        },
      },
    },
    [...ASSOCIATION_TEMPLATES, ...CENTRAL_INPUT_TEMPLATES],
  );
}
