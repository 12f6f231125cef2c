import { storedCondition } from '../conditions/stored-condition';
import type { Operation } from '../audit/operation-writer';
import { eq } from 'drizzle-orm';
import type { CoreContext } from '../context';
import type { HandlerGroup } from '../rpc/dispatcher';
import type { groupsContract } from '../../../shared/contract';
import { DomainError } from '../../../shared/errors';
import { groupMembers, groupRoles, groups } from '../db/schema';
import { assertNoCycle, usersOf } from '../conditions/condition-references';
import { evaluateCondition } from '../conditions/condition-engine';
import { toPeriods } from '../conditions/interval-set';
import { resultPage } from '../conditions/evaluation-page';
import * as repo from './groups.repo';

export function groupsHandlers(ctx: CoreContext): HandlerGroup<keyof typeof groupsContract> {
  const changed = (op: Pick<Operation, 'changed'>, groupId: string) => op.changed('groups.changed', { ids: [groupId] });

  return {
    'groups.list': () => ({ rows: repo.listGroups(ctx).map((g) => repo.toGroupDto(ctx, g)) }),
    'groups.get': ({ id }) => repo.toGroupDto(ctx, repo.getGroup(ctx, id)),
    'groups.create': (input) =>
      ctx.write('groups.create', { name: input.name }, (op) => {
        repo.assertParentAllowed(ctx, null, input.parentId);
        if (input.condition) assertNoCycle(ctx, null, input.condition);
        const id = ctx.newId();
        const now = ctx.now();
        const position = (ctx.sqlite.prepare('SELECT coalesce(max(position), 0) + 1 AS p FROM groups').get() as { p: number }).p;
        ctx.db
          .insert(groups)
          .values({ id, ...input, condition: input.condition ? JSON.stringify(input.condition) : null, position, createdAt: now, updatedAt: now })
          .run();
        changed(op, id);
        return repo.toGroupDto(ctx, repo.getGroup(ctx, id));
      }),
    'groups.update': ({ id, group }) =>
      ctx.write('groups.update', { id }, (op) => {
        repo.getGroup(ctx, id);
        repo.assertParentAllowed(ctx, id, group.parentId);
        if (group.condition) assertNoCycle(ctx, `group:${id}`, group.condition);
        ctx.db
          .update(groups)
          .set({ ...group, condition: group.condition ? JSON.stringify(group.condition) : null, updatedAt: ctx.now() })
          .where(eq(groups.id, id))
          .run();
        changed(op, id);
        return repo.toGroupDto(ctx, repo.getGroup(ctx, id));
      }),
    'groups.delete': ({ id }) =>
      ctx.write('groups.delete', { id }, (op) => {
        repo.getGroup(ctx, id);
        const children = ctx.db.select({ id: groups.id, name: groups.name }).from(groups).where(eq(groups.parentId, id)).all();
        if (children.length) throw new DomainError('CONFLICT', { reason: 'GROUP_HAS_SUBGROUPS', usedBy: children.map((c) => ({ kind: 'group', ...c })) });
        const users = usersOf(ctx, `group:${id}`);
        if (users.length) throw new DomainError('CONFLICT', { reason: 'IN_USE', usedBy: users });
        ctx.db.delete(groups).where(eq(groups.id, id)).run();
        changed(op, id);
        return { id };
      }),
    'groups.members': ({ groupId, on, scope, offset, limit }) => {
      const group = repo.getGroup(ctx, groupId);
      const today = ctx.today();
      const history = repo.groupMembership(ctx, groupId, 'always');
      const selected = on
        ? repo.groupMembership(ctx, groupId, { on })
        : scope === 'all'
          ? history
          : new Map([...history].filter(([, set]) => repo.statusOf(set, today) === scope));
      const page = resultPage(ctx, selected, { offset, limit }, (ids) => new Map(ids.map((id) => [id, history.get(id) ?? []])));
      const ids = page.rows.map((r) => r.id);
      const ruleHits = group.condition && ids.length
        ? evaluateCondition(ctx, storedCondition(group.condition, { kind: 'group', id: groupId }), on ? { on } : 'always', { relationIds: ids })
        : new Map();
      const entries = repo.listEntries(ctx, { groupId }).filter((e) => e.mode === 'include');
      const moment = on ?? today;
      return {
        total: page.total,
        rows: page.rows.map(({ periods, ...relation }) => {
          const own = entries.filter((e) => e.relationId === relation.id);
          const relevant = scope === 'current' || on ? own.filter((e) => (!e.validFrom || e.validFrom <= moment) && (!e.validTo || e.validTo > moment)) : own;
          const roles = [...new Map(relevant.map((e) => [e.roleCode ?? 'lid', { code: e.roleCode ?? 'lid', name: e.roleName ?? 'Lid' }])).values()];
          const sources: ('manual' | 'rule')[] = [];
          if (relevant.length) sources.push('manual');
          if (ruleHits.has(relation.id)) sources.push('rule');
          return { relation, sources, roles, periods };
        }),
      };
    },
    'groups.entries': ({ groupId }) => {
      repo.getGroup(ctx, groupId);
      return { rows: repo.listEntries(ctx, { groupId }) };
    },
    'groups.addMember': ({ groupId, relationId, member }) =>
      ctx.write('groups.addMember', { groupId, relationId }, (op) => {
        const id = repo.insertEntry(ctx, { groupId, relationId, mode: 'include', ...member });
        changed(op, groupId);
        op.changed('relations.changed', { ids: [relationId] });
        return repo.getEntry(ctx, id);
      }),
    'groups.updateMember': ({ id, member }) =>
      ctx.write('groups.updateMember', { id }, (op) => {
        repo.updateEntry(ctx, id, member);
        const entry = repo.getEntry(ctx, id);
        changed(op, entry.groupId);
        op.changed('relations.changed', { ids: [entry.relationId] });
        return entry;
      }),
    'groups.removeMember': ({ id }) =>
      ctx.write('groups.removeMember', { id }, (op) => {
        const entry = repo.getEntry(ctx, id);
        ctx.db.delete(groupMembers).where(eq(groupMembers.id, id)).run();
        changed(op, entry.groupId);
        op.changed('relations.changed', { ids: [entry.relationId] });
        return { id };
      }),
    'groups.exclude': ({ groupId, relationId, validFrom, validTo }) =>
      ctx.write('groups.exclude', { groupId, relationId }, (op) => {
        if (validFrom && validTo && validTo <= validFrom) {
          throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'validTo', code: 'PERIOD_END_BEFORE_START' }]);
        }
        const id = repo.insertEntry(ctx, { groupId, relationId, mode: 'exclude', roleId: null, validFrom, validTo, notes: null });
        changed(op, groupId);
        op.changed('relations.changed', { ids: [relationId] });
        return repo.getEntry(ctx, id);
      }),
    'groups.ofRelation': ({ relationId }) => {
      const today = ctx.today();
      const entries = repo.listEntries(ctx, { relationId }).filter((e) => e.mode === 'include');
      const rows = repo.listGroups(ctx).flatMap((g) => {
        const set = repo.listedMembership(ctx, g, 'always', [relationId]).get(relationId);
        if (!set) return [];
        const roles = [...new Set(entries.filter((e) => e.groupId === g.id).map((e) => e.roleName ?? 'Lid'))];
        return [{ groupId: g.id, groupName: g.name, groupType: g.type, roles, periods: toPeriods(set), status: repo.statusOf(set, today) }];
      });
      return { rows };
    },
    'groupRoles.list': () => ({ rows: ctx.db.select().from(groupRoles).orderBy(groupRoles.position).all().map(({ id, code, name, position }) => ({ id, code, name, position })) }),
    'groupRoles.create': (input) =>
      ctx.write('groupRoles.create', { code: input.code }, () => {
        if (ctx.db.select().from(groupRoles).where(eq(groupRoles.code, input.code)).get()) {
          throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'code', code: 'CODE_TAKEN' }]);
        }
        const id = ctx.newId();
        const position = (ctx.sqlite.prepare('SELECT coalesce(max(position), 0) + 1 AS p FROM group_roles').get() as { p: number }).p;
        ctx.db.insert(groupRoles).values({ id, ...input, position, createdAt: ctx.now() }).run();
        return { id, ...input, position };
      }),
  };
}
