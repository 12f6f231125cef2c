import type Database from 'better-sqlite3';

/**
 * The audit triggers (db/audit-triggers.ts) log every inserted row as one audit_log row.
 * For a bulk load that per-row trigger costs about 3x the insert itself, so the bulk path
 * swaps a table's insert trigger for one set-based INSERT … SELECT at the end of the load.
 *
 * The SELECT is derived from the trigger's own SQL as stored in sqlite_master (`new.` →
 * the table alias), so the audit rows are exactly the ones the trigger would have written
 * and cannot drift from it. When the trigger does not have the expected shape we keep the
 * trigger (correct, only slower); a test asserts the fast path is taken.
 */
export interface SuspendedAudit {
  table: string;
  /** Writes the audit rows for every row inserted since suspending, then restores the trigger. */
  resume(): void;
}

const TRIGGER_SHAPE =
  /^CREATE TRIGGER (\w+) AFTER INSERT ON (\w+) BEGIN SELECT RAISE\(ABORT, '[^']*'\) WHERE [^;]+ IS NULL;\s*INSERT INTO audit_log \(([\w\s,]+)\)\s*VALUES \((.*)\);\s*END$/s;

export function suspendInsertAudit(sqlite: Database.Database, table: string): SuspendedAudit | null {
  const trigger = `audit_${table}_insert`;
  const row = sqlite.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?`).get(trigger) as
    | { sql: string }
    | undefined;
  const m = row ? TRIGGER_SHAPE.exec(row.sql) : null;
  if (!row || !m || m[2] !== table) return null;
  const [, , , columns, values] = m as unknown as [string, string, string, string, string];
  const select = sqlite.prepare(
    `INSERT INTO audit_log (${columns}) SELECT ${values.replace(/\bnew\./g, 't.')} FROM ${table} t WHERE t.rowid > ? ORDER BY t.rowid`,
  );
  const before = (sqlite.prepare(`SELECT coalesce(max(rowid), 0) AS n FROM ${table}`).get() as { n: number }).n;
  sqlite.exec(`DROP TRIGGER ${trigger}`);
  let resumed = false;
  return {
    table,
    resume() {
      if (resumed) return;
      resumed = true;
      select.run(before);
      sqlite.exec(row.sql);
    },
  };
}

/**
 * Suspends the insert audit of several tables for one bulk step and resumes them in the
 * order given, so the audit rows of a parent (payments) come before its children's
 * (allocations, bank entries) as the per-row triggers would have had them.
 */
export function suspendInsertAudits(sqlite: Database.Database, tables: string[]): { resume(): void } {
  const suspended = tables.map((t) => suspendInsertAudit(sqlite, t));
  return {
    resume() {
      for (const s of suspended) s?.resume();
    },
  };
}
