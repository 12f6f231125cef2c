import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { createPrivateFile, ensureDir } from '../storage/private-files';
import { placeWithoutOverwrite, removeStaleTemps, removeTemp, tempNameFor } from '../storage/temp-files';
import { testPause } from '../storage/test-pause';
import { verifyCopy } from '../storage/verify-copy';
import { copyDatabase } from '../storage/copy-database';

interface JournalEntry {
  tag: string;
  when: number;
}

/**
 * The migrations drizzle will apply to this database: by drizzle's own rule, those newer than
 * the last one applied (its migrator compares timestamps, not names), so what we report and
 * back up for is what runs.
 */
export function pendingMigrations(sqlite: Database.Database, migrationsDir: string): string[] {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  const hasTable = sqlite
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'`)
    .get();
  const last = hasTable ? Number((sqlite.prepare('SELECT max(created_at) AS at FROM __drizzle_migrations').get() as { at: number | null }).at ?? 0) : 0;
  return journal.entries.filter((e) => e.when > last).map((e) => e.tag);
}

function preMigrationCopy(sqlite: Database.Database, backup: string): void {
  const dir = path.dirname(backup);
  ensureDir(dir);
  removeStaleTemps(dir);
  const temp = tempNameFor(backup);
  try {
    createPrivateFile(temp);
    const password = copyDatabase(sqlite, temp);
    verifyCopy(temp, sqlite.name, dir, { administration: false, password });
    testPause('pre-migration-copy');
    placeWithoutOverwrite(temp, backup);
  } finally {
    removeTemp(temp);
  }
}

export interface MigrateOptions {
  migrationsDir: string;
  /** Where to put the copy taken before migrating a file that already holds data. */
  backupPath: (() => string) | null;
}

/**
 * The one way migrations are applied.
 * - Backs the file up first (VACUUM INTO: synchronous and consistent) when it has user tables:
 *   a private file under a temporary name, renamed into place once it passes its check, so
 *   a kill never leaves a half copy that looks like a backup.
 * - Turns foreign keys off on the connection *before* drizzle's transaction: inside a
 *   transaction SQLite ignores the pragma, and drizzle-kit's table rebuilds (DROP TABLE +
 *   rename) would then cascade-delete every child row (drizzle-orm issue #5782).
 * - Checks referential integrity afterwards and refuses to continue when it is broken.
 */
export function applyMigrations(
  sqlite: Database.Database,
  db: BetterSQLite3Database<Record<string, unknown>>,
  opts: MigrateOptions,
): { applied: string[]; backup: string | null } {
  const pending = pendingMigrations(sqlite, opts.migrationsDir);
  if (pending.length === 0) return { applied: [], backup: null };

  let backup: string | null = null;
  const hasData = sqlite
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations' LIMIT 1`)
    .get();
  if (hasData && opts.backupPath) {
    backup = opts.backupPath();
    preMigrationCopy(sqlite, backup);
  }

  sqlite.pragma('foreign_keys = OFF');
  try {
    migrate(db, { migrationsFolder: opts.migrationsDir });
    const broken = sqlite.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) {
      throw new Error(
        `Migration left ${broken.length} broken foreign key reference(s); the file is unchanged in ${backup ?? '(no backup)'}`,
      );
    }
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  return { applied: pending, backup };
}
