import { z } from 'zod';
import { id, isoDate } from './fields';
import { condition, evaluationMoment } from './conditions';
import { runDto } from './contributions';
import { defineContract } from './define';

/**
 * The overview of an open administration. Every figure carries the condition and moment that
 * produced it: the list behind a number is `conditions.evaluate` of exactly those, so the count
 * and the list length are one evaluation and cannot disagree.
 */
export const overviewSections = ['types', 'units', 'movement', 'ages', 'birthdays', 'jubilees', 'quality'] as const;
export type OverviewSection = (typeof overviewSections)[number];

export const overviewFigure = z.object({
  /** Stable key: `type:lid`, `unit:<id>`, `joined`, `left`, `age:18-29`, `birthdays`, `jubilee:25`, `signal:noEmail`, `noAddress`. */
  key: z.string(),
  section: z.enum(overviewSections),
  /** A name from the administration (type, unit); null when the key names it (i18n). */
  name: z.string().nullable(),
  /** Depth in the unit tree (units only). */
  depth: z.number().int().optional(),
  count: z.number().int(),
  condition,
  moment: evaluationMoment,
});
export type OverviewFigure = z.infer<typeof overviewFigure>;

export const overviewDto = z.object({
  on: isoDate,
  figures: z.array(overviewFigure),
  /** Open items as on the date (the Contributions › Open items list), and the newest run. */
  money: z.object({ openItems: z.number().int(), openCents: z.number().int(), lastRun: runDto.nullable() }),
  ms: z.number(),
});
export type OverviewDto = z.infer<typeof overviewDto>;

export const overviewSeriesDto = z.object({
  /** The first day of each month. */
  months: z.array(isoDate),
  series: z.array(z.object({ key: z.string(), name: z.string(), condition, counts: z.array(z.number().int()) })),
  ms: z.number(),
});
export type OverviewSeriesDto = z.infer<typeof overviewSeriesDto>;

export const overviewContract = defineContract({
  'overview.get': {
    input: z.object({
      on: isoDate,
      birthdayDays: z.number().int().min(1).max(366).default(14),
      jubileeDays: z.number().int().min(1).max(366).default(31),
    }),
    output: overviewDto,
  },
  /** Members on the first day of each month: one series per membership type or per unit. */
  'overview.series': {
    input: z.object({
      until: isoDate,
      months: z.number().int().min(1).max(600).default(240),
      by: z.enum(['type', 'unit']).default('type'),
      unitIds: z.array(id).max(50).optional(),
    }),
    output: overviewSeriesDto,
  },
});
