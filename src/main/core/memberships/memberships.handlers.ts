import { eq } from 'drizzle-orm';
import type { CoreContext } from '../context';
import type { HandlerGroup } from '../rpc/dispatcher';
import type { MembershipDto } from '../../../shared/contract';
import { notFound } from '../../../shared/errors';
import { membershipExceptions, membershipTypes } from '../db/schema';
import { getRelationRow } from '../relations/relations.repo';
import { loadSummaries } from '../relations/relation-summaries';
import { addDays, addYears } from '../../../shared/dutch/dates';
import { jubileesIn, membershipNamesOn } from './jubilees';
import { getUnitRow } from './units.repo';
import { explainMembership } from './explain-membership';
import { loadModel } from './membership-model';
import { describeBrokenRules } from './rule-health';

type Keys =
  | 'exceptions.list' | 'exceptions.add' | 'exceptions.update' | 'exceptions.remove'
  | 'memberships.list' | 'memberships.ofRelation' | 'memberships.explain' | 'memberships.jubilees' | 'memberships.brokenRules';

const EXCEPTION_SELECT = `SELECT e.id, e.relation_id AS relationId, r.display_name AS displayName, e.unit_id AS unitId, u.name AS unitName,
       e.membership_type_id AS membershipTypeId, t.name AS typeName, e.valid_from AS validFrom, e.valid_to AS validTo,
       e.ignore_base_rule AS ignoreBaseRule, e.reason
  FROM membership_exceptions e JOIN relations r ON r.id = e.relation_id JOIN units u ON u.id = e.unit_id
  JOIN membership_types t ON t.id = e.membership_type_id`;

const MEMBERSHIP_SELECT = `SELECT m.id, m.relation_id AS relationId, m.unit_id AS unitId, u.name AS unitName, t.id AS typeId, t.code AS typeCode,
       t.name AS typeName, m.start_date AS startDate, m.end_date AS endDate,
       EXISTS (SELECT 1 FROM membership_exceptions e WHERE e.relation_id = m.relation_id AND e.membership_type_id = m.membership_type_id
                  AND (e.valid_to IS NULL OR m.start_date IS NULL OR e.valid_to > m.start_date)
                  AND (e.valid_from IS NULL OR m.end_date IS NULL OR e.valid_from < m.end_date)) AS viaException
  FROM memberships m JOIN units u ON u.id = m.unit_id JOIN membership_types t ON t.id = m.membership_type_id`;

type MembershipRow = Omit<MembershipDto, 'years' | 'viaException'> & { viaException: number };

/** Whole years from a membership's start to `day` (or its end, if earlier). */
function yearsOf(start: string | null, end: string | null, day: string): number {
  if (!start) return 0;
  const until = end && end < day ? end : day;
  let years = Number(until.slice(0, 4)) - Number(start.slice(0, 4));
  if (addYears(start, years) > until) years--;
  return Math.max(0, years);
}

