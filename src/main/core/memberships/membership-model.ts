import type { CoreContext } from '../context';
import type { Condition } from '../../../shared/contract';

/** The rule structure (small: units, placements, rule versions, types), read once per computation. */
export interface UnitModel {
  id: string;
  name: string;
  startDate: string | null;
  endDate: string | null;
  placements: { id: string; parentId: string | null; validFrom: string | null; validTo: string | null }[];
  /** Rule versions per type id ('' = general), sorted by validFrom (null first). */
  rules: Map<string, { id: string; condition: Condition | null; validFrom: string | null; note: string | null }[]>;
}

export interface TypeModel {
  id: string;
  code: string;
  name: string;
  baseCondition: Condition;
}

export interface MembershipModel {
  units: Map<string, UnitModel>;
  types: TypeModel[];
  /** Placements whose parent is the unit: who hangs under it, and when. */
  children: Map<string, { unitId: string; validFrom: string | null; validTo: string | null }[]>;
}

export const GENERAL = '';

export function loadModel(ctx: CoreContext): MembershipModel {
  const units = new Map<string, UnitModel>();
  for (const u of ctx.sqlite.prepare('SELECT id, name, start_date AS startDate, end_date AS endDate FROM units ORDER BY position, name').all() as {
    id: string; name: string; startDate: string | null; endDate: string | null;
  }[]) {
    units.set(u.id, { ...u, placements: [], rules: new Map() });
  }
  const children = new Map<string, { unitId: string; validFrom: string | null; validTo: string | null }[]>();
  for (const p of ctx.sqlite
    .prepare('SELECT id, unit_id AS unitId, parent_id AS parentId, valid_from AS validFrom, valid_to AS validTo FROM unit_placements ORDER BY valid_from')
    .all() as { id: string; unitId: string; parentId: string | null; validFrom: string | null; validTo: string | null }[]) {
    units.get(p.unitId)?.placements.push({ id: p.id, parentId: p.parentId, validFrom: p.validFrom, validTo: p.validTo });
    if (p.parentId) children.set(p.parentId, [...(children.get(p.parentId) ?? []), { unitId: p.unitId, validFrom: p.validFrom, validTo: p.validTo }]);
  }
  for (const r of ctx.sqlite
    .prepare(
      `SELECT id, unit_id AS unitId, membership_type_id AS typeId, condition, valid_from AS validFrom, note
         FROM unit_rules ORDER BY coalesce(valid_from, '0000-01-01'), created_at`,
    )
    .all() as { id: string; unitId: string; typeId: string | null; condition: string | null; validFrom: string | null; note: string | null }[]) {
    const unit = units.get(r.unitId);
    if (!unit) continue;
    const key = r.typeId ?? GENERAL;
    unit.rules.set(key, [...(unit.rules.get(key) ?? []), { id: r.id, condition: r.condition ? (JSON.parse(r.condition) as Condition) : null, validFrom: r.validFrom, note: r.note }]);
  }
  const types = (ctx.sqlite.prepare('SELECT id, code, name, base_condition AS base FROM membership_types ORDER BY position, name').all() as {
    id: string; code: string; name: string; base: string;
  }[]).map((t) => ({ id: t.id, code: t.code, name: t.name, baseCondition: JSON.parse(t.base) as Condition }));
  return { units, types, children };
}

/** Versions with their end: each is in force until the next one starts. */
export function versionPeriods<T extends { validFrom: string | null }>(versions: T[]): (T & { validTo: string | null })[] {
  return versions.map((v, i) => ({ ...v, validTo: versions[i + 1]?.validFrom ?? null }));
}
