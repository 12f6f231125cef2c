import { z } from 'zod';
import { addressFields, addressType, countryCode, normaliseAddressPostcode, relationFields, relationKind } from '../../../shared/contract';
import { optionalDate, optionalText, requiredText, plainText } from '../../../shared/contract/fields';
import { timestamp } from './timestamp';

/**
 * Zod schemas for the records of the JSON exchange format (docs/json-format.md), one per
 * section. Field names are the drizzle schema's camelCase keys; issue messages are codes.
 * Field rules are the contract's own (IBAN checksum, postcode, e-mail, …), so an import
 * accepts exactly what the application itself could have stored, normalised the same way.
 */

const id = z.string().min(1, { message: 'ID_EMPTY' }).max(64, { message: 'ID_TOO_LONG' });
const ref = id;
const scope = z.enum(['person', 'organisation', 'both']);
const position = z.number().int().min(-1_000_000).max(1_000_000);
const code = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, { message: 'CODE_INVALID' }).max(60);
const label = requiredText(80, 'TEXT_EMPTY');

const optionalTimestamp = timestamp.nullish().transform((v) => v ?? null);

function periodCheck(r: { validFrom: string | null; validTo: string | null }, ctx: z.RefinementCtx): void {
  if (r.validFrom && r.validTo && r.validTo <= r.validFrom) {
    ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'PERIOD_END_BEFORE_START' });
  }
}

const PERSON_ONLY = ['initials', 'firstName', 'infix', 'lastName', 'gender', 'addressForm', 'birthDate', 'deathDate'] as const;
const ORGANISATION_ONLY = ['name', 'legalForm', 'kvkNumber', 'emailDomain'] as const;

export const relationRecord = z
  .strictObject({
    id,
    kind: relationKind,
    number: z.number().int().min(1).max(2_000_000_000),
    ...relationFields.shape,
    createdAt: timestamp,
    updatedAt: timestamp,
    deletedAt: optionalTimestamp,
  })
  // The tussenvoegsel is stored in lower case unless the name is marked exact, as the app does.
  .transform((r) => (r.infix && !r.exactName ? { ...r, infix: r.infix.toLowerCase() } : r))
  .superRefine((r, ctx) => {
    if (r.birthDate && r.deathDate && r.deathDate < r.birthDate) {
      ctx.addIssue({ code: 'custom', path: ['deathDate'], message: 'DEATH_BEFORE_BIRTH' });
    }
    const foreign = r.kind === 'person' ? ORGANISATION_ONLY : PERSON_ONLY;
    for (const f of foreign) {
      if (r[f] !== null) ctx.addIssue({ code: 'custom', path: [f], message: 'FIELD_NOT_FOR_KIND' });
    }
    const identifiable = r.kind === 'person' ? Boolean(r.email || r.firstName || r.lastName) : Boolean(r.name);
    if (!identifiable) {
      ctx.addIssue({
        code: 'custom',
        path: [r.kind === 'person' ? 'lastName' : 'name'],
        message: r.kind === 'person' ? 'PERSON_NEEDS_NAME_OR_EMAIL' : 'ORGANISATION_NEEDS_NAME',
      });
    }
  });

export const addressRecord = z
  .strictObject({
    id,
    relationId: ref,
    type: addressType,
    ...addressFields,
    // A file names the country of every address; only the API defaults it to NL.
    country: countryCode,
    validFrom: optionalDate,
    validTo: optionalDate,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .superRefine(periodCheck)
  .transform((a, ctx) => ({ ...a, postcode: normaliseAddressPostcode(a, ctx) }));

export const relationTypeRecord = z.strictObject({ id, code, name: label, appliesTo: scope, position, createdAt: timestamp });

export const relationTypeAssignmentRecord = z
  .strictObject({ id, relationId: ref, typeId: ref, validFrom: optionalDate, validTo: optionalDate, createdAt: timestamp })
  .superRefine(periodCheck);

export const linkTypeRecord = z.strictObject({
  id,
  code,
  name: label,
  reverseName: label,
  fromKind: scope,
  toKind: scope,
  symmetric: z.boolean(),
  position,
  createdAt: timestamp,
});

export const relationLinkRecord = z
  .strictObject({
    id,
    linkTypeId: ref,
    fromRelationId: ref,
    toRelationId: ref,
    function: optionalText(120),
    validFrom: optionalDate,
    validTo: optionalDate,
    notes: optionalText(2000, { multiline: true }),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .superRefine((l, ctx) => {
    periodCheck(l, ctx);
    if (l.fromRelationId === l.toRelationId) ctx.addIssue({ code: 'custom', path: ['toRelationId'], message: 'LINK_TO_SELF' });
  });

export const customFieldRecord = z
  .strictObject({
    id,
    code,
    label,
    appliesTo: scope,
    dataType: z.enum(['text', 'number', 'date', 'boolean', 'choice']),
    options: z.array(requiredText(80)).max(200).nullish().transform((v) => v ?? []),
    position,
    createdAt: timestamp,
  })
  .superRefine((f, ctx) => {
    if (f.dataType === 'choice' && f.options.length === 0) ctx.addIssue({ code: 'custom', path: ['options'], message: 'CHOICE_NEEDS_OPTIONS' });
  });

export const customValueRecord = z.strictObject({ id, relationId: ref, fieldId: ref, value: plainText({ multiline: true }).max(2000, { message: 'TEXT_TOO_LONG' }) });

export const tagRecord = z.strictObject({ id, parentId: ref.nullish().transform((v) => v ?? null), name: label, position, createdAt: timestamp });

export const relationTagRecord = z.strictObject({ id, relationId: ref, tagId: ref, createdAt: timestamp });
