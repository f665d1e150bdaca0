import { Cell } from "../core/cell";
import { RegistryAssociation } from "../core/central-inputs";
import { collectionTable } from "../core/outputs";
import { headerKey } from "../core/read";
import { findMunicipality } from "../core/reference";
import { CollectionRowDto } from "../ui/api-types";
import { Workbook } from "../workbook/workbook";

/** Status of an association that no rollup has read yet (registered after the last one). */
export const NOT_COLLECTED = "Ikke hentet inn";

/**
 * The collection status per registered association, as the last published Innsamling tab says
 * (columns found by the header texts core/outputs writes), with newly registered associations as
 * "Ikke hentet inn".
 */
export function collectionRows(
  central: Workbook,
  associations: ReadonlyArray<RegistryAssociation>,
): CollectionRowDto[] {
  const { name, header } = collectionTable([]);
  const table = central.read(name) ?? [];
  const at = (name: string) => (table[0] ?? []).findIndex((h) => headerKey(h) === headerKey(name));
  const [id, status, errors, submitted, readAt] = [
    header[0],
    header[5],
    header[9],
    header[11],
    header[12],
  ].map(at);
  const text = (row: Cell[], i: number) =>
    i >= 0 && row[i] !== undefined && row[i] !== null
      ? row[i] instanceof Date
        ? (row[i] as Date).toISOString()
        : String(row[i])
      : "";
  const byId = new Map(table.slice(1).map((row) => [text(row, id), row]));
  return associations.map((a) => {
    const row = byId.get(a.id);
    return {
      id: a.id,
      name: a.name,
      county: findMunicipality(a.municipalityNumber)?.county ?? "",
      status: row ? text(row, status) : NOT_COLLECTED,
      submittedAt: row ? text(row, submitted) : "",
      errors: row ? Number(text(row, errors)) || 0 : 0,
      readAt: row ? text(row, readAt) : "",
    };
  });
}

export function countStatuses(rows: ReadonlyArray<CollectionRowDto>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}
