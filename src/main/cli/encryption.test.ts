import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/test-core';
import { runCli } from './run-cli';
import { createCore } from '../core/create-core';
import { PASSWORD_ENV } from './password';
import { isEncryptedFile, openKeyed } from '../core/db/database-key';

const dir = tempDir();
afterAll(() => dir.cleanup());
afterEach(() => {
  delete process.env[PASSWORD_ENV];
  delete process.env['LEDENBEHEER_NEW_PASSWORD'];
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const write = (name: string, text: string) => {
  const f = path.join(dir.dir, name);
  fs.writeFileSync(f, text, { mode: 0o600 });
  return f;
};

describe('the CLI on an encrypted administration', () => {
  const db = path.join(dir.dir, 'vereniging.sqlite');

  it('encrypts a file, then opens it only with the password from a file, the environment or not at all', async () => {
    expect((await cli('demo', '--db', db, '--relations', '30')).code).toBe(0);
    const pw = write('pw.txt', 'Paard-Batterij-Niet\n');
    expect(await cli('encrypt', '--db', db, '--new-password-file', pw, '--json')).toMatchObject({ code: 0, stdout: JSON.stringify({ file: db, encrypted: true, backupsEncrypted: [] }) });
    expect(isEncryptedFile(db)).toBe(true);

    // No terminal in the test and no password given: the app's own Dutch text.
    const none = await cli('search', '--db', db, 'a');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('Deze administratie is versleuteld. Geef het wachtwoord om haar te openen.');

    const wrong = await cli('search', '--db', db, 'a', '--password-file', write('fout.txt', 'verkeerd-wachtwoord'));
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('Het wachtwoord klopt niet');

    const fromFile = await cli('search', '--db', db, 'a', '--password-file', pw, '--json');
    expect(fromFile.code).toBe(0);
    expect(fromFile.stdout.length).toBeGreaterThan(10);

    process.env[PASSWORD_ENV] = 'Paard-Batterij-Niet';
    expect((await cli('search', '--db', db, 'a')).code).toBe(0);
  });

  it('changes the password; a too short one is refused and changes nothing', async () => {
    process.env[PASSWORD_ENV] = 'Paard-Batterij-Niet';
    const short = await cli('change-password', '--db', db, '--new-password-file', write('kort.txt', 'kort'));
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('te kort');
    process.env['LEDENBEHEER_NEW_PASSWORD'] = 'Nieuw-Geheim-2026';
    expect((await cli('change-password', '--db', db)).code).toBe(0);
    expect((await cli('search', '--db', db, 'a')).stderr).toContain('Het wachtwoord klopt niet');
    process.env[PASSWORD_ENV] = 'Nieuw-Geheim-2026';
    expect((await cli('search', '--db', db, 'a')).code).toBe(0);
    // Backups of an encrypted administration are encrypted too.
    const copy = path.join(dir.dir, 'kopie.sqlite');
    expect((await cli('backup', '--db', db, '--out', copy)).code).toBe(0);
    expect(isEncryptedFile(copy)).toBe(true);
    expect((await cli('search', '--db', copy, 'a')).code).toBe(0);
  });

  it('restores a backup made before the last password change with --backup-password-file; the file keeps its current password', async () => {
    process.env[PASSWORD_ENV] = 'Nieuw-Geheim-2026';
    const made = JSON.parse((await cli('backup', '--db', db, '--json')).stdout) as { name: string };
    const count = (password: string) => {
      const sqlite = openKeyed(db, password, { readonly: true });
      try {
        return sqlite.prepare('SELECT count(*) FROM relations').pluck().get() as number;
      } finally {
        sqlite.close();
      }
    };
    const before = count('Nieuw-Geheim-2026');
    // A change after the backup, which the restore takes away again.
    const core = createCore({ file: db, actor: 'test', password: 'Nieuw-Geheim-2026' });
    await core.call('relations.create', { kind: 'person', fields: { lastName: 'Na de kopie' } });
    core.close();
    expect(count('Nieuw-Geheim-2026')).toBe(before + 1);
    process.env['LEDENBEHEER_NEW_PASSWORD'] = 'Derde-Wachtwoord-2027';
    expect((await cli('change-password', '--db', db)).code).toBe(0);
    process.env[PASSWORD_ENV] = 'Derde-Wachtwoord-2027';
    const asked = await cli('restore', '--db', db, '--from', made.name);
    expect(asked.code).toBe(1);
    expect(asked.stderr).toContain('een ander wachtwoord had');
    expect(asked.stderr).toContain('--backup-password-file');
    const wrong = await cli('restore', '--db', db, '--from', made.name, '--backup-password-file', write('oud-fout.txt', 'verkeerd-wachtwoord'));
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('Het wachtwoord klopt niet');
    const ok = await cli('restore', '--db', db, '--from', made.name, '--backup-password-file', write('oud.txt', 'Nieuw-Geheim-2026'), '--json');
    expect(ok.code, ok.stderr).toBe(0);
    // The restored administration opens with the current password, not the backup's.
    expect(count('Derde-Wachtwoord-2027')).toBe(before);
    process.env[PASSWORD_ENV] = 'Nieuw-Geheim-2026';
    expect((await cli('search', '--db', db, 'a')).stderr).toContain('Het wachtwoord klopt niet');
  });
});
