import type { Condition } from '../../../../shared/contract/conditions';
import { DomainError } from '../../../../shared/errors';
import { NEG_INF, POS_INF, fromPeriod, intersect, longestRunContaining, normalize, type Interval, type IntervalSet } from '../interval-set';
import { and, fromFacts, not, or, valueFor, type RelationIntervals } from '../relation-intervals';
import { storedCondition } from '../stored-condition';
import { keptFacts } from '../kept-facts';
import { cachedFacts, inBulk, overlapsWindow, relationFilter, windowParams, withReference, type EvalScope } from '../eval-scope';

type Atom<T extends Condition['type']> = (c: Extract<Condition, { type: T }>, scope: EvalScope) => RelationIntervals;
type Row = { id: string; vf: string | null; vt: string | null };

interface AddressFact {
  id: string;
  vf: string | null;
  vt: string | null;
  type: string;
  pc4: number | null;
  city: string | null;
  municipality: string | null;
  province: string | null;
  country: string;
}

const lowerSet = (values: string[] | undefined) => (values ? new Set(values.map((v) => v.toLowerCase())) : null);

/**
 * Lives (or is established) at an address that matches every given criterion, on the days
 * that address is valid. In bulk scopes (a full membership recompute tests hundreds of unit
 * rules) the table is read once and filtered in memory.
 */
export const addressAtom: Atom<'address'> = (c, scope) => (inBulk(scope, 'address') ? addressInMemory(c, scope) : addressInSql(c, scope));

/** One address condition: SQLite filters while reading. */
function addressInSql(c: Extract<Condition, { type: 'address' }>, scope: EvalScope): RelationIntervals {
  const where = [overlapsWindow('a')];
  const params: Record<string, unknown> = { ...windowParams(scope) };
  const list = (name: string, column: string, values: string[] | undefined, fold = true) => {
    if (!values) return;
    where.push(fold ? `lower(${column}) IN (SELECT lower(value) FROM json_each(@${name}))` : `${column} IN (SELECT value FROM json_each(@${name}))`);
    params[name] = JSON.stringify(values);
  };
  list('types', 'a.type', c.addressTypes, false);
  list('cities', 'a.city', c.cities);
  list('municipalities', 'a.municipality', c.municipalities);
  list('provinces', 'a.province', c.provinces);
  list('countries', 'a.country', c.countries, false);
  if (c.postcodeRanges) {
    // The ranges as bound pairs: a JSON list in the query would be parsed again for every address row.
    const ranges = c.postcodeRanges.map((r, i) => {
      params[`pcFrom${i}`] = r.from;
      params[`pcTo${i}`] = r.to;
      return `CAST(substr(a.postcode, 1, 4) AS INTEGER) BETWEEN @pcFrom${i} AND @pcTo${i}`;
    });
    where.push(`a.country = 'NL' AND a.postcode IS NOT NULL AND (${ranges.length ? ranges.join(' OR ') : '0'})`);
  }
  const filter = relationFilter(scope, 'a.relation_id');
  const rows = scope.ctx.sqlite
    .prepare(`SELECT a.relation_id AS id, a.valid_from AS vf, a.valid_to AS vt FROM addresses a WHERE ${where.join(' AND ')} AND ${filter.sql}`)
    .all({ ...params, ...filter.params }) as Row[];
  return fromFacts(rows.map((r): [string, IntervalSet] => [r.id, fromPeriod(r.vf, r.vt)]));
}

