import { z } from 'zod';
import { defineContract } from './define';
import { id, optionalDate, optionalText, requiredText } from './fields';
import { relationLinkDto } from './relations';

const kindScope = z.enum(['person', 'organisation', 'both']);

export const linkTypeDto = z.object({
  id,
  code: z.string(),
  name: z.string(),
  reverseName: z.string(),
  fromKind: kindScope,
  toKind: kindScope,
  symmetric: z.boolean(),
});
export type LinkTypeDto = z.infer<typeof linkTypeDto>;

const linkFields = z
  .object({
    function: optionalText(120),
    validFrom: optionalDate,
    validTo: optionalDate,
    notes: optionalText(2000, { multiline: true }),
  })
  .superRefine((l, ctx) => {
    if (l.validFrom && l.validTo && l.validTo <= l.validFrom) {
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'PERIOD_END_BEFORE_START' });
    }
  });

export const linksContract = defineContract({
  'linkTypes.list': {
    input: z.object({}),
    output: z.object({ rows: z.array(linkTypeDto) }),
  },
  'linkTypes.create': {
    input: z.object({
      code: requiredText(60),
      name: requiredText(80),
      reverseName: requiredText(80),
      fromKind: kindScope.default('both'),
      toKind: kindScope.default('both'),
      symmetric: z.boolean().default(false),
    }),
    output: linkTypeDto,
  },
  'linkTypes.update': {
    input: z.object({
      id,
      name: requiredText(80),
      reverseName: requiredText(80),
      fromKind: kindScope,
      toKind: kindScope,
      symmetric: z.boolean(),
    }),
    output: linkTypeDto,
  },
  /** Refused with CONFLICT (details.reason LINK_TYPE_IN_USE) while links of the type exist. */
  'linkTypes.delete': { input: z.object({ id }), output: z.object({ id }) },
  'links.add': {
    input: z.object({ linkTypeId: id, fromRelationId: id, toRelationId: id, link: linkFields }),
    output: relationLinkDto,
  },
  'links.update': {
    input: z.object({ id, link: linkFields }),
    output: z.object({ id }),
  },
  'links.remove': {
    input: z.object({ id }),
    output: z.object({ id }),
  },
});
