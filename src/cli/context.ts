import * as os from "node:os";
import { Presets, SingleBar } from "cli-progress";
import { UserError } from "./user-error";

/** What a command needs from its surroundings; tests and the demo pass their own. */
export interface CliContext {
  out: (line: string) => void;
  err: (line: string) => void;
  /** The clock. `SAMSPILL_NOW` (an ISO instant) fixes it, for reproducible runs and tests. */
  now: () => Date;
  user: string;
  /** Show progress bars (stderr is a terminal). */
  interactive: boolean;
}

export function processContext(): CliContext {
  const fixed = process.env.SAMSPILL_NOW ? new Date(process.env.SAMSPILL_NOW) : undefined;
  if (fixed && Number.isNaN(fixed.getTime())) {
    throw new UserError(`SAMSPILL_NOW er ikke et gyldig tidspunkt: «${process.env.SAMSPILL_NOW}». Bruk f.eks. 2026-03-01T10:00:00Z, eller fjern variabelen.`, 2);
  }
  let user = "samspill";
  try {
    user = os.userInfo().username || user;
  } catch {
    // no user database (containers): keep the default
  }
  return {
    out: (line) => process.stdout.write(line + "\n"),
    err: (line) => process.stderr.write(line + "\n"),
    now: () => (fixed ? new Date(fixed.getTime()) : new Date()),
    user,
    interactive: process.stderr.isTTY === true && !process.env.CI,
  };
}

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/** A progress bar on stderr when it is a terminal; nothing at all otherwise. */
export function progress(context: CliContext, label: string): Progress {
  if (!context.interactive) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({ format: `${label} [{bar}] {value}/{total}`, stream: process.stderr, hideCursor: true, clearOnComplete: true }, Presets.shades_classic);
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
