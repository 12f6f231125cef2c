import { z } from 'zod';
import { hasControlCharacter, isoDate, requiredText, TEXT_CONTROL_CHARACTER } from './fields';

/**
 * A fee schedule: what a period's contribution is, as the JSON file documented in
 * docs/contributions.md. The same schema checks the UI, the CLI file and the API, so a
 * schedule that saves is one the run engine understands. Amounts are integer cents.
 */
const code = z.string().trim().regex(/^[a-z0-9][a-z0-9_-]*$/, { message: 'CODE_INVALID' }).max(40);
const cents = z.number().int({ message: 'AMOUNT_NOT_CENTS' }).min(-10_000_000).max(10_000_000);
const percent = z.number().int().min(0).max(100);
const label = requiredText(120);
/** 'MM-DD', resolved to the first such day on or after the period's start. */
const monthDay = z
  .string()
  .regex(/^\d{2}-\d{2}$/, { message: 'MONTH_DAY_INVALID' })
  .refine((s) => isoDate.safeParse(`2000-${s}`).success, { message: 'MONTH_DAY_INVALID' });

const step = z.object({ from: monthDay, percent });
export const paymentMethod = z.enum(['incasso', 'factuur', 'contant']);
export const paymentFrequency = z.enum(['jaar', 'halfjaar', 'kwartaal', 'maand']);
const adjustment = z.object({ amountCents: cents, description: label });

export const feeSchedule = z
  .object({
    period: z.object({
      code: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$/, { message: 'CODE_INVALID' }),
      name: z.string().trim().max(80).refine((s) => !hasControlCharacter(s), { message: TEXT_CONTROL_CHARACTER }).optional(),
      start: isoDate,
      /** Exclusive: the first day of the next period. */
      end: isoDate,
    }),
    /** Age on a reference date (peildatum), or by birth year (age = year − birth year). */
    age: z
      .discriminatedUnion('mode', [
        z.object({ mode: z.literal('peildatum'), date: isoDate }),
        z.object({ mode: z.literal('geboortejaar'), year: z.number().int().min(1900).max(2200) }),
      ])
      .optional(),
    ageCategories: z
      .array(z.object({ code, name: label, minAge: z.number().int().min(0).max(150).nullable().default(null), maxAge: z.number().int().min(0).max(150).nullable().default(null) }))
      .max(50)
      .default([]),
    fees: z
      .array(z.object({ membershipType: code, ageCategory: code.nullable().default(null), amountCents: cents.min(0) }))
      .min(1)
      .max(500),
    proRata: z
      .object({ joining: z.array(step).max(24).default([]), leaving: z.array(step).max(24).default([]) })
      .default({ joining: [], leaving: [] }),
    household: z
      .object({
        /** adres: same home address; koppeling: linked as 'gezinslid van'. */
        by: z.enum(['adres', 'koppeling']),
        steps: z.array(z.object({ position: z.number().int().min(2).max(20), percent })).max(20).default([]),
        capCents: cents.min(0).nullable().default(null),
        /** Bill the whole household on the first member's invoice. */
        oneInvoice: z.boolean().default(false),
      })
      .nullable()
      .default(null),
    /** Per invoice: a surcharge (positive) or discount (negative) by the payer's method. */
    paymentMethods: z.object({ incasso: adjustment.optional(), factuur: adjustment.optional(), contant: adjustment.optional() }).default({}),
    /** Billed once per member, ever: an entry fee, a deposit. */
    oneOffCharges: z
      .array(
        z.object({
          code,
          description: label,
          amountCents: cents,
          appliesTo: z.enum(['nieuwe_leden', 'iedereen']).default('nieuwe_leden'),
          membershipTypes: z.array(code).max(50).default([]),
        }),
      )
      .max(50)
      .default([]),
    defaults: z.object({ method: paymentMethod.default('factuur'), frequency: paymentFrequency.default('jaar') }).default({ method: 'factuur', frequency: 'jaar' }),
  })
  .superRefine((s, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (s.period.end <= s.period.start) issue(['period', 'end'], 'PERIOD_END_BEFORE_START');
    const categories = new Set<string>();
    s.ageCategories.forEach((c, i) => {
      if (categories.has(c.code)) issue(['ageCategories', i, 'code'], 'CODE_DUPLICATE');
      categories.add(c.code);
      if (c.minAge !== null && c.maxAge !== null && c.maxAge < c.minAge) issue(['ageCategories', i, 'maxAge'], 'AGE_RANGE_INVALID');
    });
    const fees = new Set<string>();
    s.fees.forEach((f, i) => {
      const key = `${f.membershipType}/${f.ageCategory ?? ''}`;
      if (fees.has(key)) issue(['fees', i], 'FEE_DUPLICATE');
      fees.add(key);
      if (f.ageCategory !== null && !categories.has(f.ageCategory)) issue(['fees', i, 'ageCategory'], 'AGE_CATEGORY_UNKNOWN');
    });
    for (const side of ['joining', 'leaving'] as const) {
      const seen = new Set<string>();
      s.proRata[side].forEach((st, i) => {
        if (seen.has(st.from)) issue(['proRata', side, i, 'from'], 'STEP_DUPLICATE');
        seen.add(st.from);
      });
    }
    const codes = new Set<string>();
    s.oneOffCharges.forEach((c, i) => {
      if (codes.has(c.code)) issue(['oneOffCharges', i, 'code'], 'CODE_DUPLICATE');
      codes.add(c.code);
    });
  });

export type FeeSchedule = z.output<typeof feeSchedule>;
export type FeeScheduleInput = z.input<typeof feeSchedule>;
export type PaymentMethod = z.infer<typeof paymentMethod>;
export type PaymentFrequency = z.infer<typeof paymentFrequency>;
