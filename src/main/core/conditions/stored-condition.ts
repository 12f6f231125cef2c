import { condition, type Condition } from '../../../shared/contract/conditions';
import { DomainError } from '../../../shared/errors';

export type StoredCondition = { ok: true; condition: Condition } | { ok: false; code: 'JSON_TEXT_INVALID' | 'CONDITION_INVALID' };

/**
 * A condition as stored (JSON text), checked with the contract's schema. Everything the
 * application writes passes; an older file or a hand edit might not, and then the caller
 * decides what that means instead of a SyntaxError deep inside an evaluation.
 */
export function parseStoredCondition(text: string): StoredCondition {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, code: 'JSON_TEXT_INVALID' };
  }
  const parsed = condition.safeParse(value);
  return parsed.success ? { ok: true, condition: parsed.data } : { ok: false, code: 'CONDITION_INVALID' };
}

/** The stored condition of a group or selection; a broken one is a named error (CONDITION_BROKEN), never an internal one. */
export function storedCondition(text: string, owner: { kind: 'group' | 'selection'; id: string }): Condition {
  const r = parseStoredCondition(text);
  if (r.ok) return r.condition;
  throw new DomainError('VALIDATION_FAILED', { [`${owner.kind}Id`]: owner.id, reason: r.code }, [{ field: 'condition', code: 'CONDITION_BROKEN', details: { [owner.kind]: owner.id, reason: r.code } }]);
}
