import { z } from 'zod';
import { defineContract } from './define';
import { id, isoDate, optionalBic, optionalDate, optionalEmail, optionalIban, optionalInitials, optionalPhone, optionalText, optionalUrl, pageInput, plainText } from './fields';
import { addressInput, addressDto } from './addresses';
import { fieldScore } from './dedupe';
import type { FieldIssue } from '../errors';

export const relationKind = z.enum(['person', 'organisation']);
export type RelationKind = z.infer<typeof relationKind>;
export const gender = z.enum(['m', 'v', 'x']);
export const addressForm = z.enum(['heer', 'mevrouw', 'neutraal']);

const kvkNumber = z
  .string()
  .nullish()
  .transform((raw, ctx) => {
    const t = (raw ?? '').replace(/[\s.]/g, '');
    if (t === '') return null;
    if (/^\d{8}$/.test(t)) return t;
    ctx.addIssue({ code: 'custom', message: 'KVK_INVALID' });
    return z.NEVER;
  });

const socialLinks = z.array(plainText().max(500)).max(20);

/**
 * The editable scalar fields of a relation, whole: what `relations.create` takes and what
 * every write stores (an update is merged into the stored record and checked as this whole,
 * see relationFieldsPatch). The core diffs it against the stored row, so History shows only
 * what changed.
 */
export const relationFields = z
  .object({
    initials: optionalInitials,
    firstName: optionalText(100),
    infix: optionalText(30),
    lastName: optionalText(150),
    exactName: z.boolean().default(false),
    gender: gender.nullish().transform((v) => v ?? null),
    addressForm: addressForm.nullish().transform((v) => v ?? null),
    birthDate: optionalDate,
    deathDate: optionalDate,
    name: optionalText(200),
    legalForm: optionalText(60),
    kvkNumber,
    emailDomain: optionalText(120).transform((d) => d?.toLowerCase().replace(/^@/, '') ?? null),
    email: optionalEmail,
    email2: optionalEmail,
    phone: optionalPhone,
    mobile: optionalPhone,
    website: optionalUrl,
    socialLinks: socialLinks.default([]),
    iban: optionalIban,
    bic: optionalBic,
    notes: optionalText(20_000, { multiline: true }),
  })
  .superRefine((f, ctx) => {
    if (f.birthDate && f.deathDate && f.deathDate < f.birthDate) {
      ctx.addIssue({ code: 'custom', path: ['deathDate'], message: 'DEATH_BEFORE_BIRTH' });
    }
  });
export type RelationFieldsInput = z.input<typeof relationFields>;

/**
 * What `relations.update` takes: any of the fields, each checked by its own schema above; a
 * field left out keeps its stored value (so a script can send `{ email }` alone). The two
 * defaults are dropped here, or leaving out exactName or socialLinks would reset them. The
 * card still sends every field (a whole set is a patch of all of them). The core merges the
 * patch into the stored record and checks the result as relationFields, rules across fields
 * (a name or e-mail, death after birth) included (core/relations/relation-patch.ts).
 */
export const relationFieldsPatch = z.object({ ...relationFields.shape, exactName: z.boolean(), socialLinks }).partial();
export type RelationFieldsPatch = z.output<typeof relationFieldsPatch>;

/**
 * The date rule that needs today's date (the core's clock, so it cannot live in the schema
 * above): nobody is born or dies after today. Every door that stores relation fields
 * applies it next to the schema; `prefix` is where the fields sit in that door's input.
 */
export function relationDateIssues(f: { birthDate?: string | null; deathDate?: string | null }, today: string, prefix = ''): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const field of ['birthDate', 'deathDate'] as const) {
    if (f[field] && f[field] > today) issues.push({ field: `${prefix}${field}`, code: 'DATE_IN_FUTURE' });
  }
  return issues;
}
export type RelationFields = z.output<typeof relationFields>;

export const relationSummary = z.object({
  id,
  number: z.number().int(),
  kind: relationKind,
  displayName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  street: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  birthDate: z.string().nullable(),
  types: z.array(z.string()),
  deletedAt: z.number().nullable(),
});
export type RelationSummary = z.infer<typeof relationSummary>;

export const relationLinkDto = z.object({
  id,
  linkTypeId: id,
  linkTypeCode: z.string(),
  /** The label as seen from the relation whose card this is. */
  label: z.string(),
  direction: z.enum(['from', 'to']),
  otherRelationId: id,
  otherDisplayName: z.string(),
  otherNumber: z.number().int(),
  function: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  notes: z.string().nullable(),
});
export type RelationLinkDto = z.infer<typeof relationLinkDto>;

