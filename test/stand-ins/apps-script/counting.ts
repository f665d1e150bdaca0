import type { AuthModeName } from "./enums";
import type { World } from "./world";

/** One simulated execution: who runs it, in which document, in which authorization mode. */
export interface View {
  readonly world: World;
  readonly userEmail: string;
  readonly activeSpreadsheetId: string | null;
  readonly authMode: AuthModeName;
  /** False in time-driven triggers and other contexts without an editor open. */
  readonly uiAvailable: boolean;
  /** Identity of the execution; locks belong to it. */
  readonly execution: { readonly id: number };
  /** The Date constructor of the realm running the code (a vm context has its own). */
  readonly dateCtor: DateConstructor;
}

/**
 * Base of every object the stand-in hands to code under test. The object itself is never handed out:
 * `expose` wraps it in a Proxy that counts each method call (only the outermost one: calls the
 * stand-in makes to itself are free), applies injected faults and records restricted access.
 */
export abstract class StandIn {
  abstract readonly kind: string;
  constructor(readonly view: View) {}
  toString(): string {
    return this.kind;
  }
}

const UNCOUNTED = new Set(["constructor", "toString", "valueOf", "toJSON"]);
const proxies = new WeakMap<object, object>();

export function expose<T extends StandIn>(target: T): T {
  const known = proxies.get(target);
  if (known) return known as T;
  const wrappers = new Map<string, unknown>();
  const proxy: T = new Proxy(target, {
    get(obj, prop) {
      const value: unknown = Reflect.get(obj, prop, obj);
      if (value instanceof StandIn) return expose(value);
      if (
        typeof prop !== "string" ||
        typeof value !== "function" ||
        UNCOUNTED.has(prop) ||
        prop.startsWith("_")
      ) {
        return value;
      }
      let wrapper = wrappers.get(prop);
      if (!wrapper) {
        const method = value as (...args: unknown[]) => unknown;
        wrapper = function (...args: unknown[]): unknown {
          const result = obj.view.world.invoke(obj.view, obj.kind, prop, () => method.apply(obj, args));
          return result === obj ? proxy : exposeResult(result);
        };
        wrappers.set(prop, wrapper);
      }
      return wrapper;
    },
  });
  proxies.set(target, proxy);
  return proxy;
}

function exposeResult(result: unknown): unknown {
  if (result instanceof StandIn) return expose(result);
  if (
    Array.isArray(result) &&
    result.some((x) => x instanceof StandIn || (Array.isArray(x) && x.some((y) => y instanceof StandIn)))
  ) {
    return result.map(exposeResult);
  }
  return result;
}

/** The OAuth scope a restricted call needs (for the permission error in AuthMode.NONE). */
export function restrictedScope(kind: string, method: string): string | undefined {
  switch (kind) {
    case "Spreadsheet":
    case "Sheet":
    case "Range":
    case "RangeList":
    case "Protection":
    case "EmbeddedChart":
      return "https://www.googleapis.com/auth/spreadsheets.currentonly";
    case "SpreadsheetApp":
      return method === "getActiveSpreadsheet"
        ? "https://www.googleapis.com/auth/spreadsheets.currentonly"
        : /^(openById|create)$/.test(method)
          ? "https://www.googleapis.com/auth/spreadsheets"
          : undefined;
    case "PropertiesService":
    case "Properties":
      return "https://www.googleapis.com/auth/script.storage";
    case "Session":
      return /^(getActiveUser|getEffectiveUser)$/.test(method)
        ? "https://www.googleapis.com/auth/userinfo.email"
        : undefined;
    case "LockService":
      return method === "getDocumentLock"
        ? "https://www.googleapis.com/auth/spreadsheets.currentonly"
        : undefined;
    case "ScriptApp":
      return /^(newTrigger|getProjectTriggers|deleteTrigger)$/.test(method)
        ? "https://www.googleapis.com/auth/script.scriptapp"
        : undefined;
    case "MailApp":
      return method === "getRemainingDailyQuota"
        ? undefined
        : "https://www.googleapis.com/auth/script.send_mail";
    case "Sheets.Spreadsheets.Values":
      return "https://www.googleapis.com/auth/spreadsheets";
    default:
      return undefined;
  }
}