/** Many address conditions over the same rows: read the table once, index it, filter in memory. */
function addressInMemory(c: Extract<Condition, { type: 'address' }>, scope: EvalScope): RelationIntervals {
  const facts = cachedFacts(scope, 'addresses', () => {
    const filter = relationFilter(scope, 'a.relation_id');
    return (
      scope.ctx.sqlite
        .prepare(
          `SELECT a.relation_id AS id, a.valid_from AS vf, a.valid_to AS vt, a.type, a.postcode, lower(a.city) AS city,
                  lower(a.municipality) AS municipality, lower(a.province) AS province, a.country
             FROM addresses a WHERE ${overlapsWindow('a')} AND ${filter.sql}`,
        )
        .all({ ...windowParams(scope), ...filter.params }) as (Omit<AddressFact, 'pc4'> & { postcode: string | null })[]
    ).map(({ postcode, ...a }): AddressFact => ({ ...a, pc4: a.country === 'NL' && postcode ? Number(postcode.slice(0, 4)) : null }));
  });
  const candidates = addressCandidates(scope, facts, c);
  const types = c.addressTypes ? new Set<string>(c.addressTypes) : null;
  const cities = lowerSet(c.cities);
  const municipalities = lowerSet(c.municipalities);
  const provinces = lowerSet(c.provinces);
  const countries = c.countries ? new Set(c.countries) : null;
  const ranges = c.postcodeRanges;
  const matching: [string, IntervalSet][] = [];
  for (const a of candidates) {
    if (types && !types.has(a.type)) continue;
    if (cities && !(a.city && cities.has(a.city))) continue;
    if (municipalities && !(a.municipality && municipalities.has(a.municipality))) continue;
    if (provinces && !(a.province && provinces.has(a.province))) continue;
    if (countries && !countries.has(a.country)) continue;
    if (ranges && !(a.pc4 !== null && ranges.some((r) => a.pc4! >= r.from && a.pc4! <= r.to))) continue;
    matching.push([a.id, fromPeriod(a.vf, a.vt)]);
  }
  return fromFacts(matching);
}

function indexBy(facts: AddressFact[], keyOf: (a: AddressFact) => string | number | null): Map<string | number, AddressFact[]> {
  const index = new Map<string | number, AddressFact[]>();
  for (const a of facts) {
    const k = keyOf(a);
    if (k === null) continue;
    const list = index.get(k);
    if (list) list.push(a);
    else index.set(k, [a]);
  }
  return index;
}

/** The rows that can match: looked up by the most selective criterion instead of scanning all. */
function addressCandidates(scope: EvalScope, facts: AddressFact[], c: Extract<Condition, { type: 'address' }>): AddressFact[] {
  const lookup = (name: string, keyOf: (a: AddressFact) => string | number | null, keys: Iterable<string | number>) => {
    const index = cachedFacts(scope, `addresses:by-${name}`, () => indexBy(facts, keyOf));
    return [...keys].flatMap((k) => index.get(k) ?? []);
  };
  if (c.postcodeRanges) {
    const index = cachedFacts(scope, 'addresses:by-pc4', () => indexBy(facts, (a) => a.pc4));
    return [...index.keys()].filter((k) => c.postcodeRanges!.some((r) => (k as number) >= r.from && (k as number) <= r.to)).flatMap((k) => index.get(k)!);
  }
  if (c.municipalities) return lookup('municipality', (a) => a.municipality, lowerSet(c.municipalities)!);
  if (c.cities) return lookup('city', (a) => a.city, lowerSet(c.cities)!);
  if (c.provinces) return lookup('province', (a) => a.province, lowerSet(c.provinces)!);
  return facts;
}

/**
 * Has a link of the given type, on the days the link is valid and (with a target) the
 * relation at the other end satisfies the target condition: "director of a member company".
 * A relation in the trash is gone for the user, so a link to it never counts (the target is
 * evaluated for everyone, and a NOT in it would otherwise let the trashed one in).
 */
export const linkAtom: Atom<'link'> = (c, scope) => {
  const target = c.target ? scope.evaluate(c.target, { ...scope, relationIds: null }) : null;
  const sides: ['from' | 'to', string, string][] = [];
  if (c.direction !== 'to') sides.push(['from', 'l.from_relation_id', 'l.to_relation_id']);
  if (c.direction !== 'from') sides.push(['to', 'l.to_relation_id', 'l.from_relation_id']);
  const facts: [string, IntervalSet][] = [];
  for (const [, subject, other] of sides) {
    const filter = relationFilter(scope, subject);
    const rows = scope.ctx.sqlite
      .prepare(
        `SELECT ${subject} AS id, ${other} AS other, l.valid_from AS vf, l.valid_to AS vt
           FROM relation_links l JOIN link_types t ON t.id = l.link_type_id
           JOIN relations o ON o.id = ${other} AND o.deleted_at IS NULL
          WHERE t.code IN (SELECT value FROM json_each(@codes)) AND ${overlapsWindow('l')} AND ${filter.sql}`,
      )
      .all({ codes: JSON.stringify(c.linkTypeCodes), ...windowParams(scope), ...filter.params }) as (Row & { other: string })[];
    for (const r of rows) {
      const period = fromPeriod(r.vf, r.vt);
      facts.push([r.id, target ? intersect(period, valueFor(target, r.other)) : period]);
    }
  }
  return fromFacts(facts);
};

