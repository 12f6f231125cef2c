import type { CoreContext } from '../context';
import type { HandlerGroup } from '../rpc/dispatcher';
import type { auditContract, AuditEntryDto } from '../../../shared/contract';
import { undoOperation, undoStatus, type UndoStatus } from './undo-operation';
import { recordLabels, relationValueLabels } from './audit-labels';

const SELECT = `SELECT l.id, l.operation_id AS operationId, o.kind AS operationKind, o.actor, o.at,
                       l.table_name AS tableName, l.record_id AS recordId, l.relation_id AS relationId,
                       l.action, l.field, l.old_value AS oldValue, l.new_value AS newValue
                  FROM audit_log l JOIN operations o ON o.id = l.operation_id`;

export function auditHandlers(ctx: CoreContext): HandlerGroup<keyof typeof auditContract> {
  // A link is recorded under its "from" relation; the other side's History must show it too.
  // A survivor's History also holds the entries of the relations merged into it (redirects).
  const relationWhere = `(l.relation_id = @id OR (l.table_name = 'relation_links' AND l.record_id IN
                          (SELECT id FROM relation_links WHERE to_relation_id = @id))
                          OR l.relation_id IN (SELECT old_relation_id FROM relation_redirects WHERE relation_id = @id))`;
  return {
    'audit.forRelation': ({ relationId, offset, limit }) => {
      const rawRows = ctx.sqlite
        .prepare(`${SELECT} WHERE ${relationWhere} ORDER BY l.id DESC LIMIT @limit OFFSET @offset`)
        .all({ id: relationId, limit, offset }) as Omit<AuditEntryDto, 'recordLabel'>[];
      const raw = relationValueLabels(ctx, rawRows);
      const labels = recordLabels(ctx, raw, relationId);
      const rows = raw.map((r, i) => ({ ...r, recordLabel: labels[i] ?? null }));
      const total = (ctx.sqlite.prepare(`SELECT count(*) AS n FROM audit_log l WHERE ${relationWhere}`).get({ id: relationId }) as { n: number }).n;
      return { rows, total };
    },
    'audit.list': ({ offset, limit }) => {
      const raw = relationValueLabels(ctx, ctx.sqlite.prepare(`${SELECT} ORDER BY l.id DESC LIMIT ? OFFSET ?`).all(limit, offset) as Omit<AuditEntryDto, 'recordLabel'>[]);
      const labels = recordLabels(ctx, raw);
      const rows = raw.map((r, i) => ({ ...r, recordLabel: labels[i] ?? null }));
      const total = (ctx.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
      return { rows, total };
    },
    'audit.undoStatus': ({ operationIds }) => {
      const known = new Set(ctx.sqlite.prepare('SELECT id FROM operations WHERE id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(operationIds)) as string[]);
      return { rows: [...new Set(operationIds)].filter((id) => known.has(id)).map((id) => undoStatus(ctx, id)).filter((s): s is UndoStatus => s !== null) };
    },
    'audit.undo': ({ operationId }) => undoOperation(ctx, operationId),
  };
}
