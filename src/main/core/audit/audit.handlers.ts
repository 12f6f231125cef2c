import type { CoreContext } from '../context';
import type { HandlerGroup } from '../rpc/dispatcher';
import type { auditContract, AuditEntryDto } from '../../../shared/contract';
import { undoOperation, undoStatus, type UndoStatus } from './undo-operation';
import { recordLabels, relationValueLabels } from './audit-labels';
import { createNameResolver } from './audit-names';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import { AUDITED_TABLES } from '../db/audit-triggers';
import { idKeySql, idTextSql } from '../db/audit-keys';
import { withCreatedImages } from '../db/row-image';
import { tableCode, tableCodeSql } from '../db/audit-codes';

// audit_log keeps ids compact and its operation by seq (db/audit-keys.ts); rows come back with text ids.
const SELECT = `SELECT l.id, o.id AS operationId, o.kind AS operationKind, o.actor, o.at,
                       l.table_name AS tableName, ${idTextSql('l.record_id')} AS recordId, ${idTextSql('l.relation_id')} AS relationId,
                       l.action, l.field, l.old_value AS oldValue, l.new_value AS newValue
                  FROM audit_log l JOIN operations o ON o.seq = l.operation`;

/** How many changes each operation shows before "show all". */
const FIRST_CHANGES = 12;

// A link is recorded under its "from" relation; the other side's History must show it too.
// A survivor's History also holds the entries of the relations merged into it (redirects).
const RELATION_WHERE = `(l.relation_id = ${idKeySql('@relationId')} OR (l.table_code = ${tableCodeSql('relation_links')} AND l.record_id IN
                          (SELECT ${idKeySql('id')} FROM relation_links WHERE to_relation_id = @relationId))
                          OR l.relation_id IN (SELECT ${idKeySql('old_relation_id')} FROM relation_redirects WHERE relation_id = @relationId))`;

type RawEntry = Omit<AuditEntryDto, 'recordLabel' | 'names'>;

interface Filter {
  relationId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  kind?: string | undefined;
  table?: string | undefined;
  actor?: string | undefined;
}

/** Local midnight of an ISO day, in epoch ms (operations store when they happened). */
const dayStart = (iso: string) => new Date(`${iso}T00:00:00`).getTime();

/** The conditions on audit_log rows (l) and their operation (o) for a filter. */
function whereOf(f: Filter): { entries: string[]; operations: string[]; params: Record<string, unknown> } {
  const entries: string[] = [];
  const operations: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (list: string[], sql: string, name: string, value: unknown) => {
    list.push(sql);
    params[name] = value;
  };
  if (f.relationId) add(entries, RELATION_WHERE, 'relationId', f.relationId);
  if (f.table) add(entries, 'l.table_code = @table', 'table', tableCode(f.table));
  if (f.kind) add(operations, 'o.kind = @kind', 'kind', f.kind);
  if (f.actor) add(operations, 'o.actor = @actor', 'actor', f.actor);
  if (f.from) add(operations, 'o.at >= @fromAt', 'fromAt', dayStart(f.from));
  // Inclusive last day: before the next day's local midnight (a DST day has 23 or 25 hours).
  if (f.to) add(operations, 'o.at < @toAt', 'toAt', new Date(dayStart(f.to) + 36 * 3_600_000).setHours(0, 0, 0, 0));
  return { entries, operations, params };
}

/**
 * Rows of one operation. Within one relation's History the relation's own rows are the few
 * (audit_relation_idx); the `+` keeps SQLite from walking a large operation's rows instead.
 */
const OPERATION_SEQ = '(SELECT seq FROM operations WHERE id = @operationId)';
const byOperation = (relationId: string | undefined) => (relationId ? `+l.operation = ${OPERATION_SEQ}` : `l.operation = ${OPERATION_SEQ}`);

