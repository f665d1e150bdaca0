/**
 * A typed, promise-based client over google.script.run (runs in the sidebar, in the browser).
 *
 * Only plain JSON crosses google.script.run: Date values cannot (they arrive as null or make the
 * call fail), so the API types carry dates as ISO text, and this client refuses a Date argument
 * before it is sent rather than letting it vanish on the way.
 */

/** The subset of google.script.run a sidebar uses. */
export interface ScriptRun {
  withSuccessHandler(handler: (value: any) => void): ScriptRun;
  withFailureHandler(handler: (error: any) => void): ScriptRun;
  [functionName: string]: any;
}

type AnyFunction = (...args: any[]) => any;

/** Each server function becomes an async function of the same arguments. */
export type Client<Api> = { [K in keyof Api]: Api[K] extends AnyFunction ? (...args: Parameters<Api[K]>) => Promise<ReturnType<Api[K]>> : never };

declare global {
  interface Window {
    google?: { script?: { run?: ScriptRun; host?: { close(): void } } };
  }
}

/** Throws when a value cannot cross google.script.run unchanged (Date, function, undefined in arrays…). */
export function assertPlain(value: unknown, path = "argument"): void {
  if (value === null || typeof value === "string" || typeof value === "boolean") return;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`${path} er ikke et endelig tall`);
    return;
  }
  if (value instanceof Date) throw new TypeError(`${path} er en Date; send datoer som ISO-tekst (ÅÅÅÅ-MM-DD)`);
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertPlain(item, `${path}[${i}]`));
    return;
  }
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) assertPlain(item, `${path}.${key}`);
    return;
  }
  throw new TypeError(`${path} kan ikke sendes til serveren`);
}

/** The message to show for a failed call: Apps Script hands over an Error or a string. */
export function failureMessage(error: unknown): string {
  if (error && typeof error === "object" && "message" in error && typeof (error as Error).message === "string") return (error as Error).message;
  return typeof error === "string" && error ? error : "Ukjent feil fra serveren";
}

export function createClient<Api extends object>(names: ReadonlyArray<keyof Api & string>, run?: () => ScriptRun | undefined): Client<Api> {
  const resolveRun = run ?? (() => window.google?.script?.run);
  const client = {} as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const name of names) {
    client[name] = (...args: unknown[]) =>
      new Promise((resolve, reject) => {
        args.forEach((arg, i) => assertPlain(arg, `${name}(${i + 1})`));
        const runner = resolveRun();
        if (!runner) {
          reject(new Error("Sidepanelet er ikke koblet til regnearket (google.script.run mangler)"));
          return;
        }
        const call = runner
          .withSuccessHandler((value: unknown) => resolve(value))
          .withFailureHandler((error: unknown) => reject(new Error(failureMessage(error))));
        const fn = call[name];
        if (typeof fn !== "function") {
          reject(new Error(`Serverfunksjonen ${name} finnes ikke`));
          return;
        }
        fn.apply(call, args);
      });
  }
  return client as unknown as Client<Api>;
}

export const FORENING_FUNCTIONS = ["getProblems", "selectCell", "getActivityForm", "addActivity", "getMilestones", "setMilestoneStatus", "addMilestone"] as const;
export const SENTRAL_FUNCTIONS = ["getCollectionStatus", "previewReminders", "sendReminders"] as const;
