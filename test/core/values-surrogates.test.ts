// Text length as people count it (core/values.ts textLength, issue 14): a character outside the basic
// plane (emoji, rare CJK) is one character, wherever in the surrogate ranges its two halves fall.
import { textLength } from "../../src/core/values";

describe("the length of a text with characters outside the basic plane", () => {
  it("counts a pair at the very edges of both surrogate ranges as one character", () => {
    expect(textLength("\ud800\udc00")).toBe(1); // U+10000, the first character outside the basic plane
    expect(textLength("\udbff\udfff")).toBe(1); // U+10FFFF, the last
  });

  it("counts two low halves in a row as two, not as a pair", () => {
    expect(textLength("\udc00\udc00")).toBe(2);
  });

  it("counts a high half followed by an ordinary character from the private-use area as two", () => {
    expect(textLength("\ud83d\ue000")).toBe(2);
  });
});
