import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { DomainError, notFound } from '../../../shared/errors';
import type { CoreContext } from '../context';
import type { OperationKind } from '../../../shared/contract/operation-kinds';
import { AUDITED_TABLES, UNLOGGED_COLUMNS } from '../db/audit-triggers';
import { createSearchTriggers, dropSearchTriggers, rebuildSearchIndex } from '../db/search-index';
import { COMPUTED_TABLES } from '../exchange/user-tables';
import { derivedNamesOfRow } from '../relations/relation-names';
import { readRowImage } from '../db/row-image';
import { idTextSql } from '../db/audit-keys';

/**
 * Operations that can be undone as a whole, later and after a restart, from the audit log
 * alone: the kind of operation → the kind its undo is recorded as. An operation whose rows
 * must come back exactly (timestamps included, which the audit log leaves out) also stores
 * their full images in its summary as `undo.rows` (see writeBackImages).
 */
export const UNDOABLE_KINDS: Readonly<Record<string, OperationKind>> = {
  'io.import': 'io.undoImport',
  'dedupe.merge': 'dedupe.undoMerge',
};

/** From this many relations on, the search index is rebuilt once instead of row by row. */
const BULK_RELATIONS = 1_000;

interface AuditRow {
  id: number;
  tableName: string;
  recordId: string;
  relationId: string | null;
  action: 'insert' | 'update' | 'delete';
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
}

interface TableInfo {
  columns: Set<string>;
  list: { name: string; notNull: boolean }[];
  hasTimestamps: boolean;
}

/** Table and column names come from the audit log; only ones the schema knows are ever put into SQL. */
const TABLES = new Map<string, TableInfo>(
  AUDITED_TABLES.map(({ table }: { table: SQLiteTable }) => {
    const cfg = getTableConfig(table);
    const columns = new Set(cfg.columns.map((c) => c.name));
    return [cfg.name, { columns, list: cfg.columns.map((c) => ({ name: c.name, notNull: c.notNull })), hasTimestamps: columns.has('updated_at') }];
  }),
);

function tableInfo(name: string): TableInfo {
  const t = TABLES.get(name);
  if (!t) throw new DomainError('CONFLICT', { reason: 'UNDO_UNKNOWN_TABLE', table: name });
  return t;
}

/** A later operation that changed what an undo would put back. */
export interface UndoConflict {
  operationId: string;
  kind: string;
  at: number;
  actor: string;
  /** How many of its changes touch the operation's records. */
  changes: number;
}

export type UndoState = 'undoable' | 'undone' | 'conflict';

export interface UndoStatus {
  operationId: string;
  kind: string;
  state: UndoState;
  /** The operation that undid it (state 'undone'). */
  undoneBy: string | null;
  conflicts: UndoConflict[];
}

const computed = [...COMPUTED_TABLES].map((t) => `'${t}'`).join(', ');

/**
 * Later operations that changed a record of this one, or anything belonging to a relation it
 * created. Computed tables do not count (a recompute is no one's edit), nor does a later
 * operation that was itself undone, together with its undo: between them they changed nothing.
 */
function laterChanges(ctx: CoreContext, operationId: string): UndoConflict[] {
  // Driven from the operation's own records through the audit indexes, so the cost follows
  // the size of the operation, not the length of the history after it.
  const rows = ctx.sqlite
    .prepare(
      `WITH op AS (SELECT seq FROM operations WHERE id = @op),
            last AS (SELECT max(id) AS id FROM audit_log WHERE operation = (SELECT seq FROM op)),
            mine AS (SELECT DISTINCT table_code, record_id FROM audit_log WHERE operation = (SELECT seq FROM op) AND table_name NOT IN (${computed})),
            created AS (SELECT record_id AS rid FROM audit_log WHERE operation = (SELECT seq FROM op) AND table_name = 'relations' AND action = 'insert'),
            later AS (
              SELECT l.id, l.operation FROM mine m JOIN audit_log l ON l.table_code = m.table_code AND l.record_id = m.record_id
               WHERE l.id > (SELECT id FROM last)
              UNION
              SELECT l.id, l.operation FROM created c JOIN audit_log l ON l.relation_id = c.rid
               WHERE l.id > (SELECT id FROM last) AND l.table_name NOT IN (${computed}))
       SELECT o.id AS operationId, o.kind, o.at, o.actor, o.summary, count(*) AS changes
         FROM later JOIN operations o ON o.seq = later.operation
        WHERE later.operation <> (SELECT seq FROM op)
        GROUP BY o.seq ORDER BY min(later.id)`,
    )
    .all({ op: operationId }) as (UndoConflict & { summary: string | null })[];
  const undoKinds = new Set<string>(Object.values(UNDOABLE_KINDS));
  const undoneHere = new Set(
    rows.filter((r) => undoKinds.has(r.kind)).map((r) => (JSON.parse(r.summary ?? '{}') as { operationId?: string }).operationId),
  );
  const cancelled = new Set(rows.filter((r) => undoneHere.has(r.operationId)).map((r) => r.operationId));
  const undoOfCancelled = (r: { kind: string; summary: string | null }) =>
    undoKinds.has(r.kind) && cancelled.has((JSON.parse(r.summary ?? '{}') as { operationId?: string }).operationId ?? '');
  return rows
    .filter((r) => !cancelled.has(r.operationId) && !undoOfCancelled(r))
    .map(({ operationId: id, kind, at, actor, changes }) => ({ operationId: id, kind, at, actor, changes }));
}

function operationKind(ctx: CoreContext, operationId: string): string {
  const op = ctx.sqlite.prepare('SELECT kind FROM operations WHERE id = ?').get(operationId) as { kind: string } | undefined;
  if (!op) throw notFound('operation', operationId);
  return op.kind;
}

