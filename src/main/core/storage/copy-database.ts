import type Database from 'better-sqlite3';

/**
 * THE copy primitive: a consistent, compact copy of an open database into `target` (an
 * empty private file the caller made). `VACUUM INTO` reads one snapshot (writers may go on
 * meanwhile in WAL mode) and, unlike SQLite's online backup API, also works for an
 * encrypted connection: the copy is written with the connection's own key. Every copy the
 * app makes (automatic backups, `backup --out`, the pre-migration copy) goes through here,
 * so encryption switches it in one place.
 */
export function copyDatabase(sqlite: Database.Database, target: string): void {
  sqlite.prepare('VACUUM INTO ?').run(target);
}
