/**
 * Apps Script enums. Google's enum values are singleton objects whose toString() is their name; here
 * they are their name as a string, which keeps `===` comparison, `String(x)` and `x.toString()` working.
 */
function names<K extends string>(...keys: K[]): { readonly [P in K]: P } {
  const out = {} as { [P in K]: P };
  for (const key of keys) out[key] = key;
  return Object.freeze(out);
}

export const DataValidationCriteria = names(
  "DATE_AFTER",
  "DATE_BEFORE",
  "DATE_BETWEEN",
  "DATE_EQUAL_TO",
  "DATE_IS_VALID_DATE",
  "DATE_NOT_BETWEEN",
  "DATE_ON_OR_AFTER",
  "DATE_ON_OR_BEFORE",
  "NUMBER_BETWEEN",
  "NUMBER_EQUAL_TO",
  "NUMBER_GREATER_THAN",
  "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  "NUMBER_LESS_THAN",
  "NUMBER_LESS_THAN_OR_EQUAL_TO",
  "NUMBER_NOT_BETWEEN",
  "NUMBER_NOT_EQUAL_TO",
  "TEXT_CONTAINS",
  "TEXT_DOES_NOT_CONTAIN",
  "TEXT_EQUAL_TO",
  "TEXT_IS_VALID_EMAIL",
  "TEXT_IS_VALID_URL",
  "VALUE_IN_LIST",
  "VALUE_IN_RANGE",
  "CUSTOM_FORMULA",
  "CHECKBOX",
);
export type DataValidationCriteriaName = keyof typeof DataValidationCriteria;

export const BooleanCriteria = names(
  "CELL_EMPTY",
  "CELL_NOT_EMPTY",
  "DATE_AFTER",
  "DATE_BEFORE",
  "DATE_EQUAL_TO",
  "NUMBER_BETWEEN",
  "NUMBER_EQUAL_TO",
  "NUMBER_GREATER_THAN",
  "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  "NUMBER_LESS_THAN",
  "NUMBER_LESS_THAN_OR_EQUAL_TO",
  "NUMBER_NOT_BETWEEN",
  "NUMBER_NOT_EQUAL_TO",
  "TEXT_CONTAINS",
  "TEXT_DOES_NOT_CONTAIN",
  "TEXT_EQUAL_TO",
  "TEXT_STARTS_WITH",
  "TEXT_ENDS_WITH",
  "CUSTOM_FORMULA",
);
export type BooleanCriteriaName = keyof typeof BooleanCriteria;

export const ProtectionType = names("RANGE", "SHEET");
export type ProtectionTypeName = keyof typeof ProtectionType;
export const WrapStrategy = names("WRAP", "OVERFLOW", "CLIP");
export type WrapStrategyName = keyof typeof WrapStrategy;
export const BorderStyle = names("DOTTED", "DASHED", "SOLID", "SOLID_MEDIUM", "SOLID_THICK", "DOUBLE");
export const SheetType = names("GRID", "OBJECT", "DATASOURCE");
export const Dimension = names("COLUMNS", "ROWS");

export const AuthMode = names("NONE", "CUSTOM_FUNCTION", "LIMITED", "FULL");
export type AuthModeName = keyof typeof AuthMode;
export const AuthorizationStatus = names("REQUIRED", "NOT_REQUIRED");
export const TriggerSource = names("SPREADSHEETS", "CLOCK", "FORMS", "DOCUMENTS", "CALENDAR");
export const EventType = names(
  "CLOCK",
  "ON_OPEN",
  "ON_EDIT",
  "ON_FORM_SUBMIT",
  "ON_CHANGE",
  "ON_EVENT_UPDATED",
);

export const Button = names("CLOSE", "OK", "CANCEL", "YES", "NO");
export type ButtonName = keyof typeof Button;
export const ButtonSet = names("OK", "OK_CANCEL", "YES_NO", "YES_NO_CANCEL");
export type ButtonSetName = keyof typeof ButtonSet;

export const SandboxMode = names("EMULATED", "IFRAME", "NATIVE");
export const XFrameOptionsMode = names("ALLOWALL", "DEFAULT");

export const ChartType = names(
  "AREA",
  "BAR",
  "BUBBLE",
  "CANDLESTICK",
  "COLUMN",
  "COMBO",
  "GAUGE",
  "GEO",
  "HISTOGRAM",
  "LINE",
  "ORG",
  "PIE",
  "SCATTER",
  "SPARKLINE",
  "STEPPED_AREA",
  "TABLE",
  "TIMELINE",
  "TREEMAP",
  "WATERFALL",
);

export const Access = names("ANYONE", "ANYONE_WITH_LINK", "DOMAIN", "DOMAIN_WITH_LINK", "PRIVATE");
export const Permission = names("VIEW", "EDIT", "COMMENT", "OWNER", "ORGANIZER", "NONE");
