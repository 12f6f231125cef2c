import { z } from 'zod';
import { defineContract } from './define';
import { id, isoDate, optionalDate, optionalText, pageInput, requiredText } from './fields';
import { condition, evaluationMoment, periodDto } from './conditions';
import { relationSummary } from './relations';

export const groupType = z.enum(['board', 'committee', 'working_group', 'mailing_list', 'contribution', 'other']);
export type GroupType = z.infer<typeof groupType>;

export const groupDto = z.object({
  id,
  parentId: id.nullable(),
  name: z.string(),
  type: groupType,
  condition: condition.nullable(),
  description: z.string().nullable(),
  position: z.number().int(),
  /** Members today (only the hand-entered ones while `broken`). */
  memberCount: z.number().int(),
  /** Why the stored condition cannot be evaluated (an older file, a hand edit); `condition` is then null. */
  broken: z.string().nullable(),
});
export type GroupDto = z.infer<typeof groupDto>;

export const groupRoleDto = z.object({ id, code: z.string(), name: z.string(), position: z.number().int() });
export type GroupRoleDto = z.infer<typeof groupRoleDto>;

/** A hand-entered fact: a member with a role over a period, or an exclusion from a smart group. */
export const groupMemberEntryDto = z.object({
  id,
  groupId: id,
  relationId: id,
  displayName: z.string(),
  number: z.number().int(),
  roleId: id.nullable(),
  roleCode: z.string().nullable(),
  roleName: z.string().nullable(),
  mode: z.enum(['include', 'exclude']),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  notes: z.string().nullable(),
});
export type GroupMemberEntryDto = z.infer<typeof groupMemberEntryDto>;

/** Who is in the group at the moment asked, with how they got there. */
export const groupMemberDto = z.object({
  relation: relationSummary,
  /** 'manual': hand-entered; 'rule': from the group's condition; both when both apply. */
  sources: z.array(z.enum(['manual', 'rule'])),
  roles: z.array(z.object({ code: z.string(), name: z.string() })),
  periods: z.array(periodDto),
});

export const membershipScope = z.enum(['current', 'past', 'future', 'all']);

const groupFields = z.object({
  name: requiredText(120, 'NAME_REQUIRED'),
  type: groupType,
  parentId: id.nullish().transform((v) => v ?? null),
  condition: condition.nullish().transform((v) => v ?? null),
  description: optionalText(2000, { multiline: true }),
});

const memberFields = z
  .object({
    roleId: id.nullish().transform((v) => v ?? null),
    validFrom: optionalDate,
    validTo: optionalDate,
    notes: optionalText(1000, { multiline: true }),
  })
  .superRefine((m, ctx) => {
    if (m.validFrom && m.validTo && m.validTo <= m.validFrom) ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'PERIOD_END_BEFORE_START' });
  });

export const groupsContract = defineContract({
  'groups.list': { input: z.object({ on: isoDate.optional() }), output: z.object({ rows: z.array(groupDto) }) },
  'groups.get': { input: z.object({ id }), output: groupDto },
  'groups.create': { input: groupFields, output: groupDto },
  'groups.update': { input: z.object({ id, group: groupFields }), output: groupDto },
  /** Refused with CONFLICT (details.usedBy) while another group or selection refers to it or it has subgroups. */
  'groups.delete': { input: z.object({ id }), output: z.object({ id }) },
  /**
   * Members on a date (`on`), or by scope relative to today: current, past (ended before
   * today), future (starting after today), all. Sorted by name.
   */
  'groups.members': {
    input: z.object({ groupId: id, on: isoDate.optional(), scope: membershipScope.default('current'), ...pageInput }),
    output: z.object({ total: z.number().int(), rows: z.array(groupMemberDto) }),
  },
  'groups.entries': { input: z.object({ groupId: id }), output: z.object({ rows: z.array(groupMemberEntryDto) }) },
  'groups.addMember': { input: z.object({ groupId: id, relationId: id, member: memberFields }), output: groupMemberEntryDto },
  'groups.updateMember': { input: z.object({ id, member: memberFields }), output: groupMemberEntryDto },
  'groups.removeMember': { input: z.object({ id }), output: z.object({ id }) },
  /** Keeps a relation out of a smart group for a period, whatever its condition says. */
  'groups.exclude': {
    input: z.object({ groupId: id, relationId: id, validFrom: optionalDate, validTo: optionalDate }),
    output: groupMemberEntryDto,
  },
  'groups.ofRelation': {
    input: z.object({ relationId: id }),
    output: z.object({
      rows: z.array(
        z.object({
          groupId: id,
          groupName: z.string(),
          groupType,
          roles: z.array(z.string()),
          periods: z.array(periodDto),
          status: z.enum(['current', 'past', 'future']),
        }),
      ),
    }),
  },
  'groupRoles.list': { input: z.object({}), output: z.object({ rows: z.array(groupRoleDto) }) },
  'groupRoles.create': {
    input: z.object({ code: z.string().trim().regex(/^[a-z0-9][a-z0-9_-]*$/, { message: 'CODE_INVALID' }).max(60), name: requiredText(80) }),
    output: groupRoleDto,
  },
});

export const selectionDto = z.object({
  id,
  name: z.string(),
  condition,
  description: z.string().nullable(),
  updatedAt: z.number(),
});
export type SelectionDto = z.infer<typeof selectionDto>;

export const evaluationResult = z.object({
  total: z.number().int(),
  rows: z.array(relationSummary.extend({ periods: z.array(periodDto) })),
});
export type EvaluationResult = z.infer<typeof evaluationResult>;

const selectionFields = z.object({
  name: requiredText(120, 'NAME_REQUIRED'),
  condition,
  description: optionalText(2000, { multiline: true }),
});

export const selectionsContract = defineContract({
  /** Live evaluation of an unsaved condition (the condition builder's count and first results). */
  'conditions.evaluate': {
    /** `filter`: only those whose name, city, postcode, e-mail or number contains it (the list's text filter). */
    input: z.object({ condition, moment: evaluationMoment, filter: z.string().trim().max(100).optional(), ...pageInput }),
    output: evaluationResult,
  },
  'selections.list': { input: z.object({}), output: z.object({ rows: z.array(selectionDto) }) },
  'selections.get': { input: z.object({ id }), output: selectionDto },
  'selections.create': { input: selectionFields, output: selectionDto },
  'selections.update': { input: z.object({ id, selection: selectionFields }), output: selectionDto },
  'selections.delete': { input: z.object({ id }), output: z.object({ id }) },
  'selections.evaluate': {
    input: z.object({ id, moment: evaluationMoment, ...pageInput }),
    output: evaluationResult,
  },
});
