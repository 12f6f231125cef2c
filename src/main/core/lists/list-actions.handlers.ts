import type { CoreContext } from '../context';
import type { HandlerGroup } from '../rpc/dispatcher';
import type { listsContract } from '../../../shared/contract';
import { DomainError, notFound } from '../../../shared/errors';
import { resolveListSource } from '../io/records/list-source';
import { getGroup, insertEntry } from '../groups/groups.repo';
import { assignType, endTypeAssignment, setRelationTags } from '../classification/classification.repo';
import { setDeleted } from '../relations/relations.repo';

/**
 * The shared list actions: the list is resolved inside the operation (so it is the list as it
 * is when written), each relation is changed through the same repo code as the single-relation
 * methods, and the whole list is one operation in History.
 */
export function listActionsHandlers(ctx: CoreContext): HandlerGroup<keyof typeof listsContract> {
  const ids = (source: Parameters<typeof resolveListSource>[1]) => resolveListSource(ctx, source, ctx.today());
  return {
    'lists.addToGroup': ({ source, groupId, roleId, validFrom, validTo }) =>
      ctx.write('lists.addToGroup', { groupId, roleId, validFrom, validTo }, (op) => {
        getGroup(ctx, groupId);
        const list = ids(source);
        // Already a hand-added member whose period overlaps: adding again would double the row.
        const overlapping = ctx.sqlite.prepare(
          `SELECT 1 FROM group_members WHERE group_id = @groupId AND relation_id = @relationId AND mode = 'include'
              AND (valid_to IS NULL OR @from IS NULL OR valid_to > @from) AND (valid_from IS NULL OR @to IS NULL OR valid_from < @to)`,
        );
        let changed = 0;
        for (const relationId of list) {
          if (overlapping.get({ groupId, relationId, from: validFrom, to: validTo })) continue;
          insertEntry(ctx, { groupId, relationId, mode: 'include', roleId, validFrom, validTo, notes: null });
          changed++;
        }
        op.changed('groups.changed', { ids: [groupId] });
        op.changed('relations.changed', { ids: list });
        return { changed, unchanged: list.length - changed };
      }),
    'lists.tag': ({ source, tagId, mode }) =>
      ctx.write('lists.tag', { tagId, mode }, (op) => {
        if (!ctx.sqlite.prepare('SELECT 1 FROM tags WHERE id = ?').get(tagId)) throw notFound('tag', tagId);
        const list = ids(source);
        const current = ctx.sqlite.prepare('SELECT tag_id AS t FROM relation_tags WHERE relation_id = ?');
        let changed = 0;
        for (const relationId of list) {
          const have = (current.all(relationId) as { t: string }[]).map((r) => r.t);
          if (have.includes(tagId) === (mode === 'add')) continue;
          setRelationTags(ctx, relationId, mode === 'add' ? [...have, tagId] : have.filter((t) => t !== tagId));
          changed++;
        }
        op.changed('relations.changed', { ids: list });
        return { changed, unchanged: list.length - changed };
      }),
    'lists.relationType': ({ source, typeId, mode, date }) =>
      ctx.write('lists.relationType', { typeId, mode, date }, (op) => {
        if (mode === 'end' && !date) throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'date', code: 'REQUIRED' }]);
        const list = ids(source);
        const day = date ?? ctx.today();
        // The assignment in force on the day, if any.
        const inForce = ctx.sqlite.prepare(
          `SELECT id FROM relation_type_assignments WHERE relation_id = ? AND type_id = ?
              AND (valid_from IS NULL OR valid_from <= ?) AND (valid_to IS NULL OR valid_to > ?)`,
        );
        let changed = 0;
        for (const relationId of list) {
          const current = inForce.get(relationId, typeId, day, day) as { id: string } | undefined;
          if (mode === 'add') {
            if (current) continue;
            assignType(ctx, { relationId, typeId, validFrom: date, validTo: null });
          } else {
            if (!current) continue;
            endTypeAssignment(ctx, current.id, day);
          }
          changed++;
        }
        op.changed('relations.changed', { ids: list });
        return { changed, unchanged: list.length - changed };
      }),
    'lists.trash': ({ source }) =>
      ctx.write('lists.trash', {}, (op) => {
        const list = ids(source);
        for (const id of list) setDeleted(ctx, id, true);
        op.changed('relations.changed', { ids: list });
        return { changed: list.length, unchanged: 0 };
      }),
    'lists.emails': ({ source }) => {
      const list = ids(source);
      const rows = ctx.sqlite
        .prepare(
          `SELECT r.id, r.number, r.display_name AS displayName, coalesce(nullif(trim(r.email), ''), nullif(trim(r.email2), '')) AS email
             FROM json_each(?) j JOIN relations r ON r.id = j.value ORDER BY j.key`,
        )
        .all(JSON.stringify(list)) as { id: string; number: number; displayName: string; email: string | null }[];
      const seen = new Set<string>();
      const emails: string[] = [];
      for (const r of rows) {
        if (!r.email) continue;
        const key = r.email.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        emails.push(r.email);
      }
      return { emails, relations: rows.length, without: rows.filter((r) => !r.email).map(({ email: _e, ...r }) => r) };
    },
  };
}