/**
 * Membership of a group: its condition (if smart) plus hand-added members, minus hand-excluded
 * ones, each on their own dates. With roles, only hand-entered members holding one of them
 * count (a computed member has no role); a member without a role counts as 'lid'.
 */
export function groupMembership(scope: EvalScope, groupId: string, roleCodes?: string[]): RelationIntervals {
  const key = `group:${groupId}${roleCodes ? `:${roleCodes.join(',')}` : ''}`;
  return withReference(scope, key, (inner) => {
    const group = inner.ctx.sqlite.prepare('SELECT condition FROM groups WHERE id = ?').get(groupId) as { condition: string | null } | undefined;
    if (!group) throw new DomainError('VALIDATION_FAILED', { groupId }, [{ field: 'condition', code: 'GROUP_UNKNOWN' }]);
    const rows = inner.ctx.sqlite
      .prepare(
        `SELECT m.relation_id AS id, m.valid_from AS vf, m.valid_to AS vt, m.mode, coalesce(r.code, 'lid') AS role
           FROM group_members m LEFT JOIN group_roles r ON r.id = m.role_id
          WHERE m.group_id = @groupId AND ${overlapsWindow('m')}`,
      )
      .all({ groupId, ...windowParams(inner) }) as (Row & { mode: 'include' | 'exclude'; role: string })[];
    const included = fromFacts(
      rows.filter((r) => r.mode === 'include' && (!roleCodes || roleCodes.includes(r.role))).map((r): [string, IntervalSet] => [r.id, fromPeriod(r.vf, r.vt)]),
    );
    const excluded = fromFacts(rows.filter((r) => r.mode === 'exclude').map((r): [string, IntervalSet] => [r.id, fromPeriod(r.vf, r.vt)]));
    const members =
      group.condition && !roleCodes ? or(inner.evaluate(storedCondition(group.condition, { kind: 'group', id: groupId }), inner), included) : included;
    return excluded.map.size === 0 ? members : and(members, not(excluded));
  });
}

export const groupMemberAtom: Atom<'groupMember'> = (c, scope) => groupMembership(scope, c.groupId, c.roleCodes);

export const selectionAtom: Atom<'selection'> = (c, scope) =>
  withReference(scope, `selection:${c.selectionId}`, (inner) => {
    const row = inner.ctx.sqlite.prepare('SELECT condition FROM selections WHERE id = ?').get(c.selectionId) as { condition: string } | undefined;
    if (!row) throw new DomainError('VALIDATION_FAILED', { selectionId: c.selectionId }, [{ field: 'condition', code: 'SELECTION_UNKNOWN' }]);
    return inner.evaluate(storedCondition(row.condition, { kind: 'selection', id: c.selectionId }), inner);
  });

/**
 * On day D the item holds and the run of consecutive days containing D began between
 * maxDays and minDays days before D: "new in the last 183 days", "at least 25 years".
 */
export function durationTransform(set: IntervalSet, minDays: number | undefined, maxDays: number | undefined): IntervalSet {
  const out: Interval[] = [];
  for (const run of set) {
    const from = run.from === NEG_INF ? NEG_INF : run.from + (minDays ?? 0);
    const to = maxDays === undefined ? run.to : run.from === NEG_INF ? NEG_INF : Math.min(run.to, run.from + maxDays + 1);
    if (from < to) out.push({ from, to });
  }
  return normalize(out);
}

/**
 * `contains(durationTransform(set, minDays, maxDays), day)` without building the set: the
 * transform only shortens each run, so only the run containing the day can hold it.
 */
