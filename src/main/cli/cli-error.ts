/** Exit codes: 1 = the command could not do its work (file, data), 2 = the command line is wrong. */
export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 70 } as const;

/** A problem the user can fix. The message is one line of Dutch; no stack trace is shown. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failed,
    /** Extra lines shown under the message (e.g. the rejected records of an import). */
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export function usageError(message: string): CliError {
  return new CliError(message, EXIT.usage);
}