function undoneBy(ctx: CoreContext, operationId: string, kind: string): string | null {
  const row = ctx.sqlite
    .prepare(`SELECT id FROM operations WHERE kind = ? AND json_extract(summary, '$.operationId') = ?`)
    .get(UNDOABLE_KINDS[kind], operationId) as { id: string } | undefined;
  return row?.id ?? null;
}

/** Whether an operation can be undone now, and if not, why: undone already, or the later operations in the way. Null for kinds that cannot be undone. */
export function undoStatus(ctx: CoreContext, operationId: string): UndoStatus | null {
  const kind = operationKind(ctx, operationId);
  if (!(kind in UNDOABLE_KINDS)) return null;
  const by = undoneBy(ctx, operationId, kind);
  if (by) return { operationId, kind, state: 'undone', undoneBy: by, conflicts: [] };
  const conflicts = laterChanges(ctx, operationId);
  return { operationId, kind, state: conflicts.length ? 'conflict' : 'undoable', undoneBy: null, conflicts };
}

function reinsert(ctx: CoreContext, table: string, info: TableInfo, json: string, recordId: string): void {
  const values = readRowImage(json, recordId, info.list);
  const now = ctx.now();
  const row: Record<string, unknown> = Object.fromEntries(Object.entries(values).filter(([k]) => info.columns.has(k)));
  if (info.columns.has('created_at')) row['created_at'] = now;
  if (info.hasTimestamps) row['updated_at'] = now;
  if (table === 'relations') {
    const names = derivedNamesOfRow({ ...values, firstName: values['first_name'], lastName: values['last_name'], exactName: values['exact_name'] });
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
    const n = derivedNamesOfRow(r);
    set.run(n.displayName, n.sortKey, ctx.now(), id);
  }
}

interface RowImage {
  table: string;
  row: Record<string, unknown>;
}

/**
 * After the replay, the columns the audit log does not keep (timestamps, derived names) are
 * written back from the full images the operation saved (`summary.undo.rows`, earliest image
 * of a row first), so a merge undone gives back a byte-identical export. Only those columns:
 * the replay is the source for everything else, and an image taken mid-operation may already
 * hold a moved value.
 */
function writeBackImages(ctx: CoreContext, operationId: string): void {
  const op = ctx.sqlite.prepare('SELECT summary FROM operations WHERE id = ?').get(operationId) as { summary: string | null };
  const images = ((JSON.parse(op.summary ?? '{}') as { undo?: { rows?: RowImage[] } }).undo?.rows ?? []).filter((i) => i.row && typeof i.row.id === 'string');
  const seen = new Set<string>();
  for (const { table, row } of images) {
    const key = `${table}:${String(row.id)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const info = tableInfo(table);
    const cols = Object.keys(row).filter((c) => UNLOGGED_COLUMNS.has(c) && info.columns.has(c));
    if (!cols.length) continue;
    ctx.sqlite.prepare(`UPDATE ${table} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...cols.map((c) => row[c]), row.id);
  }
}

/**
 * Reverses one operation as a whole, as a new operation: its audit rows are played backwards
 * (inserts deleted, updated fields set back, deletes re-inserted). Computed tables are not
 * replayed but recomputed for every relation the undo touched. Refused with CONFLICT when a
 * later operation changed the same records (details.operations names them), because undoing
 * would silently throw that later work away.
 */
export function undoOperation(ctx: CoreContext, operationId: string): { operationId: string; reverted: number } {
  const status = undoStatus(ctx, operationId);
  if (!status) throw new DomainError('CONFLICT', { reason: 'NOT_UNDOABLE', kind: operationKind(ctx, operationId) });
  if (status.state === 'undone') throw new DomainError('CONFLICT', { reason: 'ALREADY_UNDONE', undoOperationId: status.undoneBy });
  if (status.state === 'conflict') {
    throw new DomainError('CONFLICT', {
      reason: 'CHANGED_LATER',
      operations: status.conflicts,
      rows: status.conflicts.reduce((n, c) => n + c.changes, 0),
    });
  }
  const rows = (
    ctx.sqlite
      .prepare(
        `SELECT id, table_name AS tableName, ${idTextSql('record_id')} AS recordId, ${idTextSql('relation_id')} AS relationId, action, field, old_value AS oldValue, new_value AS newValue
           FROM audit_log WHERE operation = (SELECT seq FROM operations WHERE id = ?) ORDER BY id DESC`,
      )
      .all(operationId) as AuditRow[]
  ).filter((r) => !COMPUTED_TABLES.has(r.tableName));
  return ctx.write(UNDOABLE_KINDS[status.kind] as OperationKind, { operationId, rows: rows.length }, (w) => {
    const relations = new Set<string>();
    for (const r of rows) {
      if (r.relationId) relations.add(r.relationId);
      if (r.tableName === 'relations') relations.add(r.recordId);
    }
    const bulk = relations.size >= BULK_RELATIONS;
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
        reinsert(ctx, r.tableName, info, r.oldValue, r.recordId);
      }
    }
    refreshNames(ctx, renamed);
    writeBackImages(ctx, operationId);
    if (bulk) {
      rebuildSearchIndex(ctx.sqlite);
      createSearchTriggers(ctx.sqlite);
    }
    // Every relation whose facts came back gets its memberships recomputed; the event lists a few.
    w.touch(relations);
    w.changed('relations.changed', relations.size <= 1_000 ? { ids: [...relations] } : { count: relations.size });
    return { operationId: w.id, reverted: rows.length };
  });
}
