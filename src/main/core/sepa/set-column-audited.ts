import type Database from 'better-sqlite3';
import { idKeySql } from '../db/audit-keys';
import { insertRows } from '../db/bulk-insert';
import { AUDIT_ACTION_CODES, tableCode } from '../db/audit-codes';

/**
 * Sets one column on many rows in one statement and writes the audit rows its update trigger
 * would write for that column (old → new, per row), set-based. An export of 100,000 debits
 * stamps every mandate with its last use; row by row through the per-row trigger that alone
 * takes longer than the whole export may.
 * The trigger is dropped for the one UPDATE and recreated from its own stored SQL, inside the
 * caller's transaction, so a failure leaves it as it was. Only for columns the trigger audits
 * and tables with a relation_id (the audit row's relation, as the trigger writes it).
 */
export function setColumnAudited(
  sqlite: Database.Database,
  table: 'invoices' | 'sepa_mandates',
  column: string,
  /** The rows to change, by rowid, and each one's new value (the caller knows both: no query to find them again). */
  rows: readonly (readonly [rowid: number, value: unknown])[],
  also: { column: string; value: unknown } | null = null,
): number {
  // Keyed by rowid: the audit rows and the UPDATE then reach each row directly, not through
  // its text primary key (a fifth of the stamp's cost at 100,000 mandates).
  sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS sepa_set_row (rid INTEGER PRIMARY KEY, value)');
  sqlite.exec('DELETE FROM temp.sepa_set_row');
  insertRows(sqlite, 'temp.sepa_set_row', ['rid', 'value'], rows);
  sqlite
    .prepare(
      `INSERT INTO audit_log (operation, table_code, record_id, relation_id, action_code, field, old_value, new_value)
       SELECT (SELECT operation FROM audit_context WHERE id = 1), ?, ${idKeySql('t.id')}, ${idKeySql('t.relation_id')}, ${AUDIT_ACTION_CODES.update}, ?, t.${column}, s.value
         FROM temp.sepa_set_row s JOIN ${table} t ON t.rowid = s.rid WHERE t.${column} IS NOT s.value ORDER BY s.rid`,
    )
    .run(tableCode(table), column);
  const trigger = `audit_${table}_update`;
  const row = sqlite.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?`).get(trigger) as { sql: string } | undefined;
  if (row) sqlite.exec(`DROP TRIGGER ${trigger}`);
  try {
    return sqlite
      .prepare(
        `UPDATE ${table} SET ${column} = s.value${also ? `, ${also.column} = ?` : ''} FROM temp.sepa_set_row s WHERE s.rid = ${table}.rowid`,
      )
      .run(...(also ? [also.value] : [])).changes;
  } finally {
    if (row) sqlite.exec(row.sql);
    sqlite.exec('DELETE FROM temp.sepa_set_row');
  }
}
