import { promises as fs, Stats } from "node:fs";
import * as yauzl from "yauzl";
import * as path from "node:path";
import { readAssociationXlsx } from "../adapters/xlsx/association-reader";
import { AssociationSource } from "../core/association-result";
import { samspillWorkbookKind } from "../core/central-inputs";
import { Issue } from "../core/issues";
import { IsoDate } from "../core/dates";
import { readForm } from "../core/read";
import { annualReport } from "../core/templates/association";
import { UserError } from "./user-error";

/** Local mode: one workbook file per association; its ID is the file name without the extension. */
export interface AssociationFile {
  id: string;
  /** Absolute path, as listed in the folder. */
  file: string;
  /** The real path: every spelling of a path and every link to the file is this one path. */
  real: string;
  /** The file name as it is in the folder. */
  name: string;
}

/** What a look at the source folder found: the associations, and what it left out and why. */
export interface SourceListing {
  files: AssociationFile[];
  /** Warnings about the folder (Avvik, «Sentralt regneark»): files left out, IDs made distinct. */
  issues: Issue[];
}

export interface ListOptions {
  /** Files that are never associations (the --out file and the summary), by any spelling. */
  exclude?: ReadonlyArray<string>;
}

const WORKBOOK = /\.(xlsx|xlsm)$/i;
const OTHER_FORMAT = /\.(xls|ods|csv)$/i;

function folderNote(name: string, code: string, message: string): Issue {
  return { sheet: "", cell: name, code, severity: "warning", message };
}

/**
 * The associations of a source folder (SPEC "Hostile input"): .xlsx and .xlsm files, plus .xls, .ods
 * and .csv so they are reported; one per real file. Left out, each with a warning: folders, FIFOs and
 * devices (never opened), links to a file already listed, and workbooks Samspill wrote (a central, a
 * partner view, recognised by their tabs). Left out silently: the --out file and the summary, temp and
 * lock files, Excel's own `~$` owner files and hidden files. IDs are case-insensitively distinct.
 */
export async function scanSourceFolder(dir: string, options: ListOptions = {}): Promise<SourceListing> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UserError(`Mappen «${dir}» finnes ikke`, 2);
    if (code === "ENOTDIR") throw new UserError(`«${dir}» er ikke en mappe`, 2);
    if (code === "EACCES" || code === "EPERM") throw new UserError(`Samspill har ikke lov til å lese mappen «${dir}»`, 2);
    throw error;
  }
  const excluded = new Set(await Promise.all((options.exclude ?? []).map((file) => realFile(file))));
  const issues: Issue[] = [];
  const files: AssociationFile[] = [];
  const seen = new Map<string, string>();
  for (const name of names.sort()) {
    if (name.startsWith("~$") || name.startsWith(".")) continue;
    const workbook = WORKBOOK.test(name);
    if (!workbook && !OTHER_FORMAT.test(name)) continue;
    const full = path.resolve(dir, name);
    let stat: Stats;
    try {
      stat = await fs.stat(full); // follows links: a link to /dev/zero is a device
    } catch {
      issues.push(folderNote(name, "not_a_file", `«${name}» er en snarvei til en fil som ikke finnes, og leses ikke`));
      continue;
    }
    if (stat.isDirectory()) {
      issues.push(folderNote(name, "not_a_file", `«${name}» er en mappe, ikke et regneark, og leses ikke`));
      continue;
    }
    if (!stat.isFile()) {
      issues.push(folderNote(name, "not_a_file", `«${name}» er ikke en vanlig fil (men f.eks. et rør eller en enhet) og leses ikke`));
      continue;
    }
    const real = await realFile(full);
    if (excluded.has(real)) continue;
    const earlier = seen.get(real);
    if (earlier !== undefined) {
      issues.push(folderNote(name, "same_file", `«${name}» er den samme filen som «${earlier}»; den leses og telles bare én gang`));
      continue;
    }
    seen.set(real, name);
    if (workbook) {
      const kind = samspillWorkbookKind(await tabNames(real));
      if (kind) {
        const what = kind === "central" ? "et sentralt regneark" : "en kommunevisning";
        issues.push(folderNote(name, "samspill_workbook", `«${name}» er ${what} laget av Samspill, ikke en forenings regneark, og leses ikke som forening`));
        continue;
      }
    }
    // .xls, .ods and .csv are listed too: the reader gives them «Kan ikke leses» with «Lagre som .xlsx».
    files.push({ id: name.replace(/\.[^.]+$/, ""), file: full, real, name });
  }
  return { files: distinctIds(files, issues), issues };
}

