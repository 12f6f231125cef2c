import { z } from 'zod';
import { defineContract } from './define';
import { id, optionalDate, requiredText, plainText } from './fields';

const kindScope = z.enum(['person', 'organisation', 'both']);
const code = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, { message: 'CODE_INVALID' });

export const relationTypeDto = z.object({ id, code: z.string(), name: z.string(), appliesTo: kindScope, count: z.number().int() });
export type RelationTypeDto = z.infer<typeof relationTypeDto>;

export const tagDto = z.object({ id, parentId: id.nullable(), name: z.string(), position: z.number().int(), count: z.number().int() });
export type TagDto = z.infer<typeof tagDto>;

export const customFieldType = z.enum(['text', 'number', 'date', 'boolean', 'choice']);
export const customFieldDto = z.object({
  id,
  code: z.string(),
  label: z.string(),
  appliesTo: kindScope,
  dataType: customFieldType,
  options: z.array(z.string()),
  position: z.number().int(),
});
export type CustomFieldDto = z.infer<typeof customFieldDto>;

export const classificationContract = defineContract({
  'relationTypes.list': { input: z.object({}), output: z.object({ rows: z.array(relationTypeDto) }) },
  'relationTypes.create': {
    input: z.object({ code, name: requiredText(80), appliesTo: kindScope.default('both') }),
    output: relationTypeDto,
  },
  'relationTypes.update': {
    input: z.object({ id, name: requiredText(80), appliesTo: kindScope }),
    output: relationTypeDto,
  },
  'relationTypes.delete': { input: z.object({ id }), output: z.object({ id }) },
  /** Gives the relation a type from a date (open-ended), or ends it on a date. */
  'relations.addType': {
    input: z.object({ relationId: id, typeId: id, validFrom: optionalDate, validTo: optionalDate }),
    output: z.object({ id }),
  },
  'relations.endType': {
    input: z.object({ assignmentId: id, validTo: optionalDate }),
    output: z.object({ id }),
  },
  'relations.removeType': { input: z.object({ assignmentId: id }), output: z.object({ id }) },

  'tags.list': { input: z.object({}), output: z.object({ rows: z.array(tagDto) }) },
  'tags.create': {
    input: z.object({ name: requiredText(80), parentId: id.nullish().transform((v) => v ?? null) }),
    output: tagDto,
  },
  'tags.update': {
    input: z.object({ id, name: requiredText(80), parentId: id.nullish().transform((v) => v ?? null) }),
    output: tagDto,
  },
  'tags.delete': { input: z.object({ id }), output: z.object({ id }) },
  'relations.setTags': { input: z.object({ relationId: id, tagIds: z.array(id).max(500) }), output: z.object({ tagIds: z.array(id) }) },

  'customFields.list': { input: z.object({}), output: z.object({ rows: z.array(customFieldDto) }) },
  'customFields.create': {
    input: z.object({
      code,
      label: requiredText(80),
      appliesTo: kindScope.default('both'),
      dataType: customFieldType,
      options: z.array(requiredText(80)).max(200).default([]),
    }),
    output: customFieldDto,
  },
  'customFields.delete': { input: z.object({ id }), output: z.object({ id }) },
  /** Values by field code; null or '' clears. Each value is checked against its field's type. */
  'relations.setCustomValues': {
    input: z.object({ relationId: id, values: z.record(z.string(), z.union([plainText({ multiline: true }).max(2000), z.number(), z.boolean(), z.null()])) }),
    output: z.object({ relationId: id }),
  },
});
