import type Database from 'better-sqlite3';
import { keyOf } from './database-key';

/*
 * SQLite's page cache per connection. A plain file's pages also sit in the OS file cache, so a
 * page that falls out of SQLite's cache costs a memcpy to read again. An encrypted file's OS
 * cache holds ciphertext: each page read again from outside SQLite's cache is decrypted and its
 * HMAC-SHA512 checked again (mmap cannot help: sqlite3mc disables it for encrypted files), which
 * was what made the encrypted administration slower at 100,000 relations (docs/encryption.md).
 * So an encrypted connection keeps a larger cache of decrypted pages. The cache is a ceiling,
 * filled only as pages are read, and its pages are as private as the process's other memory.
 */

/** 64 MB: audit and membership indexes on random text ids thrash SQLite's 2 MB default. */
export const PLAIN_CACHE_KIB = 65_536;
/** 256 MB: most of a 100,000-relation administration (~300 MB on disk). */
export const ENCRYPTED_CACHE_KIB = 262_144;

function cacheKib(sqlite: Database.Database): number {
  const v = sqlite.pragma('cache_size', { simple: true }) as number;
  // Negative is KiB; positive is a number of pages.
  return v < 0 ? -v : (v * (sqlite.pragma('page_size', { simple: true }) as number)) / 1024;
}

/** The standing cache of a connection, by whether it is encrypted (set after its key). */
export function configurePageCache(sqlite: Database.Database): void {
  sqlite.pragma(`cache_size = -${keyOf(sqlite) === null ? PLAIN_CACHE_KIB : ENCRYPTED_CACHE_KIB}`);
}

/**
 * Runs `fn` with at least `kib` of page cache (bulk loads touch more index pages than the
 * standing cache holds), then puts the standing size back. Never shrinks: shrinking would throw
 * away an encrypted connection's decrypted pages.
 */
export function withPageCacheOfAtLeast<T>(sqlite: Database.Database, kib: number, fn: () => T): T {
  const previous = sqlite.pragma('cache_size', { simple: true }) as number;
  if (cacheKib(sqlite) >= kib) return fn();
  sqlite.pragma(`cache_size = -${kib}`);
  try {
    return fn();
  } finally {
    sqlite.pragma(`cache_size = ${previous}`);
  }
}
