/**
 * Public functions: the only names a target's bundle exposes as top-level functions (scripts/build.ts
 * generates one wrapper per name). Everything else stays private inside the bundle's IIFE, so
 * google.script.run and the Apps Script editor see exactly this list.
 */
export type PublicFunctions<Names extends string> = { readonly [N in Names]: (...args: any[]) => unknown };

/** Declares a target's public names; `satisfies PublicFunctions<...>` on the exports keeps them in sync. */
export function publicNames<const Names extends string>(...names: Names[]): ReadonlyArray<Names> {
  return names;
}