export function durationHoldsOn(set: IntervalSet, minDays: number | undefined, maxDays: number | undefined, day: number): boolean {
  const run = longestRunContaining(set, day);
  return run ? durationHoldsInRun(run.from, run.to, minDays, maxDays, day) : false;
}

/** `durationHoldsOn` of the one run [runFrom, runTo) (which must contain `day` to hold it). */
export function durationHoldsInRun(runFrom: number, runTo: number, minDays: number | undefined, maxDays: number | undefined, day: number): boolean {
  if (!(runFrom <= day && day < runTo)) return false;
  const from = runFrom === NEG_INF ? NEG_INF : runFrom + (minDays ?? 0);
  const to = maxDays === undefined ? runTo : runFrom === NEG_INF ? NEG_INF : Math.min(runTo, runFrom + maxDays + 1);
  return from <= day && day < to;
}

/** The item of a duration over its whole history up to the window's end (a run that holds on D may have begun long before). */
export function durationItem(c: Extract<Condition, { type: 'duration' }>, scope: EvalScope): RelationIntervals {
  return scope.evaluate(c.item, { ...scope, window: { from: NEG_INF, to: scope.window.to === POS_INF ? POS_INF : scope.window.to } });
}

export const durationAtom: Atom<'duration'> = (c, scope) => {
  const item = durationItem(c, scope);
  const map = new Map<string, IntervalSet>();
  for (const [id, set] of item.map) map.set(id, durationTransform(set, c.minDays, c.maxDays));
  return { fallback: durationTransform(item.fallback, c.minDays, c.maxDays), map };
};

export const subscriptionAtom: Atom<'subscription'> = (c, scope) => {
  const filter = relationFilter(scope, 's.relation_id');
  const rows = scope.ctx.sqlite
    .prepare(
      `SELECT s.relation_id AS id, s.start_date AS vf, s.end_date AS vt
         FROM subscriptions s JOIN subscription_types t ON t.id = s.type_id
        WHERE t.code IN (SELECT value FROM json_each(@codes))
          AND (s.end_date IS NULL OR s.end_date > @wfrom) AND s.start_date < @wto AND ${filter.sql}`,
    )
    .all({ codes: JSON.stringify(c.typeCodes), ...windowParams(scope), ...filter.params }) as Row[];
  return fromFacts(rows.map((r): [string, IntervalSet] => [r.id, fromPeriod(r.vf, r.vt)]));
};

/**
 * Holds a computed membership (stored periods). With includeSubunits, membership of any unit
 * that was under the given unit at the time counts; since a member of a unit is also a
 * member of its ancestors, that is the same as membership of the unit itself.
 */
export const membershipAtom: Atom<'membership'> = (c, scope) => (inBulk(scope, 'membership') ? membershipInMemory(c, scope) : membershipInSql(c, scope));

/** One membership condition: SQLite filters while reading. */
function membershipInSql(c: Extract<Condition, { type: 'membership' }>, scope: EvalScope): RelationIntervals {
  const filter = relationFilter(scope, 'm.relation_id');
  const where = [`(m.end_date IS NULL OR m.end_date > @wfrom) AND (m.start_date IS NULL OR m.start_date < @wto)`, filter.sql];
  const params: Record<string, unknown> = { ...windowParams(scope), ...filter.params };
  if (c.unitId) {
    where.push('m.unit_id = @unit');
    params.unit = c.unitId;
  }
  if (c.typeCodes) {
    where.push('t.code IN (SELECT value FROM json_each(@codes))');
    params.codes = JSON.stringify(c.typeCodes);
  }
  const rows = scope.ctx.sqlite
    .prepare(
      `SELECT m.relation_id AS id, m.start_date AS vf, m.end_date AS vt FROM memberships m
         JOIN membership_types t ON t.id = m.membership_type_id WHERE ${where.join(' AND ')}`,
    )
    .all(params) as Row[];
  return fromFacts(rows.map((r): [string, IntervalSet] => [r.id, fromPeriod(r.vf, r.vt)]));
}

