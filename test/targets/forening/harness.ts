import { AppsScriptWorkbook } from "../../../src/adapters/apps-script/apps-script-workbook";
import { Cell } from "../../../src/core/cell";
import { createForeningApp, ForeningApp } from "../../../src/targets/forening/app";
import { AppsScriptGlobals, createWorld, GlobalsOptions, SeedCell, World } from "../../stand-ins/apps-script";

export const KARI = "kari@seniornett-bodo.example.no";
export const OLA = "ola@seniornett-bodo.example.no";

/** A valid Årsrapport for 2025 (Bodø, 1804). */
export function annualReportRows(year = 2025): SeedCell[][] {
  return [
    ["Felt", "Verdi", "Hjelp"],
    ["Rapportår", year, ""],
    ["Forening", "Seniornett Bodø", ""],
    ["Organisasjonsnummer", "", ""],
    ["Kommunenummer", "1804", ""],
    ["Antall medlemmer per 31.12", 120, ""],
    ["Antall frivillige", 14, ""],
    ["Samarbeidsavtale med kommunen", "Ingen", ""],
    ["Avtale inngått", "", ""],
    ["Kontaktperson", "Kari Nordmann", ""],
    ["Kontakt e-post", KARI, ""],
    ["Innsendt", "", ""],
    ["Innsendt av", "", ""],
  ];
}

export const ACTIVITY_HEADER = ["Dato", "Aktivitetstype", "Tittel", "Kommunenummer", "Samarbeidspartner", "Deltakere", "Nye deltakere", "Frivillige", "Frivillige timer", "Kommentar"];

/** n activity rows; every `badEvery`-th row has Deltakere over 10000 (0 = none bad). */
export function activityRows(n: number, badEvery = 0): SeedCell[][] {
  const rows: SeedCell[][] = [ACTIVITY_HEADER];
  for (let i = 1; i <= n; i++) {
    const day = new Date(Date.UTC(2025, (i * 7) % 12, 1 + (i % 28), 12));
    const bad = badEvery > 0 && i % badEvery === 0;
    rows.push([day, "Kurs", `Kurs ${i}`, "", "Bibliotek", bad ? 20000 : 10 + (i % 5), 2, 1, 2.5, ""]);
  }
  return rows;
}

/**
 * Calls that read or write cell content or formatting (values, backgrounds, notes, formats,
 * validation, …): the round trips an edit's budget counts. Getters of handles (getSheet, getName,
 * getA1Notation, getRange) are not among them.
 */
export const CONTENT_CALL = /^(Range|Sheet)\.((get|set)(Values?|DisplayValues?|SheetValues|Formulas?|Backgrounds?|Notes?|NumberFormats?|FontWeights?|DataValidations?|RichTextValues?)|clear\w*)$/;

export const MILESTONE_HEADER = ["Kommunenummer", "Milepæl", "Frist", "Ansvarlig part", "Bidrag", "Status", "Fullført dato", "Kommentar"];
export const MEASURE_HEADER = ["Planområde", "Tiltak", "Aktivitet", "Ansvar", "Ansvarlig", "Frist", "Status", "Resultat", "Antall nådd"];

export interface Harness {
  world: World;
  id: string;
  globals: AppsScriptGlobals;
  app: ForeningApp;
  /** Another execution (another user, or the same user again) in the same world. */
  as(options: Partial<GlobalsOptions>): { globals: AppsScriptGlobals; app: ForeningApp };
  workbook(): AppsScriptWorkbook;
  values(tab: string): Cell[][];
}

export function harness(sheets?: Record<string, SeedCell[][]>, options: Partial<GlobalsOptions> = {}): Harness {
  const world = createWorld({ startTime: Date.UTC(2025, 10, 20, 9, 0, 0) });
  const id = world.addSpreadsheet({ name: "Seniornett Bodø – rapport", owner: KARI, editors: [OLA], sheets });
  const started: AppsScriptGlobals[] = [];
  // A new execution starts after the earlier ones have ended (their queued writes are applied);
  // a test of executions that overlap drives them itself.
  const as = (more: Partial<GlobalsOptions>) => {
    for (const earlier of started) world.endExecution(earlier);
    const globals = world.globalsFor({ userEmail: KARI, activeSpreadsheetId: id, ...options, ...more });
    started.push(globals);
    return { globals, app: createForeningApp(globals, world.now) };
  };
  const first = as({});
  return {
    world,
    id,
    ...first,
    as,
    workbook: () => new AppsScriptWorkbook(first.globals.SpreadsheetApp.getActiveSpreadsheet(), first.globals.SpreadsheetApp),
    values: (tab) => world.snapshot(id).sheets.find((s) => s.name === tab)?.values ?? [],
  };
}
