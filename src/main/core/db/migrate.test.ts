import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations, pendingMigrations } from './migrate';
import { tempDir } from '../../../../test/support/test-core';

let tmp: ReturnType<typeof tempDir>;
afterEach(() => tmp?.cleanup());

/** A migrations folder in drizzle-kit's layout, with the SQL given per step. */
function migrationsFolder(dir: string, steps: string[]): string {
  const out = path.join(dir, 'migrations');
  fs.mkdirSync(path.join(out, 'meta'), { recursive: true });
  const entries = steps.map((sql, i) => {
    const tag = `000${i}_step`;
    fs.writeFileSync(path.join(out, `${tag}.sql`), sql);
    return { idx: i, version: '6', when: 1_700_000_000_000 + i, tag, breakpoints: true };
  });
  fs.writeFileSync(path.join(out, 'meta', '_journal.json'), JSON.stringify({ version: '7', dialect: 'sqlite', entries }));
  return out;
}

const CREATE = `CREATE TABLE members (id text PRIMARY KEY, name text);
--> statement-breakpoint
CREATE TABLE payments (id text PRIMARY KEY, member_id text NOT NULL REFERENCES members(id) ON DELETE CASCADE, cents integer);`;

// What drizzle-kit generates to add NOT NULL to a column: a full table rebuild.
const REBUILD = `PRAGMA foreign_keys=OFF;
--> statement-breakpoint
CREATE TABLE __new_members (id text PRIMARY KEY, name text NOT NULL DEFAULT '');
--> statement-breakpoint
INSERT INTO __new_members (id, name) SELECT id, coalesce(name, '') FROM members;
--> statement-breakpoint
DROP TABLE members;
--> statement-breakpoint
ALTER TABLE __new_members RENAME TO members;
--> statement-breakpoint
PRAGMA foreign_keys=ON;`;

describe('applyMigrations', () => {
  it('keeps child rows through a table rebuild (the cascade-delete pitfall) and backs up first', () => {
    tmp = tempDir();
    const file = path.join(tmp.dir, 'adm.sqlite');
    const first = migrationsFolder(path.join(tmp.dir, 'v1'), [CREATE]);
    const sqlite = new Database(file);
    sqlite.pragma('foreign_keys = ON');
    applyMigrations(sqlite, drizzle(sqlite), { migrationsDir: first, backupPath: null });
    sqlite.exec(`INSERT INTO members VALUES ('m1', 'Jan'); INSERT INTO payments VALUES ('p1', 'm1', 2500), ('p2', 'm1', 1250);`);

    const second = migrationsFolder(path.join(tmp.dir, 'v2'), [CREATE, REBUILD]);
    expect(pendingMigrations(sqlite, second)).toEqual(['0001_step']);
    const backup = path.join(tmp.dir, 'backups', 'before.sqlite');
    const result = applyMigrations(sqlite, drizzle(sqlite), { migrationsDir: second, backupPath: () => backup });

    expect(result).toEqual({ applied: ['0001_step'], backup });
    expect(sqlite.prepare('SELECT count(*) AS n FROM payments').get()).toEqual({ n: 2 });
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    const copy = new Database(backup, { readonly: true });
    expect(copy.prepare('SELECT count(*) AS n FROM payments').get()).toEqual({ n: 2 });
    copy.close();
    sqlite.close();
  });

  it('reports the migrations drizzle really runs: a gap before the last applied one is not claimed as applied', () => {
    tmp = tempDir();
    const sqlite = new Database(':memory:');
    const dir = migrationsFolder(tmp.dir, [CREATE, 'CREATE TABLE a (id text);', 'CREATE TABLE b (id text);']);
    applyMigrations(sqlite, drizzle(sqlite), { migrationsDir: dir, backupPath: null });
    // A file whose record of the middle step went missing: drizzle compares timestamps with the
    // last one applied, so it would not run that step again, and it is not reported as pending.
    sqlite.prepare('DELETE FROM __drizzle_migrations WHERE created_at = ?').run(1_700_000_000_001);
    expect(pendingMigrations(sqlite, dir)).toEqual([]);
    expect(applyMigrations(sqlite, drizzle(sqlite), { migrationsDir: dir, backupPath: null }).applied).toEqual([]);
    sqlite.close();
  });

  it('does nothing (and takes no backup) when the file is up to date', () => {
    tmp = tempDir();
    const sqlite = new Database(':memory:');
    const dir = migrationsFolder(tmp.dir, [CREATE]);
    applyMigrations(sqlite, drizzle(sqlite), { migrationsDir: dir, backupPath: null });
    let called = false;
    const again = applyMigrations(sqlite, drizzle(sqlite), { migrationsDir: dir, backupPath: () => ((called = true), 'x') });
    expect(again).toEqual({ applied: [], backup: null });
    expect(called).toBe(false);
    sqlite.close();
  });
});
