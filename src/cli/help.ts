import { Command, Help } from "commander";

/**
 * Commander's help in bokmål. Commander writes its section titles, the usage words and the
 * «default:» note itself; these hooks (Help's documented overridable methods, set with
 * `configureHelp`) give them in Norwegian, so `samspill --help` has no English in it.
 */
const TITLES: Record<string, string> = {
  "Usage:": "Bruk:",
  "Options:": "Valg:",
  "Commands:": "Kommandoer:",
  "Arguments:": "Argumenter:",
  "Global Options:": "Felles valg:",
};

/** Placeholders of options and arguments as bokmål words (<FILE> → <FIL>), wherever commander shows them. */
const PLACEHOLDERS: Record<string, string> = { FILE: "FIL", DIR: "MAPPE", YEAR: "ÅR", SPREADSHEET_ID: "REGNEARK-ID", ID: "ID", URL: "ADRESSE", N: "ANTALL" };
export const placeholders = (text: string) => text.replace(/\b(FILE|DIR|YEAR|SPREADSHEET_ID)\b/g, (word) => PLACEHOLDERS[word] ?? word);
const words = (text: string) => placeholders(text.replace(/\[options\]/g, "[valg]").replace(/\[command\]/g, "[kommando]"));

export const NORWEGIAN_HELP: Partial<Help> = {
  styleTitle: (title: string) => TITLES[title] ?? title,
  commandUsage(this: Help, command: Command) {
    return words(Help.prototype.commandUsage.call(this, command));
  },
  subcommandTerm(this: Help, command: Command) {
    return words(Help.prototype.subcommandTerm.call(this, command));
  },
  optionTerm(this: Help, option) {
    return placeholders(Help.prototype.optionTerm.call(this, option));
  },
  argumentTerm(this: Help, argument) {
    return placeholders(Help.prototype.argumentTerm.call(this, argument));
  },
  optionDescription(this: Help, option) {
    return Help.prototype.optionDescription.call(this, option).replace(/\(default: /, "(standard: ").replace(/, default: /, ", standard: ");
  },
  argumentDescription(this: Help, argument) {
    return Help.prototype.argumentDescription.call(this, argument).replace(/\(default: /, "(standard: ");
  },
};

/** Commander's own error messages, in Norwegian (never appended to: each is replaced whole). */
export function translateCommanderError(message: string): string {
  return placeholders(message)
    .replace(/^error: required option '(.+)' not specified/m, "feil: valget $1 må oppgis")
    .replace(/^error: unknown option '(.+?)'(\n\(Did you mean (.+)\?\))?/m, (_m, option: string, _d, hint?: string) => `feil: ukjent valg ${option}${hint ? ` (mente du ${hint}?)` : ""}`)
    .replace(/^error: missing required argument '(.+)'/m, "feil: $1 må oppgis")
    .replace(/^error: unknown command '(.+?)'(\n\(Did you mean (.+)\?\))?/m, (_m, command: string, _d, hint?: string) => `feil: ukjent kommando ${command}${hint ? ` (mente du ${hint}?)` : ""} (se samspill --help)`)
    .replace(/^error: too many arguments.*$/m, "feil: for mange argumenter (se samspill --help)")
    .replace(/^error: option '(.+?)' argument '(.*)' is invalid\. /m, "feil: $1: ")
    .replace(/^error: option '(.+)' argument missing/m, "feil: $1 mangler en verdi")
    .replace(/^error: /m, "feil: ");
}
