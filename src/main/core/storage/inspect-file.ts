import fs from 'node:fs';
import Database from 'better-sqlite3';
import { storageError } from './storage-errors';

export type FileState = 'missing' | 'blank' | 'administration' | 'directory' | 'not-an-administration';

const SQLITE_HEADER = 'SQLite format 3\u0000';

/**
 * What is at `file`, without changing it: opening an arbitrary SQLite file with the core
 * would run our migrations on it and turn someone else's database into half an administration.
 */
export function inspectFile(file: string): FileState {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return 'missing';
  }
  if (stat.isDirectory()) return 'directory';
  if (stat.size === 0) return 'blank';
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(16);
  try {
    fs.readSync(fd, head, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.toString('latin1') !== SQLITE_HEADER) return 'not-an-administration';
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const names = new Set(
        (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name),
      );
      if (names.has('__drizzle_migrations') && names.has('relations') && names.has('audit_log')) return 'administration';
      // A first open killed after drizzle made its table (by a version that did not build
      // new files under a temporary name): nothing in it yet, so it counts as blank.
      const halfMade = names.size === 1 && names.has('__drizzle_migrations') && !db.prepare('SELECT 1 FROM __drizzle_migrations LIMIT 1').get();
      return halfMade ? 'blank' : 'not-an-administration';
    } finally {
      db.close();
    }
  } catch (e) {
    // Read-only, locked or damaged is not "someone else's file": say what it is.
    const fault = storageError(e, file);
    if (fault) throw fault;
    return 'not-an-administration';
  }
}
