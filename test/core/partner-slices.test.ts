// A municipal partner's view and who may see it (core/partner-slices.ts, SPEC "Partner views", issue 14):
// only the municipality's rows, no personal data or free-text columns, the free text it does carry masked.
import { RegistryAssociation } from "../../src/core/central-inputs";
import { partnerAddresses, partnerMunicipalities, partnerView } from "../../src/core/partner-slices";
import { activityFact, milestoneFact, resultOf } from "./fixtures";

const TODAY = "2026-02-10";
const noon = (iso: string) => new Date(`${iso}T12:00:00Z`);

const results = [
  resultOf("narvik", "1806", {
    activities: [activityFact({ municipalityNumber: "1804", title: "Kurs i Bodø", date: "2025-05-02", participants: 8 })],
    milestones: [milestoneFact({ municipalityNumber: "1806", title: "Narvik-avtale" })],
  }),
  resultOf("bodo-b", "1804", {
    status: "OK",
    report: { members: 120, volunteers: 14, agreement: "Skriftlig" },
    activities: [
      activityFact({ title: "Ring 912 34 567 for påmelding", date: "2025-03-12", type: "Digital kafé", partner: "Biblioteket", participants: 12, newParticipants: 4, volunteers: 2, volunteerHours: 6.5 }),
      activityFact({ municipalityNumber: "1806", title: "Kurs i Narvik" }),
    ],
    milestones: [
      milestoneFact({ title: "Avtale signert", dueDate: "2025-03-01", responsibleParty: "Kommunen", contribution: "Lokaler", status: "Fullført", completedDate: "2025-03-02", comment: "hemmelig kommentar" }),
      milestoneFact({ title: "Møte med ordfører, tlf 41234567", dueDate: "2026-01-15", status: "Pågår" }),
      milestoneFact({ municipalityNumber: "1806", title: "Kurs i Narvik" }),
    ],
  }),
  resultOf("oslo", "0301", { activities: [activityFact({ municipalityNumber: "0301", title: "Oslo-kurs" })] }),
  resultOf("bodo-a", "1804", { name: "Seniornett Bodø (kari@example.no)", status: "Ikke sendt inn" }),
];

