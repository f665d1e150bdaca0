// fast-check over FILES: random damage to a valid workbook's zip entries and XML never crashes or
// hangs the reader, and what it reads always keeps rows read = counted + rejected.
import fc from "fast-check";
import { deflateRawSync } from "node:zlib";
import { readAssociationXlsxBuffer } from "../../src/adapters/xlsx/association-reader";
import { assessAssociation } from "../../src/core/association-result";
import { checkAssociationSheets } from "../../src/services/check";
import { cleanSheets, packageEntries, zip } from "./xlsx-files";

const TODAY = "2026-03-01";
const entries = packageEntries(cleanSheets());
const clean = zip(entries);

async function outcome(bytes: Buffer) {
  const source = await readAssociationXlsxBuffer(bytes);
  if (source.kind !== "read") return assessAssociation({ id: "x", name: "x", municipalityNumber: "1804" }, source, { year: 2025, today: TODAY });
  return checkAssociationSheets(source.sheets as Record<string, never>, TODAY, "x", source);
}

function holds(result: Awaited<ReturnType<typeof outcome>>): void {
  expect(result.rows.read).toBe(result.rows.counted + result.rows.rejected);
  expect(["OK", "Med avvik", "Ikke sendt inn", "Kan ikke leses"]).toContain(result.status);
  for (const issue of result.issues) expect(issue.message).not.toMatch(/undefined|NaN|\[object/);
}

const XML_NOISE = ["<", ">", "</c>", "<c r=\"ZZZ0\">", "<v>", "</v>", "&", "&#0;", "\u0000", "<f>", "t=\"s\"", "<mergeCell ref=\"A1:XFD1048576\"/>", "<row r=\"-1\">", "<v>99999999999</v>", "s=\"999\"", "]]>", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>", "\uD800"];

describe("random damage to a valid workbook", () => {
  it("flipping bytes anywhere in the zip: «Kan ikke leses» or a read, never a throw", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat({ max: clean.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), async (flips) => {
        const bytes = Buffer.from(clean);
        for (const [at, value] of flips) bytes[at] = value;
        holds(await outcome(bytes));
      }),
      { numRuns: 200 },
    );
  });

  it("cutting or splicing noise into any entry's XML: never a throw, and read = counted + rejected", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: entries.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.oneof(fc.constantFrom(...XML_NOISE), fc.string({ maxLength: 20 }), fc.constant(null)),
        async (which, where, noise) => {
          const damaged = entries.map((e) => ({ ...e }));
          const text = damaged[which].data.toString("utf8");
          const at = Math.floor(where * text.length);
          damaged[which].data = Buffer.from(noise === null ? text.slice(0, at) : text.slice(0, at) + noise + text.slice(at));
          holds(await outcome(zip(damaged)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("an entry's compressed data replaced by other deflate data or garbage: never a throw", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: entries.length - 1 }), fc.uint8Array({ maxLength: 200 }), fc.boolean(), async (which, garbage, deflate) => {
        const damaged = entries.map((e) => ({ ...e }));
        damaged[which] = { ...damaged[which], data: deflate ? Buffer.from(deflateRawSync(Buffer.from(garbage))) : Buffer.from(garbage), store: !deflate };
        holds(await outcome(zip(damaged)));
      }),
      { numRuns: 150 },
    );
  });
});
