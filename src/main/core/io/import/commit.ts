import type { CustomFieldDto } from '../../../../shared/contract';
import { lookupPc4 } from '../../../../shared/dutch/pc4';
import { DomainError } from '../../../../shared/errors';
import type { CoreContext } from '../../context';
import { addresses, customValues, relations, relationTypeAssignments } from '../../db/schema';
import { bulkLoad, type BulkLoader } from '../../exchange/bulk-load';
import { isPublicMailDomain } from '../../relations/public-mail-domains';
import { RELATION_FIELDS, type ImportRecord } from './import-record';
import type { PlannedRow } from './plan';
import { directLoader, updater } from './row-writer';
import { derivedNamesOfRow } from '../../relations/relation-names';
import { importPaymentSettings } from '../../contributions/import-values';

/** From this many written rows on, the bulk path (set-based audit, one search index rebuild) is faster. */
export const BULK_THRESHOLD = 1_000;

export interface CommitEnv {
  membershipTypeId: string | null;
  customFields: Map<string, CustomFieldDto>;
}

function domainOf(email: string | null | undefined): string | null {
  const d = email?.split('@')[1] ?? null;
  return d && !isPublicMailDomain(d) ? d : null;
}

type AddressColumns = {
  street?: string | null;
  houseNumber?: number | null;
  houseLetter?: string | null;
  houseNumberSuffix?: string | null;
  poBox?: string | null;
  postcode?: string | null;
  city?: string | null;
  country?: string;
};

/** The record's address as table columns; a key the file did not have stays absent. */
function addressColumns(rec: ImportRecord): AddressColumns {
  const a = rec.address;
  const text = (v: string | number | null | undefined) => (v === undefined ? undefined : v === null ? null : String(v));
  const out: AddressColumns = {};
  for (const f of ['street', 'houseLetter', 'houseNumberSuffix', 'poBox', 'postcode', 'city'] as const) if (a[f] !== undefined) out[f] = text(a[f]);
  if (a.houseNumber !== undefined) out.houseNumber = a.houseNumber === null ? null : Number(a.houseNumber);
  if (typeof a.country === 'string') out.country = a.country;
  return out;
}

/** Municipality and province follow from the PC4, as when an address is entered by hand. */
function regionOf(ctx: CoreContext, country: string, postcode: string | null | undefined): { municipality: string; province: string } | null {
  if (country !== 'NL' || !postcode) return null;
  const info = lookupPc4(ctx.reference.pc4, postcode);
  return info ? { municipality: info.municipality, province: info.province } : null;
}

function newAddress(ctx: CoreContext, relationId: string, kind: 'person' | 'organisation', rec: ImportRecord, now: number) {
  const cols = addressColumns(rec);
  return {
    id: ctx.newId(),
    relationId,
    type: kind === 'organisation' ? ('business' as const) : ('home' as const),
    ...cols,
    ...regionOf(ctx, cols.country ?? 'NL', cols.postcode),
    createdAt: now,
    updatedAt: now,
  };
}

function hasAddress(rec: ImportRecord): boolean {
  return (['street', 'poBox', 'postcode', 'city', 'houseNumber'] as const).some((k) => rec.address[k] !== undefined && rec.address[k] !== null);
}

function writeCreate(ctx: CoreContext, p: PlannedRow, env: CommitEnv, load: BulkLoader): string {
  const { rec } = p;
  const now = ctx.now();
  const id = ctx.newId();
  const fields: Record<string, unknown> = {};
  for (const f of RELATION_FIELDS) if (rec.fields[f] !== undefined) fields[f] = rec.fields[f];
  if (rec.kind === 'organisation') fields['emailDomain'] = domainOf(rec.fields.email);
  load.insert('relations', { id, kind: rec.kind, number: p.number ?? 0, ...fields, createdAt: now, updatedAt: now });
  if (hasAddress(rec)) {
    load.insert('addresses', newAddress(ctx, id, rec.kind, rec, now));
  }
  if (env.membershipTypeId && (rec.memberSince || rec.memberUntil)) {
    load.insert('relationTypeAssignments', { id: ctx.newId(), relationId: id, typeId: env.membershipTypeId, validFrom: rec.memberSince ?? null, validTo: rec.memberUntil ?? null, createdAt: now });
  }
  for (const [code, value] of rec.custom) {
    const field = env.customFields.get(code);
    if (field && value !== null) load.insert('customValues', { id: ctx.newId(), relationId: id, fieldId: field.id, value });
  }
  importPaymentSettings(ctx, id, rec);
  return id;
}

