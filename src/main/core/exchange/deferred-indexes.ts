import type Database from 'better-sqlite3';

/**
 * Secondary indexes built after a load instead of row by row. Filling an empty table and
 * then running CREATE INDEX (one sort) is cheaper than keeping random-order keys (names,
 * e-mails, uuids) in a B-tree as every row arrives. Unique indexes stay in place: they are
 * what refuses a duplicate while loading. The index SQL is taken from sqlite_master, so the
 * schema comes back exactly as the migrations made it (and inside the same transaction).
 */
export interface DeferredIndexes {
  restore(): void;
}

export function deferIndexes(sqlite: Database.Database, table: string, only?: readonly string[]): DeferredIndexes {
  const rows = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`)
    .all(table) as { name: string; sql: string }[];
  const dropped = rows.filter((r) => !/^CREATE UNIQUE/i.test(r.sql) && (!only || only.includes(r.name)));
  for (const r of dropped) sqlite.exec(`DROP INDEX ${r.name}`);
  let restored = false;
  return {
    restore() {
      if (restored) return;
      restored = true;
      for (const r of dropped) sqlite.exec(r.sql);
    },
  };
}
