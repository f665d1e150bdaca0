import { createAssociation } from "../../../src/targets/sentral/new-association";
import { readCentral } from "../../../src/services/rollup";
import { checkAssociationSheets, readAssociationSheets } from "../../../src/services/check";
import { centralWorkbook, virtualClock } from "./fixtures";
import { memoryDrive } from "./capabilities";

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
    expect(file.workbook.sheetNames().sort()).toEqual(["Aktiviteter", "Milepæler", "Tiltak", "Årsrapport"]);
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
    expect(ok.message).toBe(
      `Regnearket for Seniornett Bærum er opprettet, registrert som 3201-seniornett-baerum, delt med leder@example.no, kasserer@example.no.`,
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
});
