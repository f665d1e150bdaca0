import { collectionOfCentral, measuresOfCentral } from "../core/board-report";
import { todayInOslo } from "../core/dates";
import { readCentral } from "../services/rollup";
import { Workbook } from "../workbook/workbook";
import { ReportOptions } from "./html";

/**
 * What the board report needs from the central spreadsheet besides the summary: Historikk (last
 * year's figures), Oppsett (organisation, this year's grant) and, when no rollup results are at
 * hand (`samspill rapport`), the Innsamling and Tiltak tabs the rollup wrote.
 */
export function reportOptionsFromCentral(central: Workbook, now: Date, withOutputs: boolean): ReportOptions {
  const inputs = readCentral(central, todayInOslo(now));
  const options: ReportOptions = { history: inputs.history, organisation: inputs.settings.organisation, grantThisYear: inputs.settings.grantThisYear, generatedAt: now };
  if (withOutputs) {
    const collection = collectionOfCentral(central.read("Innsamling"));
    if (collection.length) options.collection = collection;
    options.measures = measuresOfCentral(central.read("Tiltak"));
  }
  return options;
}
