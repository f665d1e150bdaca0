// Hand-built .xlsx packages for the hostile-input tests: the zip and the XML written here, so a test
// can make exactly the file another program (or an accident) makes — absolute relationship targets
// (openpyxl), inline strings, formulas with and without a cached value, merged ranges, a value at
// XFD1048576, entries that lie about their size, zip bombs.
import { crc32, deflateRawSync } from "node:zlib";
import { a1, Cell } from "../../src/core/cell";
import { associationSheets, AssociationFixture } from "../core/fixtures";

/** A cell as the sheet XML holds it. */
export type XCell =
  | string
  | number
  | boolean
  | { date: string } // a calendar date, stored as a serial number with a date style
  | { formula: string; cached?: number | string } // no `cached`: a formula never computed
  | { inline: string };

export interface XSheet {
  name: string;
  cells: Map<string, XCell>;
  merges?: string[];
}

export interface PackageOptions {
  /** Relationship targets as openpyxl writes them: "/xl/worksheets/sheet1.xml". */
  absoluteTargets?: boolean;
  /** Strings inline in the sheet instead of in sharedStrings.xml (what some exporters do). */
  inlineStrings?: boolean;
  /** Adds a cell note (comments part + VML drawing) to the first sheet, as openpyxl does. */
  notes?: boolean;
  /** Writes a vbaProject.bin (an .xlsm); its content is never read. */
  macros?: boolean;
  /** Extra zip entries (name → content). */
  extra?: Record<string, Buffer | string>;
}

export interface ZipEntry {
  name: string;
  data: Buffer;
  /** Stored (0) instead of deflated (8). */
  store?: boolean;
  /** Declare this uncompressed size instead of the real one (a lying entry). */
  declaredSize?: number;
  /** `data` is deflated already (a bomb made by streaming): its CRC and inflated size. */
  deflated?: { crc: number; size: number };
}

/** The four association tabs of a fixture as sheets (Årsrapport, Aktiviteter, Milepæler, Tiltak). */
export function associationXSheets(fixture: AssociationFixture = {}): XSheet[] {
  return Object.entries(associationSheets(fixture)).map(([name, table]) => ({ name, cells: tableCells(table) }));
}

export function tableCells(table: ReadonlyArray<ReadonlyArray<Cell>>): Map<string, XCell> {
  const cells = new Map<string, XCell>();
  table.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value === "" || value === null || value === undefined) return;
      cells.set(a1(r, c), value instanceof Date ? { date: value.toISOString().slice(0, 10) } : (value as XCell));
    }),
  );
  return cells;
}

