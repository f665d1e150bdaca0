import { Cell } from "../../src/core/cell";
import { dateAtNoonUtc, IsoDate } from "../../src/core/dates";
import { headerKey } from "../../src/core/read";
import { annualReport } from "../../src/core/templates/association";
import { MemoryWorkbook } from "../../src/adapters/memory/memory-workbook";
import { setUpTemplates } from "../../src/services/setup";

/** today ± days, as ISO text. */
export function shiftDays(today: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A demo association workbook for the sidebar preview and browser tests: the four tabs set up by
 * Samspill, a filled-in Årsrapport, a few valid activities and some with errors, and milestones that
 * are overdue, due soon, done, and one with an error.
 */
export function demoAssociationWorkbook(today: IsoDate): MemoryWorkbook {
  const workbook = new MemoryWorkbook();
  setUpTemplates(workbook);
  const year = Number(today.slice(0, 4));
  const report: Record<string, Cell> = {
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
  };
  const form = workbook.read(annualReport.name) ?? [];
  const updates = form.flatMap((row, r) => {
    const key = annualReport.keys.find((k) => headerKey(annualReport.columns[k].header) === headerKey(row[0]));
    return key && key in report ? [{ cell: `B${r + 1}`, value: report[key] }] : [];
  });
  workbook.setCells(annualReport.name, updates);

  const day = (month: number, d: number) => dateAtNoonUtc(`${year}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
  // Dato, Aktivitetstype, Tittel, Kommunenummer, Samarbeidspartner, Deltakere, Nye deltakere, Frivillige, Frivillige timer, Kommentar
  workbook.append("Aktiviteter", [
    [day(1, 14), "Kurs", "Grunnkurs i nettbank", "", "Bibliotek", 12, 5, 2, 6, ""],
    [day(2, 3), "Datahjelp", "Åpen datahjelp på biblioteket", "1804", "Bibliotek", 23, 9, 3, 7.5, "Mange spørsmål om BankID"],
    [day(2, 20), "Foredrag", "Svindel på nett – slik kjenner du den igjen", "", "Kommunen", 41, 14, 2, 4, ""],
    [day(3, 5), "Kurs", "Bilder på mobilen", "", "Ingen", "tolv", "", 1, 3, ""],
    [`31.02.${year}`, "Kaffeprat", "Åpent hus", "", "", 15, 20, "", "", ""],
    [day(3, 19), "Medlemsmøte", "Årsmøte", "9999", "", 35, 0, 4, 10, ""],
  ]);

  // Kommunenummer, Milepæl, Frist, Ansvarlig part, Bidrag, Status, Fullført dato, Kommentar
  workbook.append("Milepæler", [
    ["1804", "Avtale om lokaler på biblioteket fornyet", dateAtNoonUtc(shiftDays(today, -20)), "Begge", "Lokaler", "Pågår", "", ""],
    ["1804", "Felles kurs med frivilligsentralen", dateAtNoonUtc(shiftDays(today, 10)), "Foreningen", "Mannskap", "Ikke startet", "", ""],
    ["1804", "Kommunen kjøper inn nettbrett til utlån", dateAtNoonUtc(shiftDays(today, 25)), "Kommunen", "Utstyr", "Pågår", "", ""],
    ["1804", "Evaluering av samarbeidet", dateAtNoonUtc(shiftDays(today, 120)), "Begge", "", "Ikke startet", "", ""],
    ["1804", "Oppstartsmøte med kommunen", dateAtNoonUtc(shiftDays(today, -90)), "Begge", "", "Fullført", dateAtNoonUtc(shiftDays(today, -92)), ""],
    ["1804", "Digital hjelp på sykehjemmet", dateAtNoonUtc(shiftDays(today, -5)), "Foreningen", "Kompetanse", "Fullført", "", ""],
  ]);
  return workbook;
}

/** Sets form fields (column A label, column B value) of a field/value tab by their template keys. */
export function fillForm(workbook: MemoryWorkbook, template: { name: string; keys: ReadonlyArray<string>; columns: Record<string, { header: string }> }, values: Record<string, Cell>): void {
  const form = workbook.read(template.name) ?? [];
  const updates = form.flatMap((row, r) => {
    const key = template.keys.find((k) => headerKey(template.columns[k].header) === headerKey(row[0]));
    return key && key in values ? [{ cell: `B${r + 1}`, value: values[key] }] : [];
  });
  workbook.setCells(template.name, updates);
}

/** The demo association with its errors fixed (optionally submitted). */
export function cleanAssociationWorkbook(today: IsoDate, name: string, municipalityNumber: string, submittedAt = ""): MemoryWorkbook {
  const workbook = demoAssociationWorkbook(today);
  workbook.write("Aktiviteter", (workbook.read("Aktiviteter") ?? []).slice(0, 4));
  workbook.write("Milepæler", (workbook.read("Milepæler") ?? []).slice(0, 6));
  fillForm(workbook, annualReport, { associationName: name, municipalityNumber, submittedAt, submittedBy: submittedAt ? "leder@example.no" : "" });
  return workbook;
}
