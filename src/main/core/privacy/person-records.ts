import { getTableConfig } from 'drizzle-orm/sqlite-core';
import type { CoreContext } from '../context';
import { AUDITED_TABLES } from '../db/audit-triggers';
import { idKey, idTextSql } from '../db/audit-keys';
import { withCreatedImages } from '../db/row-image';

export type Row = Record<string, unknown>;

/**
 * Which rows of a table are about one relation. The audit triggers already say it for most
 * tables (AUDITED_TABLES' `relation`, one source); these are the other ways a table names a
 * relation: the other end of a link or a pair, or through a parent row.
 */
const EXTRA_WHERE: Record<string, string[]> = {
  relation_links: ['t.to_relation_id = @id'],
  duplicate_dismissals: ['t.relation_b_id = @id'],
  payment_settings: ['t.payer_relation_id = @id'],
  contact_log: ['t.id IN (SELECT entry_id FROM contact_log_links WHERE relation_id = @id)'],
  contact_log_attachments: ['t.entry_id IN (SELECT entry_id FROM contact_log_links WHERE relation_id = @id)'],
  meetings: ['t.id IN (SELECT meeting_id FROM meeting_attendance WHERE relation_id = @id)'],
  groups: ['t.id IN (SELECT group_id FROM group_members WHERE relation_id = @id)'],
};

/** Records kept (under the pseudonym) for the fiscal retention period when a relation is anonymised. */
export const FINANCIAL_TABLES = new Set([
  'invoices',
  'invoice_lines',
  'invoice_instalments',
  'invoice_reminders',
  'payments',
  'payment_allocations',
  'payment_settings',
  'sepa_mandates',
  'sepa_mandate_amendments',
  'sepa_batch_items',
]);

/** Tables whose rows describe the association, not the person; the export names them but anonymising leaves them. */
export const SHARED_TABLES = new Set(['groups', 'meetings', 'contact_log', 'contact_log_attachments']);

export interface TableRows {
  table: string;
  rows: Row[];
}

function whereFor(table: string, relation: string | null): string[] {
  const own = relation ? [`${relation.replaceAll('{r}', 't')} = @id`] : [];
  return [...own, ...(EXTRA_WHERE[table] ?? [])];
}

/** Every audited table with the SQL condition that selects one relation's rows of it. */
export function relationTables(): { table: string; where: string }[] {
  const out: { table: string; where: string }[] = [];
  for (const { table, relation } of AUDITED_TABLES) {
    const name = getTableConfig(table).name;
    const where = whereFor(name, relation);
    if (where.length) out.push({ table: name, where: where.map((w) => `(${w})`).join(' OR ') });
  }
  return out;
}

/** Everything the administration holds about one relation, table by table (tables without rows left out). */
export function recordsOf(ctx: CoreContext, relationId: string): TableRows[] {
  const out: TableRows[] = [];
  for (const { table, where } of relationTables()) {
    const rows = ctx.sqlite.prepare(`SELECT t.* FROM ${table} t WHERE ${where} ORDER BY t.rowid`).all({ id: relationId }) as Row[];
    if (rows.length) out.push({ table, rows });
  }
  return out;
}

export interface HistoryRow {
  at: number;
  actor: string;
  operation: string;
  table: string;
  recordId: string;
  action: string;
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
}

/** The relation's History: every audit row that belongs to it, with its operation. */
export function historyOf(ctx: CoreContext, relationId: string): HistoryRow[] {
  const rows = ctx.sqlite
    .prepare(
      `SELECT a.id, o.at, o.actor, o.kind AS operation, a.table_name AS "table", ${idTextSql('a.record_id')} AS recordId, a.action, a.field,
              a.old_value AS oldValue, a.new_value AS newValue
         FROM audit_log a JOIN operations o ON o.seq = a.operation
        WHERE a.relation_id = ? ORDER BY a.id`,
    )
    .all(idKey(relationId)) as (HistoryRow & { id: number })[];
  // An insert keeps no image of its own; the export shows the record as it was created.
  return withCreatedImages(ctx.sqlite, rows.map((r) => ({ ...r, tableName: r.table }))).map(({ id: _id, tableName: _t, ...r }) => r);
}
