import type Database from 'better-sqlite3';
import { idText } from './audit-keys';

/**
 * Every write is audited (audit-triggers.ts), so the audit log says what changed since a
 * moment: the caches that outlive one call (the duplicate scan's pairs, the condition
 * engine's fact tables) keep the audit row id they are up to date with, and ask which
 * relations changed since. Commits of another connection (the CLI beside the app) are audit
 * rows too. A rolled-back transaction takes its rows with it, so nothing may be kept from
 * inside a transaction (`keepable`).
 */
export function auditMark(sqlite: Database.Database): number {
  return (sqlite.prepare('SELECT coalesce(max(id), 0) AS m FROM audit_log').get() as { m: number }).m;
}

/** Whether a cache may keep what it read now at `mark` (not while a transaction could still roll back). */
export function keepable(sqlite: Database.Database): boolean {
  return !sqlite.inTransaction;
}

/**
 * What changed in `tables` between two marks: the relations the rows belong to, and whether
 * any row belongs to no relation (a type renamed, a unit moved: then everything may have).
 */
export function changedSince(sqlite: Database.Database, tables: readonly string[], from: number, to: number): { relations: Set<string>; unattached: boolean } {
  const rows = sqlite
    // `+table_name`: the rows since the mark by rowid, not every audit row of the table through audit_record_idx (SQLite's
    // choice otherwise: 1.2 million rows at 100,000 relations, 5–100 ms a call).
    // A row moved to another relation (a merge moves addresses) names its new relation; the old one changed too.
    .prepare(
      `SELECT relation_id AS r FROM audit_log WHERE id > @from AND id <= @to AND +table_name IN (SELECT value FROM json_each(@tables))
       UNION SELECT old_value FROM audit_log WHERE id > @from AND id <= @to AND +table_name IN (SELECT value FROM json_each(@tables))
                AND action = 'update' AND field = 'relation_id' AND old_value IS NOT NULL`,
    )
    .all({ from, to, tables: JSON.stringify(tables) }) as { r: Buffer | string | null }[];
  const relations = new Set<string>();
  let unattached = false;
  for (const row of rows) {
    if (row.r === null) unattached = true;
    else relations.add(idText(row.r));
  }
  return { relations, unattached };
}

/** Whether any row of `tables` changed between two marks (a cache of figures that are not per relation). */
export function touchedSince(sqlite: Database.Database, tables: readonly string[], from: number, to: number): boolean {
  return (
    sqlite.prepare(`SELECT 1 FROM audit_log WHERE id > ? AND id <= ? AND +table_name IN (SELECT value FROM json_each(?)) LIMIT 1`).get(from, to, JSON.stringify(tables)) !==
    undefined
  );
}
