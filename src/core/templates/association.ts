import { column } from "../schema/column";
import { form, RowOf, table } from "../schema/table";
import {
  ACTIVITY_TYPES,
  AGREEMENT_KINDS,
  CONTRIBUTIONS,
  PARTNERS,
  PLAN_AREAS,
  RESPONSIBILITIES,
  RESPONSIBLE_PARTIES,
  STATUSES,
  DONE,
  CANCELLED,
} from "./lists";

/** The four tabs of an association's workbook (SPEC "The association workbook"). */

/**
 * Three standard column widths (px). Few distinct widths matter: Apps Script sets one run of
 * neighbouring equal widths per call, and NARROW is Google's default, which needs no call at all.
 */
const NARROW = 100;
const MEDIUM = 160;
const WIDE = 260;

export const annualReport = form("Årsrapport", {
  year: column.whole("Rapportår", { required: true, min: 2000, max: 2100, help: "Året rapporten gjelder" }),
  associationName: column.text("Forening", { required: true, maxLength: 120 }),
  orgNumber: column.orgNumber("Organisasjonsnummer", { help: "9 siffer fra Enhetsregisteret" }),
  municipalityNumber: column.municipality("Kommunenummer", { required: true }),
  members: column.whole("Antall medlemmer per 31.12", { required: true, min: 0, max: 100_000 }),
  volunteers: column.whole("Antall frivillige", { required: true, min: 0, max: 10_000 }),
  agreement: column.oneOf("Samarbeidsavtale med kommunen", AGREEMENT_KINDS, { required: true }),
  agreementDate: column.date("Avtale inngått", { help: "Påkrevd når det finnes en avtale" }),
  contactName: column.text("Kontaktperson", { personal: true, maxLength: 200 }),
  contactEmail: column.email("Kontakt e-post", { personal: true }),
  submittedAt: column.text("Innsendt", { system: true, help: "Fylles ut av Samspill ved innsending" }),
  submittedBy: column.text("Innsendt av", { system: true, personal: true, help: "Fylles ut av Samspill ved innsending" }),
}).rule(
  "agreementDate",
  ["agreement", "agreementDate"],
  "required",
  (r) => r.agreement !== undefined && r.agreement !== "Ingen" && r.agreementDate === undefined,
  () => "Avtale inngått må fylles ut når foreningen har en samarbeidsavtale",
);

export const activities = table("Aktiviteter", {
  date: column.date("Dato", { required: true, inReportYear: true, width: NARROW }),
  type: column.oneOf("Aktivitetstype", ACTIVITY_TYPES, { required: true, width: MEDIUM }),
  title: column.text("Tittel", { required: true, maxLength: 200, shownToPartners: { definite: "Tittelen" }, width: WIDE }),
  municipalityNumber: column.municipality("Kommunenummer", { help: "Tomt betyr foreningens egen kommune", width: NARROW }),
  partner: column.oneOf("Samarbeidspartner", PARTNERS, { default: "Ingen", width: MEDIUM }),
  participants: column.whole("Deltakere", { required: true, min: 0, max: 10_000, width: NARROW }),
  newParticipants: column.whole("Nye deltakere", { min: 0, max: 10_000, default: 0, help: "Høyst like mange som Deltakere", width: NARROW }),
  volunteers: column.whole("Frivillige", { min: 0, max: 1000, default: 0, width: NARROW }),
  volunteerHours: column.decimal("Frivillige timer", { min: 0, max: 10_000, default: 0, width: NARROW }),
  comment: column.text("Kommentar", { maxLength: 1000, freeText: true, width: WIDE }),
}).rule(
  "newParticipants",
  ["participants", "newParticipants"],
  "more_than_participants",
  (r) => r.newParticipants > r.participants,
  (r) => `Nye deltakere (${r.newParticipants}) kan ikke være flere enn Deltakere (${r.participants})`,
);

export const milestones = table("Milepæler", {
  municipalityNumber: column.municipality("Kommunenummer", { required: true, width: NARROW }),
  title: column.text("Milepæl", { required: true, maxLength: 200, shownToPartners: { definite: "Milepælen" }, width: WIDE }),
  dueDate: column.date("Frist", { required: true, width: NARROW }),
  responsibleParty: column.oneOf("Ansvarlig part", RESPONSIBLE_PARTIES, { required: true, width: NARROW }),
  contribution: column.oneOf("Bidrag", CONTRIBUTIONS, { width: NARROW }),
  status: column.oneOf("Status", STATUSES, { default: "Ikke startet", width: NARROW }),
  completedDate: column.date("Fullført dato", { notAfterToday: true, help: "Påkrevd når Status er Fullført", width: NARROW }),
  comment: column.text("Kommentar", { maxLength: 1000, freeText: true, width: WIDE }),
})
  .rule(
    "completedDate",
    ["status", "completedDate"],
    "required",
    (r) => r.status === DONE && r.completedDate === undefined,
    () => "Fullført dato må fylles ut når Status er Fullført",
  )
  .rule(
    "completedDate",
    ["status", "completedDate"],
    "not_allowed",
    (r) => r.status !== DONE && r.completedDate !== undefined,
    (r) => `Fullført dato skal være tom når Status er ${r.status}`,
  );

export const measures = table("Tiltak", {
  area: column.oneOf("Planområde", PLAN_AREAS, { required: true, width: MEDIUM }),
  measure: column.text("Tiltak", { required: true, maxLength: 200, width: WIDE }),
  activity: column.text("Aktivitet", { maxLength: 1000, width: WIDE }),
  responsibility: column.oneOf("Ansvar", RESPONSIBILITIES, { required: true, width: MEDIUM }),
  owner: column.text("Ansvarlig", { personal: true, maxLength: 200, width: MEDIUM }),
  dueDate: column.date("Frist", { width: NARROW }),
  status: column.oneOf("Status", STATUSES, { default: "Ikke startet", width: NARROW }),
  result: column.text("Resultat", { maxLength: 1000, freeText: true, width: WIDE }),
  reached: column.whole("Antall nådd", { min: 0, help: "Personer nådd, medlemmer rekruttert o.l.", width: NARROW }),
});

export const ASSOCIATION_TEMPLATES = [annualReport, activities, milestones, measures] as const;

export type AnnualReport = RowOf<typeof annualReport>;
export type Activity = RowOf<typeof activities>;
export type Milestone = RowOf<typeof milestones>;
export type MeasureRow = RowOf<typeof measures>;

/** Overdue: neither done nor cancelled, and the deadline has passed (Europe/Oslo calendar). */
export function isOverdue(m: { status?: string; dueDate?: string }, today: string): boolean {
  return m.status !== DONE && m.status !== CANCELLED && m.dueDate !== undefined && m.dueDate < today;
}

