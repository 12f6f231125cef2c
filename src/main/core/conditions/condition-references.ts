import type { CoreContext } from '../context';
import type { Condition } from '../../../shared/contract/conditions';
import { DomainError } from '../../../shared/errors';
import { parseStoredCondition, storedCondition as checkedCondition } from './stored-condition';

export type Reference = `group:${string}` | `selection:${string}` | `unit:${string}`;

/** The groups and selections a condition refers to, directly. */
export function directReferences(c: Condition): Reference[] {
  switch (c.type) {
    case 'and':
    case 'or':
      return c.items.flatMap(directReferences);
    case 'not':
      return directReferences(c.item);
    case 'duration':
      return directReferences(c.item);
    case 'link':
      return c.target ? directReferences(c.target) : [];
    case 'groupMember':
      return [`group:${c.groupId}`];
    case 'selection':
      return [`selection:${c.selectionId}`];
    case 'membership':
      return c.unitId ? [`unit:${c.unitId}`] : [];
    default:
      return [];
  }
}

function storedCondition(ctx: CoreContext, ref: Reference): Condition | null {
  const [kind, id] = ref.split(':') as ['group' | 'selection' | 'unit', string];
  // Memberships are stored results, not conditions: referring to them cannot loop.
  if (kind === 'unit') return null;
  const row = ctx.sqlite.prepare(`SELECT condition FROM ${kind === 'group' ? 'groups' : 'selections'} WHERE id = ?`).get(id) as
    | { condition: string | null }
    | undefined;
  if (!row) throw new DomainError('VALIDATION_FAILED', { ref }, [{ field: 'condition', code: kind === 'group' ? 'GROUP_UNKNOWN' : 'SELECTION_UNKNOWN' }]);
  return row.condition ? checkedCondition(row.condition, { kind, id }) : null;
}

/**
 * Refuses a condition for `self` that refers, through any chain of groups and selections,
 * back to `self`, or to a group or selection that does not exist.
 */
export function assertNoCycle(ctx: CoreContext, self: Reference | null, condition: Condition): void {
  const visiting: Reference[] = [];
  const walk = (refs: Reference[]) => {
    for (const ref of refs) {
      if (ref === self || visiting.includes(ref)) {
        throw new DomainError('VALIDATION_FAILED', { cycle: [...visiting, ref] }, [{ field: 'condition', code: 'CONDITION_CYCLE' }]);
      }
      const inner = storedCondition(ctx, ref);
      visiting.push(ref);
      if (inner) walk(directReferences(inner));
      visiting.pop();
    }
  };
  walk(directReferences(condition));
}

/** Groups and selections whose condition refers to `ref`: they would break if it were deleted. */
export function usersOf(ctx: CoreContext, ref: Reference): { kind: 'group' | 'selection'; id: string; name: string }[] {
  const id = ref.split(':')[1] ?? '';
  const candidates = [
    ...(ctx.sqlite.prepare(`SELECT 'group' AS kind, id, name, condition FROM groups WHERE instr(condition, ?) > 0`).all(id) as {
      kind: 'group'; id: string; name: string; condition: string;
    }[]),
    ...(ctx.sqlite.prepare(`SELECT 'selection' AS kind, id, name, condition FROM selections WHERE instr(condition, ?) > 0`).all(id) as {
      kind: 'selection'; id: string; name: string; condition: string;
    }[]),
  ];
  // A damaged condition that mentions the id counts as a user: deleting must not break it further.
  return candidates
    .filter((c) => {
      const parsed = parseStoredCondition(c.condition);
      return !parsed.ok || directReferences(parsed.condition).includes(ref);
    })
    .map(({ kind, id: cid, name }) => ({ kind, id: cid, name }));
}
