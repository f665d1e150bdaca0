import { globalServices } from "../shared/gas";
import { createSentralApp, SentralApp } from "./apps-script/app";
import { PUBLIC_FUNCTIONS } from "./public";

/**
 * Entry of the `sentral` bound script. The build wraps this module in one IIFE and generates one
 * top-level function per name in PUBLIC_FUNCTIONS that calls the export of the same name, so menu
 * items, the continuation trigger and google.script.run find them and every helper stays private.
 */
let app: SentralApp | undefined;
const current = (): SentralApp => (app ??= createSentralApp(globalServices()));

export { PUBLIC_FUNCTIONS };
export const onOpen = (e?: unknown) => current().onOpen(e);
export const enableSamspill = () => current().enableSamspill();
export const collectAndSummarise = () => current().collectAndSummarise();
export const createAssociationSpreadsheet = () => current().createAssociationSpreadsheet();
export const updatePartnerViews = () => current().updatePartnerViews();
export const showReminders = () => current().showReminders();
export const showCollectionStatus = () => current().showCollectionStatus();
export const continueRollup = () => current().continueRollup();
export const continuePartnerViews = () => current().continuePartnerViews();
export const getCollectionStatus = () => current().getCollectionStatus();
export const previewReminders = () => current().previewReminders();
export const sendReminders = () => current().sendReminders();
export const menuSelfTest = () => current().menuSelfTest();
export const getSelfTest = () => current().getSelfTest();