export async function listAssociationFiles(dir: string, options: ListOptions = {}): Promise<AssociationFile[]> {
  return (await scanSourceFolder(dir, options)).files;
}

/** IDs compare case-insensitively: `Lillevik.xlsx` and `lillevik.xlsx` get `Lillevik` and `lillevik-2`. */
function distinctIds(files: AssociationFile[], issues: Issue[]): AssociationFile[] {
  const taken = new Map<string, AssociationFile>();
  return files.map((f) => {
    const first = taken.get(f.id.toLowerCase());
    if (!first) {
      taken.set(f.id.toLowerCase(), f);
      return f;
    }
    const id = freeId(f.id, (candidate) => taken.has(candidate.toLowerCase()));
    const renamed = { ...f, id };
    taken.set(id.toLowerCase(), renamed);
    issues.push(folderNote(f.name, "id_collision", `«${f.name}» og «${first.name}» har samme navn når store og små bokstaver regnes likt; «${f.name}» får ID «${id}»`));
    return renamed;
  });
}

/** `base`, or `base-2`, `base-3` … : the first that `taken` does not hold. */
export function freeId(base: string, taken: (id: string) => boolean): string {
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

/** The real path of a file (links and spellings resolved); the resolved path when it does not exist. */
export async function realFile(file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch {
    // A missing file: resolve its folder when that exists, so the same missing file has one name.
    try {
      return path.join(await fs.realpath(path.dirname(path.resolve(file))), path.basename(file));
    } catch {
      return path.resolve(file);
    }
  }
}

/**
 * The tab names of a workbook, from its xl/workbook.xml only (the central directory and one small
 * part; nothing else is inflated). Empty when the file is not a readable package: the reader then
 * says why.
 */
export async function tabNames(file: string): Promise<string[]> {
  let zip: yauzl.ZipFile | undefined;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
    const entry = await findEntry(zip, "xl/workbook.xml");
    if (!entry || entry.uncompressedSize > WORKBOOK_XML_MAX) return [];
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of await zip.openReadStreamPromise(entry)) {
      size += (chunk as Buffer).length;
      if (size > WORKBOOK_XML_MAX) return [];
      chunks.push(chunk as Buffer);
    }
    const xml = Buffer.concat(chunks).toString("utf8");
    return [...xml.matchAll(/<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) => decodeXml(m[1]));
  } catch {
    return [];
  } finally {
    zip?.close();
  }
}

const WORKBOOK_XML_MAX = 2 ** 20;

function findEntry(zip: yauzl.ZipFile, name: string): Promise<yauzl.Entry | undefined> {
  return new Promise((resolve, reject) => {
    let count = 0;
    zip.on("entry", (entry: yauzl.Entry) => {
      if (entry.fileName.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase() === name) resolve(entry);
      else if (++count > 10_000) resolve(undefined);
      else zip.readEntry();
    });
    zip.on("end", () => resolve(undefined));
    zip.on("error", reject);
    zip.readEntry();
  });
}

function decodeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (whole, code: string) => {
    const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
    if (code in named) return named[code];
    const n = code[1] === "x" || code[1] === "X" ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
    return Number.isFinite(n) ? String.fromCodePoint(n) : whole;
  });
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
