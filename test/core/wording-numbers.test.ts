// Numbers as people read them: zeros inside the decimals stay (issue 14).
import { formatNumber, formatPercent } from "../../src/core/wording";

describe("decimals in a written number", () => {
  it("drop only trailing zeros, never a zero right after the comma", () => {
    expect(formatNumber(1.05)).toBe("1,05");
    expect(formatNumber(1.5)).toBe("1,5");
    expect(formatNumber(2.0)).toBe("2");
    expect(formatPercent(0.1005, 2)).toBe("10,05 %");
  });
});
