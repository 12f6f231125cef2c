import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/test-core';
import { isEncryptedFile } from '../core/db/database-key';
import { lockHolder } from '../core/storage/file-lock';
import type { AdministrationState } from '../../shared/contract/administrations';
import type { RpcResponse } from '../../shared/rpc';
import { createRememberedPasswords, type KeychainStore } from './remembered-passwords';
import { createSession, type Session } from './session';

/**
 * Encryption as a step of the one host session (real core threads, real files): encrypt from
 * Settings, the idle lock back to the prompt for the same file, a wrong and the right
 * password, a new password, the password asked when opening from the recent list and at a
 * new start, remembered only through the keychain, and backups and restore with the key.
 */
const root = path.resolve(import.meta.dirname, '../../..');
let tmp: ReturnType<typeof tempDir>;
let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
  tmp?.cleanup();
});

/** Stands in for Electron's safeStorage only (its binary cannot run here): reversible, not plain text. */
function fakeKeychain(backend: string): KeychainStore & { sealed: string[] } {
  const sealed: string[] = [];
  return {
    sealed,
    getSelectedStorageBackend: () => backend as never,
    isAsyncEncryptionAvailable: async () => true,
    encryptStringAsync: async (s: string) => {
      const b = Buffer.from(s, 'utf8').map((x) => x ^ 0x5a);
      sealed.push(Buffer.from(b).toString('base64'));
      return Buffer.from(b);
    },
    decryptStringAsync: async (b: Buffer) => ({ result: Buffer.from(b.map((x) => x ^ 0x5a)).toString('utf8'), shouldReEncrypt: false }),
  };
}

const call = (s: Session, method: string, params: unknown = {}): Promise<RpcResponse> => s.dispatch({ method, params });
async function host(s: Session, method: string, params: unknown = {}): Promise<AdministrationState> {
  const r = await call(s, method, params);
  if (!r.ok) throw new Error(`${method}: ${r.error.code}`);
  return r.result as AdministrationState;
}

