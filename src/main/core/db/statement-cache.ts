import type Database from 'better-sqlite3';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * better-sqlite3 compiles SQL on every prepare(); on hot paths (search as you type, list
 * pages) that costs more than running the query. Statements are cached per connection by
 * their text, so hot-path SQL must be static (pass lists as JSON via json_each, not as a
 * growing list of ?s).
 */
export function statement(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(sqlite);
  if (!cache) caches.set(sqlite, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = sqlite.prepare(sql)));
  return stmt;
}
