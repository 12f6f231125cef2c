import { z } from 'zod';
import { defineContract } from './define';
import { id, isoDate, optionalDate, optionalText, pageInput, requiredText } from './fields';
import { condition, periodDto } from './conditions';
import { relationSummary } from './relations';

const code = z.string().trim().regex(/^[a-z0-9][a-z0-9_-]*$/, { message: 'CODE_INVALID' }).max(60);
const period = { validFrom: optionalDate, validTo: optionalDate };
function checkPeriod(p: { validFrom: string | null; validTo: string | null }, ctx: z.RefinementCtx) {
  if (p.validFrom && p.validTo && p.validTo <= p.validFrom) ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'PERIOD_END_BEFORE_START' });
}

// ── subscriptions ──────────────────────────────────────────────────────────
export const subscriptionTypeDto = z.object({ id, code: z.string(), name: z.string(), position: z.number().int() });
export const subscriptionDto = z.object({
  id,
  relationId: id,
  typeId: id,
  typeCode: z.string(),
  typeName: z.string(),
  number: z.string().nullable(),
  quantity: z.number().int(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  endReason: z.string().nullable(),
  recipients: z.array(id),
});
export type SubscriptionDto = z.infer<typeof subscriptionDto>;

const subscriptionFields = z
  .object({
    typeId: id,
    number: optionalText(40),
    quantity: z.number().int().min(1).max(100_000).default(1),
    startDate: isoDate,
    endDate: optionalDate,
    endReason: optionalText(200),
    recipients: z.array(id).max(1000).default([]),
  })
  .superRefine((s, ctx) => {
    if (s.endDate && s.endDate <= s.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'PERIOD_END_BEFORE_START' });
  });

// ── units, types, rules ────────────────────────────────────────────────────
export const unitPlacementDto = z.object({ id, parentId: id.nullable(), validFrom: z.string().nullable(), validTo: z.string().nullable() });
export const unitRuleDto = z.object({
  id,
  unitId: id,
  membershipTypeId: id.nullable(),
  condition: condition.nullable(),
  validFrom: z.string().nullable(),
  /** Exclusive: when the next version takes over (null: in force until further notice). */
  validTo: z.string().nullable(),
  note: z.string().nullable(),
  /** Why the stored rule cannot be evaluated (JSON_TEXT_INVALID, …); its condition is then null. */
  broken: z.string().nullable(),
});
export type UnitRuleDto = z.infer<typeof unitRuleDto>;

export const unitDto = z.object({
  id,
  name: z.string(),
  level: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  /** The parent on the date asked (null for a root or when not placed then). */
  parentId: id.nullable(),
  active: z.boolean(),
  placements: z.array(unitPlacementDto),
  relationId: id.nullable(),
  membersGroupId: id.nullable(),
  boardGroupId: id.nullable(),
  /** Members on the date asked, per membership type code. */
  counts: z.record(z.string(), z.number().int()),
});
export type UnitDto = z.infer<typeof unitDto>;

export const membershipTypeDto = z.object({
  id,
  code: z.string(),
  name: z.string(),
  /** Null when the stored base rule cannot be evaluated (`broken` says why). */
  baseCondition: condition.nullable(),
  broken: z.string().nullable(),
  position: z.number().int(),
});
export type MembershipTypeDto = z.infer<typeof membershipTypeDto>;

/** What a change does to computed memberships: per relation and unit, the days gained and lost. */
export const membershipChange = z.object({
  relationId: id,
  displayName: z.string(),
  number: z.number().int(),
  unitId: id,
  unitName: z.string(),
  typeCode: z.string(),
  gained: z.array(periodDto),
  lost: z.array(periodDto),
});
/**
 * A stored rule that cannot be evaluated (an older file, a hand edit): its memberships are
 * left as they were (stale) until it is repaired. `code` says why (JSON_TEXT_INVALID,
 * CONDITION_INVALID, GROUP_UNKNOWN, CONDITION_CYCLE, …); `via` names the group or selection
 * at fault when the rule refers to one.
 */
export const brokenRuleDto = z.object({
  kind: z.enum(['baseRule', 'unitRule']),
  ruleId: id,
  typeId: id.nullable(),
  typeName: z.string().nullable(),
  unitId: id.nullable(),
  unitName: z.string().nullable(),
  validFrom: z.string().nullable(),
  code: z.string(),
  via: z.object({ kind: z.enum(['group', 'selection']), id, name: z.string().nullable() }).nullable(),
  /** Units whose memberships are stale because of it. */
  staleUnits: z.array(z.object({ id, name: z.string() })),
});
export type BrokenRuleDto = z.infer<typeof brokenRuleDto>;

