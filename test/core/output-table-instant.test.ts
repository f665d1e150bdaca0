// Which texts an output shows as a date-time (core/output-table.ts instant, issue 14): only an ISO instant
// that starts with its four-digit year; other text that merely contains one stays text as typed.
import { instant } from "../../src/core/output-table";

describe("a text read as an instant", () => {
  it("is an ISO instant with a four-digit year", () => {
    expect(instant("2026-12-01T13:48:00Z")).toEqual(new Date(Date.UTC(2026, 11, 1, 13, 48)));
  });

  it("is not a text with a signed six-digit year before the instant: that stays text", () => {
    expect(instant("+002026-12-01T13:48:00Z")).toBe("+002026-12-01T13:48:00Z");
  });
});
