import { z } from 'zod';
import { id, isoDate, requiredText } from './fields';

/**
 * The condition language of selections, smart groups and (later) membership rules: a tree of
 * and/or/not over atoms, stored as JSON. Every atom is evaluated over dates: it yields the
 * days on which it holds for a relation, so "on 1 March 2024" and "during 2020" use the
 * same engine. Later domains add atoms here and an evaluator in core/conditions/atoms.
 */
export type Condition =
  | { type: 'and'; items: Condition[] }
  | { type: 'or'; items: Condition[] }
  | { type: 'not'; item: Condition }
  | { type: 'kind'; kind: 'person' | 'organisation' }
  | { type: 'relationType'; codes: string[] }
  | { type: 'age'; min?: number | undefined; max?: number | undefined }
  | { type: 'birthDate'; from?: string | undefined; to?: string | undefined }
  | { type: 'gender'; values: ('m' | 'v' | 'x' | 'unknown')[] }
  | { type: 'alive' }
  | {
      type: 'address';
      addressTypes?: ('home' | 'postal' | 'business')[] | undefined;
      postcodeRanges?: { from: number; to: number }[] | undefined;
      cities?: string[] | undefined;
      municipalities?: string[] | undefined;
      provinces?: string[] | undefined;
      countries?: string[] | undefined;
    }
  | { type: 'groupMember'; groupId: string; roleCodes?: string[] | undefined }
  | { type: 'link'; linkTypeCodes: string[]; direction: 'from' | 'to' | 'either'; target?: Condition | undefined }
  | { type: 'tag'; tagIds: string[]; includeDescendants: boolean }
  | { type: 'customField'; code: string; op: CustomFieldOp; value?: string | undefined }
  | { type: 'selection'; selectionId: string }
  | { type: 'duration'; item: Condition; minDays?: number | undefined; maxDays?: number | undefined }
  | { type: 'subscription'; typeCodes: string[] }
  | { type: 'membership'; typeCodes?: string[] | undefined; unitId?: string | undefined; includeSubunits: boolean }
  | { type: 'paymentMethod'; methods: ('incasso' | 'factuur' | 'contant')[] }
  | { type: 'openInvoices'; olderThanDays: number }
  | { type: 'contributionAmount'; minCents?: number | undefined; maxCents?: number | undefined; periodCode?: string | undefined }
  | { type: 'birthday' }
  | { type: 'dataSignal'; signal: DataSignal };

/**
 * Data-quality signals (the overview's "needs attention"), as atoms so a count and the list
 * it opens are one evaluation. Dated where the fact is: an invalid postcode on the days that
 * address is valid, a missing mandate on the days no mandate was in force.
 */
export const dataSignals = [
  'noEmail',
  'invalidPostcode',
  'debitWithoutIban',
  'debitWithoutMandate',
  'suspectedDuplicate',
  'returnedDebit',
] as const;
export type DataSignal = (typeof dataSignals)[number];

export const customFieldOps = ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'contains', 'empty', 'notEmpty'] as const;
export type CustomFieldOp = (typeof customFieldOps)[number];

const names = z.array(requiredText(100)).min(1).max(500);
const days = z.number().int().min(0).max(200 * 366);

