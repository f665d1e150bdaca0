import fc from "fast-check";
import { propertyRuns } from "../property-runs";
import { assessAssociation } from "../../src/core/association-result";
import { readCentralInputs } from "../../src/core/central-inputs";
import { Cell } from "../../src/core/cell";
import { partnerView } from "../../src/core/partner-slices";
import { readTable } from "../../src/core/read";
import { MUNICIPALITIES } from "../../src/core/reference";
import { summarise, summaryJson } from "../../src/core/summary";
import { activities, milestones, measures } from "../../src/core/templates/association";
import { associationSheets, GOOD_ACTIVITY, headerOf } from "./fixtures";

const context = { year: 2025, today: "2025-11-25" };

/** Anything a spreadsheet cell can hold, including awkward text. */
const anyCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(""),
  fc.constant(null),
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom("1 234", "12,5", "31.02.2025", "2025-03-12", " kurs ", "=1+1", "0301", "\u00a0", "Fullført"),
);

const plausibleActivity = fc.record({
  date: fc.oneof(fc.constantFrom("12.03.2025", "2025-06-01", "01.01.2024", "32.01.2025"), anyCell),
  type: fc.oneof(fc.constantFrom("Kurs", "datahjelp", " Foredrag ", "Kursx"), anyCell),
  title: fc.oneof(fc.constantFrom("Kurs i BankID", "=HYPERLINK(\"x\")"), anyCell),
  municipalityNumber: fc.oneof(fc.constantFrom("", "1804", 301, "9999"), anyCell),
  partner: fc.oneof(fc.constantFrom("", "Bibliotek"), anyCell),
  participants: fc.oneof(fc.integer({ min: -5, max: 12000 }), fc.constantFrom("1 234", "12,5"), anyCell),
  newParticipants: fc.oneof(fc.integer({ min: 0, max: 50 }), anyCell),
  volunteers: fc.oneof(fc.integer({ min: 0, max: 20 }), anyCell),
  volunteerHours: fc.oneof(fc.constantFrom("2,5", 3, ""), anyCell),
  comment: fc.oneof(fc.constant("personlig kommentar"), anyCell),
});

describe("properties of reading and rolling up", () => {
  it("never throws on any cell value, in any tab, and every non-blank row is counted or rejected", () => {
    fc.assert(
      fc.property(fc.array(fc.array(anyCell, { maxLength: 12 }), { maxLength: 20 }), (rows) => {
        for (const template of [activities, milestones, measures]) {
          const read = readTable(template, [headerOf(template), ...rows], context);
          expect(read.read).toBe(read.counted + read.rejected);
          expect(read.rows).toHaveLength(read.counted);
        }
      }),
      propertyRuns(300),
    );
  });

  it("rows read = counted + rejected over whole associations, and the same input gives byte-identical summaries", () => {
    fc.assert(
      fc.property(fc.array(fc.array(plausibleActivity, { maxLength: 15 }), { minLength: 1, maxLength: 6 }), (perAssociation) => {
        const inputs = readCentralInputs({}, context.today);
        const results = perAssociation.map((list, i) =>
          assessAssociation({ id: `f${i}`, name: `Forening ${i}`, municipalityNumber: MUNICIPALITIES[i * 50].number }, { kind: "read", sheets: associationSheets({ activities: list }) }, context),
        );
        const summary = summarise({ year: 2025, today: context.today, central: inputs, results });
        expect(summary.rows.read).toBe(summary.rows.counted + summary.rows.rejected);
        const a = summary.associations;
        expect(a.ok + a.withIssues + a.notSubmitted + a.unreachable).toBe(a.registered);
        const again = summarise({ year: 2025, today: context.today, central: inputs, results: [...results].reverse() });
        expect(summaryJson(again)).toBe(summaryJson(summary));
      }),
      propertyRuns(100),
    );
  });

  it("a partner slice holds only its municipality and none of the personal-data or comment columns", () => {
    const municipalityArb = fc.constantFrom("1804", "1806", "0301", "5601");
    fc.assert(
      fc.property(fc.array(fc.record({ home: municipalityArb, rows: fc.array(municipalityArb, { maxLength: 8 }) }), { minLength: 1, maxLength: 5 }), municipalityArb, (associations, wanted) => {
        const results = associations.map((a, i) =>
          assessAssociation(
            { id: `f${i}`, name: `Forening ${i}`, municipalityNumber: a.home },
            {
              kind: "read",
              sheets: associationSheets({
                report: { municipalityNumber: a.home, contactName: "Ola Personlig", contactEmail: "ola@privat.no" },
                activities: a.rows.map((m) => ({ ...GOOD_ACTIVITY, municipalityNumber: m, comment: "KOMMENTAR-HEMMELIG", title: `Aktivitet i ${m}` })),
                milestones: a.rows.map((m) => ({ municipalityNumber: m, title: `Milepæl i ${m}`, dueDate: "01.01.2026", responsibleParty: "Begge", comment: "KOMMENTAR-HEMMELIG" })),
                measures: [{ area: "Felles", measure: "Evaluering", responsibility: "Lokalt", owner: "Ansvarlig Person", result: "RESULTAT-FRITEKST" }],
              }),
            },
            context,
          ),
        );
        const view = partnerView(results, wanted, context.today);
        const text = JSON.stringify(view);
        for (const secret of ["KOMMENTAR-HEMMELIG", "Ola Personlig", "ola@privat.no", "Ansvarlig Person", "RESULTAT-FRITEKST", "kari@example.no"]) expect(text).not.toContain(secret);
        for (const table of view.filter((t) => t.name === "Aktiviteter" || t.name === "Milepæler")) {
          for (const row of table.rows) expect(row.some((cell) => cell === `Aktivitet i ${wanted}` || cell === `Milepæl i ${wanted}`)).toBe(true);
        }
        const expectedActivities = associations.reduce((n, a) => n + a.rows.filter((m) => m === wanted).length, 0);
        expect(view.find((t) => t.name === "Aktiviteter")!.rows).toHaveLength(expectedActivities);
      }),
      propertyRuns(100),
    );
  });
});
