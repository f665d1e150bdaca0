/**
 * Public functions: the only names a target's bundle exposes as top-level functions. Each target's
 * public.ts holds the one list (PUBLIC_FUNCTIONS); its main.ts turns the list into `entry` with
 * entryPoints below, and scripts/build.ts generates one top-level wrapper per name that calls
 * `entry.<name>`. Everything else stays private inside the bundle's IIFE, so google.script.run and
 * the Apps Script editor see exactly this list.
 */
export type PublicFunctions<Names extends string> = { readonly [N in Names]: (...args: any[]) => unknown };

/**
 * One function per public name, each calling the app's function of that name with the same arguments.
 * The app is made on the first call, not at load time: in AuthMode.NONE even touching some services is
 * refused. The type check fails when the app lacks a listed name.
 */
export function entryPoints<Name extends string, App extends PublicFunctions<Name>>(names: ReadonlyArray<Name>, makeApp: () => App): Pick<App, Name> {
  let app: App | undefined;
  const entry = {} as Record<Name, (...args: unknown[]) => unknown>;
  for (const name of names) entry[name] = (...args) => (app ??= makeApp())[name](...args);
  return entry as Pick<App, Name>;
}
