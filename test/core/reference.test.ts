import { COUNTIES, MEASURES, MUNICIPALITIES, findMunicipality } from "../../src/core/reference";

describe("reference data built into the code", () => {
  it("holds the 357 municipalities and 15 counties in force from 2024", () => {
    expect(MUNICIPALITIES).toHaveLength(357);
    expect(COUNTIES).toHaveLength(15);
    expect(new Set(MUNICIPALITIES.map((m) => m.number)).size).toBe(357);
  });

  it("keeps municipality numbers as four-digit text with their county", () => {
    expect(findMunicipality("0301")).toMatchObject({ name: "Oslo", countyNumber: "03", county: "Oslo" });
    expect(findMunicipality("1804")).toMatchObject({ name: "Bodø", countyNumber: "18", county: "Nordland" });
    expect(MUNICIPALITIES.every((m) => /^\d{4}$/.test(m.number) && m.number.startsWith(m.countyNumber))).toBe(true);
  });

  it("counts municipalities per county as Statistics Norway does", () => {
    const perCounty = Object.fromEntries(COUNTIES.map((c) => [c.number, MUNICIPALITIES.filter((m) => m.countyNumber === c.number).length]));
    expect(perCounty).toEqual({ "03": 1, "11": 23, "15": 27, "18": 41, "31": 12, "32": 21, "33": 18, "34": 46, "39": 6, "40": 17, "42": 25, "46": 43, "50": 38, "55": 21, "56": 18 });
  });

  it("holds the action plan's measures with valid areas and responsibilities", () => {
    expect(MEASURES.length).toBe(31);
    expect(new Set(MEASURES.map((m) => m.responsibility))).toEqual(new Set(["Lokalt", "Sentralt", "Lokalt og sentralt"]));
  });
});
