import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { isNationalIdNumber } from "../../src/core/privacy";
import { Summary } from "../../src/core/summary";
import { day, fillTemplate, readTab, samspill, tabNames } from "./helpers";

/**
 * Issue 13 end to end on generated workbooks: people type phone numbers, e-mail addresses and
 * fødselsnummer into Tittel and Milepæl. `validate` warns on each such cell (and still passes),
 * the rollup keeps the text as typed and lists the cells in Avvik and the summary, and the
 * partner view files hold none of it.
 */
const work = mkdtempSync(path.join(tmpdir(), "samspill-privacy-"));
const source = path.join(work, "foreninger");
const template = path.join(work, "rapportmal.xlsx");
afterAll(() => rmSync(work, { recursive: true, force: true }));

const FNR = "01019012480"; // valid MOD11 (worked out in test/core/privacy.test.ts)
const D_NUMBER = "41019012474";

/** [cell, text] of every title holding personal data; the others are clean look-alikes. */
const OSLO_ACTIVITIES: Array<[string, string]> = [
  ["C2", "Kurs hos Kari Nordmann, ring 912 34 567 eller kari@example.no"],
  ["C3", "Kurs for 12 deltakere 12.03.2025 kl. 18.00"],
  ["C4", `Hjelp med BankID for ${FNR}`],
  ["C5", "Datahjelp, tlf +47 41 23 45 67"],
  ["C6", "Org.nr. 912 345 678, kr 1 500,-, rom 204, 2025–2026"],
  ["C7", `D-nummer 410190 12474 og 0047 99887766`],
];
const OSLO_MILESTONES: Array<[string, string]> = [
  ["B2", "Møte med Ola Hansen (ola.hansen@kommune.no)"],
  ["B3", "Avtale for 2025-2026 med kommune 0301"],
  ["B4", "Ring 22-12-34-56 om lokaler"],
];
const WARNED = [
  "Aktiviteter!C2",
  "Aktiviteter!C4",
  "Aktiviteter!C5",
  "Aktiviteter!C7",
  "Milepæler!B2",
  "Milepæler!B4",
];
const SECRETS = [
  "912 34 567",
  "91234567",
  "kari@example.no",
  FNR,
  "41 23 45 67",
  "41234567",
  D_NUMBER,
  "410190 12474",
  "99887766",
  "ola.hansen@kommune.no",
  "22-12-34-56",
  "22123456",
];

beforeAll(async () => {
  expect(samspill(["template", template], work).code).toBe(0);
  mkdirSync(source);
  const report = {
    Rapportår: 2025,
    Forening: "Seniornett Oslo",
    Kommunenummer: "0301",
    "Antall medlemmer per 31.12": 300,
    "Antall frivillige": 20,
    "Samarbeidsavtale med kommunen": "Skriftlig",
    "Avtale inngått": day("2024-01-15"),
    Innsendt: "01.02.2026 10:00",
    "Innsendt av": "leder@eksempel.no",
  };
  await fillTemplate(template, path.join(source, "oslo.xlsx"), {
    report,
    activities: OSLO_ACTIVITIES.map(([, title], i) => [
      day(`2025-03-${String(10 + i).padStart(2, "0")}`),
      "Kurs",
      title,
      "",
      "",
      10,
      2,
      1,
      2,
      "",
    ]),
    milestones: OSLO_MILESTONES.map(([, title]) => [
      "0301",
      title,
      day("2025-06-01"),
      "Begge",
      "",
      "Pågår",
      "",
      "",
    ]),
  });
}, 120_000);

