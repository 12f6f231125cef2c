import { eq } from 'drizzle-orm';
import type { CoreContext } from '../context';
import type { HandlerGroup } from '../rpc/dispatcher';
import type { SubscriptionDto } from '../../../shared/contract';
import { DomainError, notFound } from '../../../shared/errors';
import { subscriptions, subscriptionTypes } from '../db/schema';
import { getRelationRow } from '../relations/relations.repo';
import { positionRow } from '../db/row-mapper';

type Keys = 'subscriptionTypes.list' | 'subscriptionTypes.create' | 'subscriptions.list' | 'subscriptions.add' | 'subscriptions.update' | 'subscriptions.remove';

const SELECT = `SELECT s.id, s.relation_id AS relationId, s.type_id AS typeId, t.code AS typeCode, t.name AS typeName, s.number, s.quantity,
                       s.start_date AS startDate, s.end_date AS endDate, s.end_reason AS endReason, s.recipients
                  FROM subscriptions s JOIN subscription_types t ON t.id = s.type_id`;

export function subscriptionsHandlers(ctx: CoreContext): HandlerGroup<Keys> {
  const toDto = (row: Omit<SubscriptionDto, 'recipients'> & { recipients: string | null }): SubscriptionDto => ({
    ...row,
    recipients: row.recipients ? (JSON.parse(row.recipients) as string[]) : [],
  });
  const get = (id: string) => {
    const row = ctx.sqlite.prepare(`${SELECT} WHERE s.id = ?`).get(id) as Parameters<typeof toDto>[0] | undefined;
    if (!row) throw notFound('subscription', id);
    return toDto(row);
  };
  const check = (s: { typeId: string; recipients: string[] }) => {
    if (!ctx.db.select().from(subscriptionTypes).where(eq(subscriptionTypes.id, s.typeId)).get()) throw notFound('subscriptionType', s.typeId);
    for (const r of s.recipients) getRelationRow(ctx, r);
  };
  return {
    'subscriptionTypes.list': () => ({ rows: ctx.db.select().from(subscriptionTypes).orderBy(subscriptionTypes.position).all().map(({ id, code, name, position }) => ({ id, code, name, position })) }),
    'subscriptionTypes.create': (input) =>
      ctx.write('subscriptionTypes.create', { code: input.code }, (op) => {
        if (ctx.db.select().from(subscriptionTypes).where(eq(subscriptionTypes.code, input.code)).get()) {
          throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'code', code: 'CODE_TAKEN' }]);
        }
        const id = ctx.newId();
        const position = positionRow.one(ctx.sqlite.prepare('SELECT coalesce(max(position), 0) + 1 AS p FROM subscription_types').get()).p;
        ctx.db.insert(subscriptionTypes).values({ id, ...input, position, createdAt: ctx.now() }).run();
        op.changed('memberships.changed', { subscriptionTypes: [id] });
        return { id, ...input, position };
      }),
    'subscriptions.list': ({ relationId }) => ({
      rows: (ctx.sqlite.prepare(`${SELECT} WHERE s.relation_id = ? ORDER BY s.start_date DESC`).all(relationId) as Parameters<typeof toDto>[0][]).map(toDto),
    }),
    'subscriptions.add': ({ relationId, subscription }) =>
      ctx.write('subscriptions.add', { relationId }, (op) => {
        getRelationRow(ctx, relationId);
        check(subscription);
        const id = ctx.newId();
        const now = ctx.now();
        ctx.db
          .insert(subscriptions)
          .values({ id, relationId, ...subscription, recipients: subscription.recipients.length ? JSON.stringify(subscription.recipients) : null, createdAt: now, updatedAt: now })
          .run();
        op.changed('relations.changed', { ids: [relationId] });
        return get(id);
      }),
    'subscriptions.update': ({ id, subscription }) =>
      ctx.write('subscriptions.update', { id }, (op) => {
        const before = get(id);
        check(subscription);
        ctx.db
          .update(subscriptions)
          .set({ ...subscription, recipients: subscription.recipients.length ? JSON.stringify(subscription.recipients) : null, updatedAt: ctx.now() })
          .where(eq(subscriptions.id, id))
          .run();
        op.changed('relations.changed', { ids: [before.relationId] });
        return get(id);
      }),
    'subscriptions.remove': ({ id }) =>
      ctx.write('subscriptions.remove', { id }, (op) => {
        const before = get(id);
        ctx.db.delete(subscriptions).where(eq(subscriptions.id, id)).run();
        op.changed('relations.changed', { ids: [before.relationId] });
        return { id };
      }),
  };
}
