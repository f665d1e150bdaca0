import { CollectionDeps, collectionJobs } from "../../services/collection-jobs";
import { SentralApi } from "../../ui/api-types";
import { checked, noArguments } from "../shared/payload";

export type SentralApiDeps = CollectionDeps;

/**
 * The sidebars' server functions (services/collection-jobs), each call checked before it runs, so the
 * same code runs in Apps Script (google.script.run) and in a local preview.
 */
export function createSentralApi(deps: SentralApiDeps): SentralApi {
  const server = collectionJobs(deps);
  // Every sidebar → server call checked before it runs: these take no arguments (src/targets/shared/payload.ts).
  return {
    getCollectionStatus: checked(noArguments, { action: "Innsamlingsstatus" }, server.getCollectionStatus),
    previewReminders: checked(noArguments, { action: "Send påminnelser" }, server.previewReminders),
    sendReminders: checked(noArguments, { action: "Send påminnelser" }, server.sendReminders, (message) => ({ sent: 0, skipped: 0, message })),
  };
}
