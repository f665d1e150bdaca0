import { StandIn } from "./counting";
import { formatInZone } from "./dates";

export class Utilities extends StandIn {
  readonly kind = "Utilities";
  /** Advances the world's virtual clock; returns at once. */
  sleep(milliseconds: number): void {
    this.view.world.clock.advance(milliseconds);
  }
  formatDate(date: Date, timeZone: string, format: string): string {
    return formatInZone(new Date(date), timeZone, format);
  }
  base64Encode(data: string): string {
    return Buffer.from(String(data), "utf8").toString("base64");
  }
  base64Decode(encoded: string): number[] {
    return [...Buffer.from(encoded, "base64")].map((b) => (b > 127 ? b - 256 : b));
  }
}

export interface LogEntry {
  level: "log" | "info" | "warn" | "error";
  message: string;
}

function render(args: unknown[]): string {
  return args
    .map((a) => (typeof a === "string" ? a : a instanceof Error ? String(a) : JSON.stringify(a)))
    .join(" ");
}

export class Logger extends StandIn {
  readonly kind = "Logger";
  /** Logger.log(format, ...values) with %s placeholders, or Logger.log(value). */
  log(data: unknown, ...values: unknown[]): this {
    let message = typeof data === "string" ? data : render([data]);
    for (const value of values)
      message = message.replace(/%s/, typeof value === "string" ? value : render([value]));
    this.view.world.logs.push({ level: "log", message });
    return this;
  }
  clear(): void {
    this.view.world.logs.length = 0;
  }
}

/** Apps Script's console (Cloud Logging): records into world.logs; not counted as a service call. */
export function recordingConsole(logs: LogEntry[]): Console {
  const at =
    (level: LogEntry["level"]) =>
    (...args: unknown[]) => {
      logs.push({ level, message: render(args) });
    };
  return {
    ...console,
    log: at("log"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    debug: at("log"),
  } as Console;
}
