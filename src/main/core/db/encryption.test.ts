import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/support/test-core';
import { createCore } from '../create-core';
import { generateDemo } from '../demo/generate-demo';
import { backupAdministration } from '../exchange/backup';
import { changeKey, isEncryptedFile } from './database-key';
import { startCoreThread } from '../../thread/core-thread';

const dir = tempDir();
afterAll(() => dir.cleanup());
const PASSWORD = 'Paard-Batterij-Niet';
const file = (name: string) => path.join(dir.dir, name);

/** Every file SQLite may hold data in: the file and its WAL. */
function rawBytes(f: string): Buffer {
  return Buffer.concat([f, `${f}-wal`].filter((x) => fs.existsSync(x)).map((x) => fs.readFileSync(x)));
}

function names(core: ReturnType<typeof createCore>): string[] {
  return (core.ctx.sqlite.prepare(`SELECT last_name FROM relations WHERE last_name IS NOT NULL AND length(last_name) >= 6 LIMIT 50`).pluck().all() as string[]);
}

function open(f: string, password: string | null) {
  return createCore({ file: f, actor: 'test', password });
}

describe('an encrypted administration', () => {
  it('holds no plain names on disk, neither in the file nor in its WAL', async () => {
    const f = file('versleuteld.sqlite');
    const core = open(f, PASSWORD);
    generateDemo(core, { relations: 200, seed: 1, today: '2026-11-22' });
    const known = names(core);
    expect(known.length).toBeGreaterThan(10);
    // While open (WAL not yet checkpointed) and after closing.
    for (const phase of ['open', 'closed']) {
      if (phase === 'closed') core.close();
      const bytes = rawBytes(f);
      expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
      const found = known.filter((n) => bytes.includes(Buffer.from(n, 'utf8')) || bytes.includes(Buffer.from(n.toLowerCase(), 'utf8')));
      expect(found, phase).toEqual([]);
    }
    // The same check finds the names in a plain administration (the test can fail).
    const plain = open(file('plain.sqlite'), null);
    generateDemo(plain, { relations: 200, seed: 1, today: '2026-11-22' });
    const plainNames = names(plain);
    plain.close();
    expect(plainNames.filter((n) => rawBytes(file('plain.sqlite')).includes(Buffer.from(n, 'utf8'))).length).toBeGreaterThan(10);
  });

  it('is refused with a clear code without or with a wrong password, and unchanged', () => {
    const f = file('versleuteld.sqlite');
    const before = fs.readFileSync(f);
    expect(() => open(f, 'verkeerd-wachtwoord')).toThrow(expect.objectContaining({ code: 'STORAGE_WRONG_PASSWORD' }));
    expect(() => open(f, null)).toThrow(expect.objectContaining({ code: 'STORAGE_PASSWORD_REQUIRED' }));
    expect(fs.readFileSync(f).equals(before)).toBe(true);
    const core = open(f, PASSWORD);
    expect(core.ctx.sqlite.prepare('SELECT count(*) FROM relations').pluck().get()).toBeGreaterThan(100);
    core.close();
  });

  it('opens on the core threads with its password, and says so on the threads when it is wrong', { timeout: 120_000 }, async () => {
    const f = file('versleuteld.sqlite');
    await expect(startCoreThread({ file: f, password: 'verkeerd-wachtwoord' })).rejects.toMatchObject({ code: 'STORAGE_WRONG_PASSWORD' });
    const thread = await startCoreThread({ file: f, password: PASSWORD });
    try {
      // relations.search runs on the reader thread: it too has the key.
      const found = await thread.dispatch({ method: 'relations.search', params: { query: 'a' } });
      expect(found).toMatchObject({ ok: true });
      expect((found as { result: { rows: unknown[] } }).result.rows.length).toBeGreaterThan(0);
    } finally {
      await thread.close();
    }
  });

  it('changes its password: the old one no longer opens it', () => {
    const f = file('versleuteld.sqlite');
    const count = (core: ReturnType<typeof createCore>) => core.ctx.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const a = open(f, PASSWORD);
    const rows = count(a);
    a.close();
    expect(() => changeKey(f, 'verkeerd-wachtwoord', 'Nieuw-Geheim-2026')).toThrow(expect.objectContaining({ code: 'STORAGE_WRONG_PASSWORD' }));
    expect(() => changeKey(f, PASSWORD, 'kort')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    changeKey(f, PASSWORD, 'Nieuw-Geheim-2026');
    expect(() => open(f, PASSWORD)).toThrow(expect.objectContaining({ code: 'STORAGE_WRONG_PASSWORD' }));
    const b = open(f, 'Nieuw-Geheim-2026');
    expect(count(b)).toBe(rows);
    expect(b.ctx.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    b.close();
    changeKey(f, 'Nieuw-Geheim-2026', PASSWORD);
  });

  it('encrypts a plain administration later, and decrypts it again', () => {
    const f = file('later.sqlite');
    const core = open(f, null);
    generateDemo(core, { relations: 50, seed: 2, today: '2026-11-22' });
    const known = names(core);
    core.close();
    expect(isEncryptedFile(f)).toBe(false);
    changeKey(f, null, PASSWORD);
    expect(isEncryptedFile(f)).toBe(true);
    expect(known.filter((n) => rawBytes(f).includes(Buffer.from(n, 'utf8')))).toEqual([]);
    const again = open(f, PASSWORD);
    expect(names(again)).toEqual(known);
    again.close();
    changeKey(f, PASSWORD, null);
    expect(isEncryptedFile(f)).toBe(false);
    open(f, null).close();
  });

  it('backs up to an encrypted copy with the same key, which restores as a working administration', async () => {
    const f = file('versleuteld.sqlite');
    const core = open(f, PASSWORD);
    const out = file('kopieen/versleuteld-kopie.sqlite');
    const result = await backupAdministration(core.ctx.sqlite, out);
    expect(result.pages).toBeGreaterThan(0);
    const known = names(core);
    const total = core.ctx.sqlite.prepare('SELECT count(*) FROM relations').pluck().get();
    core.close();
    expect(isEncryptedFile(out)).toBe(true);
    expect(known.filter((n) => rawBytes(out).includes(Buffer.from(n, 'utf8')))).toEqual([]);
    expect((fs.statSync(out).mode & 0o777).toString(8)).toBe('600');
    // Without the key the copy is not readable; SQLite's plain driver sees no database.
    const raw = new Database(out, { readonly: true });
    expect(() => raw.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    raw.close();
    // Restore: the copy put in place of the administration opens with the same password.
    const restoredFile = file('teruggezet.sqlite');
    fs.copyFileSync(out, restoredFile);
    expect(() => open(restoredFile, 'verkeerd-wachtwoord')).toThrow(expect.objectContaining({ code: 'STORAGE_WRONG_PASSWORD' }));
    const restored = open(restoredFile, PASSWORD);
    expect(restored.ctx.sqlite.prepare('SELECT count(*) FROM relations').pluck().get()).toBe(total);
    expect((await restored.call('relations.search', { query: known[0]! })).rows.length).toBeGreaterThan(0);
    restored.close();
  });
});
