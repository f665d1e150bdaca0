/** The lists users choose from (SPEC "The association workbook"). */
export const AGREEMENT_KINDS = ["Ingen", "Muntlig", "Skriftlig"] as const;
export const ACTIVITY_TYPES = [
  "Kurs",
  "Datahjelp",
  "Foredrag",
  "Åpent møte",
  "Medlemsmøte",
  "Veilederopplæring",
  "Annet",
] as const;
export const PARTNERS = [
  "Ingen",
  "Kommunen",
  "Bibliotek",
  "Frivilligsentral",
  "Skole",
  "Annen organisasjon",
  "Næringsliv",
  "Annet",
] as const;
export const RESPONSIBLE_PARTIES = ["Foreningen", "Kommunen", "Begge", "Annen aktør"] as const;
export const CONTRIBUTIONS = ["Lokaler", "Utstyr", "Mannskap", "Penger", "Kompetanse", "Annet"] as const;
export const STATUSES = ["Ikke startet", "Pågår", "Fullført", "Avlyst"] as const;
export const PLAN_AREAS = ["Felles", "Kommunikasjon", "Kommunesamarbeid", "Rekruttering", "Forening og frivillighet"] as const;
export const RESPONSIBILITIES = ["Lokalt", "Sentralt", "Lokalt og sentralt"] as const;
export const YES_NO = ["Ja", "Nei"] as const;

export const DONE = "Fullført";
export const CANCELLED = "Avlyst";
