import type { ForeningApi, SelfTestApi } from "../../ui/api-types";
import { MenuEntry, menuFunctions } from "../shared/menu";

/** The add-on's menu (Utvidelser → Samspill) once the user has authorised it in this spreadsheet. */
export const FULL_MENU = [
  { label: "Sett opp rapportmal", fn: "menuSetUp" },
  { label: "Kontroller rapporten", fn: "menuCheck" },
  { label: "Registrer aktivitet…", fn: "menuActivity" },
  { label: "Milepæler…", fn: "menuMilestones" },
  "separator",
  { label: "Send inn rapporten", fn: "menuSubmit" },
  "separator",
  { label: "Selvtest", fn: "menuSelfTest" },
] as const satisfies ReadonlyArray<MenuEntry>;

/** Before authorisation (AuthMode.NONE) the menu only offers to start. */
export const START_MENU = [{ label: "Start Samspill", fn: "menuStart" }] as const satisfies ReadonlyArray<MenuEntry>;

export const TRIGGERS = ["onOpen", "onInstall", "onEdit"] as const;

/** Server functions the sidebars call through google.script.run. */
export const SIDEBAR_FUNCTIONS = ["getProblems", "selectCell", "getActivityForm", "addActivity", "getMilestones", "setMilestoneStatus", "addMilestone", "getSelfTest"] as const satisfies ReadonlyArray<keyof (ForeningApi & SelfTestApi)>;

/** Sidebar files (build/forening/<name>.html) and their titles. */
export const SIDEBARS = {
  kontroller: "Kontroller rapporten",
  aktivitet: "Registrer aktivitet",
  milepaeler: "Milepæler",
  selvtest: "Selvtest",
} as const;

type MenuFunction = Extract<(typeof FULL_MENU)[number] | (typeof START_MENU)[number], { fn: string }>["fn"];
export type PublicName = (typeof TRIGGERS)[number] | MenuFunction | (typeof SIDEBAR_FUNCTIONS)[number];

/** Every top-level function of build/forening/Code.js, and nothing else. */
export const PUBLIC_FUNCTIONS = [...TRIGGERS, ...menuFunctions(START_MENU), ...menuFunctions(FULL_MENU), ...SIDEBAR_FUNCTIONS] as PublicName[];
