import { createAssociation } from "../../src/services/new-association";
import { readCentral } from "../../src/services/rollup";
import { checkAssociationSheets, readAssociationSheets } from "../../src/services/check";
import { centralWorkbook, virtualClock } from "../targets/sentral/fixtures";
import { memoryDrive } from "../targets/sentral/capabilities";
import { settings } from "../../src/core/templates/central";
import type { MemoryWorkbook } from "../../src/adapters/memory/memory-workbook";

const MASTER_ID = "1MasterTemplateAbcdefghijklmnopqrstuvwxyz012";

/** Oppsett's Malregneark set to `value`. */
function withTemplate(workbook: MemoryWorkbook, value: string): void {
  workbook.setCells(settings.name, [{ cell: `B${settings.keys.indexOf("templateSpreadsheet") + 2}`, value }]);
}

/** A drive holding the master template: set up, plus a tab of its own that every copy carries. */
function driveWithMaster(options: { copyFails?: boolean } = {}) {
  const drive = memoryDrive(options);
  const master = drive.associations.create("Samspill – mal");
  drive.files.set(MASTER_ID, drive.files.get(master.id)!);
  drive.files.delete(master.id);
  master.workbook.write("Om malen", [["Malregnearket for Seniornett-foreningene"]]);
  return drive;
}

