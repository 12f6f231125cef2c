import { requiredOption } from './arguments';
import { CliError } from './cli-error';
import type { Command } from './command';
import { inspectFile } from './open-administration';
import { newPassword, passwordFor } from './password';

const NEW_PASSWORD_ENV = 'LEDENBEHEER_NEW_PASSWORD';

/**
 * Re-keys the file while holding its lock (one writer per file: the app or another command
 * holding it is named). Encrypting also re-encrypts the backups made before, still plain.
 */
async function changeKeyOf(file: string, current: string | null, next: string): Promise<string[]> {
  const { changeKey } = await import('../core/db/database-key');
  const { acquireLock } = await import('../core/storage/file-lock');
  const { createCore } = await import('../core/create-core');
  const lock = acquireLock(file);
  try {
    changeKey(file, current, next);
    if (current !== null) return [];
    const core = createCore({ file, password: next });
    try {
      return (await core.call('backups.encryptPlain', {})).encrypted;
    } finally {
      core.close();
    }
  } finally {
    lock.release();
  }
}

export const encryptCommand: Command = {
  name: 'encrypt',
  summary: 'versleutel een administratie met een wachtwoord (SQLCipher 4)',
  usage: `encrypt --db BESTAND [--new-password-file WACHTWOORD.txt]   [--json]   (of ${NEW_PASSWORD_ENV}, of de vraag op het scherm)`,
  options: { db: { type: 'string' }, 'new-password-file': { type: 'string' }, json: { type: 'boolean' } },
  positionals: [],
  async run(args, io) {
    const file = requiredOption(args, 'db', 'het administratiebestand');
    const state = inspectFile(file);
    if (state === 'encrypted') throw new CliError(`${file} is al versleuteld; gebruik 'change-password' om het wachtwoord te wijzigen`);
    if (state !== 'administration') throw new CliError(`${file} is geen Ledenbeheer-administratie`);
    const next = await newPassword(args.values['new-password-file'] as string | undefined, NEW_PASSWORD_ENV);
    const backups = await changeKeyOf(file, null, next);
    if (args.values['json']) return io.out(JSON.stringify({ file, encrypted: true, backupsEncrypted: backups }));
    io.out(`${file} is versleuteld. Bewaar het wachtwoord goed: zonder wachtwoord is de administratie niet meer te openen.`);
    if (backups.length) io.out(`Ook versleuteld: ${backups.length === 1 ? 'de reservekopie' : `de ${backups.length} reservekopieën`} van vóór het versleutelen.`);
  },
};

export const changePasswordCommand: Command = {
  name: 'change-password',
  summary: 'wijzig het wachtwoord van een versleutelde administratie',
  usage: `change-password --db BESTAND [--password-file HUIDIG.txt] [--new-password-file NIEUW.txt] [--json]`,
  options: { db: { type: 'string' }, 'new-password-file': { type: 'string' }, json: { type: 'boolean' } },
  positionals: [],
  async run(args, io) {
    const file = requiredOption(args, 'db', 'het administratiebestand');
    if (inspectFile(file) !== 'encrypted') throw new CliError(`${file} is niet versleuteld; gebruik 'encrypt' om het te versleutelen`);
    const current = await passwordFor(file, 'Huidig wachtwoord: ');
    const next = await newPassword(args.values['new-password-file'] as string | undefined, NEW_PASSWORD_ENV);
    await changeKeyOf(file, current, next);
    if (args.values['json']) return io.out(JSON.stringify({ file, encrypted: true, passwordChanged: true }));
    io.out(`Het wachtwoord van ${file} is gewijzigd.`);
  },
};
