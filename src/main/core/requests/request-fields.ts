import type { z } from 'zod';
import type { CoreContext } from '../context';
import { ADDRESS_REQUEST_FIELDS, REQUEST_FIELDS, addressInput, relationFields, type RequestField } from '../../../shared/contract';
import { DomainError } from '../../../shared/errors';
import { getRelationRow, updateRelation } from '../relations/relations.repo';
import { storedRelationFields } from '../relations/relation-patch';
import { insertAddress, isCurrent, listAddresses, moveAddress, updateAddress } from '../addresses/addresses.repo';

export type FieldValues = Partial<Record<RequestField, string | null>>;

type AddressRow = ReturnType<typeof listAddresses>[number];

/** The address a request changes: the current home address, else the current postal one. */
function currentAddress(ctx: CoreContext, relationId: string): AddressRow | null {
  const today = ctx.today();
  const current = listAddresses(ctx, relationId).filter((a) => isCurrent(a, today));
  return current.find((a) => a.type === 'home') ?? current.find((a) => a.type === 'postal') ?? null;
}

const text = (v: string | number | null | undefined): string | null => (v === null || v === undefined || v === '' ? null : String(v));

/** The relation's values now, in the form requests store them. */
export function currentValues(ctx: CoreContext, relationId: string): Record<RequestField, string | null> {
  const r = getRelationRow(ctx, relationId);
  const a = currentAddress(ctx, relationId);
  return {
    initials: r.initials,
    firstName: r.firstName,
    infix: r.infix,
    lastName: r.lastName,
    birthDate: r.birthDate,
    email: r.email,
    phone: r.phone,
    mobile: r.mobile,
    iban: r.iban,
    street: text(a?.street),
    houseNumber: text(a?.houseNumber),
    houseLetter: text(a?.houseLetter),
    houseNumberSuffix: text(a?.houseNumberSuffix),
    postcode: text(a?.postcode),
    city: text(a?.city),
    country: a ? a.country : null,
  };
}

/** Where a contract issue of the relation/address schema points, as a request field. */
function fieldIssues(error: z.ZodError, known: Set<string>): { field: string; code: string }[] {
  return error.issues.map((i) => {
    const f = String(i.path[0] ?? '');
    return { field: known.has(f) ? f : 'fields', code: i.message };
  });
}

/**
 * Writes the chosen values through the same contract schemas every other door uses, so a
 * correction typed in the pile is checked like an edit on the card. Runs inside the caller's
 * operation.
 */
export function applyValues(ctx: CoreContext, relationId: string, values: FieldValues, moveDate: string): void {
  const row = getRelationRow(ctx, relationId);
  const known = new Set<string>(REQUEST_FIELDS);
  const relationPart = Object.entries(values).filter(([f]) => !ADDRESS_REQUEST_FIELDS.includes(f as RequestField));
  if (relationPart.length) {
    const parsed = relationFields.safeParse({
      ...storedRelationFields(row),
      ...Object.fromEntries(relationPart),
    });
    if (!parsed.success) throw new DomainError('VALIDATION_FAILED', undefined, fieldIssues(parsed.error, known));
    // A new IBAN makes the stored BIC wrong: leave it to be derived again.
    if (values.iban !== undefined && values.iban !== row.iban) parsed.data.bic = null;
    updateRelation(ctx, relationId, parsed.data);
  }
  const addressPart = Object.entries(values).filter(([f]) => ADDRESS_REQUEST_FIELDS.includes(f as RequestField));
  if (addressPart.length) {
    const old = currentAddress(ctx, relationId);
    const merged = {
      type: old?.type ?? 'home',
      street: old?.street ?? null,
      houseNumber: old?.houseNumber ?? null,
      houseLetter: old?.houseLetter ?? null,
      houseNumberSuffix: old?.houseNumberSuffix ?? null,
      poBox: old?.poBox ?? null,
      postcode: old?.postcode ?? null,
      city: old?.city ?? null,
      country: old?.country ?? 'NL',
      ...Object.fromEntries(addressPart),
    } as Record<string, unknown>;
    const hn = merged['houseNumber'];
    if (typeof hn === 'string') merged['houseNumber'] = /^\d+$/.test(hn.trim()) ? Number(hn) : hn;
    if (merged['country'] === null) merged['country'] = 'NL';
    // A new street with the old municipality would be wrong: the core derives it again.
    const parsed = addressInput.safeParse({ ...merged, municipality: null, province: null });
    if (!parsed.success) throw new DomainError('VALIDATION_FAILED', undefined, fieldIssues(parsed.error, known));
    if (!old) insertAddress(ctx, relationId, { ...parsed.data, validFrom: moveDate });
    else if (old.validFrom === moveDate) updateAddress(ctx, old.id, { ...parsed.data, validFrom: old.validFrom, validTo: old.validTo });
    else moveAddress(ctx, relationId, moveDate, { ...parsed.data, validTo: null });
  }
}
