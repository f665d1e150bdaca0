import { slug } from "../../core/text";
import { Cell } from "../../core/cell";
import { todayInOslo } from "../../core/dates";
import { issueMessage } from "../../core/messages";
import { headerKey, readTable } from "../../core/read";
import { column } from "../../core/template/column";
import { annualReport } from "../../core/templates/association";
import { registry } from "../../core/templates/central";
import { readEmail } from "../../core/values";
import { readCentral } from "../../services/rollup";
import { setUpTemplates } from "../../services/setup";
import { Workbook } from "../../workbook/workbook";
import { errorText } from "./util";

/**
 * "Opprett regneark for ny forening": checks the input with the registry's own rules, creates the
 * spreadsheet, sets it up with the same code as the add-on (services/setup), fills in Forening,
 * Kommunenummer and Rapportår, registers it in Foreninger and shares it with the editors.
 */

export interface NewAssociationInput {
  name: string;
  municipalityNumber: string;
  /** E-mail addresses separated by commas, semicolons or spaces. */
  editors: string;
}

export interface AssociationFiles {
  create(title: string): { id: string; url: string; workbook: Workbook };
  addEditors(id: string, emails: string[]): void;
}

export type NewAssociationResult =
  | { ok: true; id: string; spreadsheetId: string; url: string; message: string }
  | { ok: false; errors: Array<{ field: string; message: string }>; message: string };

export const EDITORS_FIELD = column.email("Redaktører (e-post)", { required: true });

export function parseEditors(text: string): { emails: string[]; errors: string[] } {
  const context = { year: 0, today: "" };
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.length) return { emails: [], errors: [issueMessage(EDITORS_FIELD, "required", "", context)] };
  const emails: string[] = [];
  const errors: string[] = [];
  for (const part of parts) {
    const email = readEmail(part);
    if (email) emails.push(email.toLowerCase());
    else errors.push(issueMessage(EDITORS_FIELD, "invalid_email", part, context));
  }
  return { emails: [...new Set(emails)], errors };
}

export function associationId(name: string, municipalityNumber: string, taken: ReadonlySet<string>): string {
  const base = `${municipalityNumber}-${slug(name).slice(0, 40).replace(/-+$/, "") || "forening"}`;
  let id = base;
  for (let n = 2; taken.has(id.toLowerCase()); n++) id = `${base}-${n}`;
  return id;
}

const REGISTRY_HEADER = registry.keys.map((key) => registry.columns[key].header);

export function createAssociation(options: {
  central: Workbook;
  files: AssociationFiles;
  input: NewAssociationInput;
  now: () => Date;
}): NewAssociationResult {
  const { central, files, input } = options;
  const today = todayInOslo(options.now());
  const editors = parseEditors(input.editors ?? "");

  // The registry's own rules check name and municipality number (messages name the column).
  const candidate: Record<string, Cell> = {
    id: "ny",
    name: input.name ?? "",
    municipalityNumber: (input.municipalityNumber ?? "").trim(),
    spreadsheet: "ny",
    contactEmail: editors.emails[0] ?? "",
    active: "Ja",
  };
  const check = readTable(registry, [REGISTRY_HEADER, registry.keys.map((key) => candidate[key] ?? "")], {
    year: 0,
    today,
  });
  const errors = check.issues
    .filter((i) => i.severity === "error")
    .map((i) => ({ field: REGISTRY_HEADER[i.cell.charCodeAt(0) - 65] ?? i.cell, message: i.message }));
  errors.push(...editors.errors.map((message) => ({ field: EDITORS_FIELD.header, message })));
  if (errors.length) return { ok: false, errors, message: errors.map((e) => e.message).join("\n") };
  const row = check.rows[0];

  const existing = central.read(registry.name);
  const header = existing?.[0]?.length ? existing[0] : REGISTRY_HEADER;
  const idColumn = header.findIndex((h) => headerKey(h) === headerKey(registry.columns.id.header));
  const taken = new Set((existing ?? []).slice(1).map((r) => String(r[idColumn] ?? "").toLowerCase()));
  const id = associationId(row.name, row.municipalityNumber, taken);
  const year = readCentral(central, today).settings.year ?? Number(today.slice(0, 4));

  const created = files.create(`Samspill – ${row.name}`);
  setUpTemplates(created.workbook);
  const form = created.workbook.read(annualReport.name) ?? [];
  const rowOf = (key: keyof typeof annualReport.columns) =>
    form.findIndex((r) => headerKey(r[0]) === headerKey(annualReport.columns[key].header)) + 1;
  created.workbook.setCells(annualReport.name, [
    { cell: `B${rowOf("associationName")}`, value: row.name },
    { cell: `B${rowOf("municipalityNumber")}`, value: row.municipalityNumber },
    { cell: `B${rowOf("year")}`, value: year },
    ...(editors.emails[0] ? [{ cell: `B${rowOf("contactEmail")}`, value: editors.emails[0] }] : []),
  ]);

  // Register, placing each value under its header wherever the columns are.
  const values: Record<string, Cell> = {
    id,
    name: row.name,
    orgNumber: "",
    municipalityNumber: row.municipalityNumber,
    spreadsheet: created.url,
    contactEmail: editors.emails[0] ?? "",
    partnerEmails: "",
    active: "Ja",
  };
  const registryRow: Cell[] = header.map(() => "");
  for (const key of registry.keys) {
    const at = header.findIndex((h) => headerKey(h) === headerKey(registry.columns[key].header));
    if (at >= 0) registryRow[at] = values[key];
  }
  if (!existing?.length) central.write(registry.name, [REGISTRY_HEADER]);
  central.append(registry.name, [registryRow]);

  let shared = `delt med ${editors.emails.join(", ")}`;
  try {
    files.addEditors(created.id, editors.emails);
  } catch (error) {
    shared = `men kunne ikke deles med ${editors.emails.join(", ")} (${errorText(error)}); del det selv fra Google Disk`;
  }
  return {
    ok: true,
    id,
    spreadsheetId: created.id,
    url: created.url,
    message: `Regnearket for ${row.name} er opprettet, registrert som ${id}, ${shared}.`,
  };
}