export const membershipChanges = z.object({
  relations: z.number().int(),
  perUnit: z.array(z.object({ unitId: id, unitName: z.string(), gained: z.number().int(), lost: z.number().int() })),
  changes: z.array(membershipChange),
  /** True when `changes` was cut off (the counts are complete). */
  truncated: z.boolean(),
  /** Rules that could not be evaluated: their memberships were left as they were. */
  broken: z.array(brokenRuleDto),
});
export type MembershipChanges = z.infer<typeof membershipChanges>;

/** Every change to rules, units or types can be previewed: with dryRun nothing is saved. */
const changeOutput = z.object({ saved: z.boolean(), changes: membershipChanges });
const dryRun = { dryRun: z.boolean().default(false) };

const unitFields = z
  .object({
    name: requiredText(120, 'NAME_REQUIRED'),
    level: optionalText(60),
    startDate: optionalDate,
    endDate: optionalDate,
  })
  .superRefine((u, ctx) => {
    if (u.startDate && u.endDate && u.endDate <= u.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'PERIOD_END_BEFORE_START' });
  });

export const membershipDto = z.object({
  id,
  relationId: id,
  unitId: id,
  unitName: z.string(),
  typeId: id,
  typeCode: z.string(),
  typeName: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  /** Whole years of contiguous membership on the date asked (or today). */
  years: z.number().int(),
  viaException: z.boolean(),
});
export type MembershipDto = z.infer<typeof membershipDto>;

export const explanationFacts = z.object({
  /** Age in whole years on the day (age atom); null without a birth date. */
  age: z.number().int().nullable().optional(),
  /** Names of what the relation has on the day: relation types, subscriptions, group roles. */
  has: z.array(z.string()).optional(),
  /** Addresses valid on the day: "3511 AB Utrecht (woonadres)". */
  addresses: z.array(z.string()).optional(),
});
export type ExplanationFacts = z.infer<typeof explanationFacts>;

export const explanationNode: z.ZodType<ExplanationNode> = z.lazy(() =>
  z.object({
    label: z.string(),
    holds: z.boolean(),
    detail: z.string().nullable(),
    facts: explanationFacts.optional(),
    children: z.array(explanationNode),
  }),
) as z.ZodType<ExplanationNode>;
export interface ExplanationNode {
  /** A code the UI translates, e.g. 'BASE_RULE', 'UNIT_ACTIVE', 'RULE_GENERAL', or an atom type. */
  label: string;
  holds: boolean;
  /** Names/values for the label (unit name, rule date, the atom as JSON). */
  detail: string | null;
  /** For an atom: the relation's own facts on that day, so "why not" shows what it has instead. */
  facts?: ExplanationFacts | undefined;
  children: ExplanationNode[];
}

export const exceptionDto = z.object({
  id,
  relationId: id,
  displayName: z.string(),
  unitId: id,
  unitName: z.string(),
  membershipTypeId: id,
  typeName: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  ignoreBaseRule: z.boolean(),
  reason: z.string().nullable(),
});
const exceptionFields = z
  .object({ unitId: id, membershipTypeId: id, ...period, ignoreBaseRule: z.boolean().default(false), reason: optionalText(500, { multiline: true }) })
  .superRefine(checkPeriod);