export const condition: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('and'), items: z.array(condition).max(100) }),
    z.object({ type: z.literal('or'), items: z.array(condition).max(100) }),
    z.object({ type: z.literal('not'), item: condition }),
    z.object({ type: z.literal('kind'), kind: z.enum(['person', 'organisation']) }),
    z.object({ type: z.literal('relationType'), codes: names }),
    z
      .object({ type: z.literal('age'), min: z.number().int().min(0).max(150).optional(), max: z.number().int().min(0).max(150).optional() })
      .refine((a) => a.min !== undefined || a.max !== undefined, { message: 'AGE_NEEDS_BOUND' })
      .refine((a) => a.min === undefined || a.max === undefined || a.min <= a.max, { message: 'AGE_RANGE_INVALID' }),
    z.object({ type: z.literal('birthDate'), from: isoDate.optional(), to: isoDate.optional() }),
    z.object({ type: z.literal('gender'), values: z.array(z.enum(['m', 'v', 'x', 'unknown'])).min(1) }),
    z.object({ type: z.literal('alive') }),
    z.object({
      type: z.literal('address'),
      addressTypes: z.array(z.enum(['home', 'postal', 'business'])).min(1).optional(),
      postcodeRanges: z
        .array(
          z
            .object({ from: z.number().int().min(1000).max(9999), to: z.number().int().min(1000).max(9999) })
            .refine((r) => r.from <= r.to, { message: 'POSTCODE_RANGE_INVALID' }),
        )
        .min(1)
        .max(500)
        .optional(),
      cities: names.optional(),
      municipalities: names.optional(),
      provinces: names.optional(),
      countries: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1).optional(),
    }),
    z.object({ type: z.literal('groupMember'), groupId: id, roleCodes: z.array(z.string().min(1).max(60)).min(1).optional() }),
    z.object({
      type: z.literal('link'),
      linkTypeCodes: z.array(z.string().min(1).max(60)).min(1),
      direction: z.enum(['from', 'to', 'either']).default('either'),
      target: condition.optional(),
    }),
    z.object({ type: z.literal('tag'), tagIds: z.array(id).min(1), includeDescendants: z.boolean().default(true) }),
    z.object({ type: z.literal('customField'), code: z.string().min(1).max(60), op: z.enum(customFieldOps), value: z.string().max(500).optional() }),
    z.object({ type: z.literal('selection'), selectionId: id }),
    z
      .object({ type: z.literal('duration'), item: condition, minDays: days.optional(), maxDays: days.optional() })
      .refine((d) => d.minDays !== undefined || d.maxDays !== undefined, { message: 'DURATION_NEEDS_BOUND' }),
    z.object({ type: z.literal('subscription'), typeCodes: z.array(z.string().min(1).max(60)).min(1) }),
    z.object({
      type: z.literal('membership'),
      typeCodes: z.array(z.string().min(1).max(60)).min(1).optional(),
      unitId: id.optional(),
      includeSubunits: z.boolean().default(true),
    }),
    z.object({ type: z.literal('paymentMethod'), methods: z.array(z.enum(['incasso', 'factuur', 'contant'])).min(1) }),
    z.object({ type: z.literal('openInvoices'), olderThanDays: z.number().int().min(0).max(36_500) }),
    z
      .object({
        type: z.literal('contributionAmount'),
        minCents: z.number().int({ message: 'AMOUNT_NOT_CENTS' }).min(0).max(100_000_000).optional(),
        maxCents: z.number().int({ message: 'AMOUNT_NOT_CENTS' }).min(0).max(100_000_000).optional(),
        periodCode: z.string().trim().min(1).max(20).optional(),
      })
      .refine((a) => a.minCents !== undefined || a.maxCents !== undefined, { message: 'AMOUNT_NEEDS_BOUND' })
      .refine((a) => a.minCents === undefined || a.maxCents === undefined || a.minCents <= a.maxCents, { message: 'AMOUNT_RANGE_INVALID' }),
    z.object({ type: z.literal('birthday') }),
    z.object({ type: z.literal('dataSignal'), signal: z.enum(dataSignals) }),
  ]),
) as z.ZodType<Condition>;

/**
 * When to evaluate: on one day, or over a period [from, to) (to exclusive, both ISO dates).
 * Over a period a relation counts when the condition holds on at least one day of it, or —
 * with `wholePeriod` — on every day of it (docs/conditions.md).
 */
export const evaluationMoment = z.union([
  z.object({ on: isoDate }),
  z
    .object({ from: isoDate, to: isoDate, wholePeriod: z.boolean().optional() })
    .refine((p) => p.from < p.to, { message: 'PERIOD_END_BEFORE_START' }),
]);
export type EvaluationMoment = z.infer<typeof evaluationMoment>;

/** A relation's days in the result, as periods with exclusive ends (null = unbounded). */
export const periodDto = z.object({ from: z.string().nullable(), to: z.string().nullable() });
export type PeriodDto = z.infer<typeof periodDto>;
