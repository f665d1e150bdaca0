import { findPersonalData } from "../../src/core/privacy";
import { MEASURES } from "../../src/core/reference";
import { demoAssociations, demoSheetSeed, demoSheets } from "../../src/demo/data";
import { demoAssociationWorkbook } from "../../scripts/preview/demo";

/**
 * The detectors' false alarms on what people really write (issue 13, goal: none): every title and
 * milestone of the demo data (`samspill demo`, both years, with and without its planted mistakes,
 * seeded as the demo seeds them) and of the sidebar preview, and the action plan's own texts.
 */
function demoTexts(): string[] {
  const texts: string[] = [];
  demoAssociations().forEach((association, i) => {
    for (const year of [2024, 2025])
      for (const mistakes of [false, true]) {
        const sheets = demoSheets(association, year, demoSheetSeed(i, year), mistakes);
        for (const row of sheets.activities.slice(1)) texts.push(String(row[2] ?? ""));
        for (const row of sheets.milestones.slice(1)) texts.push(String(row[1] ?? ""));
      }
  });
  const preview = demoAssociationWorkbook("2025-06-16");
  for (const row of (preview.read("Aktiviteter") ?? []).slice(1)) texts.push(String(row[2] ?? ""));
  for (const row of (preview.read("Milepæler") ?? []).slice(1)) texts.push(String(row[1] ?? ""));
  return texts;
}

describe("false alarms of the personal-data detectors on real-looking text", () => {
  it("flags none of the demo data's titles and milestones", () => {
    const texts = demoTexts();
    expect(texts.length).toBeGreaterThan(1000);
    expect(texts.filter((text) => findPersonalData(text).length > 0)).toEqual([]);
  });

  it("flags none of the action plan's measures and activities", () => {
    const texts = MEASURES.flatMap((m) => [m.measure, m.activity]).filter(Boolean);
    expect(texts.filter((text) => findPersonalData(text).length > 0)).toEqual([]);
  });
});
