import { slug } from "../core/text";
import { Cell } from "../core/cell";
import { todayInOslo } from "../core/dates";
import { issueMessage } from "../core/messages";
import { headerKey, readTable } from "../core/read";
import { column } from "../core/schema/column";
import { annualReport } from "../core/templates/association";
import { registry } from "../core/templates/central";
import { spreadsheetKey } from "../core/central-inputs";
import { readEmail } from "../core/values";
import { readCentral } from "./rollup";
import { setUpTemplates } from "./setup";
import { Workbook } from "../workbook/workbook";
import { errorText } from "./key-value";

/**
 * "Opprett regneark for ny forening": checks the input with the registry's own rules, copies the
 * master template named in Oppsett's Malregneark (the copy keeps the bound script, so the association
 * gets the «Samspill» menu) or, without one, creates a blank spreadsheet; sets it up or repairs it
 * with the same code as the add-on (services/setup), fills in Forening, Kommunenummer and Rapportår,
 * registers it in Foreninger and shares it with the editors. A step that fails before registering
 * discards the new file: nothing is left half-made.
 */

export interface NewAssociationInput {
  name: string;
  municipalityNumber: string;
  /** E-mail addresses separated by commas, semicolons or spaces. */
  editors: string;
}

export interface CreatedFile {
  id: string;
  url: string;
  workbook: Workbook;
}

export interface AssociationFiles {
  /** A new blank spreadsheet (time zone Europe/Oslo). */
  create(title: string): CreatedFile;
  /**
   * A copy of the spreadsheet `templateId` (Oppsett's Malregneark) titled `title`, bound script
   * included, time zone Europe/Oslo. Throws when it cannot be opened or copied.
   */
  copy(templateId: string, title: string): CreatedFile;
  addEditors(id: string, emails: string[]): void;
  /** Moves a file this run created to the bin (a later step failed). */
  discard(id: string): void;
}

export const TEMPLATE_FIELD = "Malregneark";

/** The spreadsheet ID in Malregneark: a spreadsheet URL or a bare ID; undefined for anything else. */
export function templateSpreadsheetId(reference: string): string | undefined {
  const text = reference.trim();
  const url = /^https:\/\/docs\.google\.com\/spreadsheets\/(?:u\/\d+\/)?d\/([a-zA-Z0-9_-]{25,})(?:[/?#]|$)/.exec(text);
  if (url) return url[1];
  return /^[a-zA-Z0-9_-]{25,}$/.test(text) ? text : undefined;
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
  /** The central spreadsheet's own ID: Malregneark must never name it (its copy would carry the registry). */
  centralId?: string;
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
  const inputs = readCentral(central, today);
  const settings = inputs.settings;
  const year = settings.year ?? Number(today.slice(0, 4));
  const template = String(settings.templateSpreadsheet ?? "").trim();
  const refuse = (message: string): NewAssociationResult => ({
    ok: false,
    errors: [{ field: TEMPLATE_FIELD, message }],
    message,
  });

  const title = `Samspill – ${row.name}`;
  let created: CreatedFile;
  if (template) {
    const templateId = templateSpreadsheetId(template);
    if (!templateId)
      return refuse(
        `${TEMPLATE_FIELD} i Oppsett («${template}») er verken adressen til et Google-regneark eller en regneark-ID. Rett feltet, eller tøm det for å lage et tomt regneark uten Samspill-menyen. Ingenting er opprettet.`,
      );
    // A copy of the central or of an association's spreadsheet would hand its data to the new association.
    const registered = inputs.associations.find((a) => spreadsheetKey(a.spreadsheet) === templateId.toLowerCase());
    if (templateId === options.centralId || registered)
      return refuse(
        `${TEMPLATE_FIELD} i Oppsett peker på ${registered ? `regnearket til ${registered.name}` : "dette sentralregnearket"}, ikke på malregnearket. En kopi ville tatt med dataene der. Sett inn adressen til malregnearket med Samspill-menyen. Ingenting er opprettet.`,
      );
    try {
      created = files.copy(templateId, title);
    } catch {
      return refuse(
        `Malregnearket i Oppsett («${template}») kunne ikke kopieres: det finnes ikke, eller du har ikke tilgang til det. Sjekk adressen i ${TEMPLATE_FIELD}, og at malregnearket er delt med deg. Ingenting er opprettet.`,
      );
    }
  } else {
    created = files.create(title);
  }
  try {
    // A blank spreadsheet gets the four tabs; a copy of the master has them and is repaired if needed.
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
  } catch (error) {
    try {
      files.discard(created.id);
    } catch {
      // The file stays in the staff member's Drive, unregistered and unshared.
    }
    const message = `Regnearket for ${row.name} kunne ikke gjøres klart (${errorText(error)}). Det er verken registrert eller delt med noen. Prøv igjen.`;
    return { ok: false, errors: [{ field: registry.columns.spreadsheet.header, message }], message };
  }

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
  const message = template
    ? `Regnearket for ${row.name} er kopiert fra malregnearket og har Samspill-menyen. Det er registrert som ${id}, ${shared}.`
    : `Regnearket for ${row.name} er opprettet, registrert som ${id}, ${shared}. ` +
      `Det er et tomt regneark uten Samspill-menyen, fordi ${TEMPLATE_FIELD} i Oppsett er tomt: foreningen trenger da Samspill-tillegget. ` +
      `Fyll inn adressen til malregnearket i ${TEMPLATE_FIELD}, så får nye foreninger menyen.`;
  return { ok: true, id, spreadsheetId: created.id, url: created.url, message };
}
