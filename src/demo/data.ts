import { Cell } from "../core/cell";
import { dateAtNoonUtc, IsoDate, isoFromParts } from "../core/dates";
import { findMunicipality, MEASURES } from "../core/reference";

/**
 * Seeded, realistic sample data for the demo: local associations in real municipalities, two report
 * years, and in the last year one example of each kind of mistake people make in their sheets.
 * The same seed always gives the same workbooks. All demo data lives here: the CLI's demo and
 * bench use demoAssociations/demoSheets, the sidebar preview (scripts/preview) and its browser tests
 * use sidebarDemoSheets.
 */

import { seededRandom as random } from "../core/text";

/** The demo's seed: the same seed always gives the same workbooks. */
export const DEMO_SEED = 2025;

/** The seed of association `index`'s sheets for `year` in the demo (each association and year its own). */
export const demoSheetSeed = (index: number, year: number): number => DEMO_SEED * 1000 + year * 100 + index;

type Rng = () => number;
const between = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, list: ReadonlyArray<T>): T => list[Math.floor(rng() * list.length)];

/** What goes wrong in an association's sheet in the demo (one kind each, so each is easy to find). */
export type Variant =
  | "clean"
  | "wrongType"
  | "outsideYear"
  | "unknownMunicipality"
  | "tooManyNew"
  | "missingColumn"
  | "missingTab"
  | "formulaText"
  | "reordered"
  | "extraColumn"
  | "blankRows"
  | "notSubmitted"
  | "typedText"
  | "badReport";

export interface DemoAssociation {
  id: string;
  name: string;
  municipalityNumber: string;
  orgNumber: string;
  members: number;
  /** Mistakes in the last report year. */
  variant: Variant;
  /** A neighbouring municipality where it sometimes holds activities. */
  neighbour?: string;
}

const PLACES: ReadonlyArray<[string, Variant, string?]> = [
  ["0301", "clean"],
  ["1804", "wrongType", "1806"],
  ["5501", "outsideYear"],
  ["5001", "unknownMunicipality"],
  ["4601", "tooManyNew", "4621"],
  ["1103", "missingColumn", "1108"],
  ["4204", "missingTab"],
  ["3301", "formulaText"],
  ["3107", "reordered"],
  ["3403", "extraColumn"],
  ["3405", "blankRows"],
  ["1506", "notSubmitted"],
  ["1508", "typedText"],
  ["5503", "badReport"],
  ["4203", "clean"],
  ["4003", "clean"],
  ["3905", "clean"],
  ["1106", "clean"],
  ["4647", "clean"],
  ["3407", "clean"],
  ["3303", "clean"],
  ["1833", "clean"],
  ["5006", "clean"],
  ["1108", "clean"],
  ["3909", "clean"],
  ["5601", "clean", "5603"],
  ["3203", "clean", "3201"],
  ["3201", "clean"],
  ["3101", "clean"],
  ["1505", "clean"],
  ["5603", "clean"],
  ["4005", "clean"],
];

/** A file in the demo folder that is not a workbook at all (someone saved text as .xlsx). */
export const NOT_A_WORKBOOK = { id: "seniornett-grimstad", text: "Hei! Her er rapporten vår. Hilsen Seniornett Grimstad\n" };

