import type { CoreContext } from '../context';
import type { RelationDetail } from '../../../shared/contract';
import { getRelationRow } from './relations.repo';
import { salutations } from './relation-names';
import { listAddresses, toAddressDto } from '../addresses/addresses.repo';
import { linksOf } from '../links/links.repo';
import { customValuesOf, tagIdsOf, typeAssignmentsOf } from '../classification/classification.repo';

/** Everything the relation card shows, in one call. */
export function relationDetail(ctx: CoreContext, id: string): RelationDetail {
  const r = getRelationRow(ctx, id);
  const today = ctx.today();
  const fields = {
    initials: r.initials,
    firstName: r.firstName,
    infix: r.infix,
    lastName: r.lastName,
    exactName: r.exactName,
    gender: r.gender,
    addressForm: r.addressForm,
    birthDate: r.birthDate,
    deathDate: r.deathDate,
    name: r.name,
    legalForm: r.legalForm,
    kvkNumber: r.kvkNumber,
    emailDomain: r.emailDomain,
    email: r.email,
    email2: r.email2,
    phone: r.phone,
    mobile: r.mobile,
    website: r.website,
    socialLinks: r.socialLinks ? (JSON.parse(r.socialLinks) as string[]) : [],
    iban: r.iban,
    bic: r.bic,
    notes: r.notes,
  };
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    displayName: r.displayName,
    fields,
    salutation: salutations(r.kind, fields),
    addresses: listAddresses(ctx, id).map((a) => toAddressDto(a, today)),
    links: linksOf(ctx, id),
    types: typeAssignmentsOf(ctx, id),
    tagIds: tagIdsOf(ctx, id),
    customValues: customValuesOf(ctx, id),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    deletedAt: r.deletedAt,
  };
}
