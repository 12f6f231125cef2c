import type { CoreContext } from '../context';
import type { MembershipChanges } from '../../../shared/contract';
import { difference, fromPeriod, isEmpty, normalize, toPeriods, type IntervalSet } from '../conditions/interval-set';
import { computeMemberships, key, type Computed } from './membership-engine';
import { loadModel, staleKeys } from './membership-model';
import { describeBrokenRules } from './rule-health';
import { rowMapper } from '../db/row-mapper';
import { suspendInsertAudit } from '../exchange/set-based-audit';
import { insertRows } from '../db/bulk-insert';

const MAX_LISTED_CHANGES = 500;

function sameSet(a: IntervalSet, b: IntervalSet): boolean {
  return a.length === b.length && a.every((x, i) => x.from === b[i]!.from && x.to === b[i]!.to);
}

const changedRelationRow = rowMapper('changed relation', { id: 'text', name: 'text', number: 'int' });
const storedRow = rowMapper('stored membership', { rid: 'text', unitId: 'text', typeId: 'text', vf: 'text?', vt: 'text?' });

/** The stored periods, in the same shape as a computation. */
function loadStored(ctx: CoreContext, relationIds: string[] | null): Computed {
  const rows = storedRow.all(
    ctx.sqlite
      .prepare(
        `SELECT relation_id AS rid, unit_id AS unitId, membership_type_id AS typeId, start_date AS vf, end_date AS vt FROM memberships
          ${relationIds ? 'WHERE relation_id IN (SELECT value FROM json_each(?))' : ''}`,
      )
      .all(...(relationIds ? [JSON.stringify(relationIds)] : [])),
  );
  const out: Computed = new Map();
  const raw = new Map<string, Map<string, IntervalSet[]>>();
  for (const r of rows) {
    const k = key(r.unitId, r.typeId);
    const perRelation = raw.get(k) ?? new Map<string, IntervalSet[]>();
    raw.set(k, perRelation);
    perRelation.set(r.rid, [...(perRelation.get(r.rid) ?? []), fromPeriod(r.vf, r.vt)]);
  }
  for (const [k, perRelation] of raw) out.set(k, new Map([...perRelation].map(([rid, sets]) => [rid, normalize(sets.flat())])));
  return out;
}

/**
 * Recomputes memberships (for everyone, or some relations) and writes only what changed:
 * each changed (relation, unit, type) has its rows replaced, which the audit triggers log.
 * Must run inside an operation. Returns the changes, per relation and unit.
 */
export function recomputeMemberships(ctx: CoreContext, relationIds: string[] | null): MembershipChanges {
  const model = loadModel(ctx);
  const computed = computeMemberships(ctx, relationIds, model);
  const stored = loadStored(ctx, relationIds);
  const changed: { rid: string; unitId: string; typeId: string; gained: IntervalSet; lost: IntervalSet }[] = [];
  const replaced: { rid: string; unitId: string; typeId: string; had: boolean; periods: IntervalSet }[] = [];
  // Memberships that depend on a broken rule stay as they were (stale) until it is repaired.
  const stale = staleKeys(model);
  for (const k of new Set([...computed.keys(), ...stored.keys()])) {
    const [unitId, typeId] = k.split('|') as [string, string];
    if (!model.units.has(unitId)) continue; // a deleted unit's rows go with it by cascade
    if (stale.has(k)) continue;
    const now = computed.get(k) ?? new Map<string, IntervalSet>();
    const before = stored.get(k) ?? new Map<string, IntervalSet>();
    for (const rid of new Set([...now.keys(), ...before.keys()])) {
      const a = before.get(rid) ?? [];
      const b = now.get(rid) ?? [];
      if (sameSet(a, b)) continue;
      replaced.push({ rid, unitId, typeId, had: a.length > 0, periods: b });
      changed.push({ rid, unitId, typeId, gained: difference(b, a), lost: difference(a, b) });
    }
  }
  writeReplaced(ctx, replaced);
  return describeChanges(ctx, model, changed);
}

