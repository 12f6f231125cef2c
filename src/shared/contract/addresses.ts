import { z } from 'zod';
import { defineContract } from './define';
import { fromResult, id, isoDate, optionalDate, optionalText } from './fields';
import { validateCountry, validateHouseLetter, validateHouseNumber, validateHouseNumberSuffix } from '../dutch/address';
import { normalizePostcode } from '../dutch/postcode';

export const addressType = z.enum(['home', 'postal', 'business']);
export type AddressType = z.infer<typeof addressType>;

/**
 * The rules of an address's own fields, in one place: the API (addressInput), the JSON
 * import (addressRecord) and, through the same shared/dutch/address helpers, the renderer's
 * instant checks and the CSV import. The postcode depends on the country, so it is checked
 * on the whole object (`normaliseAddressPostcode`).
 */
/** A two-letter country code (ISO 3166), stored in upper case. */
export const countryCode = z.string().transform((raw, ctx) => {
  const r = validateCountry(raw);
  if (r.ok) return r.value;
  ctx.addIssue({ code: 'custom', message: r.code });
  return z.NEVER;
});

export const addressFields = {
  street: optionalText(120),
  houseNumber: z
    .number()
    .nullish()
    .transform((v, ctx) => {
      if (v === null || v === undefined) return null;
      const r = validateHouseNumber(v);
      if (r.ok) return r.value;
      ctx.addIssue({ code: 'custom', message: r.code });
      return z.NEVER;
    }),
  houseLetter: fromResult(validateHouseLetter),
  houseNumberSuffix: fromResult(validateHouseNumberSuffix),
  poBox: optionalText(40),
  postcode: optionalText(12),
  city: optionalText(80),
  municipality: optionalText(80),
  province: optionalText(40),
  country: countryCode.default('NL'),
};

/** The postcode normalised by the address's country, or an issue on `postcode`: null when it is refused. */
export function normaliseAddressPostcode(a: { postcode: string | null; country: string }, ctx: z.RefinementCtx): string | null | typeof z.NEVER {
  if (a.postcode === null) return null;
  const r = normalizePostcode(a.postcode, a.country);
  if (r.ok) return r.value;
  ctx.addIssue({ code: 'custom', path: ['postcode'], message: r.code });
  return z.NEVER;
}

/**
 * An address as entered. Postcode rules depend on the country, so they run on the whole
 * object. municipality/province may be left empty: the core fills them from the PC4 table.
 */
export const addressInput = z
  .object({
    type: addressType.default('home'),
    ...addressFields,
    validFrom: optionalDate,
    validTo: optionalDate,
  })
  .transform((a, ctx) => {
    const postcode = normaliseAddressPostcode(a, ctx);
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
