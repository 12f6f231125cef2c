import { and, asc, eq, isNull, lte, or, gt } from 'drizzle-orm';
import type { CoreContext } from '../context';
import { addresses } from '../db/schema';
import { DomainError, notFound } from '../../../shared/errors';
import { lookupPc4 } from '../../../shared/dutch/pc4';
import { addressLines } from '../../../shared/dutch/address';
import type { Address, AddressDto } from '../../../shared/contract';
import { getRelationRow } from '../relations/relations.repo';

export type AddressRow = typeof addresses.$inferSelect;

export function isCurrent(a: { validFrom: string | null; validTo: string | null }, today: string): boolean {
  return (a.validFrom === null || a.validFrom <= today) && (a.validTo === null || a.validTo > today);
}

export function toAddressDto(row: AddressRow, today: string): AddressDto {
  return {
    id: row.id,
    relationId: row.relationId,
    type: row.type,
    street: row.street,
    houseNumber: row.houseNumber,
    houseLetter: row.houseLetter,
    houseNumberSuffix: row.houseNumberSuffix,
    poBox: row.poBox,
    postcode: row.postcode,
    city: row.city,
    municipality: row.municipality,
    province: row.province,
    country: row.country,
    validFrom: row.validFrom,
    validTo: row.validTo,
    current: isCurrent(row, today),
    lines: addressLines(row),
  };
}

/** Municipality and province follow from the PC4 unless the user typed them; the city is suggested when empty. */
function withReference(ctx: CoreContext, a: Address): Address {
  if (a.country !== 'NL' || !a.postcode) return a;
  const info = lookupPc4(ctx.reference.pc4, a.postcode);
  if (!info) return a;
  return {
    ...a,
    municipality: a.municipality ?? info.municipality,
    province: a.province ?? info.province,
    city: a.city ?? info.places[0] ?? null,
  };
}

export function listAddresses(ctx: CoreContext, relationId: string): AddressRow[] {
  return ctx.db
    .select()
    .from(addresses)
    .where(eq(addresses.relationId, relationId))
    .orderBy(asc(addresses.type), asc(addresses.validFrom))
    .all();
}

export function getAddress(ctx: CoreContext, id: string): AddressRow {
  const row = ctx.db.select().from(addresses).where(eq(addresses.id, id)).get();
  if (!row) throw notFound('address', id);
  return row;
}

export function insertAddress(ctx: CoreContext, relationId: string, input: Address): AddressRow {
  getRelationRow(ctx, relationId);
  const a = withReference(ctx, input);
  const now = ctx.now();
  const row = { id: ctx.newId(), relationId, ...a, createdAt: now, updatedAt: now };
  ctx.db.insert(addresses).values(row).run();
  return getAddress(ctx, row.id);
}

export function updateAddress(ctx: CoreContext, id: string, input: Address): AddressRow {
  getAddress(ctx, id);
  ctx.db
    .update(addresses)
    .set({ ...withReference(ctx, input), updatedAt: ctx.now() })
    .where(eq(addresses.id, id))
    .run();
  return getAddress(ctx, id);
}

/**
 * A move on `date`: every address of the same type that is valid on that date ends there,
 * and the new address starts on it. An address that would only start after the date is
 * left alone: that is a planned move the user entered earlier.
 */
export function moveAddress(ctx: CoreContext, relationId: string, date: string, input: Address): AddressRow {
  getRelationRow(ctx, relationId);
  const open = ctx.db
    .select()
    .from(addresses)
    .where(
      and(
        eq(addresses.relationId, relationId),
        eq(addresses.type, input.type),
        or(isNull(addresses.validFrom), lte(addresses.validFrom, date)),
        or(isNull(addresses.validTo), gt(addresses.validTo, date)),
      ),
    )
    .all();
  for (const old of open) {
    if (old.validFrom === date) {
      throw new DomainError('VALIDATION_FAILED', { addressId: old.id }, [{ field: 'date', code: 'MOVE_SAME_DAY_AS_START' }]);
    }
    ctx.db.update(addresses).set({ validTo: date, updatedAt: ctx.now() }).where(eq(addresses.id, old.id)).run();
  }
  return insertAddress(ctx, relationId, { ...input, validFrom: date, validTo: input.validTo });
}

export function deleteAddress(ctx: CoreContext, id: string): void {
  getAddress(ctx, id);
  ctx.db.delete(addresses).where(eq(addresses.id, id)).run();
}
