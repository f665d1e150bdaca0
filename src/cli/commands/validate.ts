import * as path from "node:path";
import { readAssociationXlsx } from "../../adapters/xlsx/association-reader";
import { todayInOslo } from "../../core/dates";
import { checkAssociationSheets } from "../../services/check";
import { CliContext } from "../context";
import { UserError } from "../user-error";
import { issueCountLine, issueLine } from "../print";

/**
 * `samspill validate FILE`: every problem on its own line; exit code 1 when any is an error.
 * (Google mode — a SPREADSHEET_ID instead of a file — is added by src/cli/google as one branch here.)
 */
export async function validateCommand(file: string, context: CliContext): Promise<number> {
  // The bounded reader, as the rollup reads the file: a stray cell or a zip bomb cannot exhaust memory.
  const source = await readAssociationXlsx(file);
  if (source.kind === "not_found") throw new UserError(`Filen «${file}» finnes ikke`, 2);
  if (source.kind !== "read") throw new UserError(`«${file}»: ${source.message ?? "Filen kan ikke åpnes som et regneark"}`, 2);
  const id = path.basename(file).replace(/\.(xlsx|xlsm)$/i, "");
  const result = checkAssociationSheets(source.sheets, todayInOslo(context.now()), id, source);
  for (const issue of result.issues) context.out(issueLine(issue));
  context.out(issueCountLine(file, result.issues));
  return result.issues.some((i) => i.severity === "error") ? 1 : 0;
}
