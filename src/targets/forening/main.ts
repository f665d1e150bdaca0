// Entry of build/forening/Code.js. Each named export is one public function; scripts/build.ts adds a
// top-level wrapper per name in PUBLIC_FUNCTIONS (public.ts). Nothing runs at load time.
import { globalServices } from "../shared/gas";
import { PublicFunctions } from "../shared/public";
import { createForeningApp, ForeningApp, ForeningMenu } from "./app";
import type { PublicName } from "./public";

let app: ForeningApp | undefined;
let menu: ForeningMenu = "addon";
const the = (): ForeningApp => (app ??= createForeningApp(globalServices(), undefined, menu));

/** The bound-script target (src/targets/mal/main.ts) runs these same entry points with its top-level menu. */
export function useBoundMenu(): void {
  menu = "bound";
  app = undefined;
}

export const onOpen: ForeningApp["onOpen"] = (e) => the().onOpen(e);
export const onInstall: ForeningApp["onInstall"] = (e) => the().onInstall(e);
export const onEdit: ForeningApp["onEdit"] = (e) => the().onEdit(e);
export const menuStart = () => the().menuStart();
export const menuSetUp = () => the().menuSetUp();
export const menuCheck = () => the().menuCheck();
export const menuActivity = () => the().menuActivity();
export const menuMilestones = () => the().menuMilestones();
export const menuSubmit = () => the().menuSubmit();
export const menuSelfTest = () => the().menuSelfTest();
export const getSelfTest = () => the().getSelfTest();
export const getProblems = () => the().getProblems();
export const selectCell: ForeningApp["selectCell"] = (sheet, cell) => the().selectCell(sheet, cell);
export const getActivityForm = () => the().getActivityForm();
export const addActivity: ForeningApp["addActivity"] = (values) => the().addActivity(values);
export const getMilestones = () => the().getMilestones();
export const setMilestoneStatus: ForeningApp["setMilestoneStatus"] = (row, status, completedDate) => the().setMilestoneStatus(row, status, completedDate);
export const addMilestone: ForeningApp["addMilestone"] = (values) => the().addMilestone(values);

// Compile-time check that every public name is exported above (the build checks the built file).
void ({ onOpen, onInstall, onEdit, menuStart, menuSetUp, menuCheck, menuActivity, menuMilestones, menuSubmit, menuSelfTest, getSelfTest, getProblems, selectCell, getActivityForm, addActivity, getMilestones, setMilestoneStatus, addMilestone } satisfies PublicFunctions<PublicName>);
