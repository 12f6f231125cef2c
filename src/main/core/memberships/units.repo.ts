import { and, eq, isNull, or, gt, lte } from 'drizzle-orm';
import type { CoreContext } from '../context';
import type { UnitDto, UnitRuleDto, Condition } from '../../../shared/contract';
import { DomainError, notFound } from '../../../shared/errors';
import { unitPlacements, units } from '../db/schema';
import { loadModel, versionPeriods, GENERAL } from './membership-model';
import { idRow, rowMapper } from '../db/row-mapper';

export function getUnitRow(ctx: CoreContext, id: string) {
  const row = ctx.db.select().from(units).where(eq(units.id, id)).get();
  if (!row) throw notFound('unit', id);
  return row;
}

const within = (p: { validFrom: string | null; validTo: string | null }, day: string) =>
  (p.validFrom === null || p.validFrom <= day) && (p.validTo === null || p.validTo > day);

const unitCountRow = rowMapper('members per unit and type', { unitId: 'text', code: 'text', n: 'int' });
const nextStartRow = rowMapper('next placement start', { d: 'text?' });

/** Member counts per unit and type code on a date, from the stored memberships. */
function countsOn(ctx: CoreContext, day: string): Map<string, Record<string, number>> {
  const rows = unitCountRow.all(ctx.sqlite
    .prepare(
      `SELECT m.unit_id AS unitId, t.code, count(DISTINCT m.relation_id) AS n FROM memberships m
         JOIN membership_types t ON t.id = m.membership_type_id JOIN relations r ON r.id = m.relation_id
        WHERE r.deleted_at IS NULL AND (m.start_date IS NULL OR m.start_date <= ?) AND (m.end_date IS NULL OR m.end_date > ?)
        GROUP BY m.unit_id, t.code`,
    )
    .all(day, day));
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) out.set(r.unitId, { ...(out.get(r.unitId) ?? {}), [r.code]: r.n });
  return out;
}

export function listUnits(ctx: CoreContext, day: string): UnitDto[] {
  const model = loadModel(ctx);
  const counts = countsOn(ctx, day);
  const extra = new Map((ctx.db.select().from(units).all()).map((u) => [u.id, u]));
  return [...model.units.values()].map((u) => {
    const row = extra.get(u.id)!;
    const placement = u.placements.find((p) => within(p, day));
    return {
      id: u.id,
      name: u.name,
      level: row.level,
      startDate: u.startDate,
      endDate: u.endDate,
      parentId: placement?.parentId ?? null,
      active: within({ validFrom: u.startDate, validTo: u.endDate }, day),
      placements: u.placements,
      relationId: row.relationId,
      membersGroupId: row.membersGroupId,
      boardGroupId: row.boardGroupId,
      counts: counts.get(u.id) ?? {},
    };
  });
}

export function rulesOf(ctx: CoreContext, unitId: string): UnitRuleDto[] {
  const unit = loadModel(ctx).units.get(unitId);
  if (!unit) throw notFound('unit', unitId);
  return [...unit.rules].flatMap(([typeKey, versions]) =>
    versionPeriods(versions).map((v) => ({
      id: v.id,
      unitId,
      membershipTypeId: typeKey === GENERAL ? null : typeKey,
      condition: v.condition as Condition | null,
      validFrom: v.validFrom,
      validTo: v.validTo,
      note: v.note,
      broken: v.fault?.code ?? null,
    })),
  );
}

/** All units that were ever under `unitId`, at any time: a move under one of them would make a loop. */
export function descendantsEver(ctx: CoreContext, unitId: string): Set<string> {
  const rows = ctx.sqlite
    .prepare(
      `WITH RECURSIVE down(id) AS (SELECT ? UNION SELECT p.unit_id FROM unit_placements p JOIN down ON p.parent_id = down.id)
       SELECT id FROM down`,
    )
    .all(unitId);
  return new Set(idRow.all(rows).map((r) => r.id));
}

/** From `date` on the unit hangs under `parentId`: the placement in force then ends there. */
export function moveUnit(ctx: CoreContext, unitId: string, parentId: string, date: string): void {
  getUnitRow(ctx, unitId);
  getUnitRow(ctx, parentId);
  if (descendantsEver(ctx, unitId).has(parentId)) {
    throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'parentId', code: 'UNIT_TREE_CYCLE' }]);
  }
  const current = ctx.db
    .select()
    .from(unitPlacements)
    .where(and(eq(unitPlacements.unitId, unitId), or(isNull(unitPlacements.validFrom), lte(unitPlacements.validFrom, date)), or(isNull(unitPlacements.validTo), gt(unitPlacements.validTo, date))))
    .get();
  if (current?.parentId === parentId) throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'parentId', code: 'UNIT_ALREADY_THERE' }]);
  if (current && current.validFrom === date) {
    ctx.db.update(unitPlacements).set({ parentId }).where(eq(unitPlacements.id, current.id)).run();
    return;
  }
  let until: string | null = null;
  if (current) {
    until = current.validTo;
    ctx.db.update(unitPlacements).set({ validTo: date }).where(eq(unitPlacements.id, current.id)).run();
  } else {
    const next = ctx.sqlite
      .prepare('SELECT min(valid_from) AS d FROM unit_placements WHERE unit_id = ? AND valid_from > ?')
      .get(unitId, date);
    until = nextStartRow.one(next).d;
  }
  ctx.db.insert(unitPlacements).values({ id: ctx.newId(), unitId, parentId, validFrom: date, validTo: until, createdAt: ctx.now() }).run();
}
