import { and, eq, inArray } from 'drizzle-orm';
import type { CoreContext } from '../../context';
import { addresses, customFields, customValues, paymentSettings, relations, relationTypeAssignments } from '../../db/schema';
import { isCurrent } from '../../addresses/addresses.repo';

export type RelationRow = typeof relations.$inferSelect;
export type AddressRow = typeof addresses.$inferSelect;

/** What an update compares against: the stored relation, its main current address, its membership and custom values. */
export interface CurrentState {
  row: RelationRow;
  address: AddressRow | null;
  membership: { id: string; validFrom: string | null; validTo: string | null } | null;
  custom: Map<string, { id: string; value: string }>;
  payment: { method: 'incasso' | 'factuur' | 'contant'; overrideCents: number | null } | null;
}

const TYPE_PRIORITY: Record<string, number> = { home: 0, postal: 1, business: 2 };

/** The address lists and letters use: current, home before postal before business. */
export function mainAddress<A extends { type: string; validFrom: string | null; validTo: string | null }>(list: A[], today: string): A | null {
  let best: A | null = null;
  for (const a of list) {
    if (!isCurrent(a, today)) continue;
    if (!best || (TYPE_PRIORITY[a.type] ?? 9) < (TYPE_PRIORITY[best.type] ?? 9)) best = a;
  }
  return best;
}

const BATCH = 500;

export function loadCurrentStates(ctx: CoreContext, ids: string[], membershipTypeId: string | null): Map<string, CurrentState> {
  const out = new Map<string, CurrentState>();
  const today = ctx.today();
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    for (const row of ctx.db.select().from(relations).where(inArray(relations.id, batch)).all()) {
      out.set(row.id, { row, address: null, membership: null, custom: new Map(), payment: null });
    }
    const byRelation = new Map<string, AddressRow[]>();
    for (const a of ctx.db.select().from(addresses).where(inArray(addresses.relationId, batch)).all()) {
      byRelation.set(a.relationId, [...(byRelation.get(a.relationId) ?? []), a]);
    }
    for (const [id, list] of byRelation) {
      const s = out.get(id);
      if (s) s.address = mainAddress(list, today);
    }
    if (membershipTypeId) {
      const assignments = ctx.db
        .select()
        .from(relationTypeAssignments)
        .where(and(inArray(relationTypeAssignments.relationId, batch), eq(relationTypeAssignments.typeId, membershipTypeId)))
        .all();
      for (const a of assignments) {
        const s = out.get(a.relationId);
        // The earliest assignment is the one "lid sinds" speaks about.
        if (s && (!s.membership || (a.validFrom ?? '') < (s.membership.validFrom ?? ''))) {
          s.membership = { id: a.id, validFrom: a.validFrom, validTo: a.validTo };
        }
      }
    }
    const values = ctx.db
      .select({ id: customValues.id, relationId: customValues.relationId, code: customFields.code, value: customValues.value })
      .from(customValues)
      .innerJoin(customFields, eq(customFields.id, customValues.fieldId))
      .where(inArray(customValues.relationId, batch))
      .all();
    for (const v of values) out.get(v.relationId)?.custom.set(v.code, { id: v.id, value: v.value });
    for (const p of ctx.db.select().from(paymentSettings).where(inArray(paymentSettings.relationId, batch)).all()) {
      const s = out.get(p.relationId);
      if (s) s.payment = { method: p.method, overrideCents: p.overrideCents };
    }
  }
  return out;
}
