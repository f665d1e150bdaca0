import { AppsScriptWorkbook } from "../../adapters/apps-script/apps-script-workbook";
import { Workbook } from "../../workbook/workbook";
import { INSTRUCTIONS } from "../../core/templates/instructions";
import { TIME_ZONE, todayInOslo } from "../../core/dates";
import { a1, Cell, isBlankCell, parseA1 } from "../../core/cell";
import { Issue, marksCell } from "../../core/issues";
import { locateColumns, readForm, readTable } from "../../core/read";
import { ColumnSpec } from "../../core/schema/column";
import { Template } from "../../core/schema/table";
import { activities, annualReport, ASSOCIATION_TEMPLATES as TEMPLATES, measures, milestones } from "../../core/templates/association";
import { runSelfTest } from "../../services/selftest";
import { setUpTemplates } from "../../services/setup";
import { appsScriptSelfTestPorts } from "../../adapters/apps-script/selftest";
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
 * Where the menu lives. `addon`: the Editor add-on (Utvidelser → Samspill, only a start item before
 * authorisation). `bound`: the script bound to the master template and its copies (build/mal): a
 * top-level menu «Samspill» with every item at once. A bound script's onOpen is a simple trigger in
 * AuthMode.LIMITED (https://developers.google.com/apps-script/reference/script/auth-mode), which
 * cannot ask for authorisation; the first click on any item does (Google's dialog), so there is no
 * start step. Building the menu reads nothing in either mode.
 */
export type ForeningMenu = "addon" | "bound";

/**
 * The `forening` add-on wired to Apps Script: triggers, menu actions and the sidebar API.
 * `services` are the Apps Script globals (or the stand-in's in tests); nothing is touched at load time.
 */
export function createForeningApp(services: AppsScriptServices, clock: () => Date = () => new Date(), menu: ForeningMenu = "addon") {
  const spreadsheet = () => services.SpreadsheetApp.getActiveSpreadsheet();
  const api: ForeningServer = createForeningApi({
    // A fresh workbook per server call: its caches live exactly as long as the call.
    workbook: () => new AppsScriptWorkbook(spreadsheet(), services.SpreadsheetApp, services.Utilities),
    now: clock,
    userEmail: () => services.Session.getActiveUser().getEmail(),
    withDocumentLock: (fn) => withLock(services.LockService.getDocumentLock(), services.SpreadsheetApp, fn),
    selectCell: (sheet, cell) => {
      const tab = spreadsheet().getSheetByName(sheet);
      if (!tab) throw new Error(`Fanen ${sheet} finnes ikke lenger.`);
      tab.getRange(cell).activate();
    },
  });

  const ui = () => services.SpreadsheetApp.getUi();
  const addFullMenu = () => addMenu(ui(), FULL_MENU, menu === "bound" ? { addon: false, title: TITLE } : { addon: true });
  const menuPath = menu === "bound" ? TITLE : `Utvidelser → ${TITLE}`;
  const showSidebar = (file: keyof typeof SIDEBARS) => ui().showSidebar(services.HtmlService.createHtmlOutputFromFile(file).setTitle(SIDEBARS[file]));

  return {
    /** Builds the menu. In AuthMode.NONE (add-on only) just a start item; nothing else is touched. */
    onOpen(e?: OpenEvent): void {
      if (menu === "addon" && isAuthModeNone(services, e)) addMenu(ui(), START_MENU, { addon: true });
      else addFullMenu();
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
      addFullMenu();
      spreadsheet().toast(`Samspill er klart. Velg ${menuPath} → Sett opp rapportmal for å lage fanene.`, TITLE, 10);
    },

    menuSetUp(): void {
      const book = spreadsheet();
      // Dates are Oslo calendar days: the spreadsheet shows and stores them in Oslo time.
      if (book.getSpreadsheetTimeZone() !== TIME_ZONE) book.setSpreadsheetTimeZone(TIME_ZONE);
      const workbook: Workbook = new AppsScriptWorkbook(book, services.SpreadsheetApp, services.Utilities);
      // Creating a missing tab is its lookup too: no getSheetByName per tab on a new spreadsheet.
      workbook.createMissing([INSTRUCTIONS, ...TEMPLATES.map((t) => t.name)]);
      setUpTemplates(workbook);
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

    menuSelfTest(): void {
      showSidebar("selvtest");
    },

    /** Selvtest: every runtime assumption checked on the real platform (services/selftest.ts). */
    getSelfTest: () => runSelfTest(appsScriptSelfTestPorts(services, clock), TEMPLATES),

    getProblems: () => api.getProblems(),
    selectCell: (sheet: string, cell: string) => api.selectCell(sheet, cell),
    getActivityForm: () => api.getActivityForm(),
    addActivity: (values: Record<string, string>) => api.addActivity(values),
    getMilestones: () => api.getMilestones(),
    setMilestoneStatus: (row: number, status: string, completedDate: string) => api.setMilestoneStatus(row, status, completedDate),
    addMilestone: (values: Record<string, string>) => api.addMilestone(values),
  };
}

export type ForeningApp = ReturnType<typeof createForeningApp>;

/** Årsrapport's label and value columns, far enough down for a repaired form: one read for Rapportår. */
const REPORT_YEAR_RANGE = `'${annualReport.name}'!A1:B40`;

/**
 * onEdit: reads the header and the edited rows only, checks them with the tab's own rules and sets
 * their marks (one getBackgrounds/setBackgrounds over those rows). Årsrapport is small and read whole.
 *
 * Dates in Aktiviteter must fall in Rapportår, which lives in Årsrapport: reading it is a fifth
 * round trip, made only when the edit touches such a date column. Otherwise those cells hold what
 * they held at their last check and the year has not been re-read, so their in-year mark cannot
 * have changed: they keep their current background (other problems in them, a missing or invalid
 * date, do not depend on the year and are marked as usual).
 */
function recheckEdit(services: AppsScriptServices, e: EditEvent, clock: () => Date): void {
  const range = e.range;
  const sheet = range.getSheet();
  const name = sheet.getName();
  const today = todayInOslo(clock());
  const workbook: Workbook = new AppsScriptWorkbook(e.source, services.SpreadsheetApp, services.Utilities, [sheet]);
  if (name === annualReport.name) {
    const report = readForm(annualReport, workbook.read(name), { year: 0, today });
    workbook.markCells(name, errorMarks(report.issues));
    // A new Rapportår changes which Aktiviteter dates are inside the year: re-check that tab whole.
    const yearRow = report.rowOf.year;
    const rows = editedBlock(range.getA1Notation());
    if (yearRow !== undefined && rows && rows.first <= yearRow && yearRow <= rows.last && report.values.year !== undefined) {
      const cells = workbook.read(activities.name);
      if (cells) workbook.markCells(activities.name, errorMarks(readTable(activities, cells, { year: report.values.year, today }).issues));
    }
    return;
  }
  const template = TABLES.find((t) => t.name === name);
  if (!template) return;
  const edited = editedBlock(range.getA1Notation());
  if (!edited) return;
  const { first, last } = edited;
  // Whole rows as wide as the sheet's header row could be; an edit far right still lands in it.
  let read: ReturnType<Workbook["readRows"]>;
  try {
    read = workbook.readRows(name, first, last, Math.max(template.keys.length, EDIT_WIDTH));
  } catch {
    read = workbook.readRows(name, first, last, sheet.getMaxColumns()); // a sheet narrower than usual
  }
  if (!read) return;
  const indexes = locateColumns(template, read.header, []);
  const yearColumns = template.keys.map((key, i) => ((template.columns[key] as ColumnSpec).inReportYear ? indexes[i] : -1)).filter((j) => j >= 0);
  const yearNeeded = yearColumns.some((j) => edited.left <= j && j <= edited.right);
  const year = yearNeeded ? reportYear(e.source, today) : Number(today.slice(0, 4));
  // The edited rows at their own row numbers, so issues carry the right A1 cells.
  const cells: Cell[][] = new Array(last);
  cells[0] = read.header;
  for (let r = 1; r < first - 1; r++) cells[r] = [];
  read.rows.forEach((row, i) => (cells[first - 1 + i] = row));
  const marks = errorMarks(readTable(template, cells, { year, today }).issues);
  if (yearNeeded || yearColumns.length === 0) {
    workbook.markCells(name, marks);
    return;
  }
  // Year columns not edited: a filled cell whose only possible error is the year keeps its mark.
  const otherErrors = new Set(marks.filter((m) => m.code !== "outside_report_year").map((m) => m.cell));
  const keep = read.rows.flatMap((row, i) => yearColumns.filter((j) => !isBlankCell(row[j])).map((j) => a1(first - 1 + i, j))).filter((cell) => !otherErrors.has(cell));
  workbook.markCells(name, marks, keep);
}

/**
 * Rows (from 2, past the header) and columns (0-based, inclusive) of an edited range from its A1
 * notation: "F40", "C40:F45", whole rows "40:45" (every column). Undefined for whole columns ("F:F")
 * and for edits of the header row only.
 */
function editedBlock(notation: string): { first: number; last: number; left: number; right: number } | undefined {
  const parts = /^([A-Z]*)(\d*)(?::([A-Z]*)(\d*))?$/.exec(notation);
  if (!parts) return undefined;
  const first = Math.max(2, Number(parts[2] || 1));
  const last = Number(parts[4] || parts[2] || 0);
  if (last < first) return undefined;
  const column = (letters: string) => parseA1(`${letters}1`)!.column;
  const left = parts[1] ? column(parts[1]) : 0;
  const right = parts[3] ? column(parts[3]) : parts[1] ? left : Infinity;
  return { first, last, left, right };
}

/** Columns read on an edit: the template's and a margin for the user's own (a new sheet has 26). */
const EDIT_WIDTH = 26;

function errorMarks(issues: ReadonlyArray<Issue>): Array<{ cell: string; code: string; message: string }> {
  return issues.filter(marksCell).map((i) => ({ cell: i.cell, code: i.code, message: i.message }));
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
