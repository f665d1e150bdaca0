import { Command } from "commander";
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
import { UserError } from "../errors";
import { commonYear, identityOf, listAssociationFiles, pool, readAssociationFile } from "../local-files";
import { parseYear } from "../options";
import { addGoogleOptions, googleOptionsOf } from "../google/commands";
import { googlePartners, GoogleOptions } from "../google/google-mode";

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

export function registerPartners(program: Command, context: () => CliContext): void {
  const command = program
    .command("partners")
    .description("lag kommunevisninger: én .xlsx per kommune med bare kommunens rader, uten personopplysninger")
    .option("--source <DIR>", "mappe der hver .xlsx-fil er én forening")
    .option("--out <DIR>", "mappe for kommunevisningene")
    .option("--year <YEAR>", "rapportåret (standard: året de fleste foreningene rapporterer for)", parseYear)
    .option("--central <SPREADSHEET_ID>", "Google: lag og del én visning per kommune med partneradresser i Foreninger")
    .option("--no-notify", "Google: ikke send e-post når en visning deles")
    .action(async (options: PartnersOptions & GoogleOptions & { central?: string; notify?: boolean }) => {
      if (options.central) {
        await googlePartners({ ...googleOptionsOf(options), central: options.central, year: options.year, notify: options.notify }, context());
        return;
      }
      if (!options.source || !options.out) throw new UserError("Oppgi --source MAPPE og --out MAPPE (lokalt) eller --central REGNEARK-ID (Google).", 2);
      await partnersCommand(options, context());
    });
  addGoogleOptions(command);
}
