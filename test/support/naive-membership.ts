import type Database from 'better-sqlite3';
import type { Condition } from '../../src/shared/contract';
import { naiveEvaluator } from './naive-condition';

/**
 * The membership definition from the spec, checked literally for one relation, unit, type
 * and day, with no interval arithmetic: the oracle for the membership engine.
 */
export function naiveMemberships(sqlite: Database.Database) {
  const cond = naiveEvaluator(sqlite);
  const all = <T>(sql: string) => sqlite.prepare(sql).all() as T[];
  const units = new Map(all<{ id: string; start: string | null; end: string | null }>('SELECT id, start_date AS start, end_date AS "end" FROM units').map((u) => [u.id, u]));
  const placements = all<{ unitId: string; parentId: string | null; vf: string | null; vt: string | null }>(
    'SELECT unit_id AS unitId, parent_id AS parentId, valid_from AS vf, valid_to AS vt FROM unit_placements');
  const rules = all<{ unitId: string; typeId: string | null; condition: string | null; vf: string | null }>(
    'SELECT unit_id AS unitId, membership_type_id AS typeId, condition, valid_from AS vf FROM unit_rules');
  const types = new Map(all<{ id: string; base: string }>('SELECT id, base_condition AS base FROM membership_types').map((t) => [t.id, JSON.parse(t.base) as Condition]));
  const exceptions = all<{ rid: string; unitId: string; typeId: string; vf: string | null; vt: string | null; ignoreBase: number }>(
    'SELECT relation_id AS rid, unit_id AS unitId, membership_type_id AS typeId, valid_from AS vf, valid_to AS vt, ignore_base_rule AS ignoreBase FROM membership_exceptions');
  const on = (p: { vf: string | null; vt: string | null }, day: string) => (p.vf === null || p.vf <= day) && (p.vt === null || p.vt > day);
  const active = (unitId: string, day: string) => {
    const u = units.get(unitId);
    return !!u && (u.start === null || u.start <= day) && (u.end === null || u.end > day);
  };
  const parentOn = (unitId: string, day: string) => placements.find((p) => p.unitId === unitId && on(p, day));
  /** The version in force: the one with the latest start on or before the day. */
  const ruleHolds = (unitId: string, typeId: string | null, rid: string, day: string) => {
    const versions = rules.filter((r) => r.unitId === unitId && r.typeId === typeId && (r.vf === null || r.vf <= day));
    if (versions.length === 0) return true;
    const current = versions.reduce((a, b) => ((a.vf ?? '') >= (b.vf ?? '') ? a : b));
    return current.condition === null || cond.holds(JSON.parse(current.condition) as Condition, rid, day);
  };
  const byRules = (rid: string, unitId: string, typeId: string, day: string): boolean => {
    if (!active(unitId, day)) return false;
    if (!ruleHolds(unitId, null, rid, day) || !ruleHolds(unitId, typeId, rid, day)) return false;
    const p = parentOn(unitId, day);
    if (!p) return false;
    return p.parentId ? byRules(rid, p.parentId, typeId, day) : cond.holds(types.get(typeId)!, rid, day);
  };
  /** Is `unitId` the unit itself or an ancestor of `inner` on that day (and every unit on the way active)? */
  const contains = (unitId: string, inner: string, day: string): boolean => {
    for (let u: string | null = inner; u; u = parentOn(u, day)?.parentId ?? null) {
      if (!active(u, day)) return false;
      if (u === unitId) return true;
    }
    return false;
  };
  return (rid: string, unitId: string, typeId: string, day: string): boolean => {
    const live = exceptions.filter((e) => e.rid === rid && e.typeId === typeId && on(e, day) && (e.ignoreBase === 1 || cond.holds(types.get(typeId)!, rid, day)));
    if (live.some((e) => contains(unitId, e.unitId, day))) return true;
    if (live.length > 0) return false;
    return byRules(rid, unitId, typeId, day);
  };
}
