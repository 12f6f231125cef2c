import type { CoreContext } from '../context';
import type { BrokenRuleDto, Condition } from '../../../shared/contract';
import { staleUnits, type MembershipModel } from './membership-model';
import { directReferences, type Reference } from '../conditions/condition-references';
import { parseStoredCondition } from '../conditions/stored-condition';
import { usesMemberships } from './rule-conditions';
import { rowMapper } from '../db/row-mapper';

/** Why a stored rule cannot be evaluated, and through which group or selection. */
export interface RuleFault {
  code: string;
  /** The group or selection at fault, when the rule refers to one ('group:…', 'selection:…'). */
  via: Reference | null;
}

const conditionRow = rowMapper('stored condition', { condition: 'text?' });

/**
 * Checks stored rules before the membership engine evaluates them: the JSON text is a
 * condition by the contract, it does not use memberships itself, and every group and selection it
 * refers to (through any chain) exists, has a valid condition itself and does not loop. These
 * are all the ways an evaluation can fail, so a rule that passes evaluates; one that does not
 * is reported by name instead of failing every write that recomputes memberships.
 */
export function ruleChecker(ctx: CoreContext) {
  const groupRow = ctx.sqlite.prepare('SELECT condition FROM groups WHERE id = ?');
  const selectionRow = ctx.sqlite.prepare('SELECT condition FROM selections WHERE id = ?');
  const known = new Map<Reference, RuleFault | null>();

  const referenced = (ref: Reference, stack: Reference[]): RuleFault | null => {
    if (stack.includes(ref)) return { code: 'CONDITION_CYCLE', via: ref };
    if (known.has(ref)) return known.get(ref) ?? null;
    const [kind, id] = ref.split(':') as ['group' | 'selection' | 'unit', string];
    if (kind === 'unit') return null;
    const row = conditionRow.maybe((kind === 'group' ? groupRow : selectionRow).get(id));
    let fault: RuleFault | null;
    if (!row) fault = { code: kind === 'group' ? 'GROUP_UNKNOWN' : 'SELECTION_UNKNOWN', via: ref };
    else if (row.condition === null) fault = null;
    else {
      const parsed = parseStoredCondition(row.condition);
      fault = parsed.ok ? within(parsed.condition, [...stack, ref]) : { code: 'CONDITION_BROKEN', via: ref };
    }
    // A loop found from deeper down is only known for this chain, not for the reference itself.
    if (fault?.code !== 'CONDITION_CYCLE') known.set(ref, fault);
    return fault;
  };

  const within = (c: Condition, stack: Reference[]): RuleFault | null => {
    for (const ref of directReferences(c)) {
      const fault = referenced(ref, stack);
      if (fault) return fault;
    }
    return null;
  };

  /** The parsed condition of a rule, or why it cannot be evaluated. */
  return (text: string): { ok: true; condition: Condition } | { ok: false; fault: RuleFault } => {
    const parsed = parseStoredCondition(text);
    if (!parsed.ok) return { ok: false, fault: { code: parsed.code, via: null } };
    if (usesMemberships(parsed.condition)) return { ok: false, fault: { code: 'MEMBERSHIP_ATOM_IN_RULE', via: null } };
    const fault = within(parsed.condition, []);
    return fault ? { ok: false, fault } : { ok: true, condition: parsed.condition };
  };
}

/** Broken rules with the names a person reads: type, unit, the group or selection at fault, and the stale units. */
export function describeBrokenRules(ctx: CoreContext, model: MembershipModel): BrokenRuleDto[] {
  if (model.broken.length === 0) return [];
  const typeName = new Map(model.types.map((t) => [t.id, t.name]));
  const nameOf = (ref: Reference) => {
    const [kind, id] = ref.split(':') as ['group' | 'selection', string];
    const name = ctx.sqlite.prepare(`SELECT name FROM ${kind === 'group' ? 'groups' : 'selections'} WHERE id = ?`).pluck().get(id) as string | undefined;
    return { kind, id, name: name ?? null };
  };
  return model.broken.map((b) => {
    const stale = staleUnits(model, b);
    const units = [...model.units.values()].filter((u) => stale.has(u.id));
    return {
      kind: b.kind,
      ruleId: b.ruleId,
      typeId: b.typeId,
      typeName: b.typeId ? (typeName.get(b.typeId) ?? null) : null,
      unitId: b.unitId,
      unitName: b.unitId ? (model.units.get(b.unitId)?.name ?? null) : null,
      validFrom: b.validFrom,
      code: b.fault.code,
      via: b.fault.via && !b.fault.via.startsWith('unit:') ? nameOf(b.fault.via) : null,
      staleUnits: units.map((u) => ({ id: u.id, name: u.name })),
    };
  });
}
