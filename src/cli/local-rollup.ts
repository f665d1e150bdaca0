import { promises as fs } from "node:fs";
import * as path from "node:path";
import { XlsxWorkbook } from "../adapters/xlsx";
import { AssociationSource } from "../core/association-result";
import { Cell, columnLetter } from "../core/cell";
import { RegistryAssociation } from "../core/central-inputs";
import { Issue } from "../core/issues";
import { todayInOslo } from "../core/dates";
import { locateColumns, readTable } from "../core/read";
import { checkedSummaryJson } from "../core/summary-schema";
import { registry } from "../core/templates/central";
import { publishRollup, readAssociations, readCentral, rollupYear, RollupOutcome } from "../services/rollup";
import { centralExists, createCentral, openCentral } from "./central-file";
import { CliContext } from "./context";
import { DASHBOARD, xlsxCharts } from "./xlsx-dashboard";
import { UserError } from "./user-error";
import { AssociationFile, commonYear, FileIdentity, freeId, identityOf, pool, readAssociationFile, realFile, registryPath, resolveRegistryPath, scanSourceFolder } from "./local-files";
import { cleanDebris, HeldLock, lockCentral, PendingFile, writeTogether } from "./safe-write";

export interface LocalRollupOptions {
  /** Folder of association .xlsx files (optional when the central file has a registry already). */
  source?: string;
  /** The central .xlsx (created when missing). */
  out: string;
  /** Where to write the summary JSON. */
  summary?: string;
  year?: number;
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface LocalRollupResult {
  outcome: RollupOutcome;
  central: XlsxWorkbook;
  created: boolean;
  /** Association files added to Foreninger by this run. */
  added: string[];
}

/**
 * `samspill rollup` in local mode. The central file's Oppsett, Foreninger and Historikk are its
 * inputs; files in --source that Foreninger does not list yet are added to it (name and municipality
 * from their Årsrapport). The rollup itself is services/rollup.ts, exactly as Apps Script runs it.
 * One run per central file at a time (a lock next to it); the central file and the summary are
 * written together or not at all (safe-write.ts).
 */
export async function localRollup(options: LocalRollupOptions, context: CliContext): Promise<LocalRollupResult> {
  checkFileNames(options);
  const lock = await lockCentral(options.out);
  try {
    await cleanDebris([options.out, ...(options.summary ? [options.summary] : [])]);
    return await rollupLocked(options, context, lock);
  } finally {
    await lock.release();
  }
}

/** --out is an .xlsx file and --summary a .json file: anything else is refused before any work. */
export function checkFileNames(options: Pick<LocalRollupOptions, "out" | "summary">): void {
  if (!/\.xlsx$/i.test(options.out)) throw new UserError(`--out må være en .xlsx-fil (ikke «${options.out}»).`, 2);
  if (options.summary !== undefined && !/\.json$/i.test(options.summary)) throw new UserError(`--summary må være en .json-fil (ikke «${options.summary}»).`, 2);
}

/** A Foreninger reference resolved to a file: the path to read and the real path that identifies it. */
interface Resolved {
  file: string;
  real: string;
}

async function rollupLocked(options: LocalRollupOptions, context: CliContext, lock: HeldLock): Promise<LocalRollupResult> {
  const started = context.now();
  const today = todayInOslo(started);
  const created = !centralExists(options.out);
  if (created && !options.source) throw new UserError(`Sentralfilen «${options.out}» finnes ikke ennå. Oppgi --source MAPPE med foreningenes regneark.`, 2);
  const listing = options.source ? await scanSourceFolder(options.source, { exclude: [options.out, ...(options.summary ? [options.summary] : [])] }) : { files: [], issues: [] };
  const files = listing.files;

  // Each file is opened once (by its real path): what is read to register it is what the rollup counts.
  const sources = new Map<string, Promise<AssociationSource>>();
  const identities = new Map<string, FileIdentity>();
  const readFile = (f: Resolved) => {
    let source = sources.get(f.real);
    if (!source) {
      source = readAssociationFile(f.file).then((read) => {
        identities.set(f.real, identityOf(read, today));
        return read;
      });
      sources.set(f.real, source);
    }
    return source;
  };

  let central: XlsxWorkbook;
  if (created) {
    await pool(files, 4, (f) => readFile(f));
    const year = options.year ?? commonYear([...identities.values()]) ?? Number(today.slice(0, 4)) - 1;
    central = createCentral(options.out, { year });
  } else central = await openCentral(options.out);

  const { resolved, issues: registryIssues } = await resolveRegistry(central, options, files);
  const registered = new Set([...resolved.values()].map((r) => r.real));
  const newFiles = files.filter((f) => !registered.has(f.real));
  await pool(newFiles, 4, (f) => readFile(f));
  const added = newFiles.length ? appendToRegistry(central, options.out, newFiles, identities) : [];
  for (const f of newFiles) resolved.set(registryPath(options.out, f.file), f);

  const identity = (reference: string) => resolved.get(reference.trim())?.real ?? resolveRegistryPath(options.out, reference);
  const inputs = readCentral(central, today, identity);
  inputs.issues.push(...listing.issues, ...registryIssues);
  const year = rollupYear(inputs, options.year, today);
  // Every file in --source is one association, even when its registry row cannot be read
  // (e.g. a file that is not a workbook has no municipality): it is then read on its own.
  const parsed = new Set(readTable(registry, central.read(registry.name), { year, today }).rows.map((r) => identity(r.spreadsheet)));
  for (const f of files) {
    if (parsed.has(f.real)) continue;
    const identity = identities.get(f.real) ?? {};
    inputs.associations.push(orphan(f, identity, registryPath(options.out, f.file)));
  }

  const readAt: Record<string, string> = {};
  const results = await readAssociations(inputs, year, today, {
    concurrency: options.concurrency ?? 4,
    openAssociation: (entry) => {
      const reference = entry.spreadsheet.trim();
      const file = resolved.get(reference) ?? { file: resolveRegistryPath(options.out, reference), real: identity(reference) };
      return readFile(file);
    },
    onProgress: (done, total, id) => {
      readAt[id] = context.now().toISOString();
      options.onProgress?.(done, total);
    },
  });
  const seconds = Math.round((context.now().getTime() - started.getTime()) / 100) / 10;
  const isNewDashboard = !central.sheetNames().includes(DASHBOARD);
  const outcome = publishRollup({ central, inputs, year, today, results, readAt, log: { at: started.toISOString(), user: context.user, action: "samspill rollup", seconds }, charts: xlsxCharts });
  if (isNewDashboard) central.moveSheet(DASHBOARD, 0);

  const pending: PendingFile[] = [{ target: options.out, write: (temporary) => central.writeFile(temporary) }];
  if (options.summary) {
    const json = checkedSummaryJson(outcome.summary);
    pending.push({ target: options.summary, write: (temporary) => fs.writeFile(temporary, json) });
  }
  lock.check();
  await writeTogether(pending);
  return { outcome, central, created, added };
}

/**
 * Where each Foreninger reference points: the file relative to the central file; for a central moved
 * to another folder, a file of the same name in --source. When none of the references can be found
 * either way, the run stops with one message instead of registering every file a second time.
 */
async function resolveRegistry(central: XlsxWorkbook, options: LocalRollupOptions, files: ReadonlyArray<AssociationFile>): Promise<{ resolved: Map<string, Resolved>; issues: Issue[] }> {
  const byName = new Map(files.map((f) => [f.name, f]));
  const resolved = new Map<string, Resolved>();
  const references = registryReferences(central);
  let byFileName = 0;
  for (const reference of references) {
    if (resolved.has(reference)) continue;
    const file = resolveRegistryPath(options.out, reference);
    if (await isFile(file)) {
      resolved.set(reference, { file, real: await realFile(file) });
      continue;
    }
    const match = byName.get(path.basename(reference.replace(/\\/g, "/")));
    if (match) {
      resolved.set(reference, match);
      byFileName++;
    }
  }
  const issues: Issue[] = [];
  if (references.length > 0 && resolved.size === 0) {
    const where = options.source ? ` eller i «${options.source}»` : "";
    throw new UserError(
      `Ingen av filene i fanen Foreninger i «${options.out}» finnes (stiene leses fra mappen der sentralfilen ligger${where}). ` +
        `Er sentralfilen flyttet? Legg den tilbake ved siden av foreningenes filer, eller oppgi --source MAPPE der filene ligger.`,
      2,
    );
  }
  if (byFileName > 0) {
    const count = byFileName === 1 ? "1 fil" : `${byFileName} filer`;
    issues.push({ sheet: registry.name, cell: "", code: "registry_moved", severity: "warning", message: `${count} i Foreninger fantes ikke der stien peker (sett fra sentralfilen), men ble funnet i «${options.source}» etter filnavn og lest derfra` });
  }
  return { resolved, issues };
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

/** Every reference in Foreninger's Regneark column (read raw, so rows with errors and inactive rows count too). */
function registryReferences(central: XlsxWorkbook): string[] {
  const cells = central.read(registry.name) ?? [];
  const column = locateColumns(registry, cells[0] ?? [], [])[registry.keys.indexOf("spreadsheet")];
  if (column === undefined || column < 0) return [];
  return cells
    .slice(1)
    .map((row) => String(row[column] ?? "").trim())
    .filter(Boolean);
}

/** Adds files to Foreninger; an ID already there (case-insensitively) gets a suffix. Returns the IDs. */
function appendToRegistry(central: XlsxWorkbook, out: string, files: AssociationFile[], identities: Map<string, FileIdentity>): string[] {
  const cells = central.read(registry.name) ?? [];
  const header = cells[0] ?? [];
  const indexes = locateColumns(registry, header, []);
  const idColumn = indexes[registry.keys.indexOf("id")];
  const taken = new Set(idColumn >= 0 ? cells.slice(1).map((row) => String(row[idColumn] ?? "").trim().toLowerCase()) : []);
  let width = header.length;
  const at = registry.keys.map((_, i) => (indexes[i] >= 0 ? indexes[i] : width++));
  if (width > header.length) {
    central.setCells(registry.name, registry.keys.flatMap((key, i) => (indexes[i] >= 0 ? [] : [{ cell: `${columnLetter(at[i])}1`, value: registry.columns[key].header as Cell }])));
  }
  const ids: string[] = [];
  const rows = files.map((f) => {
    const identity = identities.get(f.real) ?? {};
    const id = taken.has(f.id.toLowerCase()) ? freeId(f.id, (candidate) => taken.has(candidate.toLowerCase())) : f.id;
    taken.add(id.toLowerCase());
    ids.push(id);
    const values: Record<string, Cell> = { id, name: identity.name ?? f.id, orgNumber: identity.orgNumber ?? "", municipalityNumber: identity.municipalityNumber ?? "", spreadsheet: registryPath(out, f.file), contactEmail: "", partnerEmails: "", active: "Ja" };
    const row: Cell[] = Array.from({ length: width }, () => "");
    registry.keys.forEach((key, i) => (row[at[i]] = values[key]));
    return row;
  });
  central.append(registry.name, rows);
  return ids;
}

function orphan(file: AssociationFile, identity: FileIdentity, reference: string): RegistryAssociation {
  return { id: file.id, name: identity.name ?? file.id, municipalityNumber: identity.municipalityNumber ?? "", spreadsheet: reference, active: "Ja", row: 0, partnerEmailList: [] } as unknown as RegistryAssociation;
}