export function sheet(sheets: XSheet[], name: string): XSheet {
  const found = sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function serial(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25_569;
}

/** The package's entries: content types, relationships, workbook, styles, strings, sheets. */
export function packageEntries(sheets: XSheet[], options: PackageOptions = {}): ZipEntry[] {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const shared = (text: string) => {
    let i = stringIndex.get(text);
    if (i === undefined) {
      i = strings.length;
      strings.push(text);
      stringIndex.set(text, i);
    }
    return i;
  };
  const target = (path: string) => (options.absoluteTargets ? `/xl/${path}` : path);
  const entries: ZipEntry[] = [];
  const sheetXml = sheets.map((s) => {
    const byRow = new Map<number, Array<[string, number, XCell]>>();
    for (const [ref, value] of s.cells) {
      const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
      const row = Number(m[2]);
      let col = 0;
      for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
      if (!byRow.has(row)) byRow.set(row, []);
      byRow.get(row)!.push([ref, col, value]);
    }
    const rows = [...byRow.entries()]
      .sort(([a], [b]) => a - b)
      .map(([row, cells]) => {
        const xml = cells
          .sort(([, a], [, b]) => a - b)
          .map(([ref, , value]) => cellXml(ref, value, options.inlineStrings ? undefined : shared))
          .join("");
        return `<row r="${row}">${xml}</row>`;
      })
      .join("");
    const merges = s.merges?.length ? `<mergeCells count="${s.merges.length}">${s.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>` : "";
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>${rows}</sheetData>${merges}${options.notes ? '<legacyDrawing r:id="rId2"/>' : ""}</worksheet>`;
  });

  const overrides = sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("");
  entries.push({
    name: "[Content_Types].xml",
    data: Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    ),
  });
  entries.push({
    name: "_rels/.rels",
    data: Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${options.absoluteTargets ? "/xl/workbook.xml" : "xl/workbook.xml"}"/></Relationships>`,
    ),
  });
  const sheetRels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${target(`worksheets/sheet${i + 1}.xml`)}"/>`).join("");
  const n = sheets.length;
  entries.push({
    name: "xl/_rels/workbook.xml.rels",
    data: Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetRels}<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="${target("styles.xml")}"/><Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="${target("sharedStrings.xml")}"/>${options.macros ? `<Relationship Id="rId${n + 3}" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>` : ""}</Relationships>`,
    ),
  });
  entries.push({
    name: "xl/workbook.xml",
    data: Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><sheets>${sheets.map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
    ),
  });
  entries.push({
    name: "xl/styles.xml",
    data: Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/></numFmts><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" xfId="0"/><xf numFmtId="164" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    ),
  });
  sheetXml.forEach((xml, i) => entries.push({ name: `xl/worksheets/sheet${i + 1}.xml`, data: Buffer.from(xml) }));
  entries.push({
    name: "xl/sharedStrings.xml",
    data: Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${escape(s)}</t></si>`).join("")}</sst>`,
    ),
  });
  if (options.notes) {
    entries.push({
      name: "xl/worksheets/_rels/sheet1.xml.rels",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="/xl/comments/comment1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="/xl/drawings/commentsDrawing1.vml"/></Relationships>`,
      ),
    });
    entries.push({
      name: "xl/comments/comment1.xml",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>openpyxl</author></authors><commentList><comment ref="B2" authorId="0"><text><t>Sjekk tallet</t></text></comment></commentList></comments>`,
      ),
    });
    entries.push({ name: "xl/drawings/commentsDrawing1.vml", data: Buffer.from(`<xml xmlns:v="urn:schemas-microsoft-com:vml"><v:shape/></xml>`) });
  }
  if (options.macros) entries.push({ name: "xl/vbaProject.bin", data: Buffer.from("Attribute VB_Name = \"Module1\"\nSub Boom()\nEnd Sub\n") });
  for (const [name, content] of Object.entries(options.extra ?? {})) entries.push({ name, data: Buffer.isBuffer(content) ? content : Buffer.from(content) });
  return entries;
}

function cellXml(ref: string, value: XCell, shared: ((text: string) => number) | undefined): string {
  if (typeof value === "number") return `<c r="${ref}"><v>${value}</v></c>`;
  if (typeof value === "boolean") return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
  if (typeof value === "string") {
    if (shared) return `<c r="${ref}" t="s"><v>${shared(value)}</v></c>`;
    return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escape(value)}</t></is></c>`;
  }
  if ("date" in value) return `<c r="${ref}" s="1"><v>${serial(value.date)}</v></c>`;
  if ("inline" in value) return `<c r="${ref}" t="inlineStr"><is><t>${escape(value.inline)}</t></is></c>`;
  const cached = value.cached;
  if (cached === undefined) return `<c r="${ref}"><f>${escape(value.formula)}</f></c>`;
  if (typeof cached === "string") return `<c r="${ref}" t="str"><f>${escape(value.formula)}</f><v>${escape(cached)}</v></c>`;
  return `<c r="${ref}"><f>${escape(value.formula)}</f><v>${cached}</v></c>`;
}

/** A zip file of the entries (deflated unless `store`), with a central directory. */
export function zip(entries: ReadonlyArray<ZipEntry>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const data = entry.store || entry.deflated ? entry.data : deflateRawSync(entry.data);
    const crc = entry.deflated?.crc ?? crc32(entry.data);
    const size = entry.declaredSize ?? entry.deflated?.size ?? entry.data.length;
    const method = entry.store ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export function xlsx(sheets: XSheet[], options: PackageOptions = {}): Buffer {
  return zip(packageEntries(sheets, options));
}

/** A clean association workbook (no errors, submitted), as hand-built XML. */
export function cleanSheets(): XSheet[] {
  return associationXSheets({
    activities: [
      { date: { date: "2025-03-12" } as unknown as Cell, type: "Kurs", title: "iPad for nybegynnere", participants: 12, newParticipants: 4, volunteers: 2, volunteerHours: 6 },
      { date: "2025-04-02", type: "Datahjelp", title: "Åpen datahjelp", participants: 8, volunteers: 3, volunteerHours: 9 },
      { date: "2025-05-20", type: "Foredrag", title: "Svindel på nett", participants: 30, comment: "Godt oppmøte" },
    ],
    milestones: [{ municipalityNumber: "1804", title: "Avtale signert", dueDate: "2026-06-30", responsibleParty: "Begge", status: "Pågår" }],
    measures: [{ area: "Rekruttering", measure: "Verve nye frivillige", responsibility: "Lokalt", status: "Pågår", reached: 3 }],
  });
}
