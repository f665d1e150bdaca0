import { MenuEntry, menuFunctions } from "../shared/menu";

/** The sentral script's menu and the only functions Apps Script sees (scripts/build.ts generates one top-level wrapper per name). */
export const MENU = "Samspill sentralt";
export const CONTINUE_HANDLER = "continueRollup";
/** The one-off trigger that continues «Oppdater kommunevisninger» after its time budget. */
export const CONTINUE_VIEWS_HANDLER = "continuePartnerViews";

/** The bound script's top-level menu once authorised, in menu order. */
export const FULL_MENU = [
  { label: "Hent inn og summer", fn: "collectAndSummarise" },
  { label: "Opprett regneark for ny forening", fn: "createAssociationSpreadsheet" },
  { label: "Oppdater kommunevisninger", fn: "updatePartnerViews" },
  "separator",
  { label: "Send påminnelser", fn: "showReminders" },
  { label: "Innsamlingsstatus", fn: "showCollectionStatus" },
  { label: "Selvtest", fn: "menuSelfTest" },
] as const satisfies ReadonlyArray<MenuEntry>;

/** The only item before the script is authorised (AuthMode.NONE). */
export const START_MENU = [{ label: "Start Samspill", fn: "enableSamspill" }] as const satisfies ReadonlyArray<MenuEntry>;

/** Menu item → public function, in menu order (the separators left out). */
export const MENU_ITEMS: ReadonlyArray<readonly [string, string]> = FULL_MENU.flatMap((e) => (e === "separator" ? [] : [[e.label, e.fn] as const]));
export const START_ITEM: readonly [string, string] = [START_MENU[0].label, START_MENU[0].fn];

export const SIDEBAR_API = ["getCollectionStatus", "previewReminders", "sendReminders", "getSelfTest"] as const;

type MenuFunction = Extract<(typeof FULL_MENU)[number] | (typeof START_MENU)[number], { fn: string }>["fn"];
export type PublicName = "onOpen" | MenuFunction | typeof CONTINUE_HANDLER | typeof CONTINUE_VIEWS_HANDLER | (typeof SIDEBAR_API)[number];

/** Every top-level function of build/sentral/Code.js, and nothing else. */
export const PUBLIC_FUNCTIONS = ["onOpen", ...menuFunctions(START_MENU), ...menuFunctions(FULL_MENU), CONTINUE_HANDLER, CONTINUE_VIEWS_HANDLER, ...SIDEBAR_API] as PublicName[];