export const membershipsContract = defineContract({
  'subscriptionTypes.list': { input: z.object({}), output: z.object({ rows: z.array(subscriptionTypeDto) }) },
  'subscriptionTypes.create': { input: z.object({ code, name: requiredText(80) }), output: subscriptionTypeDto },
  'subscriptions.list': { input: z.object({ relationId: id }), output: z.object({ rows: z.array(subscriptionDto) }) },
  'subscriptions.add': { input: z.object({ relationId: id, subscription: subscriptionFields }), output: subscriptionDto },
  'subscriptions.update': { input: z.object({ id, subscription: subscriptionFields }), output: subscriptionDto },
  'subscriptions.remove': { input: z.object({ id }), output: z.object({ id }) },

  'units.list': { input: z.object({ on: isoDate.optional() }), output: z.object({ rows: z.array(unitDto) }) },
  'units.get': { input: z.object({ id, on: isoDate.optional() }), output: unitDto.extend({ rules: z.array(unitRuleDto) }) },
  /** A new unit under `parentId` (null: a new organisation), optionally with its first rules from its start date. */
  'units.create': {
    input: z.object({
      unit: unitFields,
      parentId: id.nullish().transform((v) => v ?? null),
      generalRule: condition.nullish().transform((v) => v ?? null),
      typeRules: z.array(z.object({ membershipTypeId: id, condition })).default([]),
      ...dryRun,
    }),
    output: changeOutput.extend({ id: id.nullable() }),
  },
  /** Rename, re-date or stop (endDate) a unit. */
  'units.update': { input: z.object({ id, unit: unitFields, ...dryRun }), output: changeOutput },
  /** Hang the unit under another parent from `date` (past or future). */
  'units.move': { input: z.object({ id, parentId: id, date: isoDate, ...dryRun }), output: changeOutput },
  'units.delete': { input: z.object({ id, ...dryRun }), output: changeOutput },
  /** Unit actions that keep the CRM in step: a smart group of its members, a board group for its function holders, a relation for the unit. */
  'units.createActions': {
    input: z.object({ id, membersGroup: z.boolean().default(false), boardGroup: z.boolean().default(false), relation: z.boolean().default(false) }),
    output: z.object({ membersGroupId: id.nullable(), boardGroupId: id.nullable(), relationId: id.nullable() }),
  },

  'membershipTypes.list': { input: z.object({}), output: z.object({ rows: z.array(membershipTypeDto) }) },
  'membershipTypes.create': {
    input: z.object({ code, name: requiredText(80), baseCondition: condition, ...dryRun }),
    output: changeOutput.extend({ id: id.nullable() }),
  },
  'membershipTypes.update': {
    input: z.object({ id, name: requiredText(80), baseCondition: condition, ...dryRun }),
    output: changeOutput,
  },

  /** Adds a rule version from `validFrom` (replacing one that starts on the same day); condition null lifts the rule from then on. */
  'rules.setVersion': {
    input: z.object({
      unitId: id,
      membershipTypeId: id.nullish().transform((v) => v ?? null),
      validFrom: optionalDate,
      condition: condition.nullable(),
      note: optionalText(500, { multiline: true }),
      ...dryRun,
    }),
    output: changeOutput,
  },
  'rules.removeVersion': { input: z.object({ id, ...dryRun }), output: changeOutput },

  'exceptions.list': { input: z.object({ relationId: id.optional(), unitId: id.optional() }), output: z.object({ rows: z.array(exceptionDto) }) },
  'exceptions.add': { input: z.object({ relationId: id, exception: exceptionFields }), output: exceptionDto },
  'exceptions.update': { input: z.object({ id, exception: exceptionFields }), output: exceptionDto },
  'exceptions.remove': { input: z.object({ id }), output: z.object({ id }) },

  'memberships.recompute': {
    input: z.object({ ...dryRun }),
    output: changeOutput.extend({ memberships: z.number().int() }),
  },
  /** Members of a unit (and its subunits) on a date, with counts per type. */
  'memberships.list': {
    input: z.object({ unitId: id, on: isoDate.optional(), typeCode: z.string().optional(), ...pageInput }),
    output: z.object({
      total: z.number().int(),
      counts: z.record(z.string(), z.number().int()),
      rows: z.array(z.object({ relation: relationSummary, memberships: z.array(membershipDto) })),
    }),
  },
  /** Stored rules that cannot be evaluated, by name, with the units whose memberships are stale because of them. */
  'memberships.brokenRules': { input: z.object({}), output: z.object({ rows: z.array(brokenRuleDto) }) },
  'memberships.ofRelation': { input: z.object({ relationId: id, on: isoDate.optional() }), output: z.object({ rows: z.array(membershipDto) }) },
  'memberships.explain': {
    input: z.object({ relationId: id, unitId: id, membershipTypeId: id, on: isoDate }),
    output: z.object({ member: z.boolean(), tree: explanationNode }),
  },
  /** Relations reaching N years of contiguous membership within [from, to]. */
  'memberships.jubilees': {
    input: z.object({
      years: z.array(z.number().int().min(1).max(100)).min(1).default([10, 25, 40, 50]),
      from: isoDate,
      to: isoDate,
      unitId: id.optional(),
      typeCode: z.string().optional(),
    }),
    output: z.object({
      rows: z.array(z.object({ relation: relationSummary, years: z.number().int(), date: z.string(), unitName: z.string(), typeName: z.string(), since: z.string() })),
    }),
  },
});
