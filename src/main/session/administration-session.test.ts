import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/test-core';
import { createCore } from '../core/create-core';
import { openAdministrationSession, type OpenCore } from './administration-session';
import { createRememberedPasswords, type KeychainStore } from './remembered-passwords';
import { isEncryptedFile } from '../core/db/database-key';

const dir = tempDir();
afterAll(() => dir.cleanup());

/** The in-process core as the session's OpenCore (the threads are tested in db/encryption.test.ts). */
const inProcess = (file: string) => async (password: string | null): Promise<OpenCore> => {
  const core = createCore({ file, actor: 'test', password });
  return { dispatch: (r) => core.dispatch(r), onEvent: (l) => core.onEvent(l), close: async () => core.close() };
};

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

const call = (s: { dispatch: OpenCore['dispatch'] }, method: string, params: unknown = {}) => s.dispatch({ method, params });

describe('the administration session', () => {
  const file = path.join(dir.dir, 'vereniging.sqlite');
  const prefs = path.join(dir.dir, 'prefs.json');
  const keychain = fakeKeychain('gnome_libsecret');
  const remembered = createRememberedPasswords(keychain, path.join(dir.dir, 'remembered.json'));

  it('encrypts an open administration from Settings, then locks and unlocks; a wrong password is refused', async () => {
    const s = await openAdministrationSession({ file, open: inProcess(file), preferencesFile: prefs, remembered });
    expect((await call(s, 'session.status')) as unknown).toMatchObject({ ok: true, result: { state: 'open', encrypted: false, idleLockMinutes: 10 } });
    expect(await call(s, 'session.encrypt', { password: 'kort' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await call(s, 'session.encrypt', { password: 'Paard-Batterij-Niet' })).toMatchObject({ ok: true });
    expect(isEncryptedFile(file)).toBe(true);
    expect(await call(s, 'relations.list', {})).toMatchObject({ ok: true });

    expect(await call(s, 'session.lock')).toMatchObject({ ok: true });
    expect(await call(s, 'relations.list', {})).toMatchObject({ ok: false, error: { code: 'STORAGE_PASSWORD_REQUIRED' } });
    expect(await call(s, 'session.unlock', { password: 'verkeerd-wachtwoord' })).toMatchObject({ ok: false, error: { code: 'STORAGE_WRONG_PASSWORD' } });
    expect(await call(s, 'session.unlock', { password: 42 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await call(s, 'session.unlock', { password: 'Paard-Batterij-Niet' })).toMatchObject({ ok: true });
    expect(await call(s, 'relations.list', {})).toMatchObject({ ok: true });

    expect(await call(s, 'session.changePassword', { current: 'verkeerd-wachtwoord', next: 'Nieuw-Geheim-2026' })).toMatchObject({ ok: false, error: { code: 'STORAGE_WRONG_PASSWORD' } });
    expect(await call(s, 'session.changePassword', { current: 'Paard-Batterij-Niet', next: 'Nieuw-Geheim-2026' })).toMatchObject({ ok: true });
    expect(await call(s, 'relations.list', {})).toMatchObject({ ok: true });
    expect(await call(s, 'session.setIdleLock', { minutes: 5 })).toMatchObject({ ok: true });
    expect((fs.statSync(prefs).mode & 0o777).toString(8)).toBe('600');
    await s.close();

    // A new start: locked until the (new) password is given.
    const again = await openAdministrationSession({ file, open: inProcess(file), preferencesFile: prefs, remembered });
    expect(await call(again, 'session.status')).toMatchObject({ result: { state: 'locked', encrypted: true, idleLockMinutes: 5, canRemember: true, remembered: false } });
    expect(await call(again, 'session.unlock', { password: 'Nieuw-Geheim-2026', remember: true })).toMatchObject({ ok: true });
    await again.close();
    // Remembered through the keychain: the store file holds no plain password.
    expect(fs.readFileSync(path.join(dir.dir, 'remembered.json'), 'utf8')).not.toContain('Nieuw-Geheim-2026');
    const third = await openAdministrationSession({ file, open: inProcess(file), preferencesFile: prefs, remembered });
    expect(await call(third, 'session.status')).toMatchObject({ result: { state: 'open', remembered: true } });
    await third.close();
  });

  it("refuses to remember a password where Electron would fall back to its plain-text key (Linux 'basic_text')", async () => {
    const basic = fakeKeychain('basic_text');
    const store = createRememberedPasswords(basic, path.join(dir.dir, 'basic.json'));
    if (process.platform === 'linux') {
      expect(await store.available()).toBe(false);
      expect(await store.remember(file, 'Nieuw-Geheim-2026')).toBe(false);
      expect(basic.sealed).toEqual([]);
      expect(fs.existsSync(path.join(dir.dir, 'basic.json'))).toBe(false);
    }
    expect(await createRememberedPasswords(null, path.join(dir.dir, 'none.json')).available()).toBe(false);
  });
});