export function slugName(name: string): string {
  return name.toLowerCase().replace(/æ/g, "ae").replace(/ø/g, "o").replace(/å/g, "a").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/** A valid organisation number (MOD11) from the seeded generator. */
export function orgNumber(rng: Rng): string {
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  for (;;) {
    const digits = [9, ...Array.from({ length: 7 }, () => between(rng, 0, 9))];
    const sum = digits.reduce((s, d, i) => s + d * weights[i], 0);
    const check = sum % 11 === 0 ? 0 : 11 - (sum % 11);
    if (check < 10) return [...digits, check].join("");
  }
}

export function demoAssociations(seed = 2025): DemoAssociation[] {
  const rng = random(seed);
  return PLACES.map(([number, variant, neighbour]) => {
    const municipality = findMunicipality(number);
    if (!municipality) throw new Error(`Demo: unknown municipality ${number}`);
    const name = `Seniornett ${municipality.name}`;
    const scale = Math.min(1, Math.log10(municipality.population) / 6);
    return { id: slugName(name), name, municipalityNumber: number, orgNumber: orgNumber(rng), members: Math.round(80 + scale * 320 * (0.6 + rng() * 0.8)), variant, neighbour };
  });
}

const TITLES: Record<string, string[]> = {
  Kurs: ["Kurs: Trygg på nett", "Kurs: Kom i gang med nettbrett", "Kurs: BankID og Vipps", "Kurs: Digitale tjenester fra NAV og Helsenorge", "Kurs: Ta bilder med mobilen"],
  Datahjelp: ["Datahjelp på biblioteket", "Datahjelp på frivilligsentralen", "Drop-in datahjelp", "Datakafé"],
  Foredrag: ["Foredrag: Svindel og falske SMS-er", "Foredrag: Kunstig intelligens i hverdagen", "Foredrag: Digitalt førstehjelpsskrin"],
  "Åpent møte": ["Åpent møte: Nytt fra kommunen", "Åpent møte: Strømavtaler og apper"],
  Medlemsmøte: ["Medlemsmøte", "Årsmøte"],
  Veilederopplæring: ["Veilederopplæring for nye veiledere", "Samling for veiledere"],
  Annet: ["Juleavslutning", "Stand på kjøpesenteret", "Digital seniordag"],
};
const TYPE_WEIGHTS: Array<[string, number]> = [["Kurs", 5], ["Datahjelp", 6], ["Foredrag", 3], ["Åpent møte", 2], ["Medlemsmøte", 2], ["Veilederopplæring", 1], ["Annet", 1]];
const PARTNERS = ["Ingen", "Ingen", "Kommunen", "Bibliotek", "Bibliotek", "Frivilligsentral", "Skole", "Annen organisasjon", "Næringsliv"];
const COMMENTS = ["Stor interesse, mange ville ha mer", "Kaffe og vafler", "Flere kom uten påmelding", "Ønsker oppfølging til høsten"];
const MILESTONES = ["Signere samarbeidsavtale med kommunen", "Felles kursplan for høsten", "Datahjelp på biblioteket hver uke", "Evaluere avtalen med kommunen", "Lokaler på frivilligsentralen", "Opplæring av kommunens ansatte i seniorveiledning"];
const FIRST_NAMES = ["Kari", "Ola", "Berit", "Per", "Anne", "Jon", "Liv", "Tor", "Randi", "Svein", "Gerd", "Arne"];
const LAST_NAMES = ["Nordmann", "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Berg", "Haugen", "Bakken", "Lie"];

function weightedType(rng: Rng): string {
  let roll = rng() * TYPE_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  for (const [type, weight] of TYPE_WEIGHTS) if ((roll -= weight) < 0) return type;
  return "Annet";
}

function date(year: number, month: number, day: number): Date {
  return dateAtNoonUtc(isoFromParts(year, month, Math.min(day, 28))!);
}

/** The cells of one association's four tabs for one year: header rows included. */
export interface DemoSheets {
  report: Array<[string, Cell]>;
  activities: Cell[][];
  milestones: Cell[][];
  /** Updates to the prefilled Tiltak rows: 0-based measure index → [Status, Resultat, Antall nådd, Frist]. */
  measures: Map<number, [string, string, Cell, Cell]>;
}

export const ACTIVITY_HEADER = ["Dato", "Aktivitetstype", "Tittel", "Kommunenummer", "Samarbeidspartner", "Deltakere", "Nye deltakere", "Frivillige", "Frivillige timer", "Kommentar"];
export const MILESTONE_HEADER = ["Kommunenummer", "Milepæl", "Frist", "Ansvarlig part", "Bidrag", "Status", "Fullført dato", "Kommentar"];

/**
 * One association's sheets for a year. `growth` scales activity (last year is a little smaller);
 * `mistakes` turns on the association's variant (only the last report year has mistakes).
 */
export function demoSheets(association: DemoAssociation, year: number, seed: number, mistakes: boolean): DemoSheets {
  const rng = random(seed);
  // Last year: a few fewer activities, so participants grew by about a tenth.
  const scale = year === 2024 ? 0.92 : 1;
  const variant = mistakes ? association.variant : "clean";
  const contact = `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}`;
  const agreement = rng() < 0.55 ? "Skriftlig" : rng() < 0.5 ? "Muntlig" : "Ingen";
  const submitted = variant !== "notSubmitted";
  const report: Array<[string, Cell]> = [
    ["Rapportår", year],
    ["Forening", association.name],
    ["Organisasjonsnummer", association.orgNumber],
    ["Kommunenummer", association.municipalityNumber],
    ["Antall medlemmer per 31.12", variant === "badReport" ? "ca. 200" : variant === "wrongType" ? "1 234" : Math.round(association.members * (year === 2024 ? 0.94 : 1))],
    ["Antall frivillige", Math.max(3, Math.round(association.members / between(rng, 8, 14)))],
    ["Samarbeidsavtale med kommunen", agreement],
    ["Avtale inngått", agreement === "Ingen" ? "" : date(year - between(rng, 0, 3), between(rng, 1, 12), between(rng, 1, 28))],
    ["Kontaktperson", contact],
    ["Kontakt e-post", `${slugName(contact).replace("-", ".")}@${association.id}.no`],
    ["Innsendt", submitted ? `${String(between(rng, 10, 28)).padStart(2, "0")}.02.${year + 1} ${between(rng, 9, 20)}:${String(between(rng, 0, 59)).padStart(2, "0")}` : ""],
    ["Innsendt av", submitted ? `leder@${association.id}.no` : ""],
  ];

  const count = Math.max(6, Math.round((association.members / 22) * scale * (0.8 + rng() * 0.4)));
  const activities: Cell[][] = [ACTIVITY_HEADER];
  for (let i = 0; i < count; i++) {
    const type = weightedType(rng);
    const participants = type === "Foredrag" || type === "Åpent møte" ? between(rng, 15, 70) : type === "Veilederopplæring" ? between(rng, 4, 12) : between(rng, 5, 30);
    const elsewhere = association.neighbour && rng() < 0.2 ? association.neighbour : "";
    activities.push([
      date(year, between(rng, 1, 12), between(rng, 1, 28)),
      type,
      pick(rng, TITLES[type]),
      elsewhere,
      pick(rng, PARTNERS),
      participants,
      Math.floor(participants * rng() * 0.4),
      between(rng, 1, 5),
      between(rng, 2, 24) / 2,
      rng() < 0.25 ? pick(rng, COMMENTS) : "",
    ]);
  }

  const milestones: Cell[][] = [MILESTONE_HEADER];
  const milestoneCount = between(rng, 2, 4);
  for (let i = 0; i < milestoneCount; i++) {
    const status = pick(rng, ["Fullført", "Fullført", "Pågår", "Pågår", "Ikke startet", "Avlyst"]);
    const due = date(year + (rng() < 0.3 ? 1 : 0), between(rng, 1, 12), between(rng, 1, 28));
    const completed = status === "Fullført" ? date(year, between(rng, 1, 12), between(rng, 1, 28)) : "";
    milestones.push([association.municipalityNumber, MILESTONES[(i + between(rng, 0, 5)) % MILESTONES.length], due, pick(rng, ["Foreningen", "Kommunen", "Begge", "Begge"]), pick(rng, ["Lokaler", "Utstyr", "Mannskap", "Kompetanse", ""]), status, completed, rng() < 0.3 ? "Avtalt på møte med kommunen" : ""]);
  }

  const measures = new Map<number, [string, string, Cell, Cell]>();
  MEASURES.forEach((measure, i) => {
    if (measure.responsibility === "Sentralt" || rng() < 0.4) return;
    const status = pick(rng, ["Pågår", "Fullført", "Ikke startet"]);
    measures.set(i, [status, status === "Fullført" ? pick(rng, ["Gjennomført som planlagt", "Godt oppmøte", "Flere nye medlemmer"]) : "", status === "Fullført" ? between(rng, 5, 80) : "", date(year, between(rng, 3, 12), 1)]);
  });

  applyMistakes(variant, year, activities, milestones, measures);
  return { report, activities, milestones, measures };
}

function applyMistakes(variant: Variant, year: number, activities: Cell[][], milestones: Cell[][], measures: Map<number, [string, string, Cell, Cell]>): void {
  const row = (i: number) => activities[Math.min(i, activities.length - 1)];
  switch (variant) {
    case "wrongType":
      row(2)[5] = "mange"; // not a whole number
      row(3)[5] = "25"; // a number typed as text: fine
      row(4)[8] = "12,5"; // decimal comma as text: fine
      break;
    case "outsideYear":
      row(1)[0] = `15.12.${year - 1}`;
      break;
    case "unknownMunicipality":
      row(2)[3] = "9999";
      break;
    case "tooManyNew":
      row(1)[5] = 12;
      row(1)[6] = 30;
      break;
    case "formulaText":
      milestones[1][1] = '=HYPERLINK("https://www.seniornett.no";"Se avtalen")';
      measures.set(0, ["Fullført", "+20 nye medlemmer etter kampanjen", 20, dateAtNoonUtc(`${year}-06-01`)]);
      row(1)[2] = "@seniornett på Facebook: direktesending";
      break;
    case "typedText":
      row(1)[0] = `12.03.${year}`;
      row(1)[1] = " kurs ";
      row(1)[5] = "15";
      row(2)[0] = `${year}-04-09`;
      row(2)[8] = "3,5";
      break;
    case "blankRows":
      activities.splice(3, 0, ["", "", "", "", "", "", "", "", "", ""], ["  ", "", " ", "", "", "", "", "", "", ""]);
      break;
    case "badReport":
      // The Årsrapport mistake is in demoSheets; and one milestone marked done without a date.
      milestones[1][5] = "Fullført";
      milestones[1][6] = "";
      break;
    default:
      break;
  }
}

/** Rearranges a table's columns (the "reordered" variant): a person who moved columns around. */
export function reorder(rows: Cell[][], order: number[]): Cell[][] {
  return rows.map((r) => order.map((j) => r[j] ?? ""));
}

/** today ± days, as ISO text. */
export function shiftDays(today: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** One association's sheets around a given day, as the sidebar preview shows them. */
export interface SidebarDemoSheets {
  /** Årsrapport's values by template key. */
  report: Record<string, Cell>;
  /** Aktiviteter rows (no header), in the template's column order. */
  activities: Cell[][];
  /** Milepæler rows (no header), in the template's column order. */
  milestones: Cell[][];
}

/**
 * The association of the sidebar preview: a filled-in Årsrapport, a few valid activities and some
 * with errors (text for a number, 31 February, more new participants than participants, an unknown
 * municipality), and milestones that are overdue, due soon, done, and one with an error (Fullført
 * without a date) — placed around `today` so the Milepæler sidebar always has each kind.
 */
export function sidebarDemoSheets(today: IsoDate): SidebarDemoSheets {
  const year = Number(today.slice(0, 4));
  const day = (month: number, d: number) => dateAtNoonUtc(`${year}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
  const around = (days: number) => dateAtNoonUtc(shiftDays(today, days));
  return {
    report: {
      year,
      associationName: "Seniornett Bodø",
      orgNumber: "",
      municipalityNumber: "1804",
      members: 212,
      volunteers: 18,
      agreement: "Skriftlig",
      agreementDate: dateAtNoonUtc(`${year - 1}-09-01`),
      contactName: "Kari Nordmann",
      contactEmail: "kari@example.no",
    },
    // Dato, Aktivitetstype, Tittel, Kommunenummer, Samarbeidspartner, Deltakere, Nye deltakere, Frivillige, Frivillige timer, Kommentar
    activities: [
      [day(1, 14), "Kurs", "Grunnkurs i nettbank", "", "Bibliotek", 12, 5, 2, 6, ""],
      [day(2, 3), "Datahjelp", "Åpen datahjelp på biblioteket", "1804", "Bibliotek", 23, 9, 3, 7.5, "Mange spørsmål om BankID"],
      [day(2, 20), "Foredrag", "Svindel på nett – slik kjenner du den igjen", "", "Kommunen", 41, 14, 2, 4, ""],
      [day(3, 5), "Kurs", "Bilder på mobilen", "", "Ingen", "tolv", "", 1, 3, ""],
      [`31.02.${year}`, "Kaffeprat", "Åpent hus", "", "", 15, 20, "", "", ""],
      [day(3, 19), "Medlemsmøte", "Årsmøte", "9999", "", 35, 0, 4, 10, ""],
    ],
    // Kommunenummer, Milepæl, Frist, Ansvarlig part, Bidrag, Status, Fullført dato, Kommentar
    milestones: [
      ["1804", "Avtale om lokaler på biblioteket fornyet", around(-20), "Begge", "Lokaler", "Pågår", "", ""],
      ["1804", "Felles kurs med frivilligsentralen", around(10), "Foreningen", "Mannskap", "Ikke startet", "", ""],
      ["1804", "Kommunen kjøper inn nettbrett til utlån", around(25), "Kommunen", "Utstyr", "Pågår", "", ""],
      ["1804", "Evaluering av samarbeidet", around(120), "Begge", "", "Ikke startet", "", ""],
      ["1804", "Oppstartsmøte med kommunen", around(-90), "Begge", "", "Fullført", around(-92), ""],
      ["1804", "Digital hjelp på sykehjemmet", around(-5), "Foreningen", "Kompetanse", "Fullført", "", ""],
    ],
  };
}
