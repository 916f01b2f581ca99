// An error the CLI reports as one line (`probedesk: error: MESSAGE`) with a chosen exit code.

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Exit code for a mistake in the command line itself (bad option value, missing argument). */
export const USAGE_EXIT_CODE = 2;
