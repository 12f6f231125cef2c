import { z } from 'zod';
import { defineContract } from './define';

export const referenceContract = defineContract({
  /** PC4 → municipality, province and place suggestions; null for an unknown or foreign postcode. */
  'reference.lookupPostcode': {
    input: z.object({ postcode: z.string().max(12) }),
    output: z.object({
      postcode: z.string().nullable(),
      municipality: z.string().nullable(),
      province: z.string().nullable(),
      places: z.array(z.string()),
    }),
  },
  'reference.bicForIban': {
    input: z.object({ iban: z.string().max(50) }),
    output: z.object({ bic: z.string().nullable(), bank: z.string().nullable() }),
  },
  'app.info': {
    input: z.object({}),
    output: z.object({
      version: z.string(),
      administration: z.object({ name: z.string(), path: z.string(), demo: z.boolean() }),
      relationCount: z.number().int(),
      actor: z.string(),
    }),
  },
});
