import { asc, eq } from 'drizzle-orm';
import type { CoreContext } from '../context';
import type { GroupDto, GroupMemberEntryDto } from '../../../shared/contract';
import { storedCondition } from '../conditions/stored-condition';
import { DomainError, notFound } from '../../../shared/errors';
import { groupMembers, groupRoles, groups } from '../db/schema';
import { evaluateCondition } from '../conditions/condition-engine';
import { contains, toDay, type IntervalSet } from '../conditions/interval-set';
import { getRelationRow } from '../relations/relations.repo';

export type GroupRow = typeof groups.$inferSelect;

export function getGroup(ctx: CoreContext, id: string): GroupRow {
  const row = ctx.db.select().from(groups).where(eq(groups.id, id)).get();
  if (!row) throw notFound('group', id);
  return row;
}

/** Who is in the group, per relation the days within the moment ('always' = all history). */
export function groupMembership(
  ctx: CoreContext,
  groupId: string,
  moment: { on: string } | 'always',
  relationIds?: string[],
): Map<string, IntervalSet> {
  return evaluateCondition(ctx, { type: 'groupMember', groupId }, moment, relationIds ? { relationIds } : {});
}

export function toGroupDto(ctx: CoreContext, row: GroupRow): GroupDto {
  return {
    id: row.id,
    parentId: row.parentId,
    name: row.name,
    type: row.type,
    condition: row.condition ? storedCondition(row.condition, { kind: 'group', id: row.id }) : null,
    description: row.description,
    position: row.position,
    memberCount: groupMembership(ctx, row.id, { on: ctx.today() }).size,
  };
}

export function listGroups(ctx: CoreContext): GroupRow[] {
  return ctx.db.select().from(groups).orderBy(asc(groups.position), asc(groups.name)).all();
}

/** The tree must stay a tree: a group cannot move under itself or one of its subgroups. */
export function assertParentAllowed(ctx: CoreContext, groupId: string | null, parentId: string | null): void {
  if (!parentId) return;
  getGroup(ctx, parentId);
  if (!groupId) return;
  const cycle = ctx.sqlite
    .prepare(
      `WITH RECURSIVE up(id) AS (SELECT ? UNION SELECT g.parent_id FROM groups g JOIN up ON g.id = up.id WHERE g.parent_id IS NOT NULL)
       SELECT 1 FROM up WHERE id = ?`,
    )
    .get(parentId, groupId);
  if (cycle) throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'parentId', code: 'GROUP_TREE_CYCLE' }]);
}

const ENTRY_SELECT = `SELECT m.id, m.group_id AS groupId, m.relation_id AS relationId, r.display_name AS displayName, r.number,
         m.role_id AS roleId, gr.code AS roleCode, gr.name AS roleName, m.mode, m.valid_from AS validFrom, m.valid_to AS validTo, m.notes
    FROM group_members m JOIN relations r ON r.id = m.relation_id LEFT JOIN group_roles gr ON gr.id = m.role_id`;

export function listEntries(ctx: CoreContext, where: { groupId?: string; relationId?: string; id?: string }): GroupMemberEntryDto[] {
  const [column, value] = where.id ? ['m.id', where.id] : where.groupId ? ['m.group_id', where.groupId] : ['m.relation_id', where.relationId];
  return ctx.sqlite
    .prepare(`${ENTRY_SELECT} WHERE ${column} = ? ORDER BY r.sort_key, m.valid_from`)
    .all(value) as GroupMemberEntryDto[];
}

export function getEntry(ctx: CoreContext, id: string): GroupMemberEntryDto {
  const [entry] = listEntries(ctx, { id });
  if (!entry) throw notFound('groupMember', id);
  return entry;
}

export interface MemberFields {
  roleId: string | null;
  validFrom: string | null;
  validTo: string | null;
  notes: string | null;
}

function assertRole(ctx: CoreContext, roleId: string | null): void {
  if (roleId && !ctx.db.select().from(groupRoles).where(eq(groupRoles.id, roleId)).get()) throw notFound('groupRole', roleId);
}

export function insertEntry(
  ctx: CoreContext,
  input: { groupId: string; relationId: string; mode: 'include' | 'exclude' } & MemberFields,
): string {
  getGroup(ctx, input.groupId);
  getRelationRow(ctx, input.relationId);
  assertRole(ctx, input.roleId);
  const id = ctx.newId();
  const now = ctx.now();
  ctx.db.insert(groupMembers).values({ id, ...input, createdAt: now, updatedAt: now }).run();
  return id;
}

export function updateEntry(ctx: CoreContext, id: string, fields: MemberFields): void {
  getEntry(ctx, id);
  assertRole(ctx, fields.roleId);
  ctx.db.update(groupMembers).set({ ...fields, updatedAt: ctx.now() }).where(eq(groupMembers.id, id)).run();
}

/** current: holds today; future: only after today; past: only before today. */
export function statusOf(set: IntervalSet, today: string): 'current' | 'past' | 'future' {
  const day = toDay(today);
  if (contains(set, day)) return 'current';
  return set.some((i) => i.from > day) ? 'future' : 'past';
}
