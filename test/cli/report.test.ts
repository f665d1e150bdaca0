import { renderReport, escapeHtml } from "../../src/report/html";
import { Summary } from "../../src/core/summary";
import { AssociationResult } from "../../src/core/association-result";

const EVIL = "<img src=x onerror=alert(1)>";

const summary: Summary = {
  schemaVersion: 1,
  year: 2025,
  associations: { registered: 1, ok: 0, withIssues: 1, notSubmitted: 0, unreachable: 0 },
  rows: { read: 1, counted: 1, rejected: 0 },
  totals: { members: 1234, volunteers: 10, activities: 1, participants: 12, newParticipants: 2, volunteerHours: 2.5, associationsWithAgreement: 1 },
  byCounty: [{ countyNumber: "18", county: "Nordland", associations: 1, members: 1234, activities: 1, participants: 12 }],
  byActivityType: [{ type: "Kurs", activities: 1, participants: 12, volunteerHours: 2.5 }],
  milestones: { total: 0, done: 0, overdue: 0 },
  goals: [
    { id: "members", target: 11000, actual: 1234, met: false },
    { id: "participantGrowth", target: 0.1, actual: null, met: false },
  ],
  issues: [{ association: "x", sheet: "Aktiviteter", cell: "C2", code: "too_long", severity: "error", message: `Tittel «${EVIL}» er for lang` }],
};
const results = [{ id: "x", name: EVIL, county: "Nordland", countyNumber: "18", municipalityNumber: "1804", status: "Med avvik", rows: { read: 1, counted: 1, rejected: 0 }, issues: summary.issues } as unknown as AssociationResult];

describe("rapport.html", () => {
  it("shows an association name with HTML in it as text, never as markup", async () => {
    const html = await renderReport(summary, { results });
    expect(html).not.toContain(EVIL);
    expect(html).toContain(escapeHtml(EVIL));
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("Content-Security-Policy");
  });

  it("draws the charts as inline SVG with Norwegian labels and numbers", async () => {
    const html = await renderReport(summary, { results });
    expect(html.match(/<svg/g)?.length).toBe(2);
    expect(html).toContain("Deltakere per fylke");
    expect(html).toContain("Fremdrift mot strategimålene");
    expect(html).toContain("1 234");
    expect(html).toContain("ukjent");
  });
});