describe("personal data in Tittel and Milepæl, end to end", () => {
  it("validate warns on each cell that holds one, with the Norwegian message, and still passes", () => {
    const run = samspill(["validate", path.join("foreninger", "oslo.xlsx")], work);
    expect(run.code).toBe(0);
    const warned = run.stdout.split("\n").filter((line) => line.includes("[personal_data]"));
    expect(warned.map((line) => line.split(/\s+/)[0]).sort()).toEqual([...WARNED].sort());
    expect(run.stdout).toContain(
      "Tittelen ser ut til å inneholde et telefonnummer og en e-postadresse. Tittelen vises for kommunen – ta bort personopplysninger.",
    );
    expect(run.stdout).toContain(
      "Tittelen ser ut til å inneholde et fødselsnummer. Tittelen vises for kommunen – ta bort personopplysninger.",
    );
    expect(run.stdout).toContain(
      "Milepælen ser ut til å inneholde en e-postadresse. Milepælen vises for kommunen – ta bort personopplysninger.",
    );
  });

  it("the rollup keeps the text as typed in the central and lists each cell in Avvik and the summary as a warning", async () => {
    const run = samspill(
      [
        "rollup",
        "--source",
        "foreninger",
        "--year",
        "2025",
        "--out",
        "sentral.xlsx",
        "--summary",
        "summary.json",
      ],
      work,
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const summary = JSON.parse(readFileSync(path.join(work, "summary.json"), "utf8")) as Summary;
    const personal = summary.issues.filter((i) => i.code === "personal_data");
    expect(personal.map((i) => `${i.sheet}!${i.cell}`).sort()).toEqual([...WARNED].sort());
    expect(personal.every((i) => i.severity === "warning")).toBe(true);
    expect(summary.rows).toEqual({ read: expect.any(Number), counted: expect.any(Number), rejected: 0 }); // warnings reject nothing
    const avvik = await readTab(path.join(work, "sentral.xlsx"), "Avvik");
    const lines = avvik.map((row) => row.map((cell) => String(cell ?? "")).join(" | "));
    for (const cell of WARNED)
      expect(lines.some((line) => line.includes(cell.split("!")[1]) && line.includes("personal_data"))).toBe(
        true,
      );
    const milestones = JSON.stringify(await readTab(path.join(work, "sentral.xlsx"), "Milepæler"));
    expect(milestones).toContain("ola.hansen@kommune.no"); // central staff may see it
  });

  it("a partner view .xlsx read back with exceljs holds no e-mail, no 8-digit phone and no valid fødselsnummer in any cell", async () => {
    const run = samspill(["partners", "--source", "foreninger", "--out", "kommuner"], work);
    expect(run.code).toBe(0);
    const dir = path.join(work, "kommuner");
    const files = readdirSync(dir).filter((f) => f.endsWith(".xlsx"));
    expect(files).toContain("kommune-0301-oslo.xlsx");
    const texts: string[] = [];
    for (const file of files)
      for (const tab of await tabNames(path.join(dir, file)))
        for (const row of await readTab(path.join(dir, file), tab))
          for (const cell of row ?? []) if (typeof cell === "string") texts.push(cell);
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) {
      expect(text).not.toMatch(/[^\s@]+@[^\s@]+\.[a-zæøå]{2,}/i);
      // No 8 digits in a row once spaces, dots and hyphens between digits are taken out.
      const joined = text.replace(/(?<=\d)[ .\u00a0-](?=\d)/g, "");
      for (const run of joined.match(/\d{8,}/g) ?? []) {
        const yearRange = /^(?:19|20)\d\d(?:19|20)\d\d$/.test(run); // «2025-2026» joined
        expect(run.length === 8 && /^[2-9]/.test(run) && !yearRange ? run : "").toBe("");
        for (let i = 0; i + 11 <= run.length; i++)
          expect(isNationalIdNumber(run.slice(i, i + 11))).toBe(false);
      }
      for (const secret of SECRETS) expect(text).not.toContain(secret);
    }
    const titles = (await readTab(path.join(dir, "kommune-0301-oslo.xlsx"), "Aktiviteter"))
      .slice(1)
      .map((r) => r[3]);
    expect(titles).toEqual([
      "Kurs hos Kari Nordmann, ring [telefon fjernet] eller [e-post fjernet]",
      "Kurs for 12 deltakere 12.03.2025 kl. 18.00",
      "Hjelp med BankID for [fødselsnummer fjernet]",
      "Datahjelp, tlf [telefon fjernet]",
      "Org.nr. 912 345 678, kr 1 500,-, rom 204, 2025–2026",
      "D-nummer [fødselsnummer fjernet] og [telefon fjernet]",
    ]);
    const milestones = (await readTab(path.join(dir, "kommune-0301-oslo.xlsx"), "Milepæler"))
      .slice(1)
      .map((r) => r[1]);
    expect(milestones).toEqual([
      "Møte med Ola Hansen ([e-post fjernet])",
      "Avtale for 2025-2026 med kommune 0301",
      "Ring [telefon fjernet] om lokaler",
    ]);
  });
});
