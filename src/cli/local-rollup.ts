import { promises as fs } from "node:fs";
import * as path from "node:path";
import { XlsxWorkbook } from "../adapters/xlsx";
import { AssociationSource } from "../core/association";
import { Cell, columnLetter } from "../core/cell";
import { RegistryAssociation } from "../core/central";
import { todayInOslo } from "../core/dates";
import { grid } from "../core/output-table";
import { locateColumns, readTable } from "../core/read";
import { summaryJson } from "../core/summary";
import { registry } from "../core/templates/central";
import { publishRollup, readAssociations, readCentral, rollupYear, RollupOutcome } from "../services/rollup";
import { centralExists, createCentral, openCentral } from "./central-file";
import { CliContext } from "./context";
import { DASHBOARD, dashboardTable } from "./dashboard";
import { UserError } from "./errors";
import { AssociationFile, commonYear, FileIdentity, identityOf, listAssociationFiles, pool, readAssociationFile, registryPath, resolveRegistryPath } from "./local-files";

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
 */
export async function localRollup(options: LocalRollupOptions, context: CliContext): Promise<LocalRollupResult> {
  const started = context.now();
  const today = todayInOslo(started);
  const created = !centralExists(options.out);
  if (created && !options.source) throw new UserError(`Sentralfilen «${options.out}» finnes ikke ennå. Oppgi --source MAPPE med foreningenes regneark.`, 2);
  const files = options.source ? await listAssociationFiles(options.source) : [];

  // Each file is opened once: what is read to register it is what the rollup counts.
  const sources = new Map<string, AssociationSource>();
  const identities = new Map<string, FileIdentity>();
  const readFile = async (file: string) => {
    let source = sources.get(file);
    if (!source) {
      source = await readAssociationFile(file);
      sources.set(file, source);
      identities.set(file, identityOf(source, today));
    }
    return source;
  };

  let central: XlsxWorkbook;
  if (created) {
    await pool(files, 4, (f) => readFile(f.file));
    const year = options.year ?? commonYear([...identities.values()]) ?? Number(today.slice(0, 4)) - 1;
    central = createCentral(options.out, { year });
  } else central = await openCentral(options.out);

  const registered = registeredPaths(central, options.out);
  const newFiles = files.filter((f) => !registered.has(f.file));
  await pool(newFiles, 4, (f) => readFile(f.file));
  if (newFiles.length) appendToRegistry(central, options.out, newFiles, identities);

  const inputs = readCentral(central, today);
  const year = rollupYear(inputs, options.year, today);
  // Every file in --source is one association, even when its registry row cannot be read
  // (e.g. a file that is not a workbook has no municipality): it is then read on its own.
  const parsed = new Set(readTable(registry, central.read(registry.name), { year, today }).rows.map((r) => resolveRegistryPath(options.out, r.spreadsheet)));
  for (const f of files) {
    if (parsed.has(f.file)) continue;
    const identity = identities.get(f.file) ?? {};
    inputs.associations.push(orphan(f, identity, registryPath(options.out, f.file)));
  }

  const readAt: Record<string, string> = {};
  const results = await readAssociations(inputs, year, today, {
    concurrency: options.concurrency ?? 4,
    openAssociation: (entry) => readFile(resolveRegistryPath(options.out, entry.spreadsheet)),
    onProgress: (done, total, id) => {
      readAt[id] = context.now().toISOString();
      options.onProgress?.(done, total);
    },
  });
  const seconds = Math.round((context.now().getTime() - started.getTime()) / 100) / 10;
  const outcome = publishRollup({ central, inputs, year, today, results, readAt, log: { at: started.toISOString(), user: context.user, action: "samspill rollup", seconds } });

  const isNewDashboard = !central.sheetNames().includes(DASHBOARD);
  const dashboard = dashboardTable(outcome.summary);
  central.write(dashboard.name, grid(dashboard), dashboard.formats, dashboard.layout);
  if (isNewDashboard) central.moveSheet(DASHBOARD, 0);
  await central.save();
  if (options.summary) {
    await fs.mkdir(path.dirname(path.resolve(options.summary)), { recursive: true });
    await fs.writeFile(options.summary, summaryJson(outcome.summary));
  }
  return { outcome, central, created, added: newFiles.map((f) => f.id) };
}

/** Every file Foreninger points at (read raw, so rows with errors and inactive rows count too). */
function registeredPaths(central: XlsxWorkbook, out: string): Set<string> {
  const cells = central.read(registry.name) ?? [];
  const [spreadsheet] = locateColumns(registry, cells[0] ?? [], []).filter((_, i) => registry.keys[i] === "spreadsheet");
  const paths = new Set<string>();
  if (spreadsheet === undefined || spreadsheet < 0) return paths;
  for (const row of cells.slice(1)) {
    const reference = String(row[spreadsheet] ?? "").trim();
    if (reference) paths.add(resolveRegistryPath(out, reference));
  }
  return paths;
}

function appendToRegistry(central: XlsxWorkbook, out: string, files: AssociationFile[], identities: Map<string, FileIdentity>): void {
  const header = central.read(registry.name)?.[0] ?? [];
  const indexes = locateColumns(registry, header, []);
  let width = header.length;
  const at = registry.keys.map((_, i) => (indexes[i] >= 0 ? indexes[i] : width++));
  if (width > header.length) {
    central.setCells(registry.name, registry.keys.flatMap((key, i) => (indexes[i] >= 0 ? [] : [{ cell: `${columnLetter(at[i])}1`, value: registry.columns[key].header as Cell }])));
  }
  const rows = files.map((f) => {
    const identity = identities.get(f.file) ?? {};
    const values: Record<string, Cell> = { id: f.id, name: identity.name ?? f.id, orgNumber: identity.orgNumber ?? "", municipalityNumber: identity.municipalityNumber ?? "", spreadsheet: registryPath(out, f.file), contactEmail: "", partnerEmails: "", active: "Ja" };
    const row: Cell[] = Array.from({ length: width }, () => "");
    registry.keys.forEach((key, i) => (row[at[i]] = values[key]));
    return row;
  });
  central.append(registry.name, rows);
}

function orphan(file: AssociationFile, identity: FileIdentity, reference: string): RegistryAssociation {
  return { id: file.id, name: identity.name ?? file.id, municipalityNumber: identity.municipalityNumber ?? "", spreadsheet: reference, active: "Ja", row: 0, partnerEmailList: [] } as unknown as RegistryAssociation;
}
