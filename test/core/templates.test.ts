// The tabs as the SPEC describes them ("The association workbook", "The central spreadsheet"): each
// column's header and its header note, which states the rule a person meets (required or not, kind,
// range, length, default, personal data). Digit grouping in numbers («10 000») is left out of the
// comparison. A change of any column rule must show here.
import { helpText } from "../../src/core/messages";
import { ColumnSpec } from "../../src/core/schema/column";
import { Template } from "../../src/core/schema/table";
import {
  activities,
  annualReport,
  ASSOCIATION_TEMPLATES,
  measures,
  milestones,
} from "../../src/core/templates/association";
import { CENTRAL_INPUT_TEMPLATES, history, partnerViewRegistry, registry, settings, spreadsheetUrl } from "../../src/core/templates/central";
import * as lists from "../../src/core/templates/lists";

type ColumnRow = [key: string, header: string, note: string, flags: string];

const TABS: Record<string, ColumnRow[]> = {
  Årsrapport: [
    ["year", "Rapportår", "Påkrevd: et helt tall mellom 2000 og 2100. Året rapporten gjelder.", ""],
    ["associationName", "Forening", "Påkrevd: tekst på høyst 120 tegn.", ""],
    [
      "orgNumber",
      "Organisasjonsnummer",
      "Valgfri: et gyldig organisasjonsnummer med 9 siffer. 9 siffer fra Enhetsregisteret.",
      "",
    ],
    ["municipalityNumber", "Kommunenummer", "Påkrevd: et kommunenummer med 4 siffer (f.eks. 0301).", ""],
    ["members", "Antall medlemmer per 31.12", "Påkrevd: et helt tall mellom 0 og 100000.", ""],
    ["volunteers", "Antall frivillige", "Påkrevd: et helt tall mellom 0 og 10000.", ""],
    ["agreement", "Samarbeidsavtale med kommunen", "Påkrevd: en av: Ingen, Muntlig, Skriftlig.", ""],
    [
      "agreementDate",
      "Avtale inngått",
      "Valgfri: en dato (dd.mm.åååå). Påkrevd når det finnes en avtale.",
      "",
    ],
    [
      "contactName",
      "Kontaktperson",
      "Valgfri: tekst på høyst 200 tegn. Personopplysning: deles ikke med kommunen.",
      "",
    ],
    [
      "contactEmail",
      "Kontakt e-post",
      "Valgfri: en gyldig e-postadresse. Personopplysning: deles ikke med kommunen.",
      "",
    ],
    ["submittedAt", "Innsendt", "Valgfri: tekst. Fylles ut av Samspill ved innsending.", "system"],
    [
      "submittedBy",
      "Innsendt av",
      "Valgfri: tekst. Fylles ut av Samspill ved innsending. Personopplysning: deles ikke med kommunen.",
      "system",
    ],
  ],
  Aktiviteter: [
    ["date", "Dato", "Påkrevd: en dato i rapportåret (dd.mm.åååå).", "100 px"],
    [
      "type",
      "Aktivitetstype",
      "Påkrevd: en av: Kurs, Datahjelp, Foredrag, Åpent møte, Medlemsmøte, Veilederopplæring, Annet.",
      "160 px",
    ],
    [
      "title",
      "Tittel",
      "Påkrevd: tekst på høyst 200 tegn. Vises for kommunen: skriv ikke navn, telefonnummer, e-post eller fødselsnummer.",
      "260 px",
    ],
    [
      "municipalityNumber",
      "Kommunenummer",
      "Valgfri: et kommunenummer med 4 siffer (f.eks. 0301). Tomt betyr foreningens egen kommune.",
      "100 px",
    ],
    [
      "partner",
      "Samarbeidspartner",
      "Valgfri: en av: Ingen, Kommunen, Bibliotek, Frivilligsentral, Skole, Annen organisasjon, Næringsliv, Annet. Tomt betyr Ingen.",
      "160 px",
    ],
    ["participants", "Deltakere", "Påkrevd: et helt tall mellom 0 og 10000.", "100 px"],
    [
      "newParticipants",
      "Nye deltakere",
      "Valgfri: et helt tall mellom 0 og 10000. Tomt betyr 0. Høyst like mange som Deltakere.",
      "100 px",
    ],
    ["volunteers", "Frivillige", "Valgfri: et helt tall mellom 0 og 1000. Tomt betyr 0.", "100 px"],
    ["volunteerHours", "Frivillige timer", "Valgfri: et tall mellom 0 og 10000. Tomt betyr 0.", "100 px"],
    ["comment", "Kommentar", "Valgfri: tekst på høyst 1000 tegn.", "free text, 260 px"],
  ],
  Milepæler: [
    [
      "municipalityNumber",
      "Kommunenummer",
      "Påkrevd: et kommunenummer med 4 siffer (f.eks. 0301).",
      "100 px",
    ],
    [
      "title",
      "Milepæl",
      "Påkrevd: tekst på høyst 200 tegn. Vises for kommunen: skriv ikke navn, telefonnummer, e-post eller fødselsnummer.",
      "260 px",
    ],
    ["dueDate", "Frist", "Påkrevd: en dato (dd.mm.åååå).", "100 px"],
    [
      "responsibleParty",
      "Ansvarlig part",
      "Påkrevd: en av: Foreningen, Kommunen, Begge, Annen aktør.",
      "100 px",
    ],
    [
      "contribution",
      "Bidrag",
      "Valgfri: en av: Lokaler, Utstyr, Mannskap, Penger, Kompetanse, Annet.",
      "100 px",
    ],
    [
      "status",
      "Status",
      "Valgfri: en av: Ikke startet, Pågår, Fullført, Avlyst. Tomt betyr Ikke startet.",
      "100 px",
    ],
    [
      "completedDate",
      "Fullført dato",
      "Valgfri: en dato (dd.mm.åååå), ikke senere enn i dag. Påkrevd når Status er Fullført.",
      "100 px",
    ],
    ["comment", "Kommentar", "Valgfri: tekst på høyst 1000 tegn.", "free text, 260 px"],
  ],
  Tiltak: [
    [
      "area",
      "Planområde",
      "Påkrevd: en av: Felles, Kommunikasjon, Kommunesamarbeid, Rekruttering, Forening og frivillighet.",
      "160 px",
    ],
    ["measure", "Tiltak", "Påkrevd: tekst på høyst 200 tegn.", "260 px"],
    ["activity", "Aktivitet", "Valgfri: tekst på høyst 1000 tegn.", "260 px"],
    ["responsibility", "Ansvar", "Påkrevd: en av: Lokalt, Sentralt, Lokalt og sentralt.", "160 px"],
    [
      "owner",
      "Ansvarlig",
      "Valgfri: tekst på høyst 200 tegn. Personopplysning: deles ikke med kommunen.",
      "160 px",
    ],
    ["dueDate", "Frist", "Valgfri: en dato (dd.mm.åååå).", "100 px"],
    [
      "status",
      "Status",
      "Valgfri: en av: Ikke startet, Pågår, Fullført, Avlyst. Tomt betyr Ikke startet.",
      "100 px",
    ],
    ["result", "Resultat", "Valgfri: tekst på høyst 1000 tegn.", "free text, 260 px"],
    [
      "reached",
      "Antall nådd",
      "Valgfri: et helt tall på minst 0. Personer nådd, medlemmer rekruttert o.l.",
      "100 px",
    ],
  ],
  Oppsett: [
    ["organisation", "Organisasjon", "Påkrevd: tekst på høyst 200 tegn.", ""],
    ["year", "Rapportår", "Påkrevd: et helt tall mellom 2000 og 2100.", ""],
    ["deadline", "Frist for innsending", "Valgfri: en dato (dd.mm.åååå).", ""],
    [
      "templateSpreadsheet",
      "Malregneark",
      "Valgfri: tekst. Adressen eller ID-en til malregnearket med Samspill-menyen; nye foreninger får en kopi av det.",
      "",
    ],
    ["goalMembers", "Mål: medlemmer", "Valgfri: et helt tall på minst 0. Tomt betyr 11000.", ""],
    [
      "goalCounties",
      "Mål: fylker med lokale tiltak",
      "Valgfri: et helt tall mellom 0 og 15. Tomt betyr 15.",
      "",
    ],
    [
      "goalParticipantGrowth",
      "Mål: vekst i deltakere",
      "Valgfri: tekst. Tomt betyr 10 %. Prosent per år.",
      "",
    ],
    [
      "goalAgreements",
      "Mål: foreninger med kommuneavtale",
      "Valgfri: et helt tall på minst 0. Tomt betyr 100.",
      "",
    ],
    ["goalGrantGrowth", "Mål: vekst i statstilskudd", "Valgfri: tekst. Tomt betyr 25 %. Prosent per år.", ""],
    ["grantLastYear", "Statstilskudd i fjor", "Valgfri: et tall på minst 0.", ""],
    ["grantThisYear", "Statstilskudd i år", "Valgfri: et tall på minst 0.", ""],
  ],
  Foreninger: [
    ["id", "Forening-ID", "Påkrevd: tekst på høyst 60 tegn.", "140 px"],
    ["name", "Forening", "Påkrevd: tekst på høyst 120 tegn.", "220 px"],
    ["orgNumber", "Organisasjonsnummer", "Valgfri: et gyldig organisasjonsnummer med 9 siffer.", "140 px"],
    [
      "municipalityNumber",
      "Kommunenummer",
      "Påkrevd: et kommunenummer med 4 siffer (f.eks. 0301).",
      "110 px",
    ],
    ["spreadsheet", "Regneark", "Påkrevd: tekst. Regnearkets adresse eller ID (lokalt: filsti).", "300 px"],
    [
      "contactEmail",
      "Kontakt e-post",
      "Valgfri: en gyldig e-postadresse. Personopplysning: deles ikke med kommunen.",
      "200 px",
    ],
    [
      "partnerEmails",
      "Kommunepartner e-post",
      "Valgfri: tekst. Kommaseparert. Personopplysning: deles ikke med kommunen.",
      "240 px",
    ],
    ["active", "Aktiv", "Valgfri: en av: Ja, Nei. Tomt betyr Ja.", "70 px"],
  ],
  Historikk: [
    ["year", "År", "Påkrevd: et helt tall mellom 2000 og 2100.", ""],
    ["members", "Medlemmer", "Valgfri: et helt tall på minst 0.", ""],
    ["volunteers", "Frivillige", "Valgfri: et helt tall på minst 0.", ""],
    ["activities", "Aktiviteter", "Valgfri: et helt tall på minst 0.", ""],
    ["participants", "Deltakere", "Valgfri: et helt tall på minst 0.", ""],
    ["newParticipants", "Nye deltakere", "Valgfri: et helt tall på minst 0.", ""],
    ["volunteerHours", "Frivillige timer", "Valgfri: et tall på minst 0.", ""],
    ["associationsWithAgreement", "Foreninger med avtale", "Valgfri: et helt tall på minst 0.", ""],
    ["grant", "Statstilskudd", "Valgfri: et tall på minst 0.", ""],
  ],
};

