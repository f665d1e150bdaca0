import { newXlsx, openXlsx, XlsxOpenError } from "../../adapters/xlsx";
import { setUpTemplates } from "../../services/setup";
import { CliContext } from "../context";
import { UserError } from "../user-error";
import { existsSync } from "node:fs";

export const DEFAULT_TEMPLATE = "rapportmal.xlsx";

/** `samspill template [FILE]`: a new association workbook, or a repair of an existing one. */
export async function templateCommand(file: string, context: CliContext): Promise<void> {
  if (existsSync(file)) {
    let workbook;
    try {
      workbook = await openXlsx(file);
    } catch (error) {
      if (error instanceof XlsxOpenError) throw new UserError(`${error.message}; ingenting er endret`, 2);
      throw error;
    }
    setUpTemplates(workbook);
    await workbook.save();
    context.out(`Satte opp rapportmalen på nytt i ${file} (ingen data er fjernet).`);
    return;
  }
  const workbook = newXlsx(file);
  setUpTemplates(workbook);
  await workbook.save();
  context.out(`Skrev rapportmalen til ${file}: «Slik fyller du ut» og fanene Årsrapport, Aktiviteter, Milepæler og Tiltak.`);
}
