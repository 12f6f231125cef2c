import type { Condition } from '../../../../shared/contract/conditions';
import { ALL, NEG_INF, POS_INF, ageInterval, fromDay, fromPeriod, type IntervalSet } from '../interval-set';
import { addDays, addYears } from '../../../../shared/dutch/dates';
import { EVERYBODY, fromFacts, not, type RelationIntervals } from '../relation-intervals';
import { overlapsWindow, relationFilter, windowParams, type EvalScope } from '../eval-scope';
import { sharedRelationRows } from './relation-rows';

type Atom<T extends Condition['type']> = (c: Extract<Condition, { type: T }>, scope: EvalScope) => RelationIntervals;

/** Undated facts of the relation row: true on every day for the relations that match. */
function everyDay(scope: EvalScope, where: string, params: Record<string, unknown>): RelationIntervals {
  const filter = relationFilter(scope, 'id');
  const rows = scope.ctx.sqlite
    .prepare(`SELECT id FROM relations WHERE (${where}) AND ${filter.sql}`)
    .all({ ...params, ...filter.params }) as { id: string }[];
  return fromFacts(rows.map((r): [string, IntervalSet] => [r.id, ALL]));
}

export const kindAtom: Atom<'kind'> = (c, scope) => {
  const rows = sharedRelationRows(scope, 'kind');
  if (rows) return fromFacts(rows.filter((r) => r.kind === c.kind).map((r): [string, IntervalSet] => [r.id, ALL]));
  return everyDay(scope, 'kind = @kind', { kind: c.kind });
};

export const genderAtom: Atom<'gender'> = (c, scope) => {
  const known = c.values.filter((v) => v !== 'unknown');
  const parts = [`gender IN (SELECT value FROM json_each(@known))`];
  if (c.values.includes('unknown')) parts.push('gender IS NULL');
  return everyDay(scope, `kind = 'person' AND (${parts.join(' OR ')})`, { known: JSON.stringify(known) });
};

export const birthDateAtom: Atom<'birthDate'> = (c, scope) =>
  everyDay(scope, 'birth_date IS NOT NULL AND birth_date >= @from AND birth_date <= @to', { from: c.from ?? '0000-01-01', to: c.to ?? '9999-12-31' });

/** Age changes over time, so unlike the birth date it is a dated fact: the days between two birthdays. */
export const ageAtom: Atom<'age'> = (c, scope) => {
  const filter = relationFilter(scope, 'id');
  // Only birth dates that can give the asked age inside the window (a day of margin for
  // 29 February); the intervals below stay exact.
  const latest = scope.window.to === POS_INF ? '9999-12-31' : addDays(addYears(fromDay(scope.window.to), -(c.min ?? 0)), 1);
  const earliest = scope.window.from === NEG_INF || c.max === undefined ? '0000-01-01' : addDays(addYears(fromDay(scope.window.from), -(c.max + 1)), -1);
  const shared = sharedRelationRows(scope, 'age');
  const rows = shared
    ? (shared.filter((r) => r.birth !== null && r.birth <= latest && r.birth >= earliest) as { id: string; birth: string }[])
    : (scope.ctx.sqlite
        .prepare(`SELECT id, birth_date AS birth FROM relations WHERE birth_date IS NOT NULL AND birth_date <= @latest AND birth_date >= @earliest AND ${filter.sql}`)
        .all({ latest, earliest, ...filter.params }) as { id: string; birth: string }[]);
  return fromFacts(rows.map((r): [string, IntervalSet] => [r.id, ageInterval(r.birth, c.min ?? 0, c.max)]));
};

export const aliveAtom: Atom<'alive'> = (_c, scope) => {
  const filter = relationFilter(scope, 'id');
  const shared = sharedRelationRows(scope, 'alive');
  const rows = shared
    ? (shared.filter((r) => r.death !== null) as { id: string; death: string }[])
    : (scope.ctx.sqlite.prepare(`SELECT id, death_date AS death FROM relations WHERE death_date IS NOT NULL AND ${filter.sql}`).all(filter.params) as {
        id: string;
        death: string;
      }[]);
  const result: RelationIntervals = { fallback: EVERYBODY.fallback, map: new Map() };
  for (const r of rows) result.map.set(r.id, fromPeriod(null, r.death));
  return result;
};

export const relationTypeAtom: Atom<'relationType'> = (c, scope) => {
  const filter = relationFilter(scope, 'a.relation_id');
  const rows = scope.ctx.sqlite
    .prepare(
      `SELECT a.relation_id AS id, a.valid_from AS vf, a.valid_to AS vt
         FROM relation_type_assignments a JOIN relation_types t ON t.id = a.type_id
        WHERE t.code IN (SELECT value FROM json_each(@codes)) AND ${overlapsWindow('a')} AND ${filter.sql}`,
    )
    .all({ codes: JSON.stringify(c.codes), ...windowParams(scope), ...filter.params }) as { id: string; vf: string | null; vt: string | null }[];
  return fromFacts(rows.map((r): [string, IntervalSet] => [r.id, fromPeriod(r.vf, r.vt)]));
};

export const tagAtom: Atom<'tag'> = (c, scope) => {
  const filter = relationFilter(scope, 'rt.relation_id');
  const tagSet = c.includeDescendants
    ? `WITH RECURSIVE sub(id) AS (SELECT value FROM json_each(@tags) UNION SELECT t.id FROM tags t JOIN sub ON t.parent_id = sub.id)`
    : `WITH sub(id) AS (SELECT value FROM json_each(@tags))`;
  const rows = scope.ctx.sqlite
    .prepare(`${tagSet} SELECT DISTINCT rt.relation_id AS id FROM relation_tags rt WHERE rt.tag_id IN (SELECT id FROM sub) AND ${filter.sql}`)
    .all({ tags: JSON.stringify(c.tagIds), ...filter.params }) as { id: string }[];
  return fromFacts(rows.map((r): [string, IntervalSet] => [r.id, ALL]));
};

function compare(dataType: string, stored: string, op: string, value: string | undefined): boolean {
  if (op === 'notEmpty') return stored !== '';
  const v = value ?? '';
  if (op === 'contains') return stored.toLowerCase().includes(v.toLowerCase());
  const cmp =
    dataType === 'number'
      ? Number(stored) - Number(v.replace(',', '.'))
      : dataType === 'text' || dataType === 'choice'
        ? stored.localeCompare(v, 'nl', { sensitivity: 'base' })
        : stored < v ? -1 : stored > v ? 1 : 0;
  switch (op) {
    case 'eq': return cmp === 0;
    case 'neq': return cmp !== 0;
    case 'lt': return cmp < 0;
    case 'lte': return cmp <= 0;
    case 'gt': return cmp > 0;
    case 'gte': return cmp >= 0;
    default: return false;
  }
}

export const customFieldAtom: Atom<'customField'> = (c, scope) => {
  if (c.op === 'empty') return not(customFieldAtom({ ...c, op: 'notEmpty' }, scope));
  const filter = relationFilter(scope, 'v.relation_id');
  const rows = scope.ctx.sqlite
    .prepare(
      `SELECT v.relation_id AS id, v.value, f.data_type AS dataType FROM custom_values v JOIN custom_fields f ON f.id = v.field_id
        WHERE f.code = @code AND ${filter.sql}`,
    )
    .all({ code: c.code, ...filter.params }) as { id: string; value: string; dataType: string }[];
  return fromFacts(rows.filter((r) => compare(r.dataType, r.value, c.op, c.value)).map((r): [string, IntervalSet] => [r.id, ALL]));
};
