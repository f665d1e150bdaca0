import { IsoDate } from "../../src/core/dates";
import { CENTRAL_INPUT_TEMPLATES, registry, settings } from "../../src/core/templates/central";
import { MemoryWorkbook } from "../../src/adapters/memory/memory-workbook";
import { AssociationSource } from "../../src/core/association-result";
import { readAssociationSheets } from "../../src/services/check";
import { runRollup } from "../../src/services/rollup";
import { setUpTemplates } from "../../src/services/setup";
import { createForeningApi } from "../../src/targets/forening/api";
import { createSentralApi } from "../../src/targets/sentral/api";
import type { MailMessage } from "../../src/services/reminders";
import { LAST_RUN_KEY, LastRun } from "../../src/services/rollup-job";
import { memoryStore, writeJson } from "../../src/services/key-value";
import { cleanAssociationWorkbook, demoAssociationWorkbook, fillForm, shiftDays } from "./demo";
import { PreviewApis } from "./server";

export interface PreviewSetup {
  apis: PreviewApis;
  /** The association workbook behind the forening sidebars. */
  workbook: MemoryWorkbook;
  /** The central spreadsheet behind the sentral sidebars (after one rollup of the demo associations). */
  central: MemoryWorkbook;
  /** Cells the sidebars asked to select, as "Sheet!A1". */
  selected: string[];
  /** Mail "sent" through the sentral API (recorded, never sent). */
  mail: MailMessage[];
  /** Which implementations answer. */
  source: string;
}

/**
 * The APIs behind the preview and the browser tests: the real `createForeningApi` and
 * `createSentralApi` over memory workbooks with demo data (one association with errors, the central
 * spreadsheet after a rollup of five associations), with the Google-only capabilities (lock,
 * selection, mail, properties) replaced by recording stand-ins.
 */
export async function createPreviewApis(options: { today: IsoDate; log?: (line: string) => void }): Promise<PreviewSetup> {
  const { today } = options;
  const now = () => new Date(`${today}T10:00:00Z`);
  const workbook = demoAssociationWorkbook(today);
  const selected: string[] = [];
  const mail: MailMessage[] = [];
  const forening = createForeningApi({
    workbook: () => workbook,
    now,
    userEmail: () => "kari@example.no",
    withDocumentLock: (fn) => fn(),
    selectCell: (sheet, cell) => {
      selected.push(`${sheet}!${cell}`);
      options.log?.(`selectCell ${sheet}!${cell}`);
    },
  });

  const central = await demoCentral(today, workbook, now);
  const properties = memoryStore();
  const lastRun: LastRun = { runId: "demo", startedAt: now().toISOString(), finishedAt: now().toISOString(), user: "sentral@example.no", year: Number(today.slice(0, 4)), associations: 5, slices: 1, seconds: 1 };
  writeJson(properties, LAST_RUN_KEY, lastRun);
  const sentral = createSentralApi({
    central,
    properties,
    now,
    mail: {
      send: (message) => {
        mail.push(message);
        options.log?.(`e-post til ${message.to}: ${message.subject}`);
      },
      remainingDailyQuota: () => 100,
    },
  });
  return { apis: { forening, sentral }, workbook, central, selected, mail, source: "createForeningApi and createSentralApi over memory workbooks" };
}

/** A central spreadsheet with five registered associations, after one rollup. */
async function demoCentral(today: IsoDate, bodo: MemoryWorkbook, now: () => Date): Promise<MemoryWorkbook> {
  const year = Number(today.slice(0, 4));
  const central = new MemoryWorkbook();
  setUpTemplates(central, CENTRAL_INPUT_TEMPLATES);
  fillForm(central, settings, { organisation: "Seniornett Norge", year, deadline: shiftDays(today, 14) });
  // Forening-ID, Forening, Organisasjonsnummer, Kommunenummer, Regneark, Kontakt e-post, Kommunepartner e-post, Aktiv
  const entries = [
    ["bodo", "Seniornett Bodø", "", "1804", "demo-bodo", "leder@bodo.example.no", "", "Ja"],
    ["oslo", "Seniornett Oslo", "", "0301", "demo-oslo", "post@oslo.example.no", "", "Ja"],
    ["tromso", "Seniornett Tromsø", "", "5501", "demo-tromso", "post@tromso.example.no", "", "Ja"],
    ["hamar", "Seniornett Hamar <b>og omegn</b>", "", "3403", "demo-hamar", "", "", "Ja"],
    ["molde", "Seniornett Molde", "", "1506", "demo-molde", "molde@example.no", "", "Ja"],
  ];
  central.append(registry.name, entries);
  const sources: Record<string, AssociationSource> = {
    bodo: { kind: "read", sheets: readAssociationSheets(bodo) },
    oslo: { kind: "read", sheets: readAssociationSheets(cleanAssociationWorkbook(today, "Seniornett Oslo", "0301", `${shiftDays(today, -3)} 14:05`)) },
    tromso: { kind: "read", sheets: readAssociationSheets(cleanAssociationWorkbook(today, "Seniornett Tromsø", "5501")) },
    hamar: { kind: "no_access" },
    molde: { kind: "not_found" },
  };
  await runRollup({ central, openAssociation: (a) => sources[a.id] ?? { kind: "not_found" }, now, user: "sentral@example.no" });
  return central;
}
