import { z } from 'zod';

// ISO 8601 date-time with seconds and a zone, as Date.prototype.toISOString writes it (and
// with an offset, as other tools may). A plain regex: z.iso.datetime() costs ~13 µs per
// value, a third of the validation time of a whole 100k-relation import.
const ISO_DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** Timestamps travel as ISO 8601 date-times and are stored as epoch milliseconds. */
export const timestamp = z.string().transform((s, ctx) => {
  const ms = ISO_DATE_TIME.test(s) ? Date.parse(s) : Number.NaN;
  if (Number.isFinite(ms)) return ms;
  ctx.addIssue({ code: 'custom', message: 'TIMESTAMP_INVALID' });
  return z.NEVER;
});
