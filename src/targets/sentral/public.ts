/**
 * The sentral script's menu and the only functions Apps Script sees (scripts/build.ts generates one
 * top-level wrapper per name). Kept free of imports so the build can read it cheaply.
 */
export const MENU = "Samspill sentralt";
export const CONTINUE_HANDLER = "continueRollup";
/** The one-off trigger that continues «Oppdater kommunevisninger» after its time budget. */
export const CONTINUE_VIEWS_HANDLER = "continuePartnerViews";

/** Menu item → public function, in menu order (a separator before «Send påminnelser»). */
export const MENU_ITEMS: ReadonlyArray<readonly [string, string]> = [
  ["Hent inn og summer", "collectAndSummarise"],
  ["Opprett regneark for ny forening", "createAssociationSpreadsheet"],
  ["Oppdater kommunevisninger", "updatePartnerViews"],
  ["Send påminnelser", "showReminders"],
  ["Innsamlingsstatus", "showCollectionStatus"],
  ["Selvtest", "menuSelfTest"],
];

/** The only item before the script is authorised (AuthMode.NONE). */
export const START_ITEM: readonly [string, string] = ["Start Samspill", "enableSamspill"];

export const SIDEBAR_API = ["getCollectionStatus", "previewReminders", "sendReminders", "getSelfTest"] as const;

export const PUBLIC_FUNCTIONS = [
  "onOpen",
  "enableSamspill",
  "collectAndSummarise",
  "createAssociationSpreadsheet",
  "updatePartnerViews",
  "showReminders",
  "showCollectionStatus",
  "menuSelfTest",
  "continueRollup",
  "continuePartnerViews",
  ...SIDEBAR_API,
] as const;
