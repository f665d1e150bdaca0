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
