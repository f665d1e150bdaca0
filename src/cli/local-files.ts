import { promises as fs } from "node:fs";
import * as path from "node:path";
import { readAssociationXlsx } from "../adapters/xlsx/association-reader";
import { AssociationSource } from "../core/association";
import { IsoDate } from "../core/dates";
import { readForm } from "../core/read";
import { annualReport } from "../core/templates/association";
import { UserError } from "./errors";

/** Local mode: one .xlsx file per association; its ID is the file name without ".xlsx". */
export interface AssociationFile {
  id: string;
  /** Absolute path. */
  file: string;
}

export async function listAssociationFiles(dir: string): Promise<AssociationFile[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UserError(`Mappen «${dir}» finnes ikke`, 2);
    if (code === "ENOTDIR") throw new UserError(`«${dir}» er ikke en mappe`, 2);
    throw error;
  }
  return names
    .filter((name) => /\.xlsx$/i.test(name) && !name.startsWith("~$") && !name.startsWith("."))
    .sort()
    .map((name) => ({ id: name.replace(/\.xlsx$/i, ""), file: path.resolve(dir, name) }));
}

/**
 * Opens one association file as the rollup sees it, through the bounded reader
 * (adapters/xlsx/reader.ts): read, not found, or «Kan ikke leses» with the reason (too large, not a
 * regular file, damaged, or another format such as .xls/.ods/.csv: «Lagre som .xlsx»). Never throws.
 */
export async function readAssociationFile(file: string): Promise<AssociationSource> {
  return readAssociationXlsx(file);
}

export interface FileIdentity {
  name?: string;
  municipalityNumber?: string;
  orgNumber?: string;
  year?: number;
}

/** Name, municipality and year as the association wrote them in its Årsrapport (when readable). */
export function identityOf(source: AssociationSource, today: IsoDate): FileIdentity {
  if (source.kind !== "read") return {};
  const { values } = readForm(annualReport, source.sheets[annualReport.name], { year: 0, today });
  return { name: values.associationName, municipalityNumber: values.municipalityNumber, orgNumber: values.orgNumber, year: values.year };
}

/** The year most associations report for (ties: the latest); undefined when none says. */
export function commonYear(identities: ReadonlyArray<FileIdentity>): number | undefined {
  const counts = new Map<number, number>();
  for (const { year } of identities) if (year !== undefined) counts.set(year, (counts.get(year) ?? 0) + 1);
  let best: number | undefined;
  for (const [year, count] of counts) if (best === undefined || count > counts.get(best)! || (count === counts.get(best)! && year > best)) best = year;
  return best;
}

/** A path as written in Foreninger: relative to the central file's folder, with forward slashes. */
export function registryPath(centralFile: string, file: string): string {
  return path.relative(path.dirname(path.resolve(centralFile)), file).split(path.sep).join("/");
}

export function resolveRegistryPath(centralFile: string, reference: string): string {
  return path.resolve(path.dirname(path.resolve(centralFile)), reference.trim());
}

/** Runs `task` over `items` with at most `limit` at a time, keeping the order of the results. */
export async function pool<T, R>(items: ReadonlyArray<T>, limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