function describe_(template: Template<any>): ColumnRow[] {
  return template.keys.map((key) => {
    const c = template.columns[key] as ColumnSpec;
    const flags = [c.system && "system", c.freeText && "free text", c.width && `${c.width} px`]
      .filter(Boolean)
      .join(", ");
    return [key, c.header, helpText(c).replace(/(\d)[ \u00a0](?=\d{3})/g, "$1"), flags];
  });
}

describe("the tabs of the association workbook and the central spreadsheet", () => {
  it.each(
    [annualReport, activities, milestones, measures, settings, registry, history].map((t) => [t.name, t]),
  )("%s has the SPEC's columns and rules", (name, template) => {
    expect(describe_(template as Template<any>)).toEqual(TABS[name as string]);
  });

  it("are four in an association workbook, in this order: two forms and tables", () => {
    expect(ASSOCIATION_TEMPLATES.map((t) => [t.name, t.layout])).toEqual([
      ["Årsrapport", "form"],
      ["Aktiviteter", "table"],
      ["Milepæler", "table"],
      ["Tiltak", "table"],
    ]);
    expect([settings, registry, history].map((t) => [t.name, t.layout])).toEqual([
      ["Oppsett", "form"],
      ["Foreninger", "table"],
      ["Historikk", "table"],
    ]);
  });

  it("have row rules only where the SPEC has them", () => {
    const rules = (t: Template<any>) => t.rules.map((r) => `${r.field} ${r.code} (${r.uses.join(", ")})`);
    expect(rules(annualReport)).toEqual(["agreementDate required (agreement, agreementDate)"]);
    expect(rules(activities)).toEqual([
      "newParticipants more_than_participants (participants, newParticipants)",
    ]);
    expect(rules(milestones)).toEqual([
      "completedDate required (status, completedDate)",
      "completedDate not_allowed (status, completedDate)",
    ]);
    expect(rules(measures)).toEqual([]);
    expect([settings, registry, history].flatMap(rules)).toEqual([]);
  });
});