/** From this many new periods on, their audit rows are written set-based (an import, a new rule). */
const SET_BASED_AUDIT_FROM = 1_000;

/**
 * Replaces the stored periods of each changed (relation, unit, type): the old rows first,
 * then the new ones. Many new rows (the first recompute after a 100,000-row import) take
 * the bulk path's set-based audit (exchange/set-based-audit.ts): the per-row insert trigger
 * cost about as much as the rows themselves. The deletes come first so that no new row can
 * take the rowid of a deleted one below the mark the set-based audit reads from.
 */
const MEMBERSHIP_COLUMNS = ['id', 'relation_id', 'unit_id', 'membership_type_id', 'start_date', 'end_date'];

function writeReplaced(ctx: CoreContext, replaced: { rid: string; unitId: string; typeId: string; had: boolean; periods: IntervalSet }[]): void {
  const del = ctx.sqlite.prepare('DELETE FROM memberships WHERE relation_id = ? AND unit_id = ? AND membership_type_id = ?');
  for (const r of replaced) if (r.had) del.run(r.rid, r.unitId, r.typeId);
  const inserts = replaced.reduce((n, r) => n + r.periods.length, 0);
  const audit = inserts >= SET_BASED_AUDIT_FROM ? suspendInsertAudit(ctx.sqlite, 'memberships') : null;
  try {
    // Multi-row INSERTs (db/bulk-insert.ts): a recompute after an import writes 100,000 rows.
    const rows: unknown[][] = [];
    for (const r of replaced) for (const p of toPeriods(r.periods)) rows.push([ctx.newId(), r.rid, r.unitId, r.typeId, p.from, p.to]);
    insertRows(ctx.sqlite, 'memberships', MEMBERSHIP_COLUMNS, rows);
    audit?.resume();
  } catch (e) {
    // As in bulkLoad: rows without their audit rows must never commit, not even if a caller catches this.
    if (audit && ctx.sqlite.inTransaction) ctx.sqlite.exec('ROLLBACK');
    throw e;
  }
}

function describeChanges(
  ctx: CoreContext,
  model: ReturnType<typeof loadModel>,
  changed: { rid: string; unitId: string; typeId: string; gained: IntervalSet; lost: IntervalSet }[],
): MembershipChanges {
  const perUnit = new Map<string, { unitId: string; unitName: string; gained: number; lost: number }>();
  for (const c of changed) {
    const u = perUnit.get(c.unitId) ?? { unitId: c.unitId, unitName: model.units.get(c.unitId)?.name ?? '', gained: 0, lost: 0 };
    if (!isEmpty(c.gained)) u.gained++;
    if (!isEmpty(c.lost)) u.lost++;
    perUnit.set(c.unitId, u);
  }
  const listed = changed.slice(0, MAX_LISTED_CHANGES);
  const ids = [...new Set(listed.map((c) => c.rid))];
  const names = new Map(
    changedRelationRow
      .all(ctx.sqlite.prepare('SELECT id, display_name AS name, number FROM relations WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)))
      .map((r) => [r.id, r]),
  );
  const typeCode = new Map(model.types.map((t) => [t.id, t.code]));
  return {
    relations: new Set(changed.map((c) => c.rid)).size,
    perUnit: [...perUnit.values()].sort((a, b) => a.unitName.localeCompare(b.unitName, 'nl')),
    changes: listed
      .map((c) => ({
        relationId: c.rid,
        displayName: names.get(c.rid)?.name ?? '',
        number: names.get(c.rid)?.number ?? 0,
        unitId: c.unitId,
        unitName: model.units.get(c.unitId)?.name ?? '',
        typeCode: typeCode.get(c.typeId) ?? '',
        gained: toPeriods(c.gained),
        lost: toPeriods(c.lost),
      }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl') || a.unitName.localeCompare(b.unitName, 'nl')),
    truncated: changed.length > listed.length,
    broken: describeBrokenRules(ctx, model),
  };
}
