import fs from 'node:fs';
import path from 'node:path';
import type { SafeStorage } from 'electron';
import { createPrivateFile } from '../core/storage/private-files';

/**
 * "Wachtwoord onthouden op deze computer": the password of an encrypted administration,
 * encrypted by the operating system's keychain through Electron's safeStorage, in a private
 * file in the user's data folder. Never in plain text: where safeStorage would fall back to
 * its hard-coded key (Linux without a secret service: backend 'basic_text'), or has no
 * keychain at all, remembering is refused and the user types the password each time.
 */
export type KeychainStore = Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

export interface RememberedPasswords {
  /** Whether this computer can remember a password safely. */
  available(): Promise<boolean>;
  get(file: string): Promise<string | null>;
  /** Whether a password is stored for `file` (without unsealing it). */
  has(file: string): boolean;
  /** Stores it; false (and nothing stored) when the keychain is not safe. */
  remember(file: string, password: string): Promise<boolean>;
  forget(file: string): void;
}

export function createRememberedPasswords(store: KeychainStore | null, storeFile: string): RememberedPasswords {
  const read = (): Record<string, string> => {
    try {
      return JSON.parse(fs.readFileSync(storeFile, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  };
  const write = (all: Record<string, string>) => {
    if (!fs.existsSync(storeFile)) {
      fs.mkdirSync(path.dirname(storeFile), { recursive: true });
      createPrivateFile(storeFile);
    }
    fs.writeFileSync(storeFile, JSON.stringify(all));
  };
  const key = (file: string) => path.resolve(file);
  const available = async () => {
    if (!store) return false;
    // Linux: 'basic_text' is a fixed, public key — as good as plain text.
    if (process.platform === 'linux' && store.getSelectedStorageBackend && ['basic_text', 'unknown'].includes(store.getSelectedStorageBackend())) return false;
    return store.isAsyncEncryptionAvailable();
  };
  return {
    available,
    async get(file) {
      const sealed = read()[key(file)];
      if (!sealed || !store || !(await available())) return null;
      try {
        return (await store.decryptStringAsync(Buffer.from(sealed, 'base64'))).result;
      } catch {
        return null; // another user's or an old keychain: ask for the password
      }
    },
    has: (file) => key(file) in read(),
    async remember(file, password) {
      if (!store || !(await available())) return false;
      const sealed = await store.encryptStringAsync(password);
      write({ ...read(), [key(file)]: sealed.toString('base64') });
      return true;
    },
    forget(file) {
      const all = read();
      if (!(key(file) in all)) return;
      delete all[key(file)];
      write(all);
    },
  };
}
