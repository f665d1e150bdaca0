import * as z from "zod/mini";
import { ColumnSpec } from "../../core/schema/column";
import { Template } from "../../core/schema/table";
import { activities, milestones } from "../../core/templates/association";
import { associationReportJobs, ForeningDeps, ForeningServer } from "../../services/association-report";
import type { SaveResult } from "../../ui/api-types";
import { checked, fieldText, formValues, noArguments } from "../shared/payload";

export type { ForeningDeps, ForeningServer, SubmitResult } from "../../services/association-report";

/** The add-on's sidebar API and «Send inn rapporten»: services/association-report, each call checked first. */
export function createForeningApi(deps: ForeningDeps): ForeningServer {
  return withCheckedPayloads(associationReportJobs(deps));
}

/** A tab name (Google Sheets allows at most 100 characters). */
const sheetName = z.string().check(z.maxLength(100));
/** A cell or range in A1 notation, as Kontroller rapporten lists it. */
const cellReference = z.string().check(z.regex(/^[A-Z]{1,3}[1-9][0-9]{0,6}(:[A-Z]{1,3}[1-9][0-9]{0,6})?$/));
const refuseSave = (message: string): SaveResult => ({ ok: false, errors: [], message });
const headers = (template: Template<any>): Record<string, string> => Object.fromEntries(template.keys.map((key) => [key, (template.columns[key] as ColumnSpec).header]));

/** Every sidebar → server call checked against its argument schema before it runs (src/targets/shared/payload.ts). */
function withCheckedPayloads(server: ForeningServer): ForeningServer {
  return {
    getProblems: checked(noArguments, { action: "Kontroller rapporten" }, server.getProblems),
    selectCell: checked(z.tuple([sheetName, cellReference]), { action: "Vis cellen", arguments: ["fanenavnet", "cellen"] }, server.selectCell),
    getActivityForm: checked(noArguments, { action: "Registrer aktivitet" }, server.getActivityForm),
    addActivity: checked(z.tuple([formValues(activities.keys)]), { action: "Registrer aktivitet", arguments: ["skjemaet"], fields: headers(activities) }, server.addActivity, refuseSave),
    getMilestones: checked(noArguments, { action: "Milepæler" }, server.getMilestones),
    addMilestone: checked(z.tuple([formValues(milestones.keys)]), { action: "Ny milepæl", arguments: ["skjemaet"], fields: headers(milestones) }, server.addMilestone, refuseSave),
    setMilestoneStatus: checked(
      z.tuple([z.int(), fieldText, z.optional(fieldText)]),
      { action: "Lagre status", arguments: ["radnummeret", "statusen", "fullført dato"] },
      server.setMilestoneStatus,
      refuseSave,
    ),
    submitReport: checked(noArguments, { action: "Send inn rapporten" }, server.submitReport),
  };
}

