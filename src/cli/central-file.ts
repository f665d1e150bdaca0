import { existsSync } from "node:fs";
import { newXlsx, openXlsx, XlsxOpenError, XlsxWorkbook } from "../adapters/xlsx";
import { Cell } from "../core/cell";
import { dateAtNoonUtc, IsoDate } from "../core/dates";
import { ColumnSpec } from "../core/schema/column";
import { CENTRAL_INPUT_TEMPLATES, Settings, settings } from "../core/templates/central";
import { setUpTemplate, setUpTemplates } from "../services/setup";
import { UserError } from "./user-error";

export interface CentralSettings {
  organisation?: string;
  year?: number;
  deadline?: IsoDate;
  grantLastYear?: number;
  grantThisYear?: number;
}

/** A new central workbook: Oppsett (filled in), Foreninger and Historikk, set up from the core templates. */
export function createCentral(file: string, values: CentralSettings): XlsxWorkbook {
  const workbook = newXlsx(file);
  const [oppsett] = setUpTemplates(workbook, CENTRAL_INPUT_TEMPLATES);
  const filled: Partial<Record<keyof Settings, Cell>> = {
    organisation: values.organisation ?? "Seniornett Norge",
    year: values.year ?? "",
    deadline: values.deadline ? dateAtNoonUtc(values.deadline) : "",
    grantLastYear: values.grantLastYear ?? "",
    grantThisYear: values.grantThisYear ?? "",
  };
  const updates = oppsett.columns.map((column) => {
    const spec = settings.columns[column.key as keyof Settings] as ColumnSpec;
    const value = column.key in filled ? filled[column.key as keyof Settings] : (spec.default ?? "");
    return { cell: `B${(column.row ?? 0) + 1}`, value: value as Cell };
  });
  workbook.setCells(settings.name, updates);
  return workbook;
}

/** Opens an existing central .xlsx; input tabs that are missing are set up (nothing else changes). */
export async function openCentral(file: string): Promise<XlsxWorkbook> {
  let workbook: XlsxWorkbook;
  try {
    workbook = await openXlsx(file);
  } catch (error) {
    if (error instanceof XlsxOpenError) throw new UserError(`${error.message}. Velg en annen --out-fil, eller flytt den som ligger der.`, 2);
    throw error;
  }
  const present = new Set(workbook.sheetNames());
  for (const template of CENTRAL_INPUT_TEMPLATES) if (!present.has(template.name)) setUpTemplate(workbook, template);
  return workbook;
}

export function centralExists(file: string): boolean {
  return existsSync(file);
}
