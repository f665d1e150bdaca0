/** A problem the user can act on: printed as its Norwegian message alone, never as a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    /** 1 = the job failed; 2 = the command was used wrongly or a file is not what it should be. */
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/**
 * What the operating system said about a file, in Norwegian and naming the file: permission, missing
 * file or folder, full disk, read-only disk. Undefined for anything else (then it is unexpected).
 */
export function fileSystemProblem(error: unknown): UserError | undefined {
  const { code, path: file, dest } = (error ?? {}) as NodeJS.ErrnoException & { dest?: string };
  if (typeof code !== "string") return undefined;
  const where = file ? `«${dest ?? file}»` : "filen";
  switch (code) {
    case "EACCES":
    case "EPERM":
      return new UserError(`Samspill har ikke lov til å skrive eller lese ${where}. Sjekk tilgangen til filen og mappen den ligger i.`, 1);
    case "ENOENT":
      return new UserError(`${capitalise(where)} finnes ikke (eller mappen den skal ligge i finnes ikke).`, 1);
    case "ENOSPC":
    case "EDQUOT":
      return new UserError(`Det er ikke plass på disken til ${where}. Ingenting er endret; frigjør plass og prøv igjen.`, 1);
    case "EROFS":
      return new UserError(`${capitalise(where)} ligger på en disk som bare kan leses. Velg en annen plassering.`, 1);
    case "EISDIR":
      return new UserError(`${capitalise(where)} er en mappe, ikke en fil.`, 2);
    case "EEXIST": // mkdir of a folder where a file is
      return new UserError(`${capitalise(where)} finnes allerede, men er ikke en mappe.`, 2);
    case "ENOTDIR":
      return new UserError(`En del av stien ${where} er ikke en mappe.`, 2);
    default:
      return undefined;
  }
}

function capitalise(text: string): string {
  return text.startsWith("«") ? text : text.charAt(0).toUpperCase() + text.slice(1);
}
