import { grid } from "../../core/output-table";
import { ViewFiles } from "../../services/ports";
import { classifyError } from "./retry";
import { AppsScriptWorkbook, SpreadsheetAppParts } from "./apps-script-workbook";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type ViewSpreadsheetApp = SpreadsheetAppParts & Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, "openById" | "create">;

/** Google's reason in words a volunteer understands (Apps Script throws English text). */
export function shareReason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/invalid (email|argument)|not a valid|no such user|unknown user|does not have a google account/i.test(text))
    return "Google godtok ikke adressen (er den knyttet til en Google-konto?)";
  switch (classifyError(error)) {
    case "transient":
      return "Google svarte ikke; det prøves igjen neste gang";
    case "no_access":
      return "du har ikke lov til å endre delingen av regnearket";
    case "not_found":
      return "regnearket finnes ikke lenger";
    default:
      return "Google avviste endringen";
  }
}

/**
 * ViewFiles over SpreadsheetApp, within the `spreadsheets` scope: sharing uses the spreadsheet's own
 * addViewer/removeViewer, one address per call, so one refused address does not stop the others.
 * Spreadsheets opened once are kept for the execution.
 */
export function appsScriptViewFiles(app: ViewSpreadsheetApp): ViewFiles {
  const opened = new Map<string, Spreadsheet>();
  const get = (id: string): Spreadsheet => {
    let ss = opened.get(id);
    if (!ss) {
      ss = app.openById(id);
      opened.set(id, ss);
    }
    return ss;
  };
  const guarded = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      throw new Error(shareReason(error));
    }
  };
  return {
    exists(id) {
      try {
        get(id);
        return true;
      } catch (error) {
        const kind = classifyError(error);
        if (kind === "not_found" || kind === "no_access" || kind === "other") return false;
        throw new Error(shareReason(error));
      }
    },
    create(_municipalityNumber, title) {
      const ss = app.create(title);
      opened.set(ss.getId(), ss);
      return ss.getId();
    },
    write(id, tables) {
      const ss = get(id);
      const sheets = ss.getSheets();
      // A new spreadsheet's one empty default tab becomes the first table's tab (no stray «Ark1»).
      if (sheets.length === 1 && tables.length && !tables.some((t) => t.name === sheets[0].getName()) && sheets[0].getLastRow() === 0)
        sheets[0].setName(tables[0].name);
      const workbook = new AppsScriptWorkbook(ss, app);
      for (const table of tables) workbook.write(table.name, grid(table), table.formats);
    },
    readers: (id) => get(id).getViewers().map((u) => u.getEmail().toLowerCase()),
    share: (id, email) => guarded(() => void get(id).addViewer(email)),
    unshare: (id, email) => guarded(() => void get(id).removeViewer(email)),
  };
}
