import { and, eq, isNull } from 'drizzle-orm';
import type { CoreContext } from '../context';
import type { OperationKind } from '../../../shared/contract';
import type { HandlerGroup } from '../rpc/dispatcher';
import type { Condition, MembershipChanges, MembershipTypeDto } from '../../../shared/contract';
import { parseStoredCondition } from '../conditions/stored-condition';
import { DomainError, notFound } from '../../../shared/errors';
import { groups, membershipTypes, unitPlacements, unitRules, units } from '../db/schema';
import { writeOrPreview, type Operation } from '../audit/operation-writer';
import { recomputeMemberships } from './membership-store';
import { assertRuleCondition } from './rule-conditions';
import { getUnitRow, listUnits, moveUnit, rulesOf } from './units.repo';
import { insertRelation } from '../relations/relations.repo';
import { countRow, positionRow } from '../db/row-mapper';

type Keys =
  | 'units.list' | 'units.get' | 'units.create' | 'units.update' | 'units.move' | 'units.delete' | 'units.createActions'
  | 'membershipTypes.list' | 'membershipTypes.create' | 'membershipTypes.update'
  | 'rules.setVersion' | 'rules.removeVersion' | 'memberships.recompute';

/**
 * Every change to the rule structure recomputes everyone (the changes it causes are what the
 * preview shows) and marks derived data as up to date for the operation.
 */
function recomputeAll(ctx: CoreContext, op: Operation): MembershipChanges {
  const changes = recomputeMemberships(ctx, null);
  op.derivedUpToDate = true;
  op.changed('memberships.changed', { relations: changes.relations });
  return changes;
}

