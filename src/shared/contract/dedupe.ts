import { z } from 'zod';
import { defineContract } from './define';
import { id } from './fields';

/** The fields the duplicate scorer compares; persons and organisations each use their own subset. */
export const DEDUPE_FIELDS = [
  'lastName',
  'firstName',
  'birthDate',
  'gender',
  'orgName',
  'kvk',
  'emailDomain',
  'email',
  'phone',
  'address',
  'iban',
] as const;
export const dedupeField = z.enum(DEDUPE_FIELDS);
export type DedupeField = z.infer<typeof dedupeField>;

/**
 * Fields that identify: a pair is only suspected when at least one of them agrees, so a high
 * name similarity alone never decides (and the scan can block on exactly these values).
 */
export const IDENTIFYING_FIELDS: readonly DedupeField[] = ['birthDate', 'email', 'phone', 'address', 'iban', 'kvk', 'emailDomain'];

const points = z.number().int().min(-100).max(100);
export const fieldWeight = z.object({ agree: points, similar: points, differ: points });
export type FieldWeight = z.infer<typeof fieldWeight>;

export const dedupeWeights = z.object({
  threshold: z.number().int().min(1).max(300),
  fields: z.record(dedupeField, fieldWeight),
});
export type DedupeWeights = z.infer<typeof dedupeWeights>;

/**
 * Points per field: agreeing on an identifier weighs most, a different birth date or first
 * name counts against (namesakes of different ages, a family at one address). Name points
 * alone (40) stay below the threshold.
 */
export const DEFAULT_DEDUPE_WEIGHTS: DedupeWeights = {
  threshold: 60,
  fields: {
    lastName: { agree: 25, similar: 20, differ: -20 },
    firstName: { agree: 15, similar: 8, differ: -20 },
    birthDate: { agree: 30, similar: 10, differ: -40 },
    gender: { agree: 0, similar: 0, differ: -15 },
    orgName: { agree: 35, similar: 15, differ: -20 },
    kvk: { agree: 40, similar: 0, differ: -40 },
    emailDomain: { agree: 15, similar: 0, differ: 0 },
    email: { agree: 30, similar: 0, differ: 0 },
    phone: { agree: 20, similar: 0, differ: 0 },
    address: { agree: 20, similar: 0, differ: 0 },
    iban: { agree: 20, similar: 0, differ: 0 },
  },
};

export const fieldOutcome = z.enum(['agree', 'similar', 'differ', 'missing']);
export const fieldScore = z.object({
  field: dedupeField,
  outcome: fieldOutcome,
  /** Why: EQUAL, EQUAL_FOLDED, ROEPNAAM, INITIALS_FIT, INFIX_MISSING, SOUNDS_ALIKE, TYPO, LOOKS_ALIKE, … */
  reason: z.string(),
  points: z.number().int(),
  a: z.string().nullable(),
  b: z.string().nullable(),
});
export type FieldScore = z.infer<typeof fieldScore>;

const pairSide = z.object({ id, number: z.number().int(), displayName: z.string(), kind: z.enum(['person', 'organisation']) });

export const duplicatePair = z.object({
  a: pairSide,
  b: pairSide,
  score: z.number().int(),
  fields: z.array(fieldScore),
});
export type DuplicatePair = z.infer<typeof duplicatePair>;

/** Relation columns a merge lets the user pick; `custom.<code>` picks a custom field's value. */
export const MERGE_FIELDS = [
  'initials', 'firstName', 'infix', 'lastName', 'exactName', 'gender', 'addressForm', 'birthDate', 'deathDate',
  'name', 'legalForm', 'kvkNumber', 'emailDomain', 'email', 'email2', 'phone', 'mobile', 'website',
  'socialLinks', 'iban', 'bic', 'notes',
] as const;
/** Fields where "keep both" has a place for the second value. */
export const KEEP_BOTH: Partial<Record<(typeof MERGE_FIELDS)[number], string>> = { email: 'email2', phone: 'mobile', notes: 'notes' };

export const mergeTake = z.enum(['keep', 'remove', 'both']);
export const mergeFieldChoice = z.object({
  field: z.string(),
  keep: z.string().nullable(),
  remove: z.string().nullable(),
  chosen: z.string().nullable(),
  take: mergeTake,
});

export const mergeCollision = z.object({
  table: z.string(),
  /** FOLDED (identical row dropped), PERIODS_JOINED, SELF_LINK_REMOVED, VALUE_KEPT / VALUE_TAKEN (custom field), OVERLAP_KEPT (shown, nothing changed). */
  kind: z.string(),
  recordId: z.string(),
  detail: z.string(),
  /** The merge field that decides it, when the user can choose (`custom.<code>`). */
  field: z.string().nullable().default(null),
});

export const mergeResult = z.object({
  saved: z.boolean(),
  operationId: z.string().nullable(),
  keep: pairSide,
  removed: pairSide,
  fields: z.array(mergeFieldChoice),
  moved: z.array(z.object({ table: z.string(), column: z.string(), rows: z.number().int() })),
  collisions: z.array(mergeCollision),
});
export type MergeResult = z.infer<typeof mergeResult>;

export const dedupeContract = defineContract({
  'dedupe.scan': {
    input: z.object({
      threshold: z.number().int().min(1).max(300).optional(),
      limit: z.number().int().min(1).max(5000).default(500),
    }),
    output: z.object({
      pairs: z.array(duplicatePair),
      total: z.number().int(),
      relations: z.number().int(),
      comparisons: z.number().int(),
      dismissed: z.number().int(),
      /** Blocking values shared by so many relations that comparing them all was skipped (e.g. one club e-mail). */
      skippedBlocks: z.array(z.object({ key: z.string(), size: z.number().int() })),
      ms: z.number(),
    }),
  },
  'dedupe.compare': {
    input: z.object({ a: id, b: id }),
    output: duplicatePair,
  },
  'dedupe.dismiss': {
    input: z.object({ a: id, b: id }),
    output: z.object({ dismissed: z.boolean() }),
  },
  'dedupe.undismiss': {
    input: z.object({ a: id, b: id }),
    output: z.object({ removed: z.boolean() }),
  },
  'dedupe.merge': {
    input: z.object({
      keepId: id,
      removeId: id,
      take: z.record(z.string().max(80), mergeTake).default({}),
      dryRun: z.boolean().default(false),
    }),
    output: mergeResult,
  },
  'dedupe.getWeights': {
    input: z.object({}),
    output: z.object({ weights: dedupeWeights, defaults: dedupeWeights }),
  },
  'dedupe.setWeights': {
    input: z.object({ weights: dedupeWeights.nullable() }),
    output: z.object({ weights: dedupeWeights }),
  },
  'dedupe.resolve': {
    input: z.object({ id: id.optional(), number: z.number().int().optional() }),
    output: z.object({ id: z.string().nullable(), number: z.number().int().nullable(), redirected: z.boolean() }),
  },
});
