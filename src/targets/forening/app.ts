import { AppsScriptWorkbook } from "../../adapters/apps-script/apps-script-workbook";
import { Cell } from "../../core/cell";
import { todayInOslo } from "../../core/dates";
import { readForm, readTable } from "../../core/read";
import { Template } from "../../core/template/table";
import { activities, annualReport, measures, milestones } from "../../core/templates/association";
import { setUpTemplates } from "../../services/setup";
import { AppsScriptServices, isAuthModeNone } from "../shared/gas";
import { withLock } from "../shared/lock";
import { addMenu } from "../shared/menu";
import { createForeningApi, ForeningServer } from "./api";
import { FULL_MENU, SIDEBARS, START_MENU } from "./public";

type EditEvent = GoogleAppsScript.Events.SheetsOnEdit;
type OpenEvent = { authMode?: GoogleAppsScript.Script.AuthMode };

const TABLES: ReadonlyArray<Template<any>> = [activities, milestones, measures];
const TITLE = "Samspill";

/**
 * The `forening` add-on wired to Apps Script: triggers, menu actions and the sidebar API.
 * `services` are the Apps Script globals (or the stand-in's in tests); nothing is touched at load time.
 */
export function createForeningApp(services: AppsScriptServices, clock: () => Date = () => new Date()) {
  const spreadsheet = () => services.SpreadsheetApp.getActiveSpreadsheet();
  const api: ForeningServer = createForeningApi({
    // A fresh workbook per server call: its caches live exactly as long as the call.
    workbook: () => new AppsScriptWorkbook(spreadsheet(), services.SpreadsheetApp),
    now: clock,
    userEmail: () => services.Session.getActiveUser().getEmail(),
    withDocumentLock: (fn) => withLock(services.LockService.getDocumentLock(), fn),
    selectCell: (sheet, cell) => {
      const tab = spreadsheet().getSheetByName(sheet);
      if (!tab) throw new Error(`Fanen ${sheet} finnes ikke lenger.`);
      tab.getRange(cell).activate();
    },
  });

  const ui = () => services.SpreadsheetApp.getUi();
  const showSidebar = (file: keyof typeof SIDEBARS) => ui().showSidebar(services.HtmlService.createHtmlOutputFromFile(file).setTitle(SIDEBARS[file]));

  return {
    /** Builds the menu. In AuthMode.NONE only a start item, and nothing else is touched. */
    onOpen(e?: OpenEvent): void {
      addMenu(ui(), isAuthModeNone(services, e) ? START_MENU : FULL_MENU, { addon: true });
    },

    onInstall(e?: OpenEvent): void {
      this.onOpen(e);
    },

    /** Re-checks only the edited rows of the edited tab and updates their marks. */
    onEdit(e?: EditEvent): void {
      if (!e?.range || isAuthModeNone(services, e)) return;
      recheckEdit(services, e, clock);
    },

    /** After the user authorised the add-on from the start item: the full menu, and a hint. */
    menuStart(): void {
      addMenu(ui(), FULL_MENU, { addon: true });
      spreadsheet().toast("Samspill er klart. Velg Utvidelser → Samspill → Sett opp rapportmal for å lage fanene.", TITLE, 10);
    },

    menuSetUp(): void {
      const book = spreadsheet();
      setUpTemplates(new AppsScriptWorkbook(book, services.SpreadsheetApp));
      book.toast("Fanene Årsrapport, Aktiviteter, Milepæler og Tiltak er klare. Data som fantes fra før er beholdt.", TITLE, 8);
    },

    menuCheck(): void {
      showSidebar("kontroller");
    },

    menuActivity(): void {
      showSidebar("aktivitet");
    },

    menuMilestones(): void {
      showSidebar("milepaeler");
    },

    /** Send inn rapporten: refuses while errors remain (the Kontroller sidebar shows them). */
    menuSubmit(): void {
      const result = api.submitReport();
      if (!result.ok) {
        showSidebar("kontroller");
        spreadsheet().toast(result.message, TITLE, 10);
        return;
      }
      ui().alert(result.message);
    },

    getProblems: () => api.getProblems(),
    selectCell: (sheet: string, cell: string) => api.selectCell(sheet, cell),
    getActivityForm: () => api.getActivityForm(),
    addActivity: (values: Record<string, string>) => api.addActivity(values),
    getMilestones: () => api.getMilestones(),
    setMilestoneStatus: (row: number, status: string, completedDate: string) => api.setMilestoneStatus(row, status, completedDate),
  };
}

export type ForeningApp = ReturnType<typeof createForeningApp>;

/** Årsrapport's label and value columns, far enough down for a repaired form: one read for Rapportår. */
const REPORT_YEAR_RANGE = `'${annualReport.name}'!A1:B40`;

/**
 * onEdit: reads the header and the edited rows only, checks them with the tab's own rules and sets
 * their marks (one getBackgrounds/setBackgrounds over those rows). Årsrapport is small and read whole.
 * Aktiviteter also needs Rapportår (dates must fall in the report year): one small read of Årsrapport.
 */
function recheckEdit(services: AppsScriptServices, e: EditEvent, clock: () => Date): void {
  const range = e.range;
  const sheet = range.getSheet();
  const name = sheet.getName();
  const today = todayInOslo(clock());
  const workbook = new AppsScriptWorkbook(e.source, services.SpreadsheetApp);
  workbook.remember(name, sheet);
  if (name === annualReport.name) {
    const report = readForm(annualReport, workbook.read(name), { year: 0, today });
    workbook.markCells(name, errorMarks(report.issues));
    return;
  }
  const template = TABLES.find((t) => t.name === name);
  if (!template) return;
  const rows = /^[A-Z]*(\d*)(?::[A-Z]*(\d*))?$/.exec(range.getA1Notation());
  const first = Math.max(2, Number(rows?.[1] || 1));
  const last = Number(rows?.[2] || rows?.[1] || 0);
  if (!rows || last < first) return;
  // Whole rows as wide as the sheet's header row could be; an edit far right still lands in it.
  let read: ReturnType<AppsScriptWorkbook["readRows"]>;
  try {
    read = workbook.readRows(name, first, last, Math.max(template.keys.length, EDIT_WIDTH));
  } catch {
    read = workbook.readRows(name, first, last, sheet.getMaxColumns()); // a sheet narrower than usual
  }
  if (!read) return;
  const year = template === activities ? reportYear(e.source, today) : Number(today.slice(0, 4));
  // The edited rows at their own row numbers, so issues carry the right A1 cells.
  const cells: Cell[][] = new Array(last);
  cells[0] = read.header;
  for (let r = 1; r < first - 1; r++) cells[r] = [];
  read.rows.forEach((row, i) => (cells[first - 1 + i] = row));
  workbook.markCells(name, errorMarks(readTable(template, cells, { year, today }).issues));
}

/** Columns read on an edit: the template's and a margin for the user's own (a new sheet has 26). */
const EDIT_WIDTH = 26;

function errorMarks(issues: ReadonlyArray<{ severity: string; cell: string; message: string }>): Array<{ cell: string; message: string }> {
  return issues.filter((i) => i.severity === "error" && /^[A-Z]+\d+$/.test(i.cell)).map((i) => ({ cell: i.cell, message: i.message }));
}

function reportYear(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, today: string): number {
  let cells: Cell[][] | undefined;
  try {
    cells = spreadsheet.getRange(REPORT_YEAR_RANGE).getValues() as Cell[][];
  } catch {
    cells = undefined; // no Årsrapport tab (or a shrunk grid): the year of today
  }
  return readForm(annualReport, cells, { year: 0, today }).values.year ?? Number(today.slice(0, 4));
}
