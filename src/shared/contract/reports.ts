import { z } from 'zod';
import { defineContract } from './define';
import { isoDate, requiredText } from './fields';
import { fileOutput } from './io';

const format = z.enum(['table', 'xlsx', 'pdf']).default('table');
export const reportTable = z.object({
  title: z.string(),
  subtitle: z.string(),
  columns: z.array(z.object({ key: z.string(), label: z.string(), type: z.enum(['text', 'integer', 'amount']) })),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number()]))),
  totals: z.record(z.string(), z.union([z.string(), z.number()])).nullable(),
});
export type ReportTableDto = z.infer<typeof reportTable>;
const output = reportTable.extend({ file: fileOutput.nullable() });

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
});
