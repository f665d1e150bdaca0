// The Norwegian messages a person reads for each problem in a cell, and the words around them (issue 14).
import { describeRule, helpText, issueMessage } from "../../src/core/messages";
import { column } from "../../src/core/schema/column";
import { activities } from "../../src/core/templates/association";
import { describeIssue, describeSeverity, formatChange, formatNumber, formatPercent, goalName, GOAL_NAMES, PERCENT_GOALS } from "../../src/core/wording";

const context = { year: 2025, today: "2025-11-25" };

describe("what a valid value looks like", () => {
  it("names the bounds of a number: both, only a least, only a most, or none", () => {
    expect(describeRule(column.whole("Antall", { min: 0, max: 10_000 }))).toBe("et helt tall mellom 0 og 10 000");
    expect(describeRule(column.whole("Antall", { min: 1 }))).toBe("et helt tall på minst 1");
    expect(describeRule(column.decimal("Timer", { max: 2_500.5 }))).toBe("et tall på høyst 2 500,5");
    expect(describeRule(column.decimal("Timer"))).toBe("et tall");
  });

  it("names the report year of a date when it is known, and today's limit", () => {
    const inYear = column.date("Dato", { inReportYear: true });
    expect(describeRule(inYear, context)).toBe("en dato i rapportåret 2025 (dd.mm.åååå)");
    expect(describeRule(inYear)).toBe("en dato i rapportåret (dd.mm.åååå)");
    expect(describeRule(column.date("Fullført", { notAfterToday: true }), context)).toBe("en dato (dd.mm.åååå), ikke senere enn i dag");
    expect(describeRule(column.date("Frist"), context)).toBe("en dato (dd.mm.åååå)");
  });

  it("lists the choices, and says what a municipality number, organisation number, e-mail and text are", () => {
    expect(describeRule(column.oneOf("Avtale", ["Ja", "Nei"]))).toBe("en av: Ja, Nei");
    expect(describeRule(column.municipality("Kommunenummer"))).toBe("et kommunenummer med 4 siffer (f.eks. 0301)");
    expect(describeRule(column.orgNumber("Org.nr."))).toBe("et gyldig organisasjonsnummer med 9 siffer");
    expect(describeRule(column.email("E-post"))).toBe("en gyldig e-postadresse");
    expect(describeRule(column.text("Tittel", { maxLength: 1_200 }))).toBe("tekst på høyst 1 200 tegn");
    expect(describeRule(column.text("Kommentar"))).toBe("tekst");
  });
});

describe("the help under a field", () => {
  it("says required or optional, the rule, the default, the help ending in one full stop, and who sees the field", () => {
    expect(helpText(column.whole("Antall", { required: true, min: 0 }))).toBe("Påkrevd: et helt tall på minst 0.");
    expect(helpText(column.oneOf("Avtale", ["Ja", "Nei"], { default: "Nei", help: "Avtale med kommunen" }))).toBe("Valgfri: en av: Ja, Nei. Tomt betyr Nei. Avtale med kommunen.");
    expect(helpText(column.text("Notat", { help: "Kort." }))).toBe("Valgfri: tekst. Kort.");
    expect(helpText(column.text("Navn", { personal: true }))).toBe("Valgfri: tekst. Personopplysning: deles ikke med kommunen.");
    expect(helpText(column.text("Tittel", { shownToPartners: { definite: "Tittelen" } }))).toBe("Valgfri: tekst. Vises for kommunen: skriv ikke navn, telefonnummer, e-post eller fødselsnummer.");
  });
});

