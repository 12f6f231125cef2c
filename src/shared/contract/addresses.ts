import { z } from 'zod';
import { defineContract } from './define';
import { id, isoDate, optionalDate, optionalText } from './fields';
import { normalizePostcode } from '../dutch/postcode';

export const addressType = z.enum(['home', 'postal', 'business']);
export type AddressType = z.infer<typeof addressType>;

/**
 * An address as entered. Postcode rules depend on the country, so they run on the whole
 * object. municipality/province may be left empty: the core fills them from the PC4 table.
 */
export const addressInput = z
  .object({
    type: addressType.default('home'),
    street: optionalText(120),
    houseNumber: z
      .number()
      .int({ message: 'HOUSE_NUMBER_INVALID' })
      .min(1, { message: 'HOUSE_NUMBER_INVALID' })
      .max(99_999, { message: 'HOUSE_NUMBER_INVALID' })
      .nullish()
      .transform((v) => v ?? null),
    houseLetter: optionalText(1)
      .refine((v) => v === null || /^[A-Za-z]$/.test(v), { message: 'HOUSE_LETTER_INVALID' })
      .transform((v) => v?.toUpperCase() ?? null),
    houseNumberSuffix: optionalText(4).refine((v) => v === null || /^[A-Za-z0-9]{1,4}$/.test(v), {
      message: 'HOUSE_NUMBER_SUFFIX_INVALID',
    }),
    poBox: optionalText(40),
    postcode: optionalText(12),
    city: optionalText(80),
    municipality: optionalText(80),
    province: optionalText(40),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, { message: 'COUNTRY_INVALID' })
      .default('NL'),
    validFrom: optionalDate,
    validTo: optionalDate,
  })
  .transform((a, ctx) => {
    let postcode = a.postcode;
    if (postcode !== null) {
      const r = normalizePostcode(postcode, a.country);
      if (r.ok) postcode = r.value;
      else ctx.addIssue({ code: 'custom', path: ['postcode'], message: r.code });
    }
    if (a.validFrom && a.validTo && a.validTo <= a.validFrom) {
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'PERIOD_END_BEFORE_START' });
    }
    if (!a.street && !a.poBox && !postcode && !a.city) {
      ctx.addIssue({ code: 'custom', path: ['street'], message: 'ADDRESS_EMPTY' });
    }
    return { ...a, postcode };
  });
export type AddressInput = z.input<typeof addressInput>;
export type Address = z.output<typeof addressInput>;

export const addressDto = z.object({
  id,
  relationId: id,
  type: addressType,
  street: z.string().nullable(),
  houseNumber: z.number().nullable(),
  houseLetter: z.string().nullable(),
  houseNumberSuffix: z.string().nullable(),
  poBox: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  municipality: z.string().nullable(),
  province: z.string().nullable(),
  country: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  /** Valid on today's date. */
  current: z.boolean(),
  lines: z.array(z.string()),
});
export type AddressDto = z.infer<typeof addressDto>;

export const addressesContract = defineContract({
  'addresses.add': {
    input: z.object({ relationId: id, address: addressInput }),
    output: addressDto,
  },
  'addresses.update': {
    input: z.object({ id, address: addressInput }),
    output: addressDto,
  },
  /**
   * A move: the current address of that type ends on `date` (its valid_to becomes `date`)
   * and the new one starts on it, so the old address stays as history.
   */
  'addresses.move': {
    input: z.object({ relationId: id, date: isoDate, address: addressInput }),
    output: addressDto,
  },
  'addresses.remove': {
    input: z.object({ id }),
    output: z.object({ id }),
  },
});