describe("the lists people choose from", () => {
  it("are the SPEC's, in its order", () => {
    expect(lists.AGREEMENT_KINDS).toEqual(["Ingen", "Muntlig", "Skriftlig"]);
    expect(lists.YES_NO).toEqual(["Ja", "Nei"]);
    expect(lists.DONE).toBe("Fullført");
    expect(lists.CANCELLED).toBe("Avlyst");
  });
});

describe("the central spreadsheet's other tabs", () => {
  it("its input tabs are Oppsett, Foreninger and Historikk, in that order", () => {
    expect(CENTRAL_INPUT_TEMPLATES.map((t) => t.name)).toEqual(["Oppsett", "Foreninger", "Historikk"]);
  });

  it("Kommunevisninger records where each municipality's partner view lives; who it is shared with is personal data", () => {
    expect(partnerViewRegistry.name).toBe("Kommunevisninger");
    expect(partnerViewRegistry.keys.map((k) => partnerViewRegistry.columns[k].header)).toEqual(["Kommunenummer", "Kommune", "Regneark-ID", "Adresse", "Delt med", "Oppdatert", "Merknad"]);
    expect(partnerViewRegistry.keys.filter((k) => (partnerViewRegistry.columns[k] as ColumnSpec).personal)).toEqual(["sharedWith"]);
    expect(partnerViewRegistry.keys.filter((k) => (partnerViewRegistry.columns[k] as ColumnSpec).required)).toEqual(["municipalityNumber"]);
  });
});

describe("a spreadsheet's address", () => {
  it("is Google's address of the spreadsheet with that ID", () => {
    expect(spreadsheetUrl("1AbC-d_eF")).toBe("https://docs.google.com/spreadsheets/d/1AbC-d_eF");
  });
});
