/**
 * Apps Script enums. Google's enum values are singleton objects whose toString() is their name; here
 * they are their name as a string, which keeps `===` comparison, `String(x)` and `x.toString()` working.
 */
function names<K extends string>(...keys: K[]): { readonly [P in K]: P } {
  const out = {} as { [P in K]: P };
  for (const key of keys) out[key] = key;
  return Object.freeze(out);
}

export const ProtectionType = names("RANGE", "SHEET");
export type ProtectionTypeName = keyof typeof ProtectionType;

export const AuthMode = names("NONE", "CUSTOM_FUNCTION", "LIMITED", "FULL");
export type AuthModeName = keyof typeof AuthMode;

export const Button = names("CLOSE", "OK", "CANCEL", "YES", "NO");
export type ButtonName = keyof typeof Button;
export const ButtonSet = names("OK", "OK_CANCEL", "YES_NO", "YES_NO_CANCEL");
export type ButtonSetName = keyof typeof ButtonSet;
