// Which values an output must guard as text (core/cell.ts looksLikeFormula, issue 14): only text can be
// taken for a formula; a negative number is a number, not a formula starting with «-».
import { looksLikeFormula } from "../../src/core/cell";

describe("a value that looks like a formula", () => {
  it("is text starting with =, +, - or @", () => {
    expect(looksLikeFormula("-5")).toBe(true);
  });

  it("is never a number, even a negative one", () => {
    expect(looksLikeFormula(-5)).toBe(false);
  });
});
