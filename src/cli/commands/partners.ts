import { promises as fs } from "node:fs";
import * as path from "node:path";
import { folderViewFiles, folderViewRegistry } from "../../adapters/xlsx/view-files";
import { CentralInputs, RegistryAssociation } from "../../core/central-inputs";
import { todayInOslo } from "../../core/dates";
import { partnerMunicipalities } from "../../core/partner-slices";
import { localViewsPlan, updatePartnerViews } from "../../services/partner-views";
import { runAsync } from "../../services/ports";
import { readAssociations } from "../../services/rollup";
import { CliContext, progress } from "../context";
import { UserError } from "../user-error";
import { commonYear, identityOf, listAssociationFiles, pool, readAssociationFile } from "../local-files";

export interface PartnersOptions {
  source: string;
  out: string;
  year?: number;
}


/**
 * `samspill partners` locally: one .xlsx per municipality with only that municipality's rows and no
 * personal data or comments (core/partner-slices.ts decides what goes in). Google mode (shared
 * spreadsheets) is added by src/cli/google as one branch here.
 */
export async function partnersCommand(options: PartnersOptions, context: CliContext): Promise<string[]> {
  const today = todayInOslo(context.now());
  const files = await listAssociationFiles(options.source);
  if (files.length === 0) throw new UserError(`Fant ingen .xlsx-filer i «${options.source}»`, 2);
  const sources = await pool(files, 4, (f) => readAssociationFile(f.file));
  const identities = sources.map((s) => identityOf(s, today));
  const year = options.year ?? commonYear(identities) ?? Number(today.slice(0, 4)) - 1;
  const associations = files.map((f, i) => ({ id: f.id, name: identities[i].name ?? f.id, municipalityNumber: identities[i].municipalityNumber ?? "", spreadsheet: f.file, active: "Ja", row: i + 2, partnerEmailList: [] }) as unknown as RegistryAssociation);
  const inputs: CentralInputs = { settings: {}, associations, history: [], issues: [] };
  const bar = progress(context, "Leser foreninger");
  const results = await readAssociations(inputs, year, today, { openAssociation: (entry) => sources[associations.indexOf(entry)], onProgress: (done, total) => bar.update(done, total) });
  bar.stop();

  await fs.mkdir(options.out, { recursive: true });
  // The same reconciliation as the bound script and Google mode (services/partner-views).
  const outcome = await runAsync(
    updatePartnerViews(localViewsPlan(partnerMunicipalities(results), results, today), {
      registry: folderViewRegistry(options.out),
      files: folderViewFiles(options.out),
      now: context.now,
    }),
  );
  const written = outcome.views.filter((v) => v.note === "" && partnerMunicipalities(results).includes(v.municipalityNumber)).map((v) => path.join(options.out, v.spreadsheetId));
  for (const v of outcome.views) if (v.note) context.out(`${v.municipalityNumber}: ${v.note}`);
  context.out(`Skrev ${written.length} kommunevisninger for ${year} til ${options.out} (uten personopplysninger og kommentarer).`);
  return written;
}
