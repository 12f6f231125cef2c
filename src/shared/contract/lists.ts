import { z } from 'zod';
import { defineContract } from './define';
import { id, optionalDate } from './fields';
import { listSource } from './io';

/**
 * The one set of actions on a list of relations (the relations list, a selection's result, a
 * group's members, an overview number, a report line): each takes the list as a `listSource`
 * (hand-picked ids or the condition behind it) and is one audited operation.
 */
const target = { source: listSource };
const counted = z.object({ changed: z.number().int(), unchanged: z.number().int() });

export const listsContract = defineContract({
  /** Adds every relation of the list to a group with a role and dates; those already in it then are left alone. */
  'lists.addToGroup': {
    input: z
      .object({ ...target, groupId: id, roleId: id.nullish().transform((v) => v ?? null), validFrom: optionalDate, validTo: optionalDate })
      .superRefine((m, ctx) => {
        if (m.validFrom && m.validTo && m.validTo <= m.validFrom) ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'PERIOD_END_BEFORE_START' });
      }),
    output: counted,
  },
  'lists.tag': { input: z.object({ ...target, tagId: id, mode: z.enum(['add', 'remove']) }), output: counted },
  /** Gives every relation of the list a relation type from a date (or ends it on that date). */
  'lists.relationType': {
    input: z.object({ ...target, typeId: id, mode: z.enum(['add', 'end']), date: optionalDate }),
    output: counted,
  },
  'lists.trash': { input: z.object(target), output: counted },
  /** E-mail addresses for BCC (each once), and who has none. */
  'lists.emails': {
    input: z.object(target),
    output: z.object({
      emails: z.array(z.string()),
      relations: z.number().int(),
      without: z.array(z.object({ id, number: z.number().int(), displayName: z.string() })),
    }),
  },
});
