import { PUBLIC_FUNCTIONS as FORENING_FUNCTIONS } from "../forening/public";

/**
 * Add-on only: the start item (a bound script is never opened in AuthMode.NONE, and its first menu
 * click asks for authorisation by itself) and onInstall (a Marketplace install; a bound script has none).
 */
export const ADDON_ONLY = ["menuStart", "onInstall"] as const;

type AddonOnly = (typeof ADDON_ONLY)[number];

/** Every top-level function of build/mal/Code.js: the add-on's, minus the add-on-only ones. */
export const PUBLIC_FUNCTIONS = FORENING_FUNCTIONS.filter(
  (name): name is Exclude<(typeof FORENING_FUNCTIONS)[number], AddonOnly> =>
    !(ADDON_ONLY as ReadonlyArray<string>).includes(name),
);
