import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { associationStatusLine, count, counted, describeIssue, formatNumber, formatPercent, GOAL_NAMES, ISSUE_DESCRIPTIONS } from "../../src/core/wording";
import { describeRule } from "../../src/core/messages";
import { activities } from "../../src/core/templates/association";
import { ENGLISH } from "../report/deny-list";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.ts$/.test(name) ? [full] : [];
  });
}

/** Every issue code written in src/: `code: "x"`, `fail("x")`, a rule's code, a warning's code, `code ?? "x"`. */
function issueCodesInSource(): Set<string> {
  const codes = new Set<string>();
  const patterns = [/\bcode:\s*"([a-z][a-z_]+)"/g, /\bfail\("([a-z][a-z_]+)"/g, /\bwarning\([^;]*?,\s*"([a-z]+_[a-z_]+)",/g, /\.rule\(\s*"[a-zA-Z]+",\s*\[[^\]]*\],\s*"([a-z][a-z_]+)"/g, /code \?\? "([a-z][a-z_]+)"/g];
  // Under Stryker (npm run mutation) the tests run in a sandbox whose mutated file is instrumented
  // beyond this scan's patterns: scan the working tree's src/ instead.
  const root = path.join(__dirname.replace(/[\\/]\.stryker-tmp[^\\/]*[\\/]sandbox-[^\\/]+/, ""), "../..");
  for (const file of sourceFiles(path.join(root, "src"))) {
    // zod's own issue code ("custom") and the request gate's HTTP status keys are not Samspill issues.
    if (/generated|ui\/preview|summary-schema|sheets-api\/gate/.test(file)) continue;
    const text = readFileSync(file, "utf8");
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) codes.add(match[1]);
  }
  return codes;
}

describe("one Norwegian vocabulary", () => {
  it.each([
    [0, "warning", "0 advarsler"],
    [1, "warning", "1 advarsel"],
    [2, "warning", "2 advarsler"],
    [1, "error", "1 feil"],
    [3, "error", "3 feil"],
    [1, "unreachable", "1 utilgjengelig"],
    [4, "unreachable", "4 utilgjengelige"],
    [1, "association", "1 forening"],
    [10447, "participant", "10 447 deltakere"],
    [1, "problem", "1 problem"],
    [11, "problem", "11 problemer"],
  ] as const)("counts %p %s as «%s»", (n, noun, text) => {
    expect(counted(n, noun)).toBe(text);
  });

  it("uses the singular for exactly one only", () => {
    expect(count(1, "rad", "rader")).toBe("1 rad");
    expect(count(-1, "rad", "rader")).toBe("-1 rad");
    expect(count(21, "rad", "rader")).toBe("21 rader");
  });

  it.each([
    [0, "0"],
    [999, "999"],
    [1000, "1 000"],
    [10447, "10 447"],
    [1350000, "1 350 000"],
    [-1234.5, "-1 234,5"],
    [2.25, "2,25"],
    [0.1 + 0.2, "0,3"],
  ])("writes %p as «%s»", (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it("writes percentages with a decimal comma and a space before %", () => {
    expect(formatPercent(0.117)).toBe("11,7 %");
    expect(formatPercent(0.25)).toBe("25 %");
  });

  it("writes ranges in rules with thousands spaces («mellom 0 og 10 000»)", () => {
    expect(describeRule(activities.columns.participants)).toBe("et helt tall mellom 0 og 10 000");
  });

  it("says how many associations are unreachable with the right number", () => {
    expect(associationStatusLine({ registered: 33, ok: 24, withIssues: 7, notSubmitted: 1, unreachable: 1 })).toBe("33 foreninger: 24 OK, 7 med avvik, 1 ikke sendt inn, 1 utilgjengelig");
  });

  it("has a Norwegian description for every issue code written anywhere in src/", () => {
    const codes = issueCodesInSource();
    expect(codes.size).toBeGreaterThan(20);
    const missing = [...codes].filter((code) => !(code in ISSUE_DESCRIPTIONS)).sort();
    expect(missing).toEqual([]);
  });

  it("describes codes in bokmål, never with the code or English, and an unknown code still in Norwegian", () => {
    for (const [code, text] of Object.entries(ISSUE_DESCRIPTIONS)) {
      expect(text).not.toContain(code);
      expect(text).not.toMatch(ENGLISH);
      expect(text).not.toMatch(/_/);
    }
    expect(describeIssue("something_new")).toBe("Annet problem");
    for (const name of Object.values(GOAL_NAMES)) expect(name).not.toMatch(/^[a-z]+[A-Z]/);
  });
});
