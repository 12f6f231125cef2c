import { asc, eq } from 'drizzle-orm';
import type { CoreContext } from '../context';
import type { GroupDto, GroupMemberEntryDto } from '../../../shared/contract';
import { parseStoredCondition } from '../conditions/stored-condition';
import { assertNoCycle } from '../conditions/condition-references';
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

/** Why a group's condition cannot be evaluated (its own text, or a group or selection it refers to), or null. */
export function groupFault(ctx: CoreContext, row: GroupRow): string | null {
  if (!row.condition) return null;
  const own = parseStoredCondition(row.condition);
  if (!own.ok) return own.code;
  try {
    assertNoCycle(ctx, `group:${row.id}`, own.condition);
    return null;
  } catch (e) {
    if (e instanceof DomainError && e.issues?.[0]) return e.issues[0].code;
    throw e;
  }
}

/**
 * Membership for lists that show every group (the group tree, a relation's groups): a group
 * whose condition cannot be evaluated counts only its hand-entered members there, so one
 * damaged group does not take the others down; evaluating it on its own still says why.
 */
export function listedMembership(ctx: CoreContext, row: GroupRow, moment: { on: string } | 'always', relationIds?: string[]): Map<string, IntervalSet> {
  if (!groupFault(ctx, row)) return groupMembership(ctx, row.id, moment, relationIds);
  const roles = [...(ctx.sqlite.prepare('SELECT code FROM group_roles').pluck().all() as string[]), 'lid'];
  return evaluateCondition(ctx, { type: 'groupMember', groupId: row.id, roleCodes: roles }, moment, relationIds ? { relationIds } : {});
}

export function toGroupDto(ctx: CoreContext, row: GroupRow): GroupDto {
  const parsed = row.condition ? parseStoredCondition(row.condition) : null;
  return {
    id: row.id,
    parentId: row.parentId,
    name: row.name,
    type: row.type,
    condition: parsed?.ok ? parsed.condition : null,
    description: row.description,
    position: row.position,
    memberCount: listedMembership(ctx, row, { on: ctx.today() }).size,
    broken: groupFault(ctx, row),
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
