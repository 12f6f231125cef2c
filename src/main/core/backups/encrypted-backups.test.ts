import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/support/test-core';
import { createCore } from '../create-core';
import { changeKey, isEncryptedFile, openKeyed } from '../db/database-key';
import { restoreAdministration } from './restore';

/**
 * Backups of an encrypted administration go through the one copy primitive (copyDatabase,
 * VACUUM INTO) with the file's key, and a restore keeps the administration encrypted.
 */
let tmp: ReturnType<typeof tempDir>;
afterEach(() => tmp?.cleanup());
const PASSWORD = 'Paard-Batterij-Niet';

const relations = (file: string, password: string | null) => {
  const db = openKeyed(file, password, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM relations').pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('backups of an encrypted administration', () => {
  it('are encrypted with the same key, compressed or not, and restore with it', async () => {
    tmp = tempDir();
    const file = path.join(tmp.dir, 'vereniging.sqlite');
    const core = createCore({ file, actor: 'test', password: PASSWORD });
    await core.call('relations.create', { kind: 'person', fields: { lastName: 'Jansen' } });
    const made = await core.backups.make('manual');
    expect(made).not.toBeNull();
    const raw = path.join(tmp.dir, 'uitgepakt.sqlite');
    fs.writeFileSync(raw, zlib.gunzipSync(fs.readFileSync(made!.file)));
    expect(isEncryptedFile(raw)).toBe(true);
    expect(relations(raw, PASSWORD)).toBe(1);
    const { backupAdministration } = await import('../exchange/backup');
    const out = path.join(tmp.dir, 'los.sqlite');
    await backupAdministration(core.ctx.sqlite, out);
    expect(isEncryptedFile(out)).toBe(true);
    expect(relations(out, PASSWORD)).toBe(1);
    await core.call('relations.create', { kind: 'person', fields: { lastName: 'Later' } });
    core.close();

    await restoreAdministration(file, made!.name, { actor: 'test', password: PASSWORD });
    expect(isEncryptedFile(file)).toBe(true);
    expect(relations(file, PASSWORD)).toBe(1);
  });

  it('a backup of an earlier password is checked before anything else: a missing or wrong one changes nothing and makes no backup', async () => {
    tmp = tempDir();
    const file = path.join(tmp.dir, 'vereniging.sqlite');
    let core = createCore({ file, actor: 'test', password: PASSWORD });
    await core.call('relations.create', { kind: 'person', fields: { lastName: 'Jansen' } });
    const made = await core.backups.make('manual');
    core.close();
    changeKey(file, PASSWORD, 'Nieuw-Geheim-2026');
    core = createCore({ file, actor: 'test', password: 'Nieuw-Geheim-2026' });
    await core.call('relations.create', { kind: 'person', fields: { lastName: 'Later' } });
    const backupsBefore = core.backups.list().map((b) => b.name);
    const folder = core.backups.folder();
    core.close();
    const tries = [
      [undefined, 'BACKUP_PASSWORD_REQUIRED'],
      ['verkeerd-wachtwoord', 'BACKUP_WRONG_PASSWORD'],
      ['verkeerd-wachtwoord', 'BACKUP_WRONG_PASSWORD'],
    ] as const;
    for (const [backupPassword, code] of tries) {
      await expect(restoreAdministration(file, made!.name, { actor: 'test', password: 'Nieuw-Geheim-2026', ...(backupPassword ? { backupPassword } : {}) })).rejects.toMatchObject({ code });
    }
    core = createCore({ file, actor: 'test', password: 'Nieuw-Geheim-2026' });
    try {
      expect(core.backups.list().map((b) => b.name)).toEqual(backupsBefore);
    } finally {
      core.close();
    }
    expect(relations(file, 'Nieuw-Geheim-2026')).toBe(2);
    expect([...fs.readdirSync(tmp.dir), ...fs.readdirSync(folder)].filter((n) => n.includes('.part-'))).toEqual([]);
    // The password of then restores it, under the current password.
    const { before } = await restoreAdministration(file, made!.name, { actor: 'test', password: 'Nieuw-Geheim-2026', backupPassword: PASSWORD });
    expect(before.reason).toBe('restore');
    expect(relations(file, 'Nieuw-Geheim-2026')).toBe(1);
  });

  it('a plain backup from before "Versleutelen" is restored encrypted, never as plain text', async () => {
    tmp = tempDir();
    const file = path.join(tmp.dir, 'vereniging.sqlite');
    const core = createCore({ file, actor: 'test' });
    await core.call('relations.create', { kind: 'person', fields: { lastName: 'Jansen' } });
    const plain = await core.backups.make('manual');
    core.close();
    changeKey(file, null, PASSWORD);

    await restoreAdministration(file, plain!.name, { actor: 'test', password: PASSWORD });
    expect(isEncryptedFile(file)).toBe(true);
    expect(relations(file, PASSWORD)).toBe(1);
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.includes('.part-'))).toEqual([]);
  });

  it('after "Versleutelen" the plain backups made before are re-encrypted in place: no plain name left in the folder\'s bytes', async () => {
    tmp = tempDir();
    const file = path.join(tmp.dir, 'vereniging.sqlite');
    let core = createCore({ file, actor: 'test' });
    await core.call('relations.create', { kind: 'person', fields: { firstName: 'Wilhelmina', lastName: 'Zwanenburg', email: 'w.zwanenburg@example.nl' } });
    const first = await core.backups.make('manual');
    await core.call('relations.create', { kind: 'person', fields: { lastName: 'Jansen' } });
    const second = await core.backups.make('interval');
    const folder = core.backups.folder();
    core.close();
    const bytesOf = (f: string) => (f.endsWith('.gz') ? zlib.gunzipSync(fs.readFileSync(f)) : fs.readFileSync(f));
    // The test would prove nothing if the plain backups did not show the name.
    expect(bytesOf(first!.file).includes('Zwanenburg')).toBe(true);

    changeKey(file, null, PASSWORD);
    core = createCore({ file, actor: 'test', password: PASSWORD });
    try {
      expect((await core.call('backups.encryptPlain', {})).encrypted.sort()).toEqual([first!.name, second!.name].sort());
      // Once encrypted, nothing is left to do.
      expect((await core.call('backups.encryptPlain', {})).encrypted).toEqual([]);
      expect(core.backups.list().map((b) => b.name).sort()).toEqual([first!.name, second!.name].sort());
    } finally {
      core.close();
    }
    for (const name of fs.readdirSync(folder)) {
      const raw = fs.readFileSync(path.join(folder, name));
      const unpacked = bytesOf(path.join(folder, name));
      for (const bytes of [raw, unpacked]) {
        expect(bytes.includes('Zwanenburg'), name).toBe(false);
        expect(bytes.includes('w.zwanenburg@example.nl'), name).toBe(false);
        expect(bytes.includes('SQLite format 3'), name).toBe(false);
      }
      expect(fs.statSync(path.join(folder, name)).mode & 0o777).toBe(0o600);
    }
    expect(fs.readdirSync(folder).filter((f) => f.includes('.part-'))).toEqual([]);
    // Still backups of this administration: the first one restores with the current password.
    await restoreAdministration(file, first!.name, { actor: 'test', password: PASSWORD });
    expect(relations(file, PASSWORD)).toBe(1);
  });
});