/** The stored membership periods, read once for all days and indexed by unit and by type. */
interface MembershipFacts {
  rows: MembershipRow[];
  byUnit: Map<string, number[]>;
  byType: Map<string, number[]>;
}
type MembershipRow = { id: string; unit: string; type: string; vf: string | null; vt: string | null; period?: IntervalSet };

/** The row's days, made once per kept row (the rows outlive an evaluation: kept-facts.ts; an interval set is never changed). */
const periodOf = (r: MembershipRow): IntervalSet => (r.period ??= fromPeriod(r.vf, r.vt));

function readMemberships(scope: EvalScope, ids: string[] | null): [string, MembershipRow][] {
  return (
    scope.ctx.sqlite
      .prepare(
        `SELECT m.relation_id, m.unit_id, t.code, m.start_date, m.end_date
           FROM memberships m JOIN membership_types t ON t.id = m.membership_type_id
          WHERE ${ids ? 'm.relation_id IN (SELECT value FROM json_each(?))' : '1'}`,
      )
      .raw()
      .all(...(ids ? [JSON.stringify(ids)] : [])) as [string, string, string, string | null, string | null][]
  ).map(([id, unit, type, vf, vt]) => [id, { id, unit, type, vf, vt }]);
}

function indexMemberships(rows: MembershipRow[]): MembershipFacts {
  const byUnit = new Map<string, number[]>();
  const byType = new Map<string, number[]>();
  rows.forEach((r, i) => {
    (byUnit.get(r.unit) ?? byUnit.set(r.unit, []).get(r.unit)!).push(i);
    (byType.get(r.type) ?? byType.set(r.type, []).get(r.type)!).push(i);
  });
  return { rows, byUnit, byType };
}

/** For everyone: kept between evaluations (kept-facts.ts); for a relation filter: read for it. */
function membershipFacts(scope: EvalScope): MembershipFacts {
  return cachedFacts(
    scope,
    'memberships',
    (): MembershipFacts =>
      scope.relationIds
        ? indexMemberships(readMemberships(scope, scope.relationIds).map(([, r]) => r))
        : keptFacts(scope.ctx, 'memberships', ['memberships', 'membership_types'], (ids) => readMemberships(scope, ids)).derived('indexed', (byRelation) =>
            indexMemberships([...byRelation.values()].flat()),
          ),
    { allDays: true },
  );
}

/**
 * Many membership conditions over the same rows (the overview's types, units, "is a member" on
 * a day and over its history, the chart's lines): one read of the table, then the same filter
 * as the SQL above in memory, ISO dates compared as SQLite compares them.
 */
function membershipRowsInMemory(c: Extract<Condition, { type: 'membership' }>, scope: EvalScope, each: (r: MembershipRow) => void): void {
  const facts = membershipFacts(scope);
  const { wfrom, wto } = windowParams(scope);
  const codes = c.typeCodes ? new Set(c.typeCodes) : null;
  const candidates = c.unitId ? (facts.byUnit.get(c.unitId) ?? []) : codes ? [...codes].flatMap((code) => facts.byType.get(code) ?? []) : null;
  const consider = (r: MembershipRow) => {
    if ((r.vt === null || r.vt > wfrom) && (r.vf === null || r.vf < wto) && (!codes || codes.has(r.type))) each(r);
  };
  if (candidates) for (const i of candidates) consider(facts.rows[i]!);
  else for (const r of facts.rows) consider(r);
}

function membershipInMemory(c: Extract<Condition, { type: 'membership' }>, scope: EvalScope): RelationIntervals {
  const matching: [string, IntervalSet][] = [];
  membershipRowsInMemory(c, scope, (r) => matching.push([r.id, periodOf(r)]));
  return fromFacts(matching);
}

/**
 * On a one-day window the relations with a matching period are exactly those holding it on
 * the day (a period [from, to) overlaps [day, day + 1) when it contains the day): the ids,
 * without building each relation's interval set. Null when the atom is read by SQL (not in bulk).
 */
export function membershipOnDay(c: Extract<Condition, { type: 'membership' }>, scope: EvalScope): Set<string> | null {
  if (!inBulk(scope, 'membership')) return null;
  const ids = new Set<string>();
  membershipRowsInMemory(c, scope, (r) => ids.add(r.id));
  return ids;
}
