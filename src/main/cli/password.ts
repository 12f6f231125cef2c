import fs from 'node:fs';
import { DomainError } from '../../shared/errors';
import { CliError } from './cli-error';

/**
 * Where the CLI gets the password of an encrypted administration, in this order:
 *   1. `--password-file FILE` (its first line; keep the file private),
 *   2. the environment variable LEDENBEHEER_PASSWORD (for scripts; visible to the same user),
 *   3. a prompt on the terminal, without echo.
 * Never from an argument on the command line: that ends up in the shell history and `ps`.
 */
export const PASSWORD_ENV = 'LEDENBEHEER_PASSWORD';

let passwordFile: string | undefined;

/** Set once per command line by run-cli from the global `--password-file` option. */
export function usePasswordFile(file: string | undefined): void {
  passwordFile = file;
}

function fromFile(file: string): string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new CliError(`wachtwoordbestand niet gevonden of niet leesbaar: ${file}`);
  }
  const first = text.split(/\r?\n/)[0] ?? '';
  if (first === '') throw new CliError(`het wachtwoordbestand ${file} is leeg`);
  return first;
}

/** Reads one line from the terminal without echoing it. */
function prompt(question: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let typed = '';
    const done = (error: Error | null) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done(null);
        if (ch === '\u0003' || ch === '\u0004') return done(new CliError('afgebroken: geen wachtwoord gegeven'));
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** The password for `file`, from the sources above; STORAGE_PASSWORD_REQUIRED when there is none. */
export async function passwordFor(file: string, question = `Wachtwoord voor ${file}: `): Promise<string> {
  if (passwordFile) return fromFile(passwordFile);
  const env = process.env[PASSWORD_ENV];
  if (env) return env;
  if (process.stdin.isTTY) return prompt(question);
  throw new DomainError('STORAGE_PASSWORD_REQUIRED', { file });
}

/**
 * The password of a backup made under another password than the administration's now
 * (`restore --backup-password-file`): from that file, else asked on the terminal, else none
 * (the restore then says BACKUP_PASSWORD_REQUIRED and names the option).
 */
export async function backupPassword(file: string | undefined): Promise<string | null> {
  if (file) return fromFile(file);
  if (process.stdin.isTTY) return prompt('Wachtwoord van de reservekopie (het wachtwoord van toen): ');
  return null;
}

/** A new password: from a file given for it, else the environment, else asked twice on the terminal. */
export async function newPassword(file: string | undefined, envName: string): Promise<string> {
  if (file) return fromFile(file);
  const env = process.env[envName];
  if (env) return env;
  if (!process.stdin.isTTY) throw new CliError(`geef het nieuwe wachtwoord met --new-password-file BESTAND of de omgevingsvariabele ${envName}`);
  const first = await prompt('Nieuw wachtwoord: ');
  const again = await prompt('Nieuw wachtwoord (nogmaals): ');
  if (first !== again) throw new CliError('de twee wachtwoorden zijn niet gelijk; er is niets gewijzigd');
  return first;
}
