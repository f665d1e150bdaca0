import { promises as fs } from "node:fs";
import { AssociationResult } from "../../core/association-result";
import { RegistryAssociation } from "../../core/central-inputs";
import { todayInOslo } from "../../core/dates";
import { counted } from "../../core/wording";
import { findMunicipality } from "../../core/reference";
import { checkedSummaryJson } from "../../core/summary-schema";
import { ASSOCIATION_TEMPLATES } from "../../core/templates/association";
import { CENTRAL_INPUT_TEMPLATES, partnerViewRegistry } from "../../core/templates/central";
import { googleAuth } from "../../adapters/sheets-api/auth";
import { readAssociationSource, spreadsheetIdFrom } from "../../adapters/sheets-api/association-source";
import { googleClients, GoogleClients } from "../../adapters/sheets-api/clients";
import { GoogleModeError, spreadsheetProblem } from "../../adapters/sheets-api/errors";
import { sheetsApiViewFiles } from "../../adapters/sheets-api/view-files";
import { sharedViewsPlan, updatePartnerViews, ViewChange, workbookViewRegistry } from "../../services/partner-views";
import { runAsync } from "../../services/ports";
import { openSpreadsheet, SheetsWorkbook } from "../../adapters/sheets-api/sheets-workbook";
import { checkAssociationSheets, readAssociationSheets } from "../../services/check";
import { nativeCharts, readAssociations, readCentral, rollupYear, runRollup, RollupOutcome } from "../../services/rollup";
import { CliContext, progress } from "../context";
import { UserError } from "../user-error";
import { issueCountLine, issueLine, nationalLines, statusLine } from "../print";

/** Options every Google-mode command takes. */
export interface GoogleOptions {
  /** Service-account key (JSON); Application Default Credentials when absent. */
  credentials?: string;
  /** One root for the Sheets and Drive APIs (googleapis' `rootUrl`): a proxy or a private endpoint. */
  apiRoot?: string;
  /** Requests per minute (default 60, the Sheets API's per-user quota). */
  rate?: number;
  /** Requests in flight at once (default 8). */
  concurrency?: number;
}

export interface GoogleRollupOptions extends GoogleOptions {
  central: string;
  year?: number;
  summary?: string;
}

export interface GooglePartnersOptions extends GoogleOptions {
  central: string;
  year?: number;
  /** Drive's "shared with you" e-mail to new readers (default true). */
  notify?: boolean;
}

export interface RequestFigures {
  attempts: number;
  retries: number;
  retriesByStatus: Record<string, number>;
}

export const VIEWS_TAB = partnerViewRegistry.name;
const CENTRAL_TABS = [...CENTRAL_INPUT_TEMPLATES.map((t) => t.name), "Logg"];

/** Signs in and builds the clients; every failure is a Norwegian UserError. */
export async function connectGoogle(options: GoogleOptions): Promise<GoogleClients> {
  try {
    const auth = await googleAuth({ credentialsFile: options.credentials });
    return googleClients({ auth, rootUrl: options.apiRoot, rate: options.rate, concurrency: options.concurrency });
  } catch (error) {
    throw asUserError(error);
  }
}

function asUserError(error: unknown): UserError {
  if (error instanceof UserError) return error;
  if (error instanceof GoogleModeError) return new UserError(error.message, error.failure === "auth" ? 2 : 1);
  return new UserError(error instanceof Error ? error.message : String(error));
}

async function openCentralSpreadsheet(clients: GoogleClients, reference: string, tabs: string[]): Promise<SheetsWorkbook> {
  const id = spreadsheetIdFrom(reference);
  try {
    return await openSpreadsheet(clients, id, { tabs });
  } catch (error) {
    throw asUserError(spreadsheetProblem(error, "det sentrale regnearket", id));
  }
}

