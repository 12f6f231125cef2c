import fs from 'node:fs';
import Database from 'better-sqlite3';
import { DomainError } from '../../../shared/errors';

/*
 * Encrypted administrations (issue 10 item 4). The driver is better-sqlite3-multiple-ciphers
 * (installed under the name better-sqlite3, docs/encryption.md), configured for the SQLCipher 4
 * format so DB Browser for SQLite and the sqlcipher tool can open a file with its password.
 * The password lives only in memory: here per connection, so backups and checks of copies
 * use the same key without it being passed through every caller.
 */

const SQLITE_HEADER = 'SQLite format 3\u0000';

import { MIN_PASSWORD_LENGTH } from '../../../shared/password';

export { MIN_PASSWORD_LENGTH };

const keys = new WeakMap<Database.Database, string>();

/** The password a connection was opened with, or null for a plain administration. */
export function keyOf(sqlite: Database.Database): string | null {
  return keys.get(sqlite) ?? null;
}

const quoted = (password: string) => `'${password.replace(/'/g, "''")}'`;

function cipherPragmas(sqlite: Database.Database): void {
  sqlite.pragma(`cipher = 'sqlcipher'`);
  sqlite.pragma('legacy = 4');
}

/**
 * Whether a file on disk looks like an encrypted database: whole pages (a multiple of 512
 * bytes) that do not start with SQLite's plain header. A text or spreadsheet file is not.
 */
export function isEncryptedFile(file: string): boolean {
  let fd: number;
  try {
    const { size } = fs.statSync(file);
    if (size < 512 || size % 512 !== 0) return false;
    fd = fs.openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(16);
    const n = fs.readSync(fd, head, 0, 16, 0);
    return n === 16 && head.toString('latin1') !== SQLITE_HEADER;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Sets the key on a fresh connection (before its first statement) and proves it: a wrong key
 * only shows on the first read, as SQLITE_NOTADB, which is then STORAGE_WRONG_PASSWORD rather
 * than "damaged". Without a password an encrypted file is STORAGE_PASSWORD_REQUIRED.
 */
export function unlockConnection(sqlite: Database.Database, file: string, password: string | null | undefined): void {
  if (password) {
    cipherPragmas(sqlite);
    sqlite.pragma(`key = ${quoted(password)}`);
    keys.set(sqlite, password);
  }
  if (file === ':memory:' || file === '') return;
  try {
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    if ((e as { code?: string }).code !== 'SQLITE_NOTADB') throw e;
    if (password) throw new DomainError('STORAGE_WRONG_PASSWORD', { file });
    if (isEncryptedFile(file)) throw new DomainError('STORAGE_PASSWORD_REQUIRED', { file });
    throw e;
  }
}

/** A new connection to a file with its key set and checked. */
export function openKeyed(file: string, password: string | null | undefined, options?: Database.Options): Database.Database {
  const sqlite = new Database(file, options);
  try {
    unlockConnection(sqlite, file, password);
    return sqlite;
  } catch (e) {
    sqlite.close();
    throw e;
  }
}

/**
 * A plain driver silently ignores `PRAGMA key` and writes plain text (a project shipped exactly
 * that): after creating or encrypting a file, its first bytes must not be SQLite's header.
 */
export function assertEncryptedOnDisk(file: string): void {
  if (!isEncryptedFile(file)) throw new Error(`${file} should be encrypted but holds a plain SQLite header: the SQLite driver has no encryption`);
}

export function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'password', code: 'PASSWORD_TOO_SHORT', details: { min: MIN_PASSWORD_LENGTH } }]);
  }
}

/**
 * Encrypts, re-encrypts or decrypts an administration in place (`next` null: plain again).
 * The file must not be open elsewhere: the host closes its core first. Rekeying rewrites
 * every page in one transaction, so a kill leaves the old or the new key, never a mix; the WAL
 * is emptied first and the journal is a rollback journal meanwhile.
 */
export function changeKey(file: string, current: string | null, next: string | null): void {
  if (next !== null) checkPassword(next);
  const sqlite = openKeyed(file, current);
  try {
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    sqlite.pragma('journal_mode = DELETE');
    if (next !== null && current === null) cipherPragmas(sqlite);
    sqlite.pragma(`rekey = ${next === null ? "''" : quoted(next)}`);
    sqlite.pragma('journal_mode = WAL');
  } finally {
    sqlite.close();
  }
  if (next !== null) assertEncryptedOnDisk(file);
  // Proves the result opens with the new key and is whole.
  const check = openKeyed(file, next, { readonly: true, fileMustExist: true });
  try {
    const result = String(check.pragma('quick_check', { simple: true }));
    if (result !== 'ok') throw new Error(`after changing the key: ${result}`);
  } finally {
    check.close();
  }
}