export function membershipsHandlers(ctx: CoreContext): HandlerGroup<Keys> {
  const toDto = (r: MembershipRow, day: string): MembershipDto => ({ ...r, viaException: r.viaException === 1, years: yearsOf(r.startDate, r.endDate, day) });
  const exception = (id: string) => {
    const row = ctx.sqlite.prepare(`${EXCEPTION_SELECT} WHERE e.id = ?`).get(id) as (Record<string, unknown> & { ignoreBaseRule: number }) | undefined;
    if (!row) throw notFound('exception', id);
    return { ...row, ignoreBaseRule: row.ignoreBaseRule === 1 } as never;
  };
  const typeRow = (id: string) => {
    const t = ctx.db.select().from(membershipTypes).where(eq(membershipTypes.id, id)).get();
    if (!t) throw notFound('membershipType', id);
    return t;
  };
  return {
    'exceptions.list': ({ relationId, unitId }) => {
      const [where, arg] = relationId ? ['e.relation_id = ?', relationId] : unitId ? ['e.unit_id = ?', unitId] : ['1 = ?', 1];
      const rows = ctx.sqlite.prepare(`${EXCEPTION_SELECT} WHERE ${where} ORDER BY e.valid_from`).all(arg) as (Record<string, unknown> & { ignoreBaseRule: number })[];
      return { rows: rows.map((r) => ({ ...r, ignoreBaseRule: r.ignoreBaseRule === 1 })) as never };
    },
    'exceptions.add': ({ relationId, exception: e }) =>
      ctx.write('exceptions.add', { relationId, unitId: e.unitId }, (op) => {
        getRelationRow(ctx, relationId);
        getUnitRow(ctx, e.unitId);
        typeRow(e.membershipTypeId);
        const id = ctx.newId();
        ctx.db.insert(membershipExceptions).values({ id, relationId, ...e, createdAt: ctx.now(), updatedAt: ctx.now() }).run();
        op.changed('relations.changed', { ids: [relationId] });
        return exception(id);
      }),
    'exceptions.update': ({ id, exception: e }) =>
      ctx.write('exceptions.update', { id }, (op) => {
        const before = exception(id) as { relationId: string };
        getUnitRow(ctx, e.unitId);
        typeRow(e.membershipTypeId);
        ctx.db.update(membershipExceptions).set({ ...e, updatedAt: ctx.now() }).where(eq(membershipExceptions.id, id)).run();
        op.changed('relations.changed', { ids: [before.relationId] });
        return exception(id);
      }),
    'exceptions.remove': ({ id }) =>
      ctx.write('exceptions.remove', { id }, (op) => {
        const before = exception(id) as { relationId: string };
        ctx.db.delete(membershipExceptions).where(eq(membershipExceptions.id, id)).run();
        op.changed('relations.changed', { ids: [before.relationId] });
        return { id };
      }),
    'memberships.list': ({ unitId, on, typeCode, offset, limit }) => {
      getUnitRow(ctx, unitId);
      const day = on ?? ctx.today();
      const rows = ctx.sqlite
        .prepare(
          `${MEMBERSHIP_SELECT} JOIN relations r ON r.id = m.relation_id
            WHERE m.unit_id = @unitId AND r.deleted_at IS NULL AND (m.start_date IS NULL OR m.start_date <= @day) AND (m.end_date IS NULL OR m.end_date > @day)
              ${typeCode ? 'AND t.code = @typeCode' : ''}
            ORDER BY r.sort_key, r.id, t.position`,
        )
        .all({ unitId, day, ...(typeCode ? { typeCode } : {}) }) as MembershipRow[];
      const counts: Record<string, number> = {};
      const byRelation = new Map<string, MembershipDto[]>();
      for (const r of rows) {
        counts[r.typeCode] = (counts[r.typeCode] ?? 0) + 1;
        byRelation.set(r.relationId, [...(byRelation.get(r.relationId) ?? []), toDto(r, day)]);
      }
      const ids = [...byRelation.keys()];
      const page = ids.slice(offset, offset + limit);
      return { total: ids.length, counts, rows: loadSummaries(ctx, page).map((relation) => ({ relation, memberships: byRelation.get(relation.id) ?? [] })) };
    },
    'memberships.ofRelation': ({ relationId, on }) => {
      getRelationRow(ctx, relationId);
      const day = on ?? ctx.today();
      const rows = ctx.sqlite
        .prepare(`${MEMBERSHIP_SELECT} WHERE m.relation_id = ? ORDER BY t.position, coalesce(m.start_date, ''), u.name`)
        .all(relationId) as MembershipRow[];
      return { rows: rows.map((r) => toDto(r, day)) };
    },
    'memberships.brokenRules': () => ({ rows: describeBrokenRules(ctx, loadModel(ctx)) }),
    'memberships.explain': ({ relationId, unitId, membershipTypeId, on }) => {
      getRelationRow(ctx, relationId);
      getUnitRow(ctx, unitId);
      typeRow(membershipTypeId);
      return explainMembership(ctx, { relationId, unitId, typeId: membershipTypeId, on });
    },
    'memberships.jubilees': ({ years, from, to, unitId, typeCode }) => {
      // The one jubilee rule (./jubilees.ts); this period's end is inclusive. The unit chooses whom to list.
      const found = jubileesIn(ctx, { from, to: addDays(to, 1), years, typeCode, unitId });
      const names = membershipNamesOn(ctx);
      const unitName = unitId ? getUnitRow(ctx, unitId).name : null;
      const summaries = new Map(loadSummaries(ctx, [...new Set(found.map((j) => j.relationId))]).map((s) => [s.id, s]));
      return {
        rows: found.flatMap(({ relationId, ...j }) => {
          const relation = summaries.get(relationId);
          if (!relation) return [];
          return [{ relation, ...j, unitName: unitName ?? names.topUnits(relationId, j.date).join(', '), typeName: names.types(relationId, j.date).join(', ') }];
        }),
      };
    },
  };
}
