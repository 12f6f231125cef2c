import { relationFields, type RelationFieldsInput, type RelationFieldsPatch } from '../../../shared/contract';
import { DomainError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { zodIssues } from '../rpc/dispatcher';
import { getRelationRow, updateRelation, type RelationRow } from './relations.repo';

/** The stored record as the contract's input, so it can be merged with a change and checked again as a whole. */
export function storedRelationFields(row: RelationRow): RelationFieldsInput {
  return {
    initials: row.initials,
    firstName: row.firstName,
    infix: row.infix,
    lastName: row.lastName,
    exactName: row.exactName,
    gender: row.gender,
    addressForm: row.addressForm,
    birthDate: row.birthDate,
    deathDate: row.deathDate,
    name: row.name,
    legalForm: row.legalForm,
    kvkNumber: row.kvkNumber,
    emailDomain: row.emailDomain,
    email: row.email,
    email2: row.email2,
    phone: row.phone,
    mobile: row.mobile,
    website: row.website,
    socialLinks: row.socialLinks ? (JSON.parse(row.socialLinks) as string[]) : [],
    iban: row.iban,
    bic: row.bic,
    notes: row.notes,
  };
}

/**
 * `relations.update`: the given fields over the stored ones, checked as one whole record by
 * the same schema as a create (relationFields), then stored. So a patch of one field is held
 * to the rules across fields (a name or e-mail to know the person by, death after birth), and
 * what is stored always passes that schema, which every later write of the relation relies on.
 * Inside the caller's operation.
 */
export function patchRelation(ctx: CoreContext, id: string, patch: RelationFieldsPatch): void {
  const row = getRelationRow(ctx, id);
  const parsed = relationFields.safeParse({ ...storedRelationFields(row), ...patch });
  if (!parsed.success) throw new DomainError('VALIDATION_FAILED', undefined, zodIssues(parsed.error).map((i) => ({ ...i, field: `fields.${i.field}` })));
  // A new IBAN without a BIC makes the stored BIC wrong: it is left to be derived again (as in request-fields.ts).
  if (patch.iban !== undefined && patch.bic === undefined && parsed.data.iban !== row.iban) parsed.data.bic = null;
  updateRelation(ctx, id, parsed.data);
}
