import type { CoreContext } from '../context';
import type { FeeSchedule } from '../../../shared/contract/fee-schedule';
import type { MemberFact, PayerFact, PaymentSetting, RunFacts } from './run-model';

/**
 * Reads everything a run needs in a handful of set-based queries (no per-relation queries:
 * a run at 100,000 relations must stay in seconds).
 */
const VALID_ON = (alias: string) => `(${alias}.valid_from IS NULL OR ${alias}.valid_from <= @day) AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > @day)`;

function members(ctx: CoreContext, s: FeeSchedule): MemberFact[] {
  const types = [...new Set(s.fees.map((f) => f.membershipType))];
  return ctx.sqlite
    .prepare(
      `SELECT r.id AS relationId, r.number, r.display_name AS name, r.birth_date AS birthDate, t.code AS typeCode, t.name AS typeName,
              CASE WHEN count(*) = count(m.start_date) THEN min(m.start_date) END AS start,
              CASE WHEN count(*) = count(m.end_date) THEN max(m.end_date) END AS "end"
         FROM memberships m JOIN membership_types t ON t.id = m.membership_type_id JOIN relations r ON r.id = m.relation_id
        WHERE t.code IN (SELECT value FROM json_each(@types)) AND r.deleted_at IS NULL
          AND (m.start_date IS NULL OR m.start_date < @end) AND (m.end_date IS NULL OR m.end_date > @start)
        GROUP BY r.id, t.id`,
    )
    .all({ types: JSON.stringify(types), start: s.period.start, end: s.period.end }) as MemberFact[];
}

function settings(ctx: CoreContext): Map<string, PaymentSetting> {
  const rows = ctx.sqlite
    .prepare(
      `SELECT relation_id AS relationId, method, frequency, payer_relation_id AS payerRelationId, exempt, exempt_reason AS exemptReason,
              override_cents AS overrideCents, override_reason AS overrideReason FROM payment_settings`,
    )
    .all() as (Omit<PaymentSetting, 'exempt'> & { relationId: string; exempt: number })[];
  return new Map(rows.map(({ relationId, ...r }) => [relationId, { ...r, exempt: r.exempt === 1 }]));
}

/** Every possible payer: members and whoever pays for someone. */
function payers(ctx: CoreContext, ids: string[], day: string): Map<string, PayerFact> {
  const rows = ctx.sqlite
    .prepare(
      `SELECT r.id AS relationId, r.number, r.display_name AS name, r.deleted_at IS NOT NULL AS deleted, r.iban IS NOT NULL AS hasIban,
              EXISTS (SELECT 1 FROM addresses a WHERE a.relation_id = r.id AND ${VALID_ON('a')}) AS hasAddress
         FROM relations r WHERE r.id IN (SELECT value FROM json_each(@ids))`,
    )
    .all({ ids: JSON.stringify(ids), day }) as (Omit<PayerFact, 'deleted' | 'hasIban' | 'hasAddress'> & Record<'deleted' | 'hasIban' | 'hasAddress', number>)[];
  return new Map(rows.map((r) => [r.relationId, { ...r, deleted: r.deleted === 1, hasIban: r.hasIban === 1, hasAddress: r.hasAddress === 1 }]));
}

/** Household per member: the home address on the period's start, or the component of 'gezinslid van' links. */
function households(ctx: CoreContext, s: FeeSchedule, ids: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  if (!s.household) return out;
  const day = s.period.start;
  if (s.household.by === 'adres') {
    const rows = ctx.sqlite
      .prepare(
        `SELECT a.relation_id AS id, upper(replace(a.postcode, ' ', '')) || '|' || coalesce(a.house_number, '') || upper(coalesce(a.house_letter, '')) || '-' || lower(coalesce(a.house_number_suffix, '')) AS k
           FROM addresses a WHERE a.type = 'home' AND a.postcode IS NOT NULL AND ${VALID_ON('a')}`,
      )
      .all({ day }) as { id: string; k: string }[];
    for (const r of rows) if (ids.has(r.id)) out.set(r.id, r.k);
    return out;
  }
  const links = ctx.sqlite
    .prepare(
      `SELECT l.from_relation_id AS a, l.to_relation_id AS b FROM relation_links l JOIN link_types t ON t.id = l.link_type_id
        WHERE t.code = 'household' AND ${VALID_ON('l')}`,
    )
    .all({ day }) as { a: string; b: string }[];
  // Union-find over the links: a household is a connected component.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const { a, b } of links) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    parent.set(find(a), find(b));
  }
  for (const id of ids) if (parent.has(id)) out.set(id, `link:${find(id)}`);
  return out;
}

function billed(ctx: CoreContext, periodCode: string): { billed: Set<string>; charged: Set<string> } {
  const lines = ctx.sqlite
    .prepare(
      `SELECT member_relation_id AS m, membership_type_code AS t, period_code AS p, charge_code AS c FROM invoice_lines
        WHERE member_relation_id IS NOT NULL AND ((kind = 'contribution' AND period_code = ?) OR kind = 'one_off')`,
    )
    .all(periodCode) as { m: string; t: string | null; p: string | null; c: string | null }[];
  const b = new Set<string>();
  const c = new Set<string>();
  for (const l of lines) {
    if (l.c) c.add(`${l.m}/${l.c}`);
    else if (l.t) b.add(`${l.m}/${l.t}`);
  }
  return { billed: b, charged: c };
}

export function loadRunFacts(ctx: CoreContext, s: FeeSchedule, opts: { invoiceDate: string; termDays: number }): RunFacts {
  const m = members(ctx, s);
  const st = settings(ctx);
  const ids = new Set(m.map((x) => x.relationId));
  const payerIds = new Set(ids);
  for (const v of st.values()) if (v.payerRelationId) payerIds.add(v.payerRelationId);
  const done = billed(ctx, s.period.code);
  return {
    schedule: s,
    invoiceDate: opts.invoiceDate,
    termDays: opts.termDays,
    members: m,
    settings: st,
    payers: payers(ctx, [...payerIds], opts.invoiceDate),
    households: households(ctx, s, ids),
    billed: done.billed,
    charged: done.charged,
  };
}