describe("the message of a cell that cannot be read", () => {
  const participants = activities.columns.participants;

  it("quotes the value Samspill saw, trimmed", () => {
    expect(issueMessage(participants, "not_whole", "  mange  ", context)).toBe("Deltakere må være et helt tall mellom 0 og 10 000 (ikke «mange»)");
  });

  it("quotes at most 40 characters: a longer value is cut to 37 and «…»", () => {
    const forty = "x".repeat(40);
    expect(issueMessage(participants, "not_whole", forty, context)).toBe(`Deltakere må være et helt tall mellom 0 og 10 000 (ikke «${forty}»)`);
    expect(issueMessage(participants, "not_whole", forty + "y", context)).toBe(`Deltakere må være et helt tall mellom 0 og 10 000 (ikke «${"x".repeat(37)}…»)`);
  });

  it("shows a date cell as its Oslo day, and a broken date cell as «ugyldig dato»", () => {
    expect(issueMessage(participants, "not_whole", new Date("2025-03-11T23:30:00Z"), context)).toBe("Deltakere må være et helt tall mellom 0 og 10 000 (ikke «2025-03-12»)");
    expect(issueMessage(participants, "not_whole", new Date(NaN), context)).toBe("Deltakere må være et helt tall mellom 0 og 10 000 (ikke «ugyldig dato»)");
  });

  it("quotes nothing when there is nothing to quote", () => {
    expect(issueMessage(participants, "not_whole", null, context)).toBe("Deltakere må være et helt tall mellom 0 og 10 000");
  });

  it("has its own wording for a missing value, a date outside the year or after today, a municipality and a long text", () => {
    expect(issueMessage(participants, "required", "", context)).toBe("Deltakere må fylles ut");
    expect(issueMessage(activities.columns.date, "outside_report_year", "01.01.2024", context)).toBe("Dato må være en dato i rapportåret 2025");
    expect(issueMessage(column.date("Fullført dato", { notAfterToday: true }), "in_future", "01.12.2025", context)).toBe("Fullført dato kan ikke være etter i dag");
    expect(issueMessage(column.municipality("Kommunenummer"), "unknown_municipality", "9999", context)).toBe("Kommunenummer «9999» er ikke et kommunenummer i kommunelisten");
    expect(issueMessage(column.text("Tittel", { maxLength: 1_200 }), "too_long", "x", context)).toBe("Tittel kan ha høyst 1 200 tegn");
    expect(issueMessage(column.oneOf("Avtale", ["Ja", "Nei"]), "not_in_list", "Kanskje", context)).toBe("Avtale må være en av: Ja, Nei (ikke «Kanskje»)");
  });
});

describe("the warning on personal data in a title a municipality sees", () => {
  const title = activities.columns.title;

  it("names what it found, in the field's definite form", () => {
    expect(issueMessage(title, "personal_data", "Ring 912 34 567", context)).toBe("Tittelen ser ut til å inneholde et telefonnummer. Tittelen vises for kommunen – ta bort personopplysninger.");
  });

  it("lists two kinds with «og» and three with a comma first", () => {
    expect(issueMessage(title, "personal_data", "kari@example.no 912 34 567", context)).toBe("Tittelen ser ut til å inneholde et telefonnummer og en e-postadresse. Tittelen vises for kommunen – ta bort personopplysninger.");
    expect(issueMessage(title, "personal_data", "kari@example.no 912 34 567 01010012356", context)).toMatch(/^Tittelen ser ut til å inneholde et telefonnummer, en e-postadresse og et fødselsnummer\. /);
  });

  it("says «personopplysninger» when it cannot say which, and uses the header when the field has no definite form", () => {
    expect(issueMessage(title, "personal_data", "ingenting", context)).toBe("Tittelen ser ut til å inneholde personopplysninger. Tittelen vises for kommunen – ta bort personopplysninger.");
    expect(issueMessage(column.text("Notat"), "personal_data", null, context)).toBe("Notat ser ut til å inneholde personopplysninger. Notat vises for kommunen – ta bort personopplysninger.");
  });
});

describe("numbers, changes and names in bokmål", () => {
  it("rounds to the decimals asked for and never writes «-0»", () => {
    expect(formatNumber(1234.5678)).toBe("1 234,57");
    expect(formatNumber(1234.5678, 0)).toBe("1 235");
    expect(formatNumber(-0.001)).toBe("0");
    expect(formatNumber(-0.5, 0)).toBe("-1");
    expect(formatNumber(999)).toBe("999");
    expect(formatNumber(1000)).toBe("1 000");
    expect(formatNumber(Infinity)).toBe("Infinity");
    expect(formatPercent(0.12345, 2)).toBe("12,35 %");
  });

  it("writes a change with its sign, and no change as ±0", () => {
    expect(formatChange(0)).toBe("±0");
    expect(formatChange(1234)).toBe("+1 234");
    expect(formatChange(-12)).toBe("-12");
    expect(formatChange(0.125, 1)).toBe("+0,1");
  });

  it("calls severities Feil and Advarsel, and unknown codes and goals something Norwegian", () => {
    expect(describeSeverity("error")).toBe("Feil");
    expect(describeSeverity("warning")).toBe("Advarsel");
    expect(describeIssue("too_long")).toBe("For lang tekst");
    expect(goalName("members")).toBe("Medlemmer");
    expect(goalName("somethingElse")).toBe("Annet mål");
    expect(Object.keys(GOAL_NAMES).filter((id) => PERCENT_GOALS.has(id))).toEqual(["participantGrowth", "grantGrowth"]);
  });
});
