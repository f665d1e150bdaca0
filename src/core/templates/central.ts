import { column } from "../schema/column";
import { form, RowOf, table } from "../schema/table";
import { YES_NO } from "./lists";

/** The central spreadsheet's input tabs (SPEC "The central spreadsheet"). */

export const settings = form("Oppsett", {
  organisation: column.text("Organisasjon", { required: true, maxLength: 200 }),
  year: column.whole("Rapportår", { required: true, min: 2000, max: 2100 }),
  deadline: column.date("Frist for innsending"),
  templateSpreadsheet: column.text("Malregneark", {
    help: "Adressen eller ID-en til malregnearket med Samspill-menyen; nye foreninger får en kopi av det",
  }),
  goalMembers: column.whole("Mål: medlemmer", { min: 0, default: 11_000 }),
  goalCounties: column.whole("Mål: fylker med lokale tiltak", { min: 0, max: 15, default: 15 }),
  goalParticipantGrowth: column.text("Mål: vekst i deltakere", { default: "10 %", help: "Prosent per år" }),
  goalAgreements: column.whole("Mål: foreninger med kommuneavtale", { min: 0, default: 100 }),
  goalGrantGrowth: column.text("Mål: vekst i statstilskudd", { default: "25 %", help: "Prosent per år" }),
  grantLastYear: column.decimal("Statstilskudd i fjor", { min: 0 }),
  grantThisYear: column.decimal("Statstilskudd i år", { min: 0 }),
});

export const registry = table("Foreninger", {
  id: column.text("Forening-ID", { required: true, maxLength: 60, width: 140 }),
  name: column.text("Forening", { required: true, maxLength: 120, width: 220 }),
  orgNumber: column.orgNumber("Organisasjonsnummer", { width: 140 }),
  municipalityNumber: column.municipality("Kommunenummer", { required: true, width: 110 }),
  spreadsheet: column.text("Regneark", { required: true, help: "Regnearkets adresse eller ID (lokalt: filsti)", width: 300 }),
  contactEmail: column.email("Kontakt e-post", { personal: true, width: 200 }),
  partnerEmails: column.text("Kommunepartner e-post", { personal: true, help: "Kommaseparert", width: 240 }),
  active: column.oneOf("Aktiv", YES_NO, { default: "Ja", width: 70 }),
});

export const history = table("Historikk", {
  year: column.whole("År", { required: true, min: 2000, max: 2100 }),
  members: column.whole("Medlemmer", { min: 0 }),
  volunteers: column.whole("Frivillige", { min: 0 }),
  activities: column.whole("Aktiviteter", { min: 0 }),
  participants: column.whole("Deltakere", { min: 0 }),
  newParticipants: column.whole("Nye deltakere", { min: 0 }),
  volunteerHours: column.decimal("Frivillige timer", { min: 0 }),
  associationsWithAgreement: column.whole("Foreninger med avtale", { min: 0 }),
  grant: column.decimal("Statstilskudd", { min: 0 }),
});

/** Where each municipality's partner view lives (written by "Oppdater kommunevisninger" / `samspill partners`). */
export const partnerViewRegistry = table("Kommunevisninger", {
  municipalityNumber: column.municipality("Kommunenummer", { required: true }),
  municipality: column.text("Kommune"),
  spreadsheetId: column.text("Regneark-ID"),
  url: column.text("Adresse"),
  sharedWith: column.text("Delt med", { personal: true }),
  updatedAt: column.text("Oppdatert"),
  note: column.text("Merknad", { help: "Hva som ikke lyktes sist, og hvorfor" }),
});

export const CENTRAL_INPUT_TEMPLATES = [settings, registry, history] as const;

export type Settings = RowOf<typeof settings>;
export type RegistryEntry = RowOf<typeof registry>;
export type HistoryRow = RowOf<typeof history>;
export type PartnerViewRecord = RowOf<typeof partnerViewRegistry>;

export function spreadsheetUrl(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}`;
}