describe("a partner's view of one municipality", () => {
  const view = () => partnerView(results, "1804", TODAY);
  const tab = (name: string) => view().find((t) => t.name === name)!;

  it("has four tabs: about the view, associations, activities and milestones", () => {
    expect(view().map((t) => t.name)).toEqual(["Om visningen", "Foreninger", "Aktiviteter", "Milepæler"]);
  });

  it("says which municipality and county it is about, and what it leaves out", () => {
    const about = tab("Om visningen");
    expect(about.header).toEqual(["Felt", "Verdi"]);
    expect(about.formats).toEqual(["text", "text"]);
    expect(about.rows).toEqual([
      ["Kommune", "1804 Bodø"],
      ["Fylke", "Nordland"],
      ["Innhold", "Aktiviteter og milepæler som gjelder kommunen. Uten personopplysninger og kommentarer; telefonnumre, e-postadresser og fødselsnumre i titler er fjernet."],
    ]);
  });

  it("of a municipality not in the reference: its number alone, no county", () => {
    const about = partnerView(results, "9999", TODAY)[0];
    expect(about.rows[0]).toEqual(["Kommune", "9999"]);
    expect(about.rows[1]).toEqual(["Fylke", ""]);
  });

  it("lists the associations at home in the municipality, in rollup order, with status, members, volunteers and agreement", () => {
    const associations = tab("Foreninger");
    expect(associations.header).toEqual(["Forening", "Status", "Medlemmer", "Frivillige", "Samarbeidsavtale"]);
    expect(associations.formats).toEqual(["text", "text", "whole", "whole", "text"]);
    expect(associations.rows).toEqual([
      ["Seniornett Bodø ([e-post fjernet])", "Ikke sendt inn", "", "", ""],
      ["Seniornett Bodø", "OK", 120, 14, "Skriftlig"],
    ]);
  });

  it("lists the activities held in the municipality, also another municipality's association's, with no comment column", () => {
    const activities = tab("Aktiviteter");
    expect(activities.header).toEqual(["Forening", "Dato", "Aktivitetstype", "Tittel", "Samarbeidspartner", "Deltakere", "Nye deltakere", "Frivillige", "Frivillige timer"]);
    expect(activities.formats).toEqual(["text", "date", "text", "text", "text", "whole", "whole", "whole", "decimal"]);
    expect(activities.rows).toEqual([
      ["Seniornett Bodø", noon("2025-03-12"), "Digital kafé", "Ring [telefon fjernet] for påmelding", "Biblioteket", 12, 4, 2, 6.5],
      ["Seniornett Narvik", noon("2025-05-02"), "Kurs", "Kurs i Bodø", "Ingen", 8, 4, 2, 6.5],
    ]);
  });

  it("lists the milestones about the municipality without their comments, with completion date and overdue flag", () => {
    const milestones = tab("Milepæler");
    expect(milestones.header).toEqual(["Forening", "Milepæl", "Frist", "Ansvarlig part", "Bidrag", "Status", "Fullført dato", "Forsinket"]);
    expect(milestones.formats).toEqual(["text", "text", "date", "text", "text", "text", "date", "text"]);
    expect(milestones.rows).toEqual([
      ["Seniornett Bodø", "Avtale signert", noon("2025-03-01"), "Kommunen", "Lokaler", "Fullført", noon("2025-03-02"), "Nei"],
      ["Seniornett Bodø", "Møte med ordfører, tlf [telefon fjernet]", noon("2026-01-15"), "Begge", "", "Pågår", "", "Ja"],
    ]);
    expect(JSON.stringify(view())).not.toContain("hemmelig");
  });

  it("carries none of another municipality's rows", () => {
    const text = JSON.stringify(view());
    expect(text).not.toContain("Narvik-avtale");
    expect(text).not.toContain("Kurs i Narvik");
    expect(text).not.toContain("Oslo-kurs");
  });

  it("does not reorder the results it is given", () => {
    view();
    expect(results.map((r) => r.id)).toEqual(["narvik", "bodo-b", "oslo", "bodo-a"]);
  });
});

describe("the municipalities a view is made for", () => {
  it("every known municipality an association is at home in or has an activity or milestone in, sorted", () => {
    const made = partnerMunicipalities([
      resultOf("bodo", "1804", { activities: [activityFact({ municipalityNumber: "1806" })], milestones: [milestoneFact({ municipalityNumber: "1833" }), milestoneFact({ municipalityNumber: "1804" })] }),
      resultOf("ukjent", "9999", { activities: [activityFact({ municipalityNumber: "0301" }), activityFact({ municipalityNumber: "4601" })] }),
      resultOf("trondheim", "5001"),
    ]);
    expect(made).toEqual(["0301", "1804", "1806", "1833", "4601", "5001"]);
  });

  it("none without results", () => {
    expect(partnerMunicipalities([])).toEqual([]);
  });
});

describe("who may see a municipality's view", () => {
  const association = (municipalityNumber: string, partnerEmailList: string[]) => ({ municipalityNumber, partnerEmailList }) as RegistryAssociation;

  it("the partner addresses of every association in the municipality: trimmed, lower-cased, unique and sorted", () => {
    const addresses = partnerAddresses([
      association("1804", [" Kari@Bodo.kommune.no ", "ola@bodo.kommune.no"]),
      association("1806", ["per@narvik.kommune.no"]),
      association("1804", ["kari@bodo.kommune.no", "anne@bodo.kommune.no"]),
    ]);
    expect([...addresses.keys()]).toEqual(["1804", "1806"]);
    expect(addresses.get("1804")).toEqual(["anne@bodo.kommune.no", "kari@bodo.kommune.no", "ola@bodo.kommune.no"]);
    expect(addresses.get("1806")).toEqual(["per@narvik.kommune.no"]);
  });

  it("no one for a municipality whose associations give no partner address, or one not in the reference", () => {
    const addresses = partnerAddresses([association("1833", []), association("9999", ["x@example.no"]), association("1804", ["kari@bodo.kommune.no"])]);
    expect([...addresses.keys()]).toEqual(["1804"]);
  });
});
