// A rollup run for the wrong year (core/year-hint.ts, issue 14): when most associations whose Rapportår
// could be read report another year, the rollup says which year that is.
import { yearMismatch } from "../../src/core/year-hint";

const reporting = (...years: Array<number | undefined>) => years.map((reportedYear) => ({ reportedYear }));

describe("a rollup for the wrong year", () => {
  it("names the other year when more than half of the associations report it", () => {
    const hint = yearMismatch(reporting(2025, 2025, 2025, 2019), 2019);
    expect(hint?.year).toBe(2025);
    expect(hint?.associations).toBe(3);
    expect(hint?.of).toBe(4);
    expect(hint?.message).toBe(
      "Innsamlingen gjelder 2019, men 3 av 4 foreninger har Rapportår 2025 i Årsrapport, så radene deres er avvist. Var det 2025 du mente? Kjør på nytt med --year 2025, eller rett Rapportår i Oppsett.",
    );
  });

  it("says nothing when exactly half report another year: that is not most", () => {
    expect(yearMismatch(reporting(2024, 2024, 2025, 2025), 2025)).toBeUndefined();
    expect(yearMismatch(reporting(2024, 2025), 2025)).toBeUndefined();
  });

  it("speaks up from just over half: 3 of 5, and 1 of 1", () => {
    expect(yearMismatch(reporting(2024, 2024, 2024, 2025, 2025), 2025)?.associations).toBe(3);
    expect(yearMismatch(reporting(2024), 2025)?.year).toBe(2024);
  });

  it("says nothing when the year looks right, or when no Rapportår could be read", () => {
    expect(yearMismatch(reporting(2025, 2025, 2024), 2025)).toBeUndefined();
    expect(yearMismatch(reporting(undefined, undefined), 2025)).toBeUndefined();
    expect(yearMismatch([{}], 2025)).toBeUndefined();
    expect(yearMismatch([], 2025)).toBeUndefined();
  });

  it("counts only associations whose Rapportår could be read", () => {
    // 2 of the 3 readable report 2024; the 4 without a Rapportår count neither way.
    const hint = yearMismatch(reporting(undefined, 2024, undefined, 2024, undefined, 2025, undefined), 2025);
    expect(hint?.associations).toBe(2);
    expect(hint?.of).toBe(3);
    expect(hint?.message).toContain("men 2 av 3 foreninger har Rapportår 2024");
  });

  it("names the most frequent of the other years, and counts only that year's associations", () => {
    // The most frequent is neither the first seen nor the latest.
    const hint = yearMismatch(reporting(2024, 2022, 2022, 2023, 2022, 2023), 2025);
    expect(hint?.year).toBe(2022);
    expect(hint?.associations).toBe(3);
    expect(hint?.of).toBe(6);
  });

  it("between other years equally frequent, names the latest", () => {
    expect(yearMismatch(reporting(2023, 2024, 2025), 2025)?.year).toBe(2024);
    expect(yearMismatch(reporting(2024, 2023, 2025), 2025)?.year).toBe(2024);
    expect(yearMismatch(reporting(2023, 2024, 2025), 2025)?.associations).toBe(1);
  });

  it("writes counts with a thousands separator", () => {
    const years = [...Array(1200).fill(2024), ...Array(300).fill(2025)] as number[];
    expect(yearMismatch(reporting(...years), 2025)?.message).toContain("men 1 200 av 1 500 foreninger har Rapportår 2024");
  });
});
