import { parseArgs } from 'node:util';
import { DomainError } from '../../shared/errors';
import { backupCommand, backupsCommand, newCommand, restoreCommand } from './backups-commands';
import { logCommand, requestsCommand, tasksCommand } from './contacts-commands';
import { meetingsCommand } from './meetings-command';
import { CliError, EXIT, usageError } from './cli-error';
import type { CliIo, Command, ParsedArgs } from './command';
import { demoCommand } from './demo';
import { duplicatesCommand } from './duplicates';
import { listCommand, overviewCommand, reportCommand } from './overview-commands';
import { exportJsonCommand } from './export-json';
import { groupsCommand } from './groups';
import { importJsonCommand } from './import-json';
import { exportCommand, importCommand, labelsCommand, mergeCommand } from './io-commands';
import { membershipsCommand } from './memberships';
import { contributionsCommand, invoicesCommand, paymentsCommand, remindersCommand } from './contributions';
import { bankCommand } from './bank';
import { mandatesCommand, sepaCommand } from './sepa';
import { fromDomainError } from './messages';
import { printable } from './printable';
import { privacyCommand } from './privacy';
import { STORAGE_CODES, storageError } from '../core/storage/storage-errors';
import { searchCommand } from './search';
import { selectCommand } from './select';
import { selectionsCommand, tagsCommand } from './lists';
import { undoCommand } from './undo';
import { usePasswordFile } from './password';
import { backupsLanded } from './open-administration';
import { changePasswordCommand, encryptCommand } from './encryption';

export const COMMANDS: Command[] = [
  newCommand,
  demoCommand,
  searchCommand,
  selectCommand,
  selectionsCommand,
  tagsCommand,
  groupsCommand,
  membershipsCommand,
  contributionsCommand,
  mandatesCommand,
  sepaCommand,
  invoicesCommand,
  paymentsCommand,
  bankCommand,
  remindersCommand,
  importCommand,
  undoCommand,
  exportCommand,
  mergeCommand,
  labelsCommand,
  exportJsonCommand,
  importJsonCommand,
  backupCommand,
  encryptCommand,
  changePasswordCommand,
  backupsCommand,
  restoreCommand,
  duplicatesCommand,
  overviewCommand,
  reportCommand,
  listCommand,
  requestsCommand,
  logCommand,
  tasksCommand,
  meetingsCommand,
  privacyCommand,
];

const PROGRAM = 'ledenbeheer';

function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    `Gebruik: ${PROGRAM} OPDRACHT [OPTIES]`,
    '',
    'Opdrachten:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    `  ${'help'.padEnd(width)}deze uitleg; 'help OPDRACHT' voor de opties van één opdracht`,
    '',
    `Voorbeeld: ${PROGRAM} demo --db demo.sqlite --relations 1000`,
  ].join('\n');
}

function commandHelp(c: Command): string {
  return `Gebruik: ${PROGRAM} ${c.usage}\n\n${c.summary[0]?.toUpperCase()}${c.summary.slice(1)}.`;
}

/** parseArgs' English errors, as one line of Dutch. */
function parseError(e: unknown, c: Command): CliError {
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? e.message : String(e);
  const option = /'(-[^']*)'/.exec(message)?.[1] ?? /Option '([^']+)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return usageError(`onbekende optie ${option ?? ''} voor '${c.name}' (zie '${PROGRAM} help ${c.name}')`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return usageError(`optie ${option ?? ''} verwacht een waarde (zie '${PROGRAM} help ${c.name}')`);
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return usageError(`te veel argumenten voor '${c.name}' (zie '${PROGRAM} help ${c.name}')`);
  return usageError(`ongeldige opdrachtregel: ${message}`);
}

function parse(c: Command, argv: string[]): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      // Every command may open an encrypted administration (cli/password.ts).
      options: { ...c.options, help: { type: 'boolean', short: 'h' }, 'password-file': { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length > c.positionals.length) {
      throw Object.assign(new Error('unexpected positional'), { code: 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' });
    }
    return { values: values as ParsedArgs['values'], positionals };
  } catch (e) {
    throw parseError(e, c);
  }
}

async function dispatch(argv: string[], io: CliIo): Promise<void> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = name === 'help' ? rest[0] : undefined;
    const c = topic === undefined ? undefined : COMMANDS.find((x) => x.name === topic);
    if (topic !== undefined && !c) throw usageError(`onbekende opdracht '${topic}' (zie '${PROGRAM} help')`);
    io.out(c ? commandHelp(c) : helpText());
    return;
  }
  const c = COMMANDS.find((x) => x.name === name);
  if (!c) throw usageError(`onbekende opdracht '${name}' (zie '${PROGRAM} help')`);
  const args = parse(c, rest);
  usePasswordFile(typeof args.values['password-file'] === 'string' ? args.values['password-file'] : undefined);
  if (args.values['help']) {
    io.out(commandHelp(c));
    return;
  }
  await c.run(args, io);
}

/** The administration a command works on (`--db`), to name it in a message. */
function fileArgument(argv: string[]): string | undefined {
  const at = argv.indexOf('--db');
  return at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--db='))?.slice('--db='.length);
}

/**
 * Runs one command line and returns the exit code. User errors become one line of Dutch on
 * stderr ('ledenbeheer: fout: …'); only a bug shows more, and a stack trace only with
 * LEDENBEHEER_DEBUG=1.
 */
export async function runCli(argv: string[], raw: CliIo): Promise<number> {
  // One gate for everything printed: data from the file never drives the terminal.
  const io: CliIo = { out: (text) => raw.out(printable(text)), err: (text) => raw.err(printable(text)) };
  try {
    await dispatch(argv, io);
    await backupsLanded();
    return EXIT.ok;
  } catch (e) {
    await backupsLanded();
    // A storage fault outside a core call (opening the file, writing an export) reads the same.
    const domain = e instanceof DomainError ? e : storageError(e);
    const subject = domain && STORAGE_CODES.has(domain.code) ? fileArgument(argv) : undefined;
    const error = domain ? fromDomainError(domain, subject ?? argv[0] ?? PROGRAM) : e;
    if (error instanceof CliError) {
      io.err(`${PROGRAM}: fout: ${error.message}`);
      for (const line of error.details.slice(0, 20)) io.err(`  - ${line}`);
      if (error.details.length > 20) io.err(`  … en nog ${error.details.length - 20}`);
      return error.exitCode;
    }
    io.err(`${PROGRAM}: interne fout: ${e instanceof Error ? e.message : String(e)}`);
    if (process.env['LEDENBEHEER_DEBUG'] && e instanceof Error && e.stack) io.err(e.stack);
    return EXIT.internal;
  }
}
