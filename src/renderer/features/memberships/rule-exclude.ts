import type { Condition } from '../../../shared/contract';

/**
 * Atoms a membership rule may not use: memberships are what rules compute, and groups or
 * selections may themselves depend on memberships (the core refuses those with MEMBERSHIP_ATOM_IN_RULE).
 */
export const RULE_EXCLUDE: Condition['type'][] = ['membership', 'selection', 'groupMember'];