/** Reads associations through one batchGet each; a Google failure that outlived every retry is kept to stop the run. */
function associationReader(clients: GoogleClients) {
  const failures: unknown[] = [];
  const open = async (entry: RegistryAssociation) => {
    try {
      return await readAssociationSource(clients, entry.spreadsheet, undefined, { throwWhenTransient: true });
    } catch (error) {
      failures.push(error);
      return { kind: "unreadable" as const, detail: "Google svarte ikke" };
    }
  };
  return { open, failures };
}

function stopIfGoogleFailed(failures: unknown[], what: string): void {
  if (!failures.length) return;
  // Google's own (English) reason is not appended: spreadsheetProblem shows it with SAMSPILL_DEBUG=1.
  const problem = spreadsheetProblem(failures[0], "en forening", "");
  const how = counted(failures.length, "association");
  if (problem.failure === "auth") throw new UserError(`${how} kunne ikke leses; ${what}. ${problem.message}`);
  throw new UserError(`${how} kunne ikke leses fordi Google ikke svarte, heller ikke etter gjentatte forsøk; ${what}.`);
}

function figures(clients: GoogleClients): RequestFigures {
  const { attempts, retries, retriesByStatus } = clients.gate.stats;
  return { attempts, retries, retriesByStatus: { ...retriesByStatus } };
}

function requestLine(stats: RequestFigures): string {
  const byStatus = Object.entries(stats.retriesByStatus)
    .map(([status, n]) => `${n}×${status}`)
    .join(", ");
  return `Google-forespørsler: ${stats.attempts}${stats.retries ? ` (${stats.retries} nye forsøk: ${byStatus})` : ""}.`;
}

/**
 * `samspill rollup --central SPREADSHEET_ID`: the central spreadsheet's Oppsett, Foreninger and
 * Historikk through the API, each active association with one batchGet, then every output tab in
 * one save (one batchUpdate). Nothing is written when Google keeps failing.
 */
export async function googleRollup(options: GoogleRollupOptions, context: CliContext, clients?: GoogleClients): Promise<{ outcome: RollupOutcome; requests: RequestFigures; central: SheetsWorkbook }> {
  const own = !clients;
  clients ??= await connectGoogle(options);
  try {
    const central = await openCentralSpreadsheet(clients, options.central, CENTRAL_TABS);
    if (!central.read("Foreninger")) throw new UserError(`Det sentrale regnearket mangler fanen «Foreninger» (foreningsregisteret).`, 2);
    const reader = associationReader(clients);
    const bar = progress(context, "Leser foreninger");
    let outcome: RollupOutcome;
    try {
      outcome = await runRollup({
        central,
        openAssociation: reader.open,
        now: context.now,
        user: context.user,
        year: options.year,
        // Waiting retries hold no request slot, so more associations are in progress than requests in flight.
        concurrency: clients.gate.concurrency * 4,
        onProgress: (done, total) => bar.update(done, total),
        action: "samspill rollup (Google)",
        // The same Dashbord as the bound script writes, so its charts (made once) read the same ranges.
        charts: nativeCharts((tab, specs) => central.ensureCharts(tab, specs)),
      });
    } finally {
      bar.stop();
    }
    stopIfGoogleFailed(reader.failures, "ingenting er skrevet til det sentrale regnearket. Prøv igjen senere");
    try {
      await central.save();
    } catch (error) {
      throw asUserError(spreadsheetProblem(error, "det sentrale regnearket", central.spreadsheetId));
    }
    if (options.summary) await fs.writeFile(options.summary, checkedSummaryJson(outcome.summary));
    const requests = figures(clients);
    context.out(statusLine(outcome.summary));
    for (const line of nationalLines(outcome.summary)) context.out(line);
    context.out(`Oppdaterte utfanene i «${central.title || central.spreadsheetId}»${outcome.final ? " (endelig: Historikk oppdatert)" : ""}.`);
    if (options.summary) context.out(`Skrev sammendraget til ${options.summary}.`);
    context.out(requestLine(requests));
    return { outcome, requests, central };
  } finally {
    if (own) await clients.gate.stop();
  }
}