describe('an encrypted administration in the session', () => {
  it('encrypts, locks after idle time, refuses a wrong password, changes the password, asks it at open', { timeout: 600_000 }, async () => {
    tmp = tempDir();
    const remembered = createRememberedPasswords(fakeKeychain('gnome_libsecret'), path.join(tmp.dir, 'remembered.json'));
    session = createSession({ dataDir: tmp.dir, remembered });
    const file = path.join(tmp.dir, 'vereniging.ledenbeheer');
    let state = await host(session, 'administrations.create', { name: 'De Harmonie', file });
    expect(state.open).toMatchObject({ encrypted: false, idleLockMinutes: 10, remembered: false });
    expect(await call(session, 'relations.create', { kind: 'person', fields: { lastName: 'Jansen' } })).toMatchObject({ ok: true });
    const generation = state.open!.generation;

    expect(await call(session, 'administrations.encrypt', { password: 'kort' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    state = await host(session, 'administrations.encrypt', { password: 'Paard-Batterij-Niet' });
    expect(isEncryptedFile(file)).toBe(true);
    // Same data, same screens: the generation stays so Settings can show the result.
    expect(state.open).toMatchObject({ encrypted: true, generation });
    expect(await call(session, 'administrations.encrypt', { password: 'Paard-Batterij-Niet' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call(session, 'relations.list', {})).toMatchObject({ ok: true, result: { total: 1 } });

    // A backup of the encrypted file is encrypted with the same key (the one copy primitive).
    const made = (await call(session, 'backups.create', { reason: 'manual' })) as { ok: true; result: { backup: { file: string; name: string } } };
    expect(made.ok).toBe(true);

    // The idle lock: threads closed, the key gone, the prompt for the same file.
    state = await host(session, 'administrations.lock');
    expect(state.open).toBeNull();
    expect(state.locked).toMatchObject({ file, fileName: 'vereniging.ledenbeheer', reason: 'idle' });
    expect(await call(session, 'relations.list', {})).toMatchObject({ ok: false, error: { code: 'STORAGE_PASSWORD_REQUIRED' } });
    expect(await call(session, 'administrations.unlock', { password: 'verkeerd-wachtwoord' })).toMatchObject({ ok: false, error: { code: 'STORAGE_WRONG_PASSWORD' } });
    expect(session.state().locked).toMatchObject({ file });
    expect(await call(session, 'administrations.unlock', { password: 42 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    state = await host(session, 'administrations.unlock', { password: 'Paard-Batterij-Niet' });
    expect(state.locked).toBeNull();
    expect(await call(session, 'relations.list', {})).toMatchObject({ ok: true, result: { total: 1 } });

    expect(await call(session, 'administrations.changePassword', { current: 'verkeerd-wachtwoord', next: 'Nieuw-Geheim-2026' })).toMatchObject({ ok: false, error: { code: 'STORAGE_WRONG_PASSWORD' } });
    await host(session, 'administrations.changePassword', { current: 'Paard-Batterij-Niet', next: 'Nieuw-Geheim-2026' });
    expect(await call(session, 'relations.create', { kind: 'person', fields: { lastName: 'Pietersen' } })).toMatchObject({ ok: true });
    state = await host(session, 'administrations.setIdleLock', { minutes: 5 });
    expect(state.open?.idleLockMinutes).toBe(5);
    expect((fs.statSync(path.join(tmp.dir, 'vergrendelen.json')).mode & 0o777).toString(8)).toBe('600');

    // Restore of the backup made before the new password: it needs the password of then.
    // (The backup after the last open may still land meanwhile: only the restore's own are counted.)
    const restoreBackups = async (s: Session) => ((await call(s, 'backups.list', {})) as { ok: true; result: { rows: { reason: string }[] } }).result.rows.filter((r) => r.reason === 'restore').length;
    expect(await restoreBackups(session)).toBe(0);
    expect(await call(session, 'administrations.restore', { name: made.result.backup.name })).toMatchObject({ ok: false, error: { code: 'BACKUP_PASSWORD_REQUIRED' } });
    for (let i = 0; i < 2; i++) {
      expect(await call(session, 'administrations.restore', { name: made.result.backup.name, password: 'verkeerd-wachtwoord' })).toMatchObject({ ok: false, error: { code: 'BACKUP_WRONG_PASSWORD' } });
    }
    expect(await call(session, 'relations.list', {})).toMatchObject({ ok: true, result: { total: 2 } });
    // Checked before the backup of the current state: the tries left no "vóór terugzetten" behind.
    expect(await restoreBackups(session)).toBe(0);
    // A backup with the current key restores, and the file keeps that key.
    const second = (await call(session, 'backups.create', { reason: 'manual' })) as { ok: true; result: { backup: { name: string } } };
    expect(await call(session, 'relations.create', { kind: 'person', fields: { lastName: 'Later' } })).toMatchObject({ ok: true });
    expect(await call(session, 'administrations.restore', { name: second.result.backup.name })).toMatchObject({ ok: true });
    expect(isEncryptedFile(file)).toBe(true);
    expect(await call(session, 'relations.list', {})).toMatchObject({ ok: true, result: { total: 2 } });
    // With the password of then the older backup restores too, and the file keeps the current password.
    expect(await call(session, 'administrations.restore', { name: made.result.backup.name, password: 'Paard-Batterij-Niet' })).toMatchObject({ ok: true });
    expect(await call(session, 'relations.list', {})).toMatchObject({ ok: true, result: { total: 1 } });

    // Closed and opened again from the recent list: the password is a step of the open.
    await host(session, 'administrations.close');
    state = await host(session, 'administrations.open', { file });
    expect(state.open).toBeNull();
    expect(state.locked).toMatchObject({ file, reason: 'password' });
    expect(state.canRemember).toBe(true);
    state = await host(session, 'administrations.unlock', { password: 'Nieuw-Geheim-2026', remember: true });
    expect(state.open).toMatchObject({ file, encrypted: true, remembered: true, idleLockMinutes: 5 });
    expect(fs.readFileSync(path.join(tmp.dir, 'remembered.json'), 'utf8')).not.toContain('Nieuw-Geheim-2026');
    await session.close();

    // A new start on the file (--db): the remembered password opens it; forgotten, it asks.
    session = createSession({ dataDir: tmp.dir, remembered });
    state = await session.openAtStart(file);
    expect(state.open).toMatchObject({ encrypted: true, remembered: true });
    state = await host(session, 'administrations.forgetPassword');
    expect(state.open?.remembered).toBe(false);
    await session.close();
    session = createSession({ dataDir: tmp.dir });
    state = await session.openAtStart(file);
    expect(state.startError).toBeNull();
    expect(state.locked).toMatchObject({ file, reason: 'password' });
    expect(state.canRemember).toBe(false);
  });

  it('a new administration can be encrypted from its first page', { timeout: 300_000 }, async () => {
    tmp = tempDir();
    session = createSession({ dataDir: tmp.dir });
    const file = path.join(tmp.dir, 'nieuw.ledenbeheer');
    expect(await call(session, 'administrations.create', { name: 'Nieuw', file, password: 'kort' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(fs.existsSync(file)).toBe(false);
    const state = await host(session, 'administrations.create', { name: 'Nieuw', file, password: 'Paard-Batterij-Niet' });
    expect(state.open).toMatchObject({ name: 'Nieuw', encrypted: true });
    expect(isEncryptedFile(file)).toBe(true);
  });

  it('keeps the file\'s lock while idle-locked: another process cannot open it meanwhile', { timeout: 300_000 }, async () => {
    tmp = tempDir();
    session = createSession({ dataDir: tmp.dir });
    const file = path.join(tmp.dir, 'vergrendeld.ledenbeheer');
    const password = 'Paard-Batterij-Niet';
    await host(session, 'administrations.create', { name: 'Vergrendeld', file, password });
    const state = await host(session, 'administrations.lock');
    expect(state.locked).toMatchObject({ file, reason: 'idle' });
    expect(lockHolder(file)).toMatchObject({ pid: process.pid });
    // Another process with the right password (the CLI) is refused and told who holds the file.
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', 'search', '--db', file, 'jansen'], { cwd: root, encoding: 'utf8', env: { ...process.env, LEDENBEHEER_PASSWORD: password } });
    expect(run.stderr).toMatch(new RegExp(`al geopend door ${os.userInfo().username} op ${os.hostname()} \\(proces ${process.pid}`));
    expect(run.status).toBe(1);
    // A wrong password keeps the session locked and the lock held; the right one opens under it.
    expect(await call(session, 'administrations.unlock', { password: 'verkeerd-wachtwoord' })).toMatchObject({ ok: false, error: { code: 'STORAGE_WRONG_PASSWORD' } });
    expect(lockHolder(file)).toMatchObject({ pid: process.pid });
    await host(session, 'administrations.unlock', { password });
    expect(await call(session, 'relations.list', {})).toMatchObject({ ok: true, result: { total: 0 } });
    // Locked again, then closed from the prompt ("Andere administratie kiezen"): the file is free.
    await host(session, 'administrations.lock');
    await host(session, 'administrations.close');
    expect(lockHolder(file)).toBeNull();
  });

  it("refuses to remember a password where Electron would fall back to its plain-text key (Linux 'basic_text')", async () => {
    tmp = tempDir();
    const basic = fakeKeychain('basic_text');
    const store = createRememberedPasswords(basic, path.join(tmp.dir, 'basic.json'));
    if (process.platform === 'linux') {
      expect(await store.available()).toBe(false);
      expect(await store.remember(path.join(tmp.dir, 'x'), 'Nieuw-Geheim-2026')).toBe(false);
      expect(basic.sealed).toEqual([]);
      expect(fs.existsSync(path.join(tmp.dir, 'basic.json'))).toBe(false);
    }
    expect(await createRememberedPasswords(null, path.join(tmp.dir, 'none.json')).available()).toBe(false);
  });
});
