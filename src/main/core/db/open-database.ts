import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { Logger } from 'drizzle-orm/logger';
import * as schema from './schema';
import { applyMigrations } from './migrate';
import { installAuditTriggers } from './audit-triggers';
import { configureCheckpoints } from './idle-checkpoint';
import { dropRebuildableInsertImages } from './row-image';
import { installSearchIndex } from './search-index';
import { createPrivateFile, ensureDir } from '../storage/private-files';
import { damaged, storageError } from '../storage/storage-errors';
import { placeWithoutOverwrite, removeStaleTemps, removeTemp, tempNameFor } from '../storage/temp-files';
import { testPause } from '../storage/test-pause';
import { refreshDerivedNames } from './derived-names';
import { assertEncryptedOnDisk, openKeyed } from './database-key';
import { configurePageCache } from './page-cache';

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
  /**
   * A second connection that only reads (WAL lets it read while the writer works): no
   * migrations, triggers or index builds; the writer has opened the file first.
   */
  readOnly?: boolean;
  /** The password of an encrypted administration (a new file is created encrypted with it). Kept in memory only. */
  password?: string | null;
  /**
   * Skip `PRAGMA quick_check` at open (it reads every page: 2.4 s of a 3.2 s open at 100,000
   * relations): the app's hosts run it right after the window shows (`backups.checkFile`).
   */
  deferCheck?: boolean;
}

/** The folder beside an administration where its automatic backups go. */
export function backupsDirFor(file: string): string {
  return path.join(path.dirname(path.resolve(file)), 'backups');
}

function backupPathFor(file: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  return path.join(backupsDirFor(file), `${path.basename(file, path.extname(file))}-${stamp}-voor-migratie.sqlite`);
}

function configure(sqlite: Database.Database, inMemory: boolean): void {
  if (!inMemory) sqlite.pragma('journal_mode = WAL');
  // WAL + NORMAL: ~30k single-row commits/s instead of ~550 (STACK.md §5.13); a crash can
  // lose the last commits but never corrupts the file.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  configurePageCache(sqlite);
  sqlite.pragma('temp_store = MEMORY');
  if (!inMemory) configureCheckpoints(sqlite);
}

/** Test-only (see testPause): stops the first open after drizzle made its migrations table, before the first migration. */
function pauseAfterMigrationsTable(): { logger: Logger } | Record<string, never> {
  if (!process.env['LEDENBEHEER_TEST_PAUSE']) return {};
  return { logger: { logQuery: (query) => void (/SELECT id, hash, created_at FROM "__drizzle_migrations"/.test(query) && testPause('first-open')) } };
}

const isBlank = (file: string) => !fs.existsSync(file) || fs.statSync(file).size === 0;

/**
 * A new administration is built complete under a temporary name and only then put in
 * place, created private (0600) before SQLite writes a byte. Drizzle creates its
 * migrations table before it starts the migrations' transaction, so building in place, a
 * kill in between would leave a file that is neither empty nor an administration.
 */
function createAdministration(file: string, migrationsDir: string, password: string | null): void {
  const temp = tempNameFor(file);
  removeTemp(temp);
  try {
    createPrivateFile(temp);
    const sqlite = openKeyed(temp, password);
    try {
      configure(sqlite, false);
      applyMigrations(sqlite, drizzle(sqlite, { schema, ...pauseAfterMigrationsTable() }), { migrationsDir, backupPath: null });
    } finally {
      sqlite.close();
    }
    if (password) assertEncryptedOnDisk(temp);
    if (!fs.existsSync(file)) {
      try {
        placeWithoutOverwrite(temp, file);
      } catch (e) {
        // Another process created it meanwhile: theirs is opened.
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    } else if (fs.statSync(file).size === 0) {
      fs.renameSync(temp, file); // an empty file the user chose: ours replaces it
    }
  } finally {
    removeTemp(temp);
  }
}

/** The migration that made history compact (docs/architecture.md, "Compact history"). */
const COMPACT_AUDIT_MIGRATION = '0011_compact_audit_keys';
/** Migrations that copy audit_log whole: the file is vacuumed after them (see below). */
const AUDIT_COPY_MIGRATIONS = [COMPACT_AUDIT_MIGRATION, '0015_compact_audit_codes'];

function openExisting(opts: OpenDatabaseOptions, inMemory: boolean): OpenedDatabase {
  const sqlite = inMemory ? new Database(opts.file) : openKeyed(opts.file, opts.password);
  try {
    configure(sqlite, inMemory);
    if (!inMemory && !opts.deferCheck) {
      // Cheap enough at open (no index contents), and it catches a damaged file before
      // anything is written into it.
      const check = String(sqlite.pragma('quick_check', { simple: true }));
      if (check !== 'ok') throw damaged(opts.file, backupsDirFor(opts.file), check);
    }
    const db = drizzle(sqlite, { schema });
    const migrated = applyMigrations(sqlite, db, {
      migrationsDir: opts.migrationsDir,
      backupPath: inMemory ? null : () => backupPathFor(opts.file, opts.now()),
    });
    sqlite.transaction(() => {
      // First: it may set row triggers aside, which the two installers below recreate.
      const names = refreshDerivedNames(sqlite);
      installAuditTriggers(sqlite);
      installSearchIndex(sqlite, { forceRebuild: migrated.applied.length > 0 || names.displayNamesChanged });
      // Compact history for an administration written before it (a kill here leaves the old images: still lossless).
      if (migrated.applied.includes(COMPACT_AUDIT_MIGRATION)) dropRebuildableInsertImages(sqlite);
    })();
    // The migration copied audit_log and the images dropped free their pages: without VACUUM the
    // file would stay as large as before (larger: the copy), while a smaller file is the point.
    if (AUDIT_COPY_MIGRATIONS.some((m) => migrated.applied.includes(m)) && !inMemory) {
      sqlite.exec('VACUUM');
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
    }
    return { sqlite, db, migrated };
  } catch (e) {
    sqlite.close();
    throw e;
  }
}

/**
 * Opens (or creates) one administration file and brings its schema up to date. Faults of
 * the file (damaged, read-only, locked, disk full) become the storage error codes.
 */
export function openDatabase(opts: OpenDatabaseOptions): OpenedDatabase {
  if (opts.readOnly) return openReadConnection(opts.file, opts.password ?? null);
  if (opts.file === ':memory:') return openExisting(opts, true);
  try {
    const dir = path.dirname(path.resolve(opts.file));
    ensureDir(dir);
    for (const d of [dir, backupsDirFor(opts.file)]) removeStaleTemps(d);
    if (isBlank(opts.file)) createAdministration(opts.file, opts.migrationsDir, opts.password ?? null);
    return openExisting(opts, false);
  } catch (e) {
    const fault = storageError(e, opts.file);
    if (fault?.code === 'STORAGE_DAMAGED' && !fault.details?.['backups']) throw damaged(opts.file, backupsDirFor(opts.file), String(fault.details?.['cause']));
    throw fault ?? e;
  }
}

function openReadConnection(file: string, password: string | null): OpenedDatabase {
  if (file === ':memory:') throw new Error('a read connection needs a file: an in-memory database has one connection');
  const sqlite = openKeyed(file, password, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  configurePageCache(sqlite);
  sqlite.pragma('temp_store = MEMORY');
  return { sqlite, db: drizzle(sqlite, { schema }), migrated: { applied: [], backup: null } };
}
