import type { ParseArgsConfig } from 'node:util';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** One CLI command: its own options (node:util parseArgs) and a run function. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Names of the positional arguments, in order; more than these is an error. */
  positionals: string[];
  run(args: ParsedArgs, io: CliIo): Promise<void> | void;
}
