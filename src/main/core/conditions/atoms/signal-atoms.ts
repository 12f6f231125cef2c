import type { CoreContext } from '../../context';
import type { Condition, DataSignal } from '../../../../shared/contract/conditions';
import { normalizePostcode } from '../../../../shared/dutch/postcode';
import { lookupPc4 } from '../../../../shared/dutch/pc4';
import { ALL, birthdayDays, birthdayMonthDays, complement, fromPeriod, type IntervalSet } from '../interval-set';
import { fromFacts, type RelationIntervals } from '../relation-intervals';
import { overlapsWindow, relationFilter, windowParams, type EvalScope } from '../eval-scope';
import { suspectedPairs } from '../../dedupe/kept-scan';
import { NO_EMAIL_SQL, sharedRelationRows } from './relation-rows';

type Atom<T extends Condition['type']> = (c: Extract<Condition, { type: T }>, scope: EvalScope) => RelationIntervals;
type Row = { id: string; vf: string | null; vt: string | null };

/** On each birthday (one day a year; 29 February counts on 1 March in other years, as in `age`). */
export const birthdayAtom: Atom<'birthday'> = (_c, scope) => {
  const filter = relationFilter(scope, 'id');
  const shared = sharedRelationRows(scope, 'birthday');
  // Only the birth dates that can have a birthday in the window (the next 14 days: 1 in 25).
  const monthDays = birthdayMonthDays(scope.window.from, scope.window.to);
  const rows = shared
    ? (shared.filter((r) => r.kind === 'person' && r.birth !== null && (!monthDays || monthDays.has(r.birth.slice(5, 10)))) as { id: string; birth: string }[])
    : (scope.ctx.sqlite
        .prepare(
          `SELECT id, birth_date AS birth FROM relations WHERE kind = 'person' AND birth_date IS NOT NULL AND ${filter.sql}${monthDays ? ' AND substr(birth_date, 6, 5) IN (SELECT value FROM json_each(@monthDays))' : ''}`,
        )
        .all({ ...filter.params, ...(monthDays ? { monthDays: JSON.stringify([...monthDays]) } : {}) }) as {
        id: string;
        birth: string;
      }[]);
  return fromFacts(rows.map((r): [string, IntervalSet] => [r.id, birthdayDays(r.birth, scope.window.from, scope.window.to)]));
};

/** Both relations of every suspected pair (the scan is kept between changes: core/dedupe/kept-scan.ts). */
function suspectedIds(ctx: CoreContext): Set<string> {
  return new Set(suspectedPairs(ctx).flatMap((p) => p.split('|')));
}

const undated = (ids: Iterable<string>): RelationIntervals => fromFacts([...ids].map((id): [string, IntervalSet] => [id, ALL]));

/** Who pays by direct debit: the payer named in the payment settings, else the relation itself. */
const DEBIT_PAYERS = `SELECT DISTINCT coalesce(p.payer_relation_id, p.relation_id) AS id FROM payment_settings p WHERE p.method = 'incasso' AND p.exempt = 0`;

const SIGNALS: Record<DataSignal, (scope: EvalScope) => RelationIntervals> = {
  noEmail: (scope) => {
    const shared = sharedRelationRows(scope, 'dataSignal');
    if (shared) return undated(shared.filter((r) => r.noEmail).map((r) => r.id));
    const filter = relationFilter(scope, 'id');
    const rows = scope.ctx.sqlite.prepare(`SELECT id FROM relations WHERE ${NO_EMAIL_SQL} AND ${filter.sql}`).all(filter.params) as { id: string }[];
    return undated(rows.map((r) => r.id));
  },
  /** A Dutch address (country NL or empty) whose postcode is missing, malformed or not a known PC4, on the days it is valid. */
  invalidPostcode: (scope) => {
    const filter = relationFilter(scope, 'a.relation_id');
    const rows = scope.ctx.sqlite
      .prepare(
        `SELECT a.relation_id AS id, a.valid_from AS vf, a.valid_to AS vt, a.postcode FROM addresses a
          WHERE coalesce(a.country, 'NL') IN ('NL', '') AND ${overlapsWindow('a')} AND ${filter.sql}`,
      )
      .all({ ...windowParams(scope), ...filter.params }) as (Row & { postcode: string | null })[];
    const invalid = rows.filter((r) => {
      const normal = normalizePostcode(r.postcode ?? '', 'NL');
      return !normal.ok || lookupPc4(scope.ctx.reference.pc4, normal.value) === null;
    });
    return fromFacts(invalid.map((r): [string, IntervalSet] => [r.id, fromPeriod(r.vf, r.vt)]));
  },
  debitWithoutIban: (scope) => {
    const filter = relationFilter(scope, 'r.id');
    const rows = scope.ctx.sqlite
      .prepare(`SELECT r.id FROM relations r WHERE r.id IN (${DEBIT_PAYERS}) AND coalesce(trim(r.iban), '') = '' AND ${filter.sql}`)
      .all(filter.params) as { id: string }[];
    return undated(rows.map((r) => r.id));
  },
  /**
   * A direct-debit payer on the days no mandate of theirs was in force: from signing to its
   * end date; a mandate no longer active without an end date never counts.
   */
  debitWithoutMandate: (scope) => {
    const filter = relationFilter(scope, 'd.id');
    const rows = scope.ctx.sqlite
      .prepare(
        `SELECT d.id, m.signed_on AS vf, CASE WHEN m.status = 'active' THEN m.ended_on ELSE coalesce(m.ended_on, m.signed_on) END AS vt
           FROM (${DEBIT_PAYERS}) d LEFT JOIN sepa_mandates m ON m.relation_id = d.id WHERE ${filter.sql}`,
      )
      .all(filter.params) as { id: string; vf: string | null; vt: string | null }[];
    const covered = fromFacts(rows.filter((r) => r.vf !== null).map((r): [string, IntervalSet] => [r.id, fromPeriod(r.vf, r.vt)]));
    const payers = new Set(rows.map((r) => r.id));
    return fromFacts([...payers].map((id): [string, IntervalSet] => [id, complement(covered.map.get(id) ?? [])]));
  },
  /** In a suspected pair of the duplicate scan (core/dedupe: same scorer, weights and "Geen dubbel" pairs). */
  suspectedDuplicate: (scope) => {
    const ids = suspectedIds(scope.ctx);
    const only = scope.relationIds ? new Set(scope.relationIds) : null;
    return undated([...ids].filter((id) => !only || only.has(id)));
  },
  /**
   * A direct debit came back. HOOK(bank statements, issue 12): until returns are recorded per
   * collection, the one fact that exists is a mandate ended by a return code (MD07, AC04…):
   * from its end date. When the bank module stores returns, count them here.
   */
  returnedDebit: (scope) => {
    const filter = relationFilter(scope, 'm.relation_id');
    const rows = scope.ctx.sqlite
      .prepare(
        `SELECT m.relation_id AS id, coalesce(m.ended_on, m.signed_on) AS vf FROM sepa_mandates m
          WHERE m.status = 'ended' AND coalesce(trim(m.end_reason), '') <> '' AND ${filter.sql}`,
      )
      .all(filter.params) as { id: string; vf: string }[];
    return fromFacts(rows.map((r): [string, IntervalSet] => [r.id, fromPeriod(r.vf, null)]));
  },
};

export const dataSignalAtom: Atom<'dataSignal'> = (c, scope) => SIGNALS[c.signal](scope);
