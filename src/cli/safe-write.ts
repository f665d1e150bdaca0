import { promises as fs } from "node:fs";
import * as path from "node:path";
import lockfile from "proper-lockfile";
import { UserError } from "./user-error";

/**
 * Writes that cannot half-happen (SPEC "Hostile input"): one local rollup per central file at a time
 * (a lock next to it), and the central file and the summary written as a pair — both or neither.
 */

/** A file to be written: `write` puts the whole content into the (temporary) path it is given. */
export interface PendingFile {
  target: string;
  write: (temporary: string) => Promise<void>;
}

const TEMP = "tmp";
const BACKUP = "old";

function sibling(target: string, kind: string): string {
  return `${target}.${process.pid}.${kind}`;
}

/** `sentral.xlsx.1234.tmp` / `sentral.xlsx.1234.old`: what a run of Samspill leaves next to `target` while it writes. */
function isDebrisOf(target: string, name: string): boolean {
  const base = path.basename(target);
  return (
    name.startsWith(`${base}.`) &&
    new RegExp(`^\\d+\\.(${TEMP}|${BACKUP})$`).test(name.slice(base.length + 1))
  );
}

/**
 * Removes what a killed run left next to the targets. Called with the lock held, so no live run of
 * this central is writing them. A backup (`.old`) of a target that is missing is put back first: a
 * run killed between its two renames then leaves the earlier file, never none.
 */
export async function cleanDebris(targets: ReadonlyArray<string>): Promise<string[]> {
  const removed: string[] = [];
  for (const target of targets) {
    const folder = path.dirname(path.resolve(target));
    let names: string[];
    try {
      names = await fs.readdir(folder);
    } catch {
      continue;
    }
    for (const name of names.filter((n) => isDebrisOf(target, n)).sort()) {
      const full = path.join(folder, name);
      if (name.endsWith(`.${BACKUP}`) && !(await exists(target))) await fs.rename(full, path.resolve(target));
      else await fs.rm(full, { force: true });
      removed.push(full);
    }
  }
  return removed;
}

/**
 * Writes every file to a temporary file next to it, and only when all are written, renames them
 * into place. If a rename fails, the files already renamed are put back as they were (from a hard
 * link, or a copy, made just before), so the pair is never half new, half old.
 */
export async function writeTogether(files: ReadonlyArray<PendingFile>): Promise<void> {
  const written: string[] = [];
  try {
    for (const file of files) {
      await fs.mkdir(path.dirname(path.resolve(file.target)), { recursive: true });
      const temporary = sibling(file.target, TEMP);
      written.push(temporary);
      await file.write(temporary);
    }
  } catch (error) {
    await Promise.all(written.map((t) => fs.rm(t, { force: true })));
    throw error;
  }

  const done: Array<{ target: string; backup?: string }> = [];
  try {
    for (const file of files) {
      let backup: string | undefined;
      if (await exists(file.target)) {
        backup = sibling(file.target, BACKUP);
        await fs.rm(backup, { force: true });
        await fs.link(file.target, backup).catch(() => fs.copyFile(file.target, backup!));
      }
      await fs.rename(sibling(file.target, TEMP), file.target);
      done.push({ target: file.target, backup });
    }
  } catch (error) {
    for (const { target, backup } of done.reverse()) {
      if (backup) await fs.rename(backup, target).catch(() => undefined);
      else await fs.rm(target, { force: true }).catch(() => undefined);
    }
    await Promise.all(files.map((f) => fs.rm(sibling(f.target, TEMP), { force: true })));
    throw error;
  }
  await Promise.all(done.map(({ backup }) => (backup ? fs.rm(backup, { force: true }) : undefined)));
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}

export interface HeldLock {
  /** Throws when the lock was lost (e.g. the machine slept past its staleness): then nothing may be written. */
  check(): void;
  release(): Promise<void>;
}

/**
 * A lock not kept fresh for 10 s is a killed run's (a live run touches it every 2 s); a second run
 * waits about 25 s, longer than that, so it takes over a killed run's lock but not a live one's.
 */
const STALE_MS = 10_000;
const WAIT = { retries: 16, factor: 1.2, minTimeout: 300, maxTimeout: 2_500 };

/**
 * Takes the lock of a central file (`sentral.xlsx.lock`, a folder made atomically by proper-lockfile).
 * A lock whose run was killed goes stale after 10 s and is taken over. While another run holds it,
 * this waits about 25 s, then refuses with a message.
 */
export async function lockCentral(file: string): Promise<HeldLock> {
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  let compromised: Error | undefined;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(path.resolve(file), {
      realpath: false,
      stale: STALE_MS,
      update: STALE_MS / 5,
      retries: WAIT,
      onCompromised: (error) => {
        compromised = error;
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOCKED") {
      throw new UserError(
        `En annen innhenting skriver til «${file}» akkurat nå. Vent til den er ferdig, og prøv igjen.`,
        1,
      );
    }
    throw error;
  }
  return {
    check: () => {
      if (compromised)
        throw new UserError(
          `Låsen på «${file}» gikk tapt underveis (en annen innhenting kan ha tatt over). Ingenting er skrevet; prøv igjen.`,
          1,
        );
    },
    release: async () => {
      if (compromised) return;
      await release().catch(() => undefined);
    },
  };
}
