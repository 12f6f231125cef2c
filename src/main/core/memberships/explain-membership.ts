import type { CoreContext } from '../context';
import type { Condition, ExplanationNode } from '../../../shared/contract';
import { evaluateCondition } from '../conditions/condition-engine';
import { contains, toDay } from '../conditions/interval-set';
import { GENERAL, loadModel, staleKeys, versionPeriods } from './membership-model';

const ON_DAY = '(start_date IS NULL OR start_date <= ?) AND (end_date IS NULL OR end_date > ?)';
import { computeMemberships, key } from './membership-engine';
import { explainFacts } from './explain-facts';
import { rowMapper } from '../db/row-mapper';

const within = (p: { validFrom: string | null; validTo: string | null }, day: string) =>
  (p.validFrom === null || p.validFrom <= day) && (p.validTo === null || p.validTo > day);

/** Why a condition holds or not for one relation on one day, down to each atom. */
function explainCondition(ctx: CoreContext, c: Condition, relationId: string, day: string): ExplanationNode {
  const holds = evaluateCondition(ctx, c, { on: day }, { relationIds: [relationId] }).has(relationId);
  const children =
    c.type === 'and' || c.type === 'or'
      ? c.items.map((i) => explainCondition(ctx, i, relationId, day))
      : c.type === 'not' || c.type === 'duration'
        ? [explainCondition(ctx, c.item, relationId, day)]
        : [];
  const { type, ...rest } = c;
  const facts = children.length ? undefined : explainFacts(ctx, c, relationId, day);
  return { label: type, holds, detail: children.length ? null : JSON.stringify(rest), ...(facts ? { facts } : {}), children };
}

const exceptionRow = rowMapper('exception explained', { validFrom: 'text?', validTo: 'text?', name: 'text' });

/**
 * For one relation, unit, type and day: the base rule, each unit on the path (as it hung on
 * that day) with its active period and rule versions in force, and any exception, each with
 * whether it holds. The verdict is the engine's own answer.
 */
export function explainMembership(ctx: CoreContext, q: { relationId: string; unitId: string; typeId: string; on: string }) {
  const model = loadModel(ctx);
  const type = model.types.find((t) => t.id === q.typeId);
  // While a rule is broken its memberships are not recomputed: the verdict is what is stored.
  const stale = staleKeys(model).has(key(q.unitId, q.typeId));
  const member = stale
    ? Boolean(ctx.sqlite.prepare(`SELECT 1 FROM memberships WHERE relation_id = ? AND unit_id = ? AND membership_type_id = ? AND ${ON_DAY}`).get(q.relationId, q.unitId, q.typeId, q.on, q.on))
    : contains(computeMemberships(ctx, [q.relationId], model).get(key(q.unitId, q.typeId))?.get(q.relationId) ?? [], toDay(q.on));
  const children: ExplanationNode[] = [];
  if (type?.baseCondition) children.push({ ...explainCondition(ctx, type.baseCondition, q.relationId, q.on), label: 'BASE_RULE', detail: type.name });
  else if (type?.fault) children.push({ label: 'RULE_BROKEN', holds: false, detail: type.fault.code, children: [] });
  const path: string[] = [];
  for (let unitId: string | null = q.unitId; unitId && !path.includes(unitId); ) {
    path.push(unitId);
    const unit = model.units.get(unitId);
    if (!unit) break;
    const active = within({ validFrom: unit.startDate, validTo: unit.endDate }, q.on);
    const rules: ExplanationNode[] = [];
    for (const typeKey of [GENERAL, q.typeId]) {
      const version = versionPeriods(unit.rules.get(typeKey) ?? []).find((v) => within(v, q.on));
      if (!version) continue;
      const label = typeKey === GENERAL ? 'RULE_GENERAL' : 'RULE_FOR_TYPE';
      const detail = `${version.validFrom ?? ''}`;
      if (version.fault) rules.push({ label: 'RULE_BROKEN', holds: false, detail: version.fault.code, children: [] });
      else rules.push(version.condition ? { ...explainCondition(ctx, version.condition, q.relationId, q.on), label, detail } : { label, holds: true, detail, children: [] });
    }
    const placement = unit.placements.find((p) => within(p, q.on));
    children.push({
      label: 'UNIT',
      holds: active && rules.every((r) => r.holds),
      detail: unit.name,
      children: [{ label: 'UNIT_ACTIVE', holds: active, detail: `${unit.startDate ?? ''}/${unit.endDate ?? ''}`, children: [] }, ...rules],
    });
    unitId = placement?.parentId ?? null;
  }
  const exceptions = exceptionRow.all(ctx.sqlite
    .prepare(
      `SELECT e.valid_from AS validFrom, e.valid_to AS validTo, u.name FROM membership_exceptions e JOIN units u ON u.id = e.unit_id
        WHERE e.relation_id = ? AND e.membership_type_id = ?`,
    )
    .all(q.relationId, q.typeId));
  for (const e of exceptions.filter((x) => within(x, q.on))) children.push({ label: 'EXCEPTION', holds: true, detail: e.name, children: [] });
  return { member, tree: { label: 'MEMBERSHIP', holds: member, detail: type?.name ?? null, children } };
}
