import type { CoreContext } from '../context';
import type { Condition } from '../../../shared/contract';
import { DomainError } from '../../../shared/errors';
import { assertNoCycle } from '../conditions/condition-references';

/** Whether a condition uses the membership atom anywhere (rules may not: they compute it). */
export function usesMemberships(c: Condition): boolean {
  switch (c.type) {
    case 'membership': return true;
    case 'and':
    case 'or': return c.items.some(usesMemberships);
    case 'not':
    case 'duration': return usesMemberships(c.item);
    case 'link': return c.target ? usesMemberships(c.target) : false;
    default: return false;
  }
}

/**
 * A base rule or unit rule may use every atom except computed memberships themselves (they
 * are what the rules compute), nor refer to a group or selection that does.
 */
export function assertRuleCondition(ctx: CoreContext, condition: Condition | null, field: string): void {
  if (!condition) return;
  if (usesMemberships(condition)) throw new DomainError('VALIDATION_FAILED', undefined, [{ field, code: 'MEMBERSHIP_ATOM_IN_RULE' }]);
  assertNoCycle(ctx, null, condition);
}