export function unitsHandlers(ctx: CoreContext): HandlerGroup<Keys> {
  const change = <T>(dryRun: boolean, kind: OperationKind, summary: unknown, fn: (op: Operation) => T) => {
    const { saved, result } = writeOrPreview(ctx.write, dryRun, kind, summary, (op) => {
      const value = fn(op);
      return { value, changes: recomputeAll(ctx, op) };
    });
    return { saved, value: result.value, changes: result.changes };
  };
  const typeRow = (id: string) => {
    const t = ctx.db.select().from(membershipTypes).where(eq(membershipTypes.id, id)).get();
    if (!t) throw notFound('membershipType', id);
    return t;
  };
  const typeDto = (t: typeof membershipTypes.$inferSelect): MembershipTypeDto => {
    const base = parseStoredCondition(t.baseCondition);
    return { id: t.id, code: t.code, name: t.name, baseCondition: base.ok ? base.condition : null, broken: base.ok ? null : base.code, position: t.position };
  };
  const insertRule = (unitId: string, typeId: string | null, validFrom: string | null, condition: Condition | null, note: string | null) => {
    const same = ctx.db
      .select()
      .from(unitRules)
      .where(and(eq(unitRules.unitId, unitId), typeId ? eq(unitRules.membershipTypeId, typeId) : isNull(unitRules.membershipTypeId), validFrom ? eq(unitRules.validFrom, validFrom) : isNull(unitRules.validFrom)))
      .get();
    const values = { condition: condition ? JSON.stringify(condition) : null, note };
    if (same) ctx.db.update(unitRules).set(values).where(eq(unitRules.id, same.id)).run();
    else ctx.db.insert(unitRules).values({ id: ctx.newId(), unitId, membershipTypeId: typeId, validFrom, ...values, createdAt: ctx.now() }).run();
  };

  return {
    'units.list': ({ on }) => ({ rows: listUnits(ctx, on ?? ctx.today()) }),
    'units.get': ({ id, on }) => {
      const unit = listUnits(ctx, on ?? ctx.today()).find((u) => u.id === id);
      if (!unit) throw notFound('unit', id);
      return { ...unit, rules: rulesOf(ctx, id) };
    },
    'units.create': ({ unit, parentId, generalRule, typeRules, dryRun }) => {
      assertRuleCondition(ctx, generalRule, 'generalRule');
      typeRules.forEach((r, i) => assertRuleCondition(ctx, r.condition, `typeRules.${i}.condition`));
      const r = change(dryRun, 'units.create', { name: unit.name, parentId }, () => {
        if (parentId) getUnitRow(ctx, parentId);
        const id = ctx.newId();
        const now = ctx.now();
        const position = positionRow.one(ctx.sqlite.prepare('SELECT coalesce(max(position), 0) + 1 AS p FROM units').get()).p;
        ctx.db.insert(units).values({ id, ...unit, position, createdAt: now, updatedAt: now }).run();
        ctx.db.insert(unitPlacements).values({ id: ctx.newId(), unitId: id, parentId, validFrom: unit.startDate, validTo: null, createdAt: now }).run();
        if (generalRule) insertRule(id, null, unit.startDate, generalRule, null);
        for (const t of typeRules) {
          typeRow(t.membershipTypeId);
          insertRule(id, t.membershipTypeId, unit.startDate, t.condition, null);
        }
        return id;
      });
      return { saved: r.saved, id: r.saved ? r.value : null, changes: r.changes };
    },
    'units.update': ({ id, unit, dryRun }) => {
      const r = change(dryRun, 'units.update', { id }, () => {
        getUnitRow(ctx, id);
        ctx.db.update(units).set({ ...unit, updatedAt: ctx.now() }).where(eq(units.id, id)).run();
      });
      return { saved: r.saved, changes: r.changes };
    },
    'units.move': ({ id, parentId, date, dryRun }) => {
      const r = change(dryRun, 'units.move', { id, parentId, date }, () => moveUnit(ctx, id, parentId, date));
      return { saved: r.saved, changes: r.changes };
    },
    'units.delete': ({ id, dryRun }) => {
      const r = change(dryRun, 'units.delete', { id }, () => {
        getUnitRow(ctx, id);
        const child = ctx.db.select().from(unitPlacements).where(eq(unitPlacements.parentId, id)).get();
        if (child) throw new DomainError('CONFLICT', { reason: 'UNIT_HAS_SUBUNITS' });
        ctx.db.delete(units).where(eq(units.id, id)).run();
      });
      return { saved: r.saved, changes: r.changes };
    },
    'units.createActions': ({ id, membersGroup, boardGroup, relation }) =>
      ctx.write('units.createActions', { id }, (op) => {
        const unit = getUnitRow(ctx, id);
        const now = ctx.now();
        const patch: Partial<typeof units.$inferInsert> = {};
        const newGroup = (name: string, type: 'board' | 'mailing_list', condition: Condition | null) => {
          const gid = ctx.newId();
          ctx.db.insert(groups).values({ id: gid, name, type, condition: condition ? JSON.stringify(condition) : null, position: 0, createdAt: now, updatedAt: now }).run();
          return gid;
        };
        if (membersGroup && !unit.membersGroupId) {
          patch.membersGroupId = newGroup(`Leden ${unit.name}`, 'mailing_list', { type: 'membership', unitId: id, includeSubunits: true });
        }
        if (boardGroup && !unit.boardGroupId) patch.boardGroupId = newGroup(`Bestuur ${unit.name}`, 'board', null);
        if (relation && !unit.relationId) {
          patch.relationId = insertRelation(ctx, { kind: 'organisation', fields: { name: unit.name } as never }).id;
        }
        if (Object.keys(patch).length) {
          ctx.db.update(units).set({ ...patch, updatedAt: now }).where(eq(units.id, id)).run();
          op.changed('memberships.changed', { units: [id] });
          op.changed('groups.changed', { ids: [patch.membersGroupId, patch.boardGroupId].filter((g): g is string => typeof g === 'string') });
        }
        const after = getUnitRow(ctx, id);
        return { membersGroupId: after.membersGroupId, boardGroupId: after.boardGroupId, relationId: after.relationId };
      }),
    'membershipTypes.list': () => ({ rows: ctx.db.select().from(membershipTypes).orderBy(membershipTypes.position).all().map(typeDto) }),
    'membershipTypes.create': ({ code, name, baseCondition, dryRun }) => {
      assertRuleCondition(ctx, baseCondition, 'baseCondition');
      const r = change(dryRun, 'membershipTypes.create', { code }, () => {
        if (ctx.db.select().from(membershipTypes).where(eq(membershipTypes.code, code)).get()) {
          throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'code', code: 'CODE_TAKEN' }]);
        }
        const id = ctx.newId();
        const position = positionRow.one(ctx.sqlite.prepare('SELECT coalesce(max(position), 0) + 1 AS p FROM membership_types').get()).p;
        ctx.db.insert(membershipTypes).values({ id, code, name, baseCondition: JSON.stringify(baseCondition), position, createdAt: ctx.now(), updatedAt: ctx.now() }).run();
        return id;
      });
      return { saved: r.saved, id: r.saved ? r.value : null, changes: r.changes };
    },
    'membershipTypes.update': ({ id, name, baseCondition, dryRun }) => {
      assertRuleCondition(ctx, baseCondition, 'baseCondition');
      const r = change(dryRun, 'membershipTypes.update', { id }, () => {
        typeRow(id);
        ctx.db.update(membershipTypes).set({ name, baseCondition: JSON.stringify(baseCondition), updatedAt: ctx.now() }).where(eq(membershipTypes.id, id)).run();
      });
      return { saved: r.saved, changes: r.changes };
    },
    'rules.setVersion': ({ unitId, membershipTypeId, validFrom, condition, note, dryRun }) => {
      assertRuleCondition(ctx, condition, 'condition');
      const r = change(dryRun, 'rules.setVersion', { unitId, membershipTypeId, validFrom }, () => {
        getUnitRow(ctx, unitId);
        if (membershipTypeId) typeRow(membershipTypeId);
        insertRule(unitId, membershipTypeId, validFrom, condition, note);
      });
      return { saved: r.saved, changes: r.changes };
    },
    'rules.removeVersion': ({ id, dryRun }) => {
      const r = change(dryRun, 'rules.removeVersion', { id }, () => {
        if (ctx.db.delete(unitRules).where(eq(unitRules.id, id)).run().changes === 0) throw notFound('rule', id);
      });
      return { saved: r.saved, changes: r.changes };
    },
    'memberships.recompute': ({ dryRun }) => {
      const r = change(dryRun, 'memberships.recompute', null, () => undefined);
      const count = countRow.one(ctx.sqlite.prepare('SELECT count(*) AS n FROM memberships').get()).n;
      return { saved: r.saved, changes: r.changes, memberships: count };
    },
  };
}

