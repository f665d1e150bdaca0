import { AssociationResult } from "./association-result";
import { Cell } from "./cell";
import { maskPersonalData } from "./privacy";
import type { RegistryAssociation } from "./central-inputs";
import { dateAtNoonUtc } from "./dates";
import { OutputTable, outputTable } from "./output-table";
import { findMunicipality } from "./reference";
import { compareAssociations } from "./summary";
import { isOverdue } from "./templates/association";
import { IsoDate } from "./dates";

/**
 * Every text in a view's rows passes the one masking function (core/privacy.ts): phone numbers,
 * e-mail addresses and fødselsnummer in a title become «[telefon fjernet]» and the like. All text
 * cells, not only Tittel and Milepæl, so a text column added to the view later is masked too.
 */
function masked(rows: Cell[][]): Cell[][] {
  return rows.map((row) => row.map((cell) => (typeof cell === "string" ? maskPersonalData(cell) : cell)));
}

/**
 * A municipal partner's view: only rows about one municipality, and none of the personal-data or
 * free-text columns (contact people, owners, comments, results). Built from an allow-list of fields,
 * so a column added to a template later cannot leak by accident. The free text it does carry
 * (Tittel, Milepæl) is masked; the central keeps it as typed, with a warning in Avvik.
 */
export function partnerView(results: ReadonlyArray<AssociationResult>, municipalityNumber: string, today: IsoDate): OutputTable[] {
  const ordered = [...results].sort(compareAssociations);
  const municipality = findMunicipality(municipalityNumber);
  const associations = ordered
    .filter((r) => r.municipalityNumber === municipalityNumber)
    .map((r) => [r.name, r.status, r.report.members ?? "", r.report.volunteers ?? "", r.report.agreement ?? ""]);
  const activities = ordered.flatMap((r) =>
    r.activities
      .filter((a) => a.municipalityNumber === municipalityNumber)
      .map((a) => [r.name, dateAtNoonUtc(a.date), a.type, a.title, a.partner, a.participants, a.newParticipants, a.volunteers, a.volunteerHours]),
  );
  const milestones = ordered.flatMap((r) =>
    r.milestones
      .filter((m) => m.municipalityNumber === municipalityNumber)
      .map((m) => [r.name, m.title, dateAtNoonUtc(m.dueDate), m.responsibleParty, m.contribution ?? "", m.status, m.completedDate ? dateAtNoonUtc(m.completedDate) : "", isOverdue(m, today) ? "Ja" : "Nei"]),
  );
  return [
    outputTable("Om visningen", [["Felt", "text"], ["Verdi", "text"]], [
      ["Kommune", `${municipalityNumber} ${municipality?.name ?? ""}`.trim()],
      ["Fylke", municipality?.county ?? ""],
      ["Innhold", "Aktiviteter og milepæler som gjelder kommunen. Uten personopplysninger og kommentarer; telefonnumre, e-postadresser og fødselsnumre i titler er fjernet."],
    ]),
    outputTable("Foreninger", [["Forening", "text"], ["Status", "text"], ["Medlemmer", "whole"], ["Frivillige", "whole"], ["Samarbeidsavtale", "text"]], masked(associations)),
    outputTable("Aktiviteter", [["Forening", "text"], ["Dato", "date"], ["Aktivitetstype", "text"], ["Tittel", "text"], ["Samarbeidspartner", "text"], ["Deltakere", "whole"], ["Nye deltakere", "whole"], ["Frivillige", "whole"], ["Frivillige timer", "decimal"]], masked(activities)),
    outputTable("Milepæler", [["Forening", "text"], ["Milepæl", "text"], ["Frist", "date"], ["Ansvarlig part", "text"], ["Bidrag", "text"], ["Status", "text"], ["Fullført dato", "date"], ["Forsinket", "text"]], masked(milestones)),
  ];
}

/** Municipalities that a partner view is made for: every one that has rows or a partner address. */
export function partnerMunicipalities(results: ReadonlyArray<AssociationResult>): string[] {
  const numbers = new Set<string>();
  for (const r of results) {
    numbers.add(r.municipalityNumber);
    for (const a of r.activities) numbers.add(a.municipalityNumber);
    for (const m of r.milestones) numbers.add(m.municipalityNumber);
  }
  return [...numbers].filter((n) => findMunicipality(n)).sort();
}

/**
 * Who may see each municipality's view: the partner addresses of every active association in that
 * municipality (Foreninger's «Kommunepartner e-post»), lower-cased, unique and sorted.
 */
export function partnerAddresses(associations: ReadonlyArray<RegistryAssociation>): Map<string, string[]> {
  const byMunicipality = new Map<string, Set<string>>();
  for (const association of associations) {
    if (!association.partnerEmailList.length || !findMunicipality(association.municipalityNumber)) continue;
    const set = byMunicipality.get(association.municipalityNumber) ?? new Set<string>();
    for (const email of association.partnerEmailList) set.add(email.trim().toLowerCase());
    byMunicipality.set(association.municipalityNumber, set);
  }
  return new Map([...byMunicipality].map(([number, set]) => [number, [...set].sort()]));
}