function writeUpdate(ctx: CoreContext, p: PlannedRow, env: CommitEnv, load: BulkLoader, update: ReturnType<typeof updater>): void {
  const { rec, current } = p;
  if (!current) throw new Error('update without current state');
  const now = ctx.now();
  const id = current.row.id;
  const changed = new Set(p.changes.map((c) => c.field));
  const set: Record<string, unknown> = {};
  for (const f of RELATION_FIELDS) if (changed.has(f)) set[f] = rec.fields[f] ?? null;
  if (Object.keys(set).length) {
    const merged = { ...current.row, ...set };
    if (current.row.kind === 'organisation' && changed.has('email') && !current.row.emailDomain) set['emailDomain'] = domainOf(merged.email);
    update(relations, id, { ...set, ...derivedNamesOfRow(merged), updatedAt: now });
  }
  const cols = addressColumns(rec);
  const addressSet = Object.fromEntries(Object.entries(cols).filter(([k]) => changed.has(k))) as AddressColumns;
  if (current.address && Object.keys(addressSet).length) {
    const region = changed.has('postcode') || changed.has('country') ? regionOf(ctx, addressSet.country ?? current.address.country, addressSet.postcode ?? current.address.postcode) : null;
    update(addresses, current.address.id, { ...addressSet, ...region, updatedAt: now });
  } else if (!current.address && hasAddress(rec)) {
    load.insert('addresses', newAddress(ctx, id, current.row.kind, rec, now));
  }
  if (env.membershipTypeId && (changed.has('memberSince') || changed.has('memberUntil'))) {
    const period = { ...(changed.has('memberSince') ? { validFrom: rec.memberSince ?? null } : {}), ...(changed.has('memberUntil') ? { validTo: rec.memberUntil ?? null } : {}) };
    if (current.membership) update(relationTypeAssignments, current.membership.id, period);
    else load.insert('relationTypeAssignments', { id: ctx.newId(), relationId: id, typeId: env.membershipTypeId, validFrom: null, validTo: null, ...period, createdAt: now });
  }
  for (const [code, value] of rec.custom) {
    if (!changed.has(`custom:${code}`)) continue;
    const field = env.customFields.get(code);
    const existing = current.custom.get(code);
    if (!field) continue;
    if (existing && value === null) ctx.sqlite.prepare('DELETE FROM custom_values WHERE id = ?').run(existing.id);
    else if (existing) update(customValues, existing.id, { value });
    else if (value !== null) load.insert('customValues', { id: ctx.newId(), relationId: id, fieldId: field.id, value });
  }
  importPaymentSettings(ctx, id, {
    ...(changed.has('paymentMethod') ? { paymentMethod: rec.paymentMethod ?? null } : {}),
    ...(changed.has('contribution') ? { contributionCents: rec.contributionCents ?? null } : {}),
  });
}

/**
 * Writes a plan inside the caller's operation (ctx.write): synchronous, so it is one
 * transaction and all or nothing. Large imports take the bulk path.
 */
export function commitPlan(ctx: CoreContext, planned: PlannedRow[], env: CommitEnv): string[] {
  // Updates count too: on the bulk path their search-index triggers are off and the index is rebuilt once.
  const writes = planned.filter((p) => p.outcome === 'create' || p.outcome === 'update').length;
  const touched: string[] = [];
  const run = (load: BulkLoader) => {
    const update = updater(ctx);
    for (const p of planned) {
      if (p.outcome === 'create') touched.push(writeCreate(ctx, p, env, load));
      else if (p.outcome === 'update') {
        writeUpdate(ctx, p, env, load, update);
        touched.push(p.relationId ?? '');
      }
    }
  };
  try {
    // deferIndexes only acts on tables that are still empty: a first import into a new administration.
    if (writes >= BULK_THRESHOLD) bulkLoad(ctx, run, { deferIndexes: true });
    else run(directLoader(ctx));
  } catch (e) {
    if (e instanceof Error && /UNIQUE constraint failed: relations\.number/.test(e.message)) {
      throw new DomainError('CONFLICT', { reason: 'NUMBER_TAKEN_DURING_IMPORT' });
    }
    throw e;
  }
  return touched;
}
