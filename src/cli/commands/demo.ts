import { Command } from "commander";
import { CliContext } from "../context";
import { runDemo } from "../demo/run";

export function registerDemo(program: Command, context: () => CliContext): void {
  program
    .command("demo")
    .description("lag eksempeldata (foreningsregneark for to rapportår), summer dem og skriv sentral.xlsx, summary.json og rapport.html – ingen Google-konto trengs")
    .option("--out <DIR>", "mappe for resultatet", "demo-output")
    .action(async (options: { out: string }) => {
      await runDemo(options.out, context());
    });
}
