import { eq } from 'drizzle-orm';
import type { CoreContext } from '../context';
import type { HandlerGroup } from '../rpc/dispatcher';
import type { Condition, SelectionDto, selectionsContract } from '../../../shared/contract';
import { storedCondition } from '../conditions/stored-condition';
import { DomainError, notFound } from '../../../shared/errors';
import { selections } from '../db/schema';
import { evaluateCondition } from '../conditions/condition-engine';
import { assertNoCycle, usersOf } from '../conditions/condition-references';
import { resultPage } from '../conditions/evaluation-page';

/** The list's text filter: a part of the name, city, postcode, e-mail or the number. */
function filterResult<T>(ctx: CoreContext, found: Map<string, T>, filter: string): Map<string, T> {
  const like = `%${filter.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const keep = ctx.sqlite
    .prepare(
      `SELECT r.id FROM json_each(@ids) j JOIN relations r ON r.id = j.value
        WHERE lower(r.display_name) LIKE @like ESCAPE '\\' OR lower(coalesce(r.email, '')) LIKE @like ESCAPE '\\' OR CAST(r.number AS TEXT) = @exact
           OR EXISTS (SELECT 1 FROM addresses a WHERE a.relation_id = r.id AND a.valid_to IS NULL
                       AND (lower(coalesce(a.city, '')) LIKE @like ESCAPE '\\' OR lower(replace(coalesce(a.postcode, ''), ' ', '')) LIKE replace(@like, ' ', '') ESCAPE '\\'))`,
    )
    .all({ ids: JSON.stringify([...found.keys()]), like, exact: filter }) as { id: string }[];
  return new Map(keep.map((r) => [r.id, found.get(r.id) as T]));
}

function toDto(row: typeof selections.$inferSelect): SelectionDto {
  return { id: row.id, name: row.name, condition: storedCondition(row.condition, { kind: 'selection', id: row.id }), description: row.description, updatedAt: row.updatedAt };
}

export function selectionsHandlers(ctx: CoreContext): HandlerGroup<keyof typeof selectionsContract> {
  const get = (id: string) => {
    const row = ctx.db.select().from(selections).where(eq(selections.id, id)).get();
    if (!row) throw notFound('selection', id);
    return row;
  };
  const assertNameFree = (name: string, exceptId?: string) => {
    const other = ctx.db.select().from(selections).where(eq(selections.name, name)).get();
    if (other && other.id !== exceptId) throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'name', code: 'NAME_TAKEN' }]);
  };
  const evaluate = (condition: Condition, moment: Parameters<typeof evaluateCondition>[2], page: { offset: number; limit: number }) =>
    resultPage(ctx, evaluateCondition(ctx, condition, moment), page, (ids) => evaluateCondition(ctx, condition, 'always', { relationIds: ids }));

  return {
    'conditions.evaluate': ({ condition, moment, filter, offset, limit }) => {
      assertNoCycle(ctx, null, condition);
      if (!filter) return evaluate(condition, moment, { offset, limit });
      const found = filterResult(ctx, evaluateCondition(ctx, condition, moment), filter);
      return resultPage(ctx, found, { offset, limit }, (ids) => evaluateCondition(ctx, condition, 'always', { relationIds: ids }));
    },
    'selections.list': () => ({ rows: ctx.db.select().from(selections).orderBy(selections.name).all().map(toDto) }),
    'selections.get': ({ id }) => toDto(get(id)),
    'selections.create': (input) =>
      ctx.write('selections.create', { name: input.name }, (op) => {
        assertNameFree(input.name);
        assertNoCycle(ctx, null, input.condition);
        const id = ctx.newId();
        const now = ctx.now();
        ctx.db.insert(selections).values({ id, name: input.name, condition: JSON.stringify(input.condition), description: input.description, createdAt: now, updatedAt: now }).run();
        op.changed('selections.changed', { ids: [id] });
        return toDto(get(id));
      }),
    'selections.update': ({ id, selection }) =>
      ctx.write('selections.update', { id }, (op) => {
        get(id);
        assertNameFree(selection.name, id);
        assertNoCycle(ctx, `selection:${id}`, selection.condition);
        ctx.db
          .update(selections)
          .set({ name: selection.name, condition: JSON.stringify(selection.condition), description: selection.description, updatedAt: ctx.now() })
          .where(eq(selections.id, id))
          .run();
        op.changed('selections.changed', { ids: [id] });
        return toDto(get(id));
      }),
    'selections.delete': ({ id }) =>
      ctx.write('selections.delete', { id }, (op) => {
        get(id);
        const users = usersOf(ctx, `selection:${id}`);
        if (users.length) throw new DomainError('CONFLICT', { reason: 'IN_USE', usedBy: users });
        ctx.db.delete(selections).where(eq(selections.id, id)).run();
        op.changed('selections.changed', { ids: [id] });
        return { id };
      }),
    'selections.evaluate': ({ id, moment, offset, limit }) => evaluate(toDto(get(id)).condition, moment, { offset, limit }),
  };
}
