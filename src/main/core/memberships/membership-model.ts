import type { CoreContext } from '../context';
import type { Condition } from '../../../shared/contract';
import { ruleChecker, type RuleFault } from './rule-health';
import { rowMapper } from '../db/row-mapper';

/** The rule structure (small: units, placements, rule versions, types), read once per computation. */
export interface UnitModel {
  id: string;
  name: string;
  startDate: string | null;
  endDate: string | null;
  placements: { id: string; parentId: string | null; validFrom: string | null; validTo: string | null }[];
  /** Rule versions per type id ('' = general), sorted by validFrom (null first). */
  rules: Map<string, { id: string; condition: Condition | null; validFrom: string | null; note: string | null; fault: RuleFault | null }[]>;
}

export interface TypeModel {
  id: string;
  code: string;
  name: string;
  /** Null when the stored base rule cannot be evaluated (`fault`): the type's memberships stay as they are. */
  baseCondition: Condition | null;
  fault: RuleFault | null;
}

/** A stored rule that cannot be evaluated (an older file, a hand edit): reported by name, its memberships left stale. */
export interface BrokenRule {
  kind: 'baseRule' | 'unitRule';
  ruleId: string;
  typeId: string | null;
  unitId: string | null;
  validFrom: string | null;
  fault: RuleFault;
}

export interface MembershipModel {
  units: Map<string, UnitModel>;
  types: TypeModel[];
  /** Placements whose parent is the unit: who hangs under it, and when. */
  children: Map<string, { unitId: string; validFrom: string | null; validTo: string | null }[]>;
  broken: BrokenRule[];
}

export const GENERAL = '';

const unitRow = rowMapper('unit', { id: 'text', name: 'text', startDate: 'text?', endDate: 'text?' });
const placementRow = rowMapper('unit placement', { id: 'text', unitId: 'text', parentId: 'text?', validFrom: 'text?', validTo: 'text?' });
const ruleRow = rowMapper('unit rule', { id: 'text', unitId: 'text', typeId: 'text?', condition: 'text?', validFrom: 'text?', note: 'text?' });
const typeRow = rowMapper('membership type', { id: 'text', code: 'text', name: 'text', base: 'text' });

export function loadModel(ctx: CoreContext): MembershipModel {
  const check = ruleChecker(ctx);
  const broken: BrokenRule[] = [];
  const units = new Map<string, UnitModel>();
  for (const u of unitRow.all(ctx.sqlite.prepare('SELECT id, name, start_date AS startDate, end_date AS endDate FROM units ORDER BY position, name').all())) {
    units.set(u.id, { ...u, placements: [], rules: new Map() });
  }
  const children = new Map<string, { unitId: string; validFrom: string | null; validTo: string | null }[]>();
  for (const p of placementRow.all(
    ctx.sqlite.prepare('SELECT id, unit_id AS unitId, parent_id AS parentId, valid_from AS validFrom, valid_to AS validTo FROM unit_placements ORDER BY valid_from').all(),
  )) {
    units.get(p.unitId)?.placements.push({ id: p.id, parentId: p.parentId, validFrom: p.validFrom, validTo: p.validTo });
    if (p.parentId) children.set(p.parentId, [...(children.get(p.parentId) ?? []), { unitId: p.unitId, validFrom: p.validFrom, validTo: p.validTo }]);
  }
  for (const r of ruleRow.all(
    ctx.sqlite
      .prepare(
        `SELECT id, unit_id AS unitId, membership_type_id AS typeId, condition, valid_from AS validFrom, note
           FROM unit_rules ORDER BY coalesce(valid_from, '0000-01-01'), created_at`,
      )
      .all(),
  )) {
    const unit = units.get(r.unitId);
    if (!unit) continue;
    const key = r.typeId ?? GENERAL;
    const checked = r.condition === null ? null : check(r.condition);
    const fault = checked && !checked.ok ? checked.fault : null;
    if (fault) broken.push({ kind: 'unitRule', ruleId: r.id, typeId: r.typeId, unitId: r.unitId, validFrom: r.validFrom, fault });
    const condition = checked?.ok ? checked.condition : null;
    unit.rules.set(key, [...(unit.rules.get(key) ?? []), { id: r.id, condition, validFrom: r.validFrom, note: r.note, fault }]);
  }
  const types = typeRow.all(ctx.sqlite.prepare('SELECT id, code, name, base_condition AS base FROM membership_types ORDER BY position, name').all()).map((t) => {
    const checked = check(t.base);
    if (!checked.ok) broken.push({ kind: 'baseRule', ruleId: t.id, typeId: t.id, unitId: null, validFrom: null, fault: checked.fault });
    return { id: t.id, code: t.code, name: t.name, baseCondition: checked.ok ? checked.condition : null, fault: checked.ok ? null : checked.fault };
  });
  return { units, types, children, broken };
}

/**
 * The (unit, type) pairs whose memberships cannot be computed while a rule is broken: every
 * unit for a broken base rule; the unit and everything ever under it for a broken unit rule
 * (for its type, or every type for a general rule). Their stored rows are left as they are.
 */
export function staleKeys(model: MembershipModel): Set<string> {
  const out = new Set<string>();
  for (const b of model.broken) {
    const types = b.typeId ? [b.typeId] : model.types.map((t) => t.id);
    for (const u of staleUnits(model, b)) for (const t of types) out.add(`${u}|${t}`);
  }
  return out;
}

/** The units whose memberships a broken rule holds up: all for a base rule, else its unit and everything ever under it. */
export function staleUnits(model: MembershipModel, b: BrokenRule): Set<string> {
  if (b.kind === 'baseRule') return new Set(model.units.keys());
  const seen = new Set<string>();
  const walk = (unitId: string) => {
    if (seen.has(unitId)) return;
    seen.add(unitId);
    for (const c of model.children.get(unitId) ?? []) walk(c.unitId);
  };
  walk(b.unitId as string);
  return seen;
}

/** Versions with their end: each is in force until the next one starts. */
export function versionPeriods<T extends { validFrom: string | null }>(versions: T[]): (T & { validTo: string | null })[] {
  return versions.map((v, i) => ({ ...v, validTo: versions[i + 1]?.validFrom ?? null }));
}
