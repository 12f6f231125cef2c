import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { DomainError, notFound } from '../../../../shared/errors';
import type { CoreContext } from '../../context';
import { AUDITED_TABLES } from '../../db/audit-triggers';
import { createSearchTriggers, dropSearchTriggers, rebuildSearchIndex } from '../../db/search-index';
import { relationNamesOf } from './row-writer';
import { BULK_THRESHOLD } from './commit';

interface AuditRow {
  id: number;
  tableName: string;
  recordId: string;
  action: 'insert' | 'update' | 'delete';
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
}

interface TableInfo {
  columns: Set<string>;
  hasTimestamps: boolean;
}

/** Table and column names come from the audit log; only ones the schema knows are ever put into SQL. */
const TABLES = new Map<string, TableInfo>(
  AUDITED_TABLES.map(({ table }: { table: SQLiteTable }) => {
    const cfg = getTableConfig(table);
    const columns = new Set(cfg.columns.map((c) => c.name));
    return [cfg.name, { columns, hasTimestamps: columns.has('updated_at') }];
  }),
);

function tableInfo(name: string): TableInfo {
  const t = TABLES.get(name);
  if (!t) throw new DomainError('CONFLICT', { reason: 'UNDO_UNKNOWN_TABLE', table: name });
  return t;
}

/** Later operations that touched a record of this one, or anything belonging to a relation it created. */
function laterChanges(ctx: CoreContext, operationId: string): { operationId: string; rows: number }[] {
  return ctx.sqlite
    .prepare(
      `SELECT l.operation_id AS operationId, count(*) AS rows FROM audit_log l
        WHERE l.id > (SELECT max(id) FROM audit_log WHERE operation_id = @op) AND l.operation_id <> @op
          AND (EXISTS (SELECT 1 FROM audit_log m WHERE m.operation_id = @op AND m.table_name = l.table_name AND m.record_id = l.record_id)
               OR l.relation_id IN (SELECT record_id FROM audit_log WHERE operation_id = @op AND table_name = 'relations' AND action = 'insert'))
        GROUP BY l.operation_id`,
    )
    .all({ op: operationId }) as { operationId: string; rows: number }[];
}

function reinsert(ctx: CoreContext, table: string, info: TableInfo, json: string): void {
  const values = JSON.parse(json) as Record<string, unknown>;
  const now = ctx.now();
  const row: Record<string, unknown> = Object.fromEntries(Object.entries(values).filter(([k]) => info.columns.has(k)));
  if (info.columns.has('created_at')) row['created_at'] = now;
  if (info.hasTimestamps) row['updated_at'] = now;
  if (table === 'relations') {
    const names = relationNamesOf({ ...values, firstName: values['first_name'], lastName: values['last_name'] });
    row['display_name'] = names.displayName;
    row['sort_key'] = names.sortKey;
  }
  const cols = Object.keys(row);
  ctx.sqlite.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => row[c]));
}

function refreshNames(ctx: CoreContext, ids: Set<string>): void {
  const get = ctx.sqlite.prepare('SELECT kind, initials, first_name AS firstName, infix, last_name AS lastName, exact_name AS exactName, name, email FROM relations WHERE id = ?');
  const set = ctx.sqlite.prepare('UPDATE relations SET display_name = ?, sort_key = ?, updated_at = ? WHERE id = ?');
  for (const id of ids) {
    const r = get.get(id) as Record<string, unknown> | undefined;
    if (!r) continue;
    const n = relationNamesOf(r);
    set.run(n.displayName, n.sortKey, ctx.now(), id);
  }
}

/**
 * Reverses one import as a whole, as a new operation: its audit rows are played backwards
 * (inserts deleted, updated fields set back, deletes re-inserted). Refused with CONFLICT
 * when a later operation changed the same records, because undoing would silently throw
 * that later work away.
 */
export function undoImport(ctx: CoreContext, operationId: string): { operationId: string; reverted: number } {
  const op = ctx.sqlite.prepare('SELECT kind FROM operations WHERE id = ?').get(operationId) as { kind: string } | undefined;
  if (!op) throw notFound('operation', operationId);
  if (op.kind !== 'io.import') throw new DomainError('CONFLICT', { reason: 'NOT_AN_IMPORT', kind: op.kind });
  const undone = ctx.sqlite
    .prepare(`SELECT id FROM operations WHERE kind = 'io.undoImport' AND json_extract(summary, '$.operationId') = ?`)
    .get(operationId) as { id: string } | undefined;
  if (undone) throw new DomainError('CONFLICT', { reason: 'ALREADY_UNDONE', undoOperationId: undone.id });
  const later = laterChanges(ctx, operationId);
  if (later.length) throw new DomainError('CONFLICT', { reason: 'CHANGED_LATER', operations: later.map((l) => l.operationId), rows: later.reduce((n, l) => n + l.rows, 0) });

  const rows = ctx.sqlite
    .prepare(
      `SELECT id, table_name AS tableName, record_id AS recordId, action, field, old_value AS oldValue, new_value AS newValue
         FROM audit_log WHERE operation_id = ? ORDER BY id DESC`,
    )
    .all(operationId) as AuditRow[];
  return ctx.write('io.undoImport', { operationId, rows: rows.length }, (w) => {
    const bulk = rows.filter((r) => r.tableName === 'relations' && r.action === 'insert').length >= BULK_THRESHOLD;
    if (bulk) dropSearchTriggers(ctx.sqlite);
    const renamed = new Set<string>();
    const deletes = new Map<string, ReturnType<typeof ctx.sqlite.prepare>>();
    for (const r of rows) {
      const info = tableInfo(r.tableName);
      if (r.action === 'insert') {
        let stmt = deletes.get(r.tableName);
        if (!stmt) deletes.set(r.tableName, (stmt = ctx.sqlite.prepare(`DELETE FROM ${r.tableName} WHERE id = ?`)));
        stmt.run(r.recordId);
      } else if (r.action === 'update') {
        if (!r.field || !info.columns.has(r.field)) throw new DomainError('CONFLICT', { reason: 'UNDO_UNKNOWN_COLUMN', field: r.field });
        ctx.sqlite.prepare(`UPDATE ${r.tableName} SET ${r.field} = ? WHERE id = ?`).run(r.oldValue, r.recordId);
        if (r.tableName === 'relations') renamed.add(r.recordId);
      } else if (r.oldValue) {
        reinsert(ctx, r.tableName, info, r.oldValue);
      }
    }
    refreshNames(ctx, renamed);
    if (bulk) {
      rebuildSearchIndex(ctx.sqlite);
      createSearchTriggers(ctx.sqlite);
    }
    w.changed('relations.changed', { ids: renamed.size <= 1000 ? [...renamed] : [] });
    return { operationId: w.id, reverted: rows.length };
  });
}
