import { Command, CommanderError } from "commander";
import { CliContext, processContext } from "./context";
import { fileSystemProblem, UserError } from "./user-error";
import { version as VERSION } from "../../package.json";
import { registerCommands } from "./program";
import { NORWEGIAN_HELP, translateCommanderError } from "./help";

export function buildProgram(context: () => CliContext, setExitCode: (code: number) => void): Command {
  const program = new Command();
  program
    .name("samspill")
    .configureHelp(NORWEGIAN_HELP)
    .description("Samspill: aktivitetsrapporter, avtaler og tiltak fra lokalforeningene, kontrollert og summert")
    .version(VERSION, "-V, --version", "vis versjonen")
    .helpOption("-h, --help", "vis hjelp")
    .helpCommand("help [kommando]", "vis hjelp for en kommando")
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(translateCommanderError(text)) });
  registerCommands(program, context, setExitCode);
  for (const command of program.commands) command.configureHelp(NORWEGIAN_HELP).helpOption("-h, --help", "vis hjelp").exitOverride().configureOutput({ outputError: (text, write) => write(translateCommanderError(text)) });
  return program;
}

/** Runs the CLI and gives the exit code; user errors are short Norwegian lines, never stack traces. */
export async function main(argv: string[]): Promise<number> {
  endQuietlyOnClosedPipe();
  let exitCode = 0;
  let context: CliContext | undefined;
  const getContext = () => (context ??= processContext());
  try {
    await buildProgram(getContext, (code) => (exitCode = code)).parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") return 0;
      return 2;
    }
    if (process.env.SAMSPILL_DEBUG === "1") process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    const problem = error instanceof UserError ? error : fileSystemProblem(error);
    if (problem) {
      process.stderr.write(`samspill: ${problem.message}\n`);
      return problem.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`samspill: uventet feil: ${message}\n(Kjør med SAMSPILL_DEBUG=1 for detaljer.)\n`);
    return 1;
  }
}

/**
 * `samspill demo | head -2`: when the reader of stdout goes away, the rest of the output has nowhere
 * to go; end at once and quietly, as Unix tools do, instead of a stack trace about EPIPE.
 */
let endsQuietly = false;
function endQuietlyOnClosedPipe(): void {
  if (endsQuietly) return;
  endsQuietly = true;
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
