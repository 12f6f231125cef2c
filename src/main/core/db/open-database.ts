import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';
import { applyMigrations } from './migrate';
import { installAuditTriggers } from './audit-triggers';
import { installSearchIndex } from './search-index';

export type Db = BetterSQLite3Database<typeof schema>;

export interface OpenedDatabase {
  sqlite: Database.Database;
  db: Db;
  /** Migrations applied while opening, and where the file was backed up before them. */
  migrated: { applied: string[]; backup: string | null };
}

export interface OpenDatabaseOptions {
  /** A file path, or ':memory:' for tests. */
  file: string;
  migrationsDir: string;
  /** Timestamp used in the pre-migration backup name. */
  now: () => number;
}

function backupPathFor(file: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  return path.join(path.dirname(file), 'backups', `${path.basename(file, path.extname(file))}-${stamp}-voor-migratie.sqlite`);
}

/** Opens (or creates) one administration file and brings its schema up to date. */
export function openDatabase(opts: OpenDatabaseOptions): OpenedDatabase {
  const inMemory = opts.file === ':memory:';
  if (!inMemory) fs.mkdirSync(path.dirname(path.resolve(opts.file)), { recursive: true });
  const sqlite = new Database(opts.file);
  try {
    if (!inMemory) sqlite.pragma('journal_mode = WAL');
    // WAL + NORMAL: ~30k single-row commits/s instead of ~550 (STACK.md §5.13); a crash can
    // lose the last commits but never corrupts the file.
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // 64 MB page cache instead of 2 MB: audit and membership indexes on random text ids
    // otherwise thrash the cache once an administration has a few hundred thousand rows.
    sqlite.pragma('cache_size = -65536');
    sqlite.pragma('temp_store = MEMORY');
    const db = drizzle(sqlite, { schema });
    const migrated = applyMigrations(sqlite, db, {
      migrationsDir: opts.migrationsDir,
      backupPath: inMemory ? null : () => backupPathFor(opts.file, opts.now()),
    });
    sqlite.transaction(() => {
      installAuditTriggers(sqlite);
      installSearchIndex(sqlite, { forceRebuild: migrated.applied.length > 0 });
    })();
    return { sqlite, db, migrated };
  } catch (e) {
    sqlite.close();
    throw e;
  }
}
