import { Command } from "commander";
import { existsSync } from "node:fs";
import type { CliContext } from "./context";
import type { GoogleOptions } from "./google/google-mode";
import type { RollupCommandOptions } from "./commands/rollup";
import type { PartnersOptions } from "./commands/partners";
import type { ReportCommandOptions } from "./commands/report";
import { addGoogleOptions, googleOptionsOf } from "./google/commands";
import { looksLikeSpreadsheet, parseYear } from "./options";
import { UserError } from "./user-error";

/* eslint-disable @typescript-eslint/no-require-imports -- require() keeps each command's module lazy both in
   the esbuild bundle and under tsx (whose CommonJS hook does not serve import()). */
const load = {
  demo: (): typeof import("./demo/run") => require("./demo/run"),
  template: (): typeof import("./commands/template") => require("./commands/template"),
  validate: (): typeof import("./commands/validate") => require("./commands/validate"),
  rollup: (): typeof import("./commands/rollup") => require("./commands/rollup"),
  partners: (): typeof import("./commands/partners") => require("./commands/partners"),
  report: (): typeof import("./commands/report") => require("./commands/report"),
  google: (): typeof import("./google/google-mode") => require("./google/google-mode"),
};
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * Every command, its options and help, in one place. What a command does is loaded only when it
 * runs (`load`), so `samspill --help` or a local `validate` never loads googleapis, exceljs
 * or vega (SPEC budget `cli.startup.ratio`).
 */
export function registerCommands(program: Command, context: () => CliContext, setExitCode: (code: number) => void): void {
  program
    .command("demo")
    .description("lag eksempeldata (foreningsregneark for to rapportår), summer dem og skriv sentral.xlsx, summary.json og rapport.html – ingen Google-konto trengs")
    .option("--out <MAPPE>", "mappe for resultatet", "demo-output")
    .action(async (options: { out: string }) => {
      const { runDemo } = load.demo();
      await runDemo(options.out, context());
    });

  program
    .command("template")
    .description("skriv en rapportmal for en lokalforening (.xlsx) med nedtrekkslister, regler og hjelpetekster; en fil som finnes, repareres uten å miste data")
    .argument("[FIL]", "filen som skal skrives", "rapportmal.xlsx")
    .action(async (file: string) => {
      const { templateCommand } = load.template();
      await templateCommand(file, context());
    });

  addGoogleOptions(
    program
      .command("validate")
      .description("kontroller en lokalforenings regneark og skriv ut hvert problem (Fane!Celle, hva som er galt, [kode])")
      .argument("<FIL>", "foreningens .xlsx-fil, eller et Google-regnearks ID eller adresse")
      .action(async (file: string, options: GoogleOptions) => {
        if (!existsSync(file) && looksLikeSpreadsheet(file)) setExitCode(await load.google().googleValidate(file, googleOptionsOf(options), context()));
        else setExitCode(await load.validate().validateCommand(file, context()));
      }),
  );

  addGoogleOptions(
    program
      .command("rollup")
      .description("hent inn og summer alle foreningers regneark til et sentralt regneark og et sammendrag (JSON)")
      .option("--source <MAPPE>", "mappe der hver .xlsx-fil er én forening (ID = filnavnet)")
      .option("--year <ÅR>", "rapportåret (standard: Rapportår i Oppsett)", parseYear)
      .option("--out <FIL>", "sentralt regneark (.xlsx); lages når det mangler, ellers oppdateres utfanene")
      .option("--summary <FIL>", "skriv sammendraget (summary JSON) hit")
      .option("--report <FIL>", "skriv også styrerapporten (rapport.html, skrives ut på A4) hit")
      .option("--central <REGNEARK-ID>", "Google: det sentrale regnearkets ID eller adresse (i stedet for --source/--out)")
      .action(async (options: RollupCommandOptions & GoogleOptions & { central?: string }) => {
        const rollup = load.rollup();
        if (options.central) return rollup.googleRollupCommand({ ...options, central: options.central }, context());
        if (!options.out) throw new UserError("Oppgi --out FIL (lokalt) eller --central REGNEARK-ID (Google).", 2);
        await rollup.rollupCommand(options, context());
      }),
  );

  addGoogleOptions(
    program
      .command("partners")
      .description("lag kommunevisninger: én .xlsx per kommune med bare kommunens rader, uten personopplysninger")
      .option("--source <MAPPE>", "mappe der hver .xlsx-fil er én forening")
      .option("--out <MAPPE>", "mappe for kommunevisningene")
      .option("--year <ÅR>", "rapportåret (standard: året de fleste foreningene rapporterer for)", parseYear)
      .option("--central <REGNEARK-ID>", "Google: lag og del én visning per kommune med partneradresser i Foreninger")
      .option("--no-notify", "Google: ikke send e-post når en visning deles")
      .action(async (options: PartnersOptions & GoogleOptions & { central?: string; notify?: boolean }) => {
        if (options.central) {
          const { googlePartners } = load.google();
          await googlePartners({ ...googleOptionsOf(options), central: options.central, year: options.year, notify: options.notify }, context());
          return;
        }
        if (!options.source || !options.out) throw new UserError("Oppgi --source MAPPE og --out MAPPE (lokalt) eller --central REGNEARK-ID (Google).", 2);
        const { partnersCommand } = load.partners();
        await partnersCommand(options, context());
      }),
  );

  program
    .command("rapport")
    .description("lag styrerapporten (rapport.html, skrives ut på A4) fra et sammendrag og det sentrale regnearket")
    .requiredOption("--summary <FIL>", "sammendraget (summary.json) som samspill rollup skrev")
    .option("--central <FIL>", "det sentrale regnearket (.xlsx) fra samme innsamling: Historikk, Innsamling og Tiltak")
    .option("--out <FIL>", "rapportfilen", "rapport.html")
    .action(async (options: ReportCommandOptions) => {
      const { reportCommand } = load.report();
      await reportCommand(options, context());
    });
}
