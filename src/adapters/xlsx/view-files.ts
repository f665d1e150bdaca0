import { promises as fs } from "node:fs";
import * as path from "node:path";
import { grid } from "../../core/output-table";
import { findMunicipality } from "../../core/reference";
import { PartnerViewRecord } from "../../core/templates/central";
import { slug } from "../../core/text";
import { ViewFiles } from "../../services/ports";
import { ViewRegistry, viewTitle } from "../../services/partner-views";
import { newXlsx } from "./xlsx-workbook";

/**
 * Partner views as .xlsx files in one folder (`samspill partners --out DIR`): one file per
 * municipality, `kommune-NNNN-name.xlsx`, with the view's title in the file's properties. The folder
 * is its own registry: a file there is a record, so a municipality that drops out keeps its file.
 * Local files are handed out by hand; they are never shared.
 */

const FILE = /^kommune-(\d{4})-[^/\\]*\.xlsx$/;

export function viewFileName(municipalityNumber: string): string {
  return `kommune-${municipalityNumber}-${slug(findMunicipality(municipalityNumber)?.name ?? "")}.xlsx`;
}

export function folderViewRegistry(dir: string): ViewRegistry {
  return {
    async load() {
      const names = await fs.readdir(dir).catch(() => [] as string[]);
      return names
        .map((name) => FILE.exec(name))
        .filter((m): m is RegExpExecArray => m !== null)
        .map(
          (m): PartnerViewRecord => ({
            municipalityNumber: m[1],
            municipality: findMunicipality(m[1])?.name ?? "",
            spreadsheetId: m[0],
            url: "",
            sharedWith: "",
            updatedAt: "",
            note: "",
          }),
        );
    },
    save: () => undefined,
  };
}

export function folderViewFiles(dir: string): ViewFiles {
  const file = (id: string) => path.join(dir, id);
  const notShared = () => {
    throw new Error("lokale filer deles ikke av Samspill");
  };
  return {
    exists: async (id) => (await fs.stat(file(id)).catch(() => undefined))?.isFile() === true,
    async create(number, title) {
      const id = viewFileName(number);
      const workbook = newXlsx(file(id));
      workbook.excel.title = title;
      await workbook.save();
      return id;
    },
    async write(id, tables) {
      const workbook = newXlsx(file(id));
      workbook.excel.title = viewTitle(FILE.exec(id)?.[1] ?? "");
      for (const table of tables) workbook.write(table.name, grid(table), table.formats);
      await workbook.save();
    },
    readers: () => [],
    share: notShared,
    unshare: notShared,
  };
}
