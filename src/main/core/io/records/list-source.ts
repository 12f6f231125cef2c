import { eq } from 'drizzle-orm';
import type { Condition } from '../../../../shared/contract/conditions';
import type { ListSource } from '../../../../shared/contract/io';
import { notFound } from '../../../../shared/errors';
import type { CoreContext } from '../../context';
import { selections } from '../../db/schema';
import { evaluateCondition } from '../../conditions/condition-engine';
import { getGroup, groupMembership } from '../../groups/groups.repo';
import { idRow } from '../../db/row-mapper';

function sortedIds(ctx: CoreContext, ids: Iterable<string>): string[] {
  const list = [...ids];
  if (list.length === 0) return [];
  return idRow
    .all(ctx.sqlite.prepare(`SELECT id FROM relations WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?)) ORDER BY sort_key, id`).all(JSON.stringify(list)))
    .map((r) => r.id);
}

/**
 * The relations a list is about, in the order they are printed: by name (sort key), except a
 * hand-picked list, which keeps the caller's order. Relations in the trash never appear.
 */
export function resolveListSource(ctx: CoreContext, source: ListSource, today: string): string[] {
  switch (source.kind) {
    case 'all': {
      const where = ['r.deleted_at IS NULL'];
      const params: Record<string, string> = { today };
      if (source.relationKind) {
        where.push('r.kind = @kind');
        params['kind'] = source.relationKind;
      }
      if (source.typeCode) {
        where.push(`EXISTS (SELECT 1 FROM relation_type_assignments a JOIN relation_types t ON t.id = a.type_id
                     WHERE a.relation_id = r.id AND t.code = @code
                       AND (a.valid_from IS NULL OR a.valid_from <= @today) AND (a.valid_to IS NULL OR a.valid_to > @today))`);
        params['code'] = source.typeCode;
      }
      return idRow.all(ctx.sqlite.prepare(`SELECT r.id FROM relations r WHERE ${where.join(' AND ')} ORDER BY r.sort_key, r.id`).all(params)).map((r) => r.id);
    }
    case 'group':
      getGroup(ctx, source.groupId);
      return sortedIds(ctx, groupMembership(ctx, source.groupId, { on: source.on ?? today }).keys());
    case 'selection': {
      const row = ctx.db.select().from(selections).where(eq(selections.id, source.selectionId)).get();
      if (!row) throw notFound('selection', source.selectionId);
      return sortedIds(ctx, evaluateCondition(ctx, JSON.parse(row.condition) as Condition, { on: source.on ?? today }).keys());
    }
    case 'condition':
      return sortedIds(ctx, evaluateCondition(ctx, source.condition, source.moment).keys());
    case 'relations': {
      const alive = new Set(sortedIds(ctx, source.ids));
      return [...new Set(source.ids)].filter((id) => alive.has(id));
    }
  }
}