export const relationTypeAssignmentDto = z.object({
  id,
  typeId: id,
  code: z.string(),
  name: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});

export const customValueDto = z.object({ fieldId: id, code: z.string(), label: z.string(), value: z.string() });

export const relationDetail = z.object({
  id,
  number: z.number().int(),
  kind: relationKind,
  displayName: z.string(),
  fields: z.object({
    initials: z.string().nullable(),
    firstName: z.string().nullable(),
    infix: z.string().nullable(),
    lastName: z.string().nullable(),
    exactName: z.boolean(),
    gender: gender.nullable(),
    addressForm: addressForm.nullable(),
    birthDate: z.string().nullable(),
    deathDate: z.string().nullable(),
    name: z.string().nullable(),
    legalForm: z.string().nullable(),
    kvkNumber: z.string().nullable(),
    emailDomain: z.string().nullable(),
    email: z.string().nullable(),
    email2: z.string().nullable(),
    phone: z.string().nullable(),
    mobile: z.string().nullable(),
    website: z.string().nullable(),
    socialLinks: z.array(z.string()),
    iban: z.string().nullable(),
    bic: z.string().nullable(),
    notes: z.string().nullable(),
  }),
  salutation: z.object({ formal: z.string(), informal: z.string(), addressee: z.string() }),
  addresses: z.array(addressDto),
  links: z.array(relationLinkDto),
  types: z.array(relationTypeAssignmentDto),
  tagIds: z.array(id),
  customValues: z.array(customValueDto),
  createdAt: z.number(),
  updatedAt: z.number(),
  deletedAt: z.number().nullable(),
});
export type RelationDetail = z.infer<typeof relationDetail>;

export const relationSort = z.enum(['name', 'number', 'updated']);

export const similarRelation = z.object({
  id,
  number: z.number().int(),
  displayName: z.string(),
  /** The duplicate scorer's score and the fields that agreed or were similar (the reason shown). */
  score: z.number().int(),
  fields: z.array(fieldScore),
});

export const relationsContract = defineContract({
  'relations.search': {
    input: z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(200).default(20) }),
    output: z.object({ rows: z.array(relationSummary), more: z.boolean() }),
  },
  'relations.list': {
    input: z.object({
      ...pageInput,
      sort: relationSort.default('name'),
      descending: z.boolean().default(false),
      kind: relationKind.optional(),
      typeCode: z.string().max(60).optional(),
      trash: z.boolean().default(false),
    }),
    output: z.object({ total: z.number().int(), rows: z.array(relationSummary) }),
  },
  'relations.get': {
    input: z.object({ id }),
    output: relationDetail,
  },
  'relations.create': {
    input: z.object({
      kind: relationKind,
      number: z.number().int().min(1).max(2_000_000_000).optional(),
      fields: relationFields,
      address: addressInput.optional(),
      typeCodes: z.array(z.string().max(60)).default([]),
    }),
    output: z.object({ id, number: z.number().int() }),
  },
  'relations.update': {
    input: z.object({ id, fields: relationFieldsPatch }),
    output: relationDetail,
  },
  'relations.setNumber': {
    input: z.object({ id, number: z.number().int().min(1).max(2_000_000_000) }),
    output: z.object({ id, number: z.number().int() }),
  },
  'relations.delete': {
    input: z.object({ id }),
    output: z.object({ id }),
  },
  'relations.restore': {
    input: z.object({ id }),
    output: z.object({ id }),
  },
  'relations.emptyTrash': {
    input: z.object({ ids: z.array(id).optional() }),
    output: z.object({ deleted: z.number().int() }),
  },
  'relations.findSimilar': {
    input: z.object({
      excludeId: id.optional(),
      email: z.string().max(320).optional(),
      firstName: z.string().max(100).optional(),
      lastName: z.string().max(150).optional(),
      infix: z.string().max(30).optional(),
      birthDate: isoDate.optional(),
      postcode: z.string().max(12).optional(),
      houseNumber: z.number().int().min(1).max(99999).optional(),
      kind: relationKind.optional(),
      name: z.string().max(200).optional(),
      kvkNumber: z.string().max(20).optional(),
      phone: z.string().max(40).optional(),
    }),
    output: z.object({ rows: z.array(similarRelation) }),
  },
  'relations.findOrganisationByEmail': {
    input: z.object({ email: z.string().max(320) }),
    output: z.object({ rows: z.array(z.object({ id, number: z.number().int(), displayName: z.string() })) }),
  },
});