describe("Opprett regneark for ny forening", () => {
  it("creates the spreadsheet from the template, fills it in, shares it with the editors and registers it", () => {
    const { workbook } = centralWorkbook(2);
    const drive = memoryDrive();
    const clock = virtualClock();
    const result = createAssociation({
      central: workbook,
      files: drive.associations,
      input: {
        name: "Seniornett Bærum",
        municipalityNumber: "3201",
        editors: "leder(at)example.no, kasserer@example.no;kasserer@example.no",
      },
      now: clock.now,
    });
    // Not an e-mail address: the field is named in the message.
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      {
        field: "Redaktører (e-post)",
        message: "Redaktører (e-post) må være en gyldig e-postadresse (ikke «leder(at)example.no»)",
      },
    ]);

    const ok = createAssociation({
      central: workbook,
      files: drive.associations,
      input: {
        name: "Seniornett Bærum",
        municipalityNumber: "3201",
        editors: "leder@example.no, kasserer@example.no;kasserer@example.no",
      },
      now: clock.now,
    });
    expect(ok).toMatchObject({ ok: true, id: "3201-seniornett-baerum" });
    if (!ok.ok) throw new Error("not created");
    const file = drive.files.get(ok.spreadsheetId)!;
    expect([...file.editors]).toEqual(["leder@example.no", "kasserer@example.no"]);
    expect(file.workbook.sheetNames().sort()).toEqual([
      "Aktiviteter",
      "Milepæler",
      "Slik fyller du ut",
      "Tiltak",
      "Årsrapport",
    ]);
    // The same set-up as the add-on: Tiltak prefilled from the action plan.
    expect(file.workbook.read("Tiltak")!.length).toBeGreaterThan(1);
    const check = checkAssociationSheets(readAssociationSheets(file.workbook), "2026-01-25");
    expect(check.name).toBe("Seniornett Bærum");
    expect(check.municipalityNumber).toBe("3201");
    const report = file.workbook.read("Årsrapport")!;
    expect(report.find((r) => r[0] === "Rapportår")?.[1]).toBe(2025);
    expect(report.find((r) => r[0] === "Kontakt e-post")?.[1]).toBe("leder@example.no");

    const registered = readCentral(workbook, "2026-01-25").associations.find((a) => a.id === ok.id)!;
    expect(registered).toMatchObject({
      name: "Seniornett Bærum",
      municipalityNumber: "3201",
      spreadsheet: ok.url,
      contactEmail: "leder@example.no",
      active: "Ja",
    });
    // No Malregneark in Oppsett: a blank spreadsheet, and the message says what that means.
    expect(ok.message).toBe(
      "Regnearket for Seniornett Bærum er opprettet, registrert som 3201-seniornett-baerum, delt med leder@example.no, kasserer@example.no. " +
        "Det er et tomt regneark uten Samspill-menyen, fordi Malregneark i Oppsett er tomt: foreningen trenger da Samspill-tillegget. " +
        "Fyll inn adressen til malregnearket i Malregneark, så får nye foreninger menyen.",
    );

    // A second association with the same name gets its own ID.
    const again = createAssociation({
      central: workbook,
      files: drive.associations,
      input: { name: "Seniornett Bærum", municipalityNumber: "3201", editors: "x@example.no" },
      now: clock.now,
    });
    expect(again).toMatchObject({ ok: true, id: "3201-seniornett-baerum-2" });
  });

  it("names each field that is wrong, in Norwegian, and creates nothing", () => {
    const { workbook } = centralWorkbook(1);
    const drive = memoryDrive();
    const result = createAssociation({
      central: workbook,
      files: drive.associations,
      input: { name: " ", municipalityNumber: "9999", editors: "" },
      now: virtualClock().now,
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => e.field)).toEqual([
      "Forening",
      "Kommunenummer",
      "Redaktører (e-post)",
    ]);
    expect(!result.ok && result.message).toBe(
      "Forening må fylles ut\nKommunenummer «9999» er ikke et kommunenummer i kommunelisten\nRedaktører (e-post) må fylles ut",
    );
    expect(drive.files.size).toBe(0);
    expect(workbook.read("Foreninger")).toHaveLength(2);
  });

  it("copies the master template named in Malregneark (URL or ID), repairs its tabs and says it has the menu", () => {
    for (const reference of [`https://docs.google.com/spreadsheets/d/${MASTER_ID}/edit#gid=0`, MASTER_ID]) {
      const { workbook } = centralWorkbook(1);
      withTemplate(workbook, reference);
      const drive = driveWithMaster();
      const result = createAssociation({
        central: workbook,
        files: drive.associations,
        input: { name: "Seniornett Bodø", municipalityNumber: "1804", editors: "leder@example.no" },
        now: virtualClock().now,
      });
      expect(result).toMatchObject({ ok: true, id: "1804-seniornett-bodo" });
      if (!result.ok) throw new Error("not created");
      expect(result.message).toBe(
        "Regnearket for Seniornett Bodø er kopiert fra malregnearket og har Samspill-menyen. Det er registrert som 1804-seniornett-bodo, delt med leder@example.no.",
      );
      const copy = drive.files.get(result.spreadsheetId)!;
      expect(copy.title).toBe("Samspill – Seniornett Bodø");
      // The master's own tab came with the copy; the four tabs were set up on it.
      expect(copy.workbook.sheetNames()).toEqual(
        expect.arrayContaining(["Om malen", "Årsrapport", "Aktiviteter", "Milepæler", "Tiltak"]),
      );
      expect(copy.workbook.read("Årsrapport")!.find((r) => r[0] === "Kommunenummer")?.[1]).toBe("1804");
      expect([...copy.editors]).toEqual(["leder@example.no"]);
      // The master itself is untouched.
      expect(drive.files.get(MASTER_ID)!.workbook.sheetNames()).toEqual(["Om malen"]);
      expect(readCentral(workbook, "2026-01-25").associations.map((a) => a.spreadsheet)).toContain(
        result.url,
      );
    }
  });

  it("refuses a Malregneark that is no spreadsheet address or ID, or cannot be copied, and creates nothing", () => {
    for (const [reference, options, expected] of [
      [
        "malen vår",
        {},
        "Malregneark i Oppsett («malen vår») er verken adressen til et Google-regneark eller en regneark-ID. Rett feltet, eller tøm det for å lage et tomt regneark uten Samspill-menyen. Ingenting er opprettet.",
      ],
      [
        "https://example.com/spreadsheets/d/1MasterTemplateAbcdefghijklmnopqrstuvwxyz012/edit",
        {},
        /er verken adressen til et Google-regneark eller en regneark-ID/,
      ],
      [
        MASTER_ID,
        { copyFails: true },
        `Malregnearket i Oppsett («${MASTER_ID}») kunne ikke kopieres: det finnes ikke, eller du har ikke tilgang til det. Sjekk adressen i Malregneark, og at malregnearket er delt med deg. Ingenting er opprettet.`,
      ],
      [
        "1SomeOtherSpreadsheetIdThatIsNotThere000000",
        {},
        /kunne ikke kopieres: det finnes ikke, eller du har ikke tilgang til det/,
      ],
    ] as const) {
      const { workbook } = centralWorkbook(2);
      withTemplate(workbook, reference);
      const drive = driveWithMaster(options);
      const result = createAssociation({
        central: workbook,
        files: drive.associations,
        input: { name: "Seniornett Bodø", municipalityNumber: "1804", editors: "leder@example.no" },
        now: virtualClock().now,
      });
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.errors.map((e) => e.field)).toEqual(["Malregneark"]);
      if (typeof expected === "string") expect(result.message).toBe(expected);
      else expect(result.message).toMatch(expected);
      expect([...drive.files.keys()]).toEqual([MASTER_ID]);
      expect(workbook.read("Foreninger")).toHaveLength(3);
    }
  });

  it("refuses a Malregneark that names the central spreadsheet or a registered association's, whose data a copy would carry", () => {
    const central = "1CentralSpreadsheetAbcdefghijklmnopqrstuvwxy";
    const { workbook } = centralWorkbook(2);
    // Foreninger's first association keeps its spreadsheet at a real-looking address.
    const theirs = "1AssociationSheetAbcdefghijklmnopqrstuvwxyz0";
    workbook.setCells("Foreninger", [
      { cell: "E2", value: `https://docs.google.com/spreadsheets/d/${theirs}/edit` },
    ]);
    const association = readCentral(workbook, "2026-01-25").associations[0];
    for (const [reference, expected] of [
      [
        `https://docs.google.com/spreadsheets/d/${central}/edit`,
        "Malregneark i Oppsett peker på dette sentralregnearket, ikke på malregnearket.",
      ],
      [theirs, `Malregneark i Oppsett peker på regnearket til ${association.name}, ikke på malregnearket.`],
    ] as const) {
      withTemplate(workbook, reference);
      const drive = memoryDrive();
      const result = createAssociation({
        central: workbook,
        files: drive.associations,
        input: { name: "Seniornett Bodø", municipalityNumber: "1804", editors: "leder@example.no" },
        now: virtualClock().now,
        centralId: central,
      });
      expect(result.ok).toBe(false);
      expect(result.message.startsWith(expected)).toBe(true);
      expect(result.message).toMatch(/En kopi ville tatt med dataene der\. .* Ingenting er opprettet\.$/);
      expect(drive.files.size).toBe(0);
      expect(workbook.read("Foreninger")).toHaveLength(3);
    }
  });

  it("discards the new file when setting it up fails, and registers nothing", () => {
    const { workbook } = centralWorkbook(1);
    const drive = memoryDrive();
    const files = {
      ...drive.associations,
      create: (title: string) => {
        const file = drive.associations.create(title);
        file.workbook.setCells = () => {
          throw new Error("Tjenesten svarte ikke");
        };
        return file;
      },
    };
    const result = createAssociation({
      central: workbook,
      files,
      input: { name: "Seniornett Bodø", municipalityNumber: "1804", editors: "leder@example.no" },
      now: virtualClock().now,
    });
    expect(result).toMatchObject({
      ok: false,
      message:
        "Regnearket for Seniornett Bodø kunne ikke gjøres klart (Tjenesten svarte ikke). Det er verken registrert eller delt med noen. Prøv igjen.",
    });
    expect(drive.files.size).toBe(0);
    expect(workbook.read("Foreninger")).toHaveLength(2);
  });
});