export function auditHandlers(ctx: CoreContext): HandlerGroup<keyof typeof auditContract> {
  const withLabels = (rows: RawEntry[], viewer?: string): AuditEntryDto[] => {
    // Names are resolved from the stored ids first; a moved row's relation column then reads "Jan Bakker (nr. 12)".
    const names = createNameResolver(ctx);
    const imaged = withCreatedImages(ctx.sqlite, rows);
    const ids = imaged.map((r) => names(r));
    const raw = relationValueLabels(ctx, imaged);
    const labels = recordLabels(ctx, raw, viewer);
    return raw.map((r, i) => ({ ...r, recordLabel: labels[i] ?? null, names: ids[i] ?? {} }));
  };
  const page = (where: string[], params: Record<string, unknown>, offset: number, limit: number) => {
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    return ctx.sqlite.prepare(`${SELECT} ${clause} ORDER BY l.id DESC LIMIT @limit OFFSET @offset`).all({ ...params, limit, offset }) as RawEntry[];
  };
  return {
    'audit.forRelation': ({ relationId, offset, limit }) => {
      const rows = withLabels(page([RELATION_WHERE], { relationId }, offset, limit), relationId);
      const total = (ctx.sqlite.prepare(`SELECT count(*) AS n FROM audit_log l WHERE ${RELATION_WHERE}`).get({ relationId }) as { n: number }).n;
      return { rows, total };
    },
    'audit.list': ({ offset, limit }) => {
      const rows = withLabels(page([], {}, offset, limit));
      const total = (ctx.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
      return { rows, total };
    },
    'audit.operations': ({ offset, limit, ...filter }) => {
      const { entries, operations, params } = whereOf(filter);
      const entryWhere = entries.length ? `AND ${entries.join(' AND ')}` : '';
      type OpRow = { id: string; kind: string; actor: string; at: number; changes: number };
      let ops: OpRow[];
      let total: number;
      if (filter.relationId) {
        // One relation's History: start from its audit rows (audit_relation_idx), not from every
        // operation — probing a 550,000-change demo operation for one relation took seconds.
        const where = [...entries, ...operations].join(' AND ');
        const from = `FROM audit_log l JOIN operations o ON o.seq = l.operation WHERE ${where}`;
        ops = ctx.sqlite
          .prepare(`SELECT o.id, o.kind, o.actor, o.at, count(*) AS changes ${from} GROUP BY o.seq ORDER BY o.at DESC, o.seq DESC LIMIT @limit OFFSET @offset`)
          .all({ ...params, limit, offset }) as OpRow[];
        total = (ctx.sqlite.prepare(`SELECT count(DISTINCT l.operation) AS n ${from}`).get(params) as { n: number }).n;
      } else {
        // Operations that changed nothing (within the filter) are not history.
        const where = [...operations, `EXISTS (SELECT 1 FROM audit_log l WHERE l.operation = o.seq ${entryWhere})`].join(' AND ');
        ops = ctx.sqlite
          .prepare(`SELECT o.id, o.kind, o.actor, o.at, (SELECT count(*) FROM audit_log l WHERE l.operation = o.seq ${entryWhere}) AS changes
                      FROM operations o WHERE ${where} ORDER BY o.at DESC, o.seq DESC LIMIT @limit OFFSET @offset`)
          .all({ ...params, limit, offset }) as OpRow[];
        total = (ctx.sqlite.prepare(`SELECT count(*) AS n FROM operations o WHERE ${where}`).get(params) as { n: number }).n;
      }
      const first = ctx.sqlite.prepare(`${SELECT} WHERE ${byOperation(filter.relationId)} ${entryWhere} ORDER BY l.id LIMIT ${FIRST_CHANGES}`);
      const rows = ops.map((o) => ({
        ...o,
        entries: withLabels(first.all({ ...params, operationId: o.id }) as RawEntry[], filter.relationId),
      }));
      return { rows, total };
    },
    'audit.changes': ({ operationId, relationId, table, offset, limit }) => {
      const { entries, params } = whereOf({ relationId, table });
      const where = [byOperation(relationId), ...entries].join(' AND ');
      const raw = ctx.sqlite
        .prepare(`${SELECT} WHERE ${where} ORDER BY l.id LIMIT @limit OFFSET @offset`)
        .all({ ...params, operationId, limit, offset }) as RawEntry[];
      const total = (ctx.sqlite.prepare(`SELECT count(*) AS n FROM audit_log l WHERE ${where}`).get({ ...params, operationId }) as { n: number }).n;
      return { rows: withLabels(raw, relationId), total };
    },
    'audit.facets': () => {
      const list = (sql: string) => (ctx.sqlite.prepare(sql).all() as { v: string }[]).map((r) => r.v);
      return {
        kinds: list('SELECT DISTINCT kind AS v FROM operations ORDER BY kind'),
        tables: AUDITED_TABLES.map((t) => getTableConfig(t.table).name),
        actors: list('SELECT DISTINCT actor AS v FROM operations ORDER BY actor'),
      };
    },
    'audit.undoStatus': ({ operationIds }) => {
      const known = new Set(ctx.sqlite.prepare('SELECT id FROM operations WHERE id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(operationIds)) as string[]);
      return { rows: [...new Set(operationIds)].filter((id) => known.has(id)).map((id) => undoStatus(ctx, id)).filter((s): s is UndoStatus => s !== null) };
    },
    'audit.undo': ({ operationId }) => undoOperation(ctx, operationId),
  };
}
