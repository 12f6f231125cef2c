import type { CoreContext } from '../context';
import type { Operation } from '../audit/operation-writer';
import { recomputeMemberships } from './membership-store';
import { financeDependentsToucher } from './finance-dependencies';
import { idRow } from '../db/row-mapper';

/**
 * Memberships are recomputed for the relations an operation touched, inside its own
 * transaction, so they are never stale. Linked relations come along: a rule such as
 * "director of a member company" changes for the director when the company changes.
 */
export function keepMembershipsInStep(ctx: CoreContext): (op: Operation) => void {
  const hasTypes = ctx.sqlite.prepare('SELECT 1 FROM membership_types LIMIT 1');
  const touchFinanceDependents = financeDependentsToucher(ctx);
  const linked = ctx.sqlite.prepare(
    `SELECT to_relation_id AS id FROM relation_links WHERE from_relation_id IN (SELECT value FROM json_each(@ids))
     UNION SELECT from_relation_id FROM relation_links WHERE to_relation_id IN (SELECT value FROM json_each(@ids))`,
  );
  return (op) => {
    // Rules on invoices and payments: their relations are touched like any other fact's.
    if (!op.derivedUpToDate && hasTypes.get()) touchFinanceDependents(op);
    if (op.derivedUpToDate || (op.touched !== 'all' && op.touched.size === 0) || !hasTypes.get()) return;
    if (op.touched === 'all') {
      const changes = recomputeMemberships(ctx, null);
      if (changes.relations > 0) op.changed('memberships.changed', { relations: changes.relations });
      return;
    }
    const ids = [...op.touched];
    const withLinked = [...new Set([...ids, ...idRow.all(linked.all({ ids: JSON.stringify(ids) })).map((r) => r.id)])];
    const changes = recomputeMemberships(ctx, withLinked);
    if (changes.relations > 0) op.changed('memberships.changed', { relations: changes.relations });
  };
}
