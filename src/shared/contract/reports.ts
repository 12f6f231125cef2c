import { z } from 'zod';
import { defineContract } from './define';
import { id, isoDate, requiredText } from './fields';
import { fileOutput } from './io';

const format = z.enum(['table', 'xlsx', 'pdf']).default('table');
export const reportTable = z.object({
  title: z.string(),
  subtitle: z.string(),
  columns: z.array(z.object({ key: z.string(), label: z.string(), type: z.enum(['text', 'integer', 'amount', 'date', 'code']) })),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number()]))),
  totals: z.record(z.string(), z.union([z.string(), z.number()])).nullable(),
});
export type ReportTableDto = z.infer<typeof reportTable>;
const output = reportTable.extend({ file: fileOutput.nullable() });
/** A period [from, to): `to` is the first day after it. */
const period = { from: isoDate, to: isoDate };
const ordered = <T extends { from: string; to: string }>(p: T) => p.from < p.to;
const periodError = { message: 'PERIOD_END_BEFORE_START', path: ['to'] };
const typeCode = z.string().max(60).optional();

export const reportsContract = defineContract({
  /** Per unit and type over [from, to): on the first day, in, out, on the last day. */
  'reports.membersPerUnit': {
    input: z.object({ from: isoDate, to: isoDate, format }).refine((p) => p.from < p.to, { message: 'PERIOD_END_BEFORE_START', path: ['to'] }),
    output,
  },
  /** Age on 1 January of the year, per category, with the levy per head (a federation's return). */
  'reports.ageCategories': {
    input: z.object({
      year: z.number().int().min(1900).max(2200),
      typeCode: z.string().max(60).optional(),
      categories: z
        .array(z.object({ name: requiredText(60), min: z.number().int().min(0).max(150), max: z.number().int().min(0).max(150).optional(), levyCents: z.number().int().min(0).max(100_000_00) }))
        .min(1)
        .max(20)
        .optional(),
      format,
    }),
    output,
  },
  /** Birthdays of living members in the period, with the age they turn. */
  'reports.birthdays': {
    input: z.object({ ...period, typeCode, format }).refine(ordered, periodError),
    output,
  },
  /** Unbroken membership reaching 10, 25, 40, 50 or 60 years (or the years asked) in the period, across all units. */
  'reports.jubilees': {
    input: z.object({ ...period, years: z.array(z.number().int().min(1).max(100)).min(1).max(10).optional(), typeCode, format }).refine(ordered, periodError),
    output,
  },
  /** Billed (invoice date in the period), credited, paid and open up to `asOf` (default today), per year, run or membership type. */
  'reports.contributions': {
    input: z.object({ ...period, groupBy: z.enum(['year', 'run', 'type']).default('year'), asOf: isoDate.optional(), format }).refine(ordered, periodError),
    output,
  },
  /** Who held which role in the board and committees (or one group) on a date, from the role history. */
  'reports.board': {
    input: z.object({
      on: isoDate,
      groupTypes: z.array(z.enum(['board', 'committee', 'working_group'])).min(1).max(3).default(['board', 'committee']),
      groupId: id.optional(),
      format,
    }),
    output,
  },
});
