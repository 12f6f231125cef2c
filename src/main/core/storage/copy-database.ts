import type Database from 'better-sqlite3';
import { assertEncryptedOnDisk, keyOf } from '../db/database-key';

/**
 * THE copy primitive: a consistent, compact copy of an open database into `target` (an
 * empty private file the caller made). `VACUUM INTO` reads one snapshot (writers may go on
 * meanwhile in WAL mode) and, unlike SQLite's online backup API (which SQLite3MultipleCiphers
 * refuses for an encrypted source), also works for an encrypted connection: the copy is
 * written with the connection's own key. Every copy the app makes (automatic backups,
 * `backup --out`, the pre-migration copy) goes through here, so encryption is handled in one
 * place. Returns the key the copy has (null: plain), for the caller's verifyCopy.
 */
export function copyDatabase(sqlite: Database.Database, target: string): string | null {
  sqlite.prepare('VACUUM INTO ?').run(target);
  const key = keyOf(sqlite);
  // A driver without encryption would write the copy in plain text without a word.
  if (key) assertEncryptedOnDisk(target);
  return key;
}