export type PartnerViewRecord = ViewChange;

/**
 * `samspill partners --central SPREADSHEET_ID`: one view spreadsheet per municipality with partner
 * addresses in Foreninger (only that municipality's rows, no personal data or comments), shared as
 * reader with those addresses; addresses no longer listed lose access. The views are recorded in the
 * central spreadsheet's «Kommunevisninger» tab, so the next run updates the same spreadsheets.
 */
export async function googlePartners(options: GooglePartnersOptions, context: CliContext, clients?: GoogleClients): Promise<{ views: PartnerViewRecord[]; requests: RequestFigures }> {
  const own = !clients;
  clients ??= await connectGoogle(options);
  try {
    const central = await openCentralSpreadsheet(clients, options.central, [...CENTRAL_TABS, VIEWS_TAB]);
    const now = context.now();
    const today = todayInOslo(now);
    const inputs = readCentral(central, today);
    const year = rollupYear(inputs, options.year, today);
    const reader = associationReader(clients);
    const bar = progress(context, "Leser foreninger");
    let results: AssociationResult[];
    try {
      results = await readAssociations(inputs, year, today, { openAssociation: reader.open, concurrency: clients.gate.concurrency * 4, onProgress: (done, total) => bar.update(done, total) });
    } finally {
      bar.stop();
    }
    stopIfGoogleFailed(reader.failures, "ingen kommunevisning er endret. Prøv igjen senere");

    // The same reconciliation as the bound script (services/partner-views), run to the end in one go.
    const outcome = await runAsync(
      updatePartnerViews(sharedViewsPlan(inputs.associations, results, today), {
        registry: workbookViewRegistry(central, async () => {
          try {
            await central.save();
          } catch (error) {
            throw asUserError(spreadsheetProblem(error, "det sentrale regnearket", central.spreadsheetId));
          }
        }),
        files: sheetsApiViewFiles(clients, { sendNotificationEmail: options.notify ?? true }),
        now: context.now,
      }),
    );
    const views: PartnerViewRecord[] = outcome.views.map((v) => ({ ...v }));
    const requests = figures(clients);
    for (const v of views) {
      const changes = [v.created ? "ny" : "", v.added.length ? `delt med ${v.added.join(", ")}` : "", v.removed.length ? `fjernet ${v.removed.join(", ")}` : ""].filter(Boolean).join("; ");
      context.out(`${v.municipalityNumber} ${findMunicipality(v.municipalityNumber)?.name ?? ""}: ${v.readers.length} lesere${changes ? ` (${changes})` : ""}${v.note ? ` – ${v.note}` : ""}`);
    }
    context.out(`${outcome.message} Rapportår ${year}, uten personopplysninger og kommentarer; oversikten står i fanen «${VIEWS_TAB}».`);
    context.out(requestLine(requests));
    return { views, requests };
  } finally {
    if (own) await clients.gate.stop();
  }
}

/** `samspill validate SPREADSHEET_ID`: every problem of an association spreadsheet; 1 when any is an error. */
export async function googleValidate(reference: string, options: GoogleOptions, context: CliContext, clients?: GoogleClients): Promise<number> {
  const own = !clients;
  clients ??= await connectGoogle(options);
  try {
    const id = spreadsheetIdFrom(reference);
    let workbook: SheetsWorkbook;
    try {
      workbook = await openSpreadsheet(clients, id, { tabs: ASSOCIATION_TEMPLATES.map((t) => t.name) });
    } catch (error) {
      throw asUserError(spreadsheetProblem(error, "regnearket", id));
    }
    const result = checkAssociationSheets(readAssociationSheets(workbook), todayInOslo(context.now()), id);
    const name = workbook.title || id;
    for (const issue of result.issues) context.out(issueLine(issue));
    context.out(issueCountLine(`«${name}»`, result.issues));
    return result.issues.some((i) => i.severity === "error") ? 1 : 0;
  } finally {
    if (own) await clients.gate.stop();
  }
}

