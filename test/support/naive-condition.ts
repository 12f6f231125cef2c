import type Database from 'better-sqlite3';
import type { Condition } from '../../src/shared/contract';

/**
 * A deliberately simple reference evaluator: does `condition` hold for one relation on one
 * day? It reads the facts once and then checks them day by day, sharing no code with the
 * interval engine, so the two can be compared in tests and benchmarks.
 */
interface Period { vf: string | null; vt: string | null }
const holdsOn = (p: Period, day: string) => (p.vf === null || p.vf <= day) && (p.vt === null || p.vt > day);

export function naiveEvaluator(sqlite: Database.Database) {
  const all = <T>(sql: string) => sqlite.prepare(sql).all() as T[];
  const relations = new Map(all<{ id: string; kind: string; gender: string | null; birth: string | null; death: string | null; trashed: number }>(
    'SELECT id, kind, gender, birth_date AS birth, death_date AS death, deleted_at IS NOT NULL AS trashed FROM relations').map((r) => [r.id, r]));
  const addresses = all<Period & { rid: string; type: string; postcode: string | null; city: string | null; municipality: string | null; province: string | null; country: string }>(
    'SELECT relation_id AS rid, type, postcode, city, municipality, province, country, valid_from AS vf, valid_to AS vt FROM addresses');
  const types = all<Period & { rid: string; code: string }>(
    'SELECT a.relation_id AS rid, t.code, a.valid_from AS vf, a.valid_to AS vt FROM relation_type_assignments a JOIN relation_types t ON t.id = a.type_id');
  const links = all<Period & { from: string; to: string; code: string }>(
    'SELECT l.from_relation_id AS "from", l.to_relation_id AS "to", t.code, l.valid_from AS vf, l.valid_to AS vt FROM relation_links l JOIN link_types t ON t.id = l.link_type_id');
  const members = all<Period & { gid: string; rid: string; mode: string; role: string }>(
    `SELECT m.group_id AS gid, m.relation_id AS rid, m.mode, coalesce(r.code, 'lid') AS role, m.valid_from AS vf, m.valid_to AS vt
       FROM group_members m LEFT JOIN group_roles r ON r.id = m.role_id`);
  const subscriptions = all<Period & { rid: string; code: string }>(
    'SELECT s.relation_id AS rid, t.code, s.start_date AS vf, s.end_date AS vt FROM subscriptions s JOIN subscription_types t ON t.id = s.type_id');
  const stored = all<Period & { rid: string; unit: string; code: string }>(
    'SELECT m.relation_id AS rid, m.unit_id AS unit, t.code, m.start_date AS vf, m.end_date AS vt FROM memberships m JOIN membership_types t ON t.id = m.membership_type_id');
  const groupConditions = new Map(all<{ id: string; condition: string | null }>('SELECT id, condition FROM groups').map((g) => [g.id, g.condition ? (JSON.parse(g.condition) as Condition) : null]));
  const selections = new Map(all<{ id: string; condition: string }>('SELECT id, condition FROM selections').map((s) => [s.id, JSON.parse(s.condition) as Condition]));
  // The contribution administration, read as plain rows.
  const methods = new Map(all<{ rid: string; method: string }>('SELECT relation_id AS rid, method FROM payment_settings').map((m) => [m.rid, m.method]));
  const newestSchedule = all<{ definition: string }>('SELECT definition FROM fee_schedules ORDER BY created_at DESC, version DESC LIMIT 1')[0];
  const defaultMethod = (newestSchedule ? (JSON.parse(newestSchedule.definition) as { defaults?: { method?: string } }).defaults?.method : undefined) ?? 'factuur';
  const invoices = all<{ id: string; rid: string; kind: string; total: number; year: number; sequence: number; date: string; credits: string | null }>(
    'SELECT id, relation_id AS rid, kind, total_cents AS total, year, sequence, invoice_date AS date, credits_invoice_id AS credits FROM invoices');
  const instalments = all<{ iid: string; sequence: number; due: string; cents: number }>('SELECT invoice_id AS iid, sequence, due_date AS due, amount_cents AS cents FROM invoice_instalments');
  const allocations = all<{ iid: string; date: string; cents: number }>('SELECT a.invoice_id AS iid, p.payment_date AS date, a.amount_cents AS cents FROM payment_allocations a JOIN payments p ON p.id = a.payment_id');
  const lines = all<{ iid: string; member: string | null; kind: string; period: string | null; cents: number }>(
    'SELECT invoice_id AS iid, member_relation_id AS member, kind, period_code AS period, amount_cents AS cents FROM invoice_lines');
  const invoiceById = new Map(invoices.map((i) => [i.id, i]));
  const daysFrom = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
  /** What was paid or credited on an invoice by the end of `day`. */
  const settledBy = (iid: string, day: string) =>
    allocations.filter((a) => a.iid === iid && a.date <= day).reduce((s, a) => s + a.cents, 0) +
    invoices.filter((c) => c.credits === iid && c.kind === 'credit' && c.date <= day).reduce((s, c) => s - c.total, 0);

  // Facts grouped per relation, so a check reads only that relation's rows (still day by day).
  const byRelation = <T extends { rid: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.rid, [...(m.get(r.rid) ?? []), r]);
    return (id: string) => m.get(id) ?? [];
  };
  const addressesOf = byRelation(addresses);
  const typesOf = byRelation(types);
  const subscriptionsOf = byRelation(subscriptions);
  const storedOf = byRelation(stored);
  const membersOf = byRelation(members);
  const linksFrom = byRelation(links.map((l) => ({ ...l, rid: l.from })));
  const linksTo = byRelation(links.map((l) => ({ ...l, rid: l.to })));
  const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const age = (birth: string, day: string) => {
    const years = Number(day.slice(0, 4)) - Number(birth.slice(0, 4));
    return day.slice(5) < birth.slice(5) ? years - 1 : years;
  };

  function holds(c: Condition, id: string, day: string): boolean {
    const r = relations.get(id);
    if (!r) return false;
    switch (c.type) {
      case 'and': return c.items.every((i) => holds(i, id, day));
      case 'or': return c.items.some((i) => holds(i, id, day));
      case 'not': return !holds(c.item, id, day);
      case 'kind': return r.kind === c.kind;
      case 'gender': return c.values.some((v) => (v === 'unknown' ? r.kind === 'person' && r.gender === null : r.kind === 'person' && r.gender === v));
      case 'alive': return r.death === null || day < r.death;
      case 'birthDate': return r.birth !== null && r.birth >= (c.from ?? '0000') && r.birth <= (c.to ?? '9999');
      case 'age': {
        if (!r.birth) return false;
        const a = age(r.birth, day);
        return a >= (c.min ?? 0) && (c.max === undefined || a <= c.max);
      }
      case 'relationType': return typesOf(id).some((t) => c.codes.includes(t.code) && holdsOn(t, day));
      case 'address':
        return addressesOf(id).some((a) => holdsOn(a, day)
          && (!c.addressTypes || c.addressTypes.includes(a.type as never))
          && (!c.cities || c.cities.some((x) => x.toLowerCase() === a.city?.toLowerCase()))
          && (!c.municipalities || c.municipalities.some((x) => x.toLowerCase() === a.municipality?.toLowerCase()))
          && (!c.provinces || c.provinces.some((x) => x.toLowerCase() === a.province?.toLowerCase()))
          && (!c.countries || c.countries.includes(a.country))
          && (!c.postcodeRanges || (a.country === 'NL' && a.postcode !== null && c.postcodeRanges.some((p) => Number(a.postcode!.slice(0, 4)) >= p.from && Number(a.postcode!.slice(0, 4)) <= p.to))));
      case 'link': {
        // A link to a relation in the trash never counts.
        const live = (other: string) => relations.get(other)?.trashed === 0;
        return (c.direction !== 'to' && linksFrom(id).some((l) => c.linkTypeCodes.includes(l.code) && holdsOn(l, day) && live(l.to) && (!c.target || holds(c.target, l.to, day))))
          || (c.direction !== 'from' && linksTo(id).some((l) => c.linkTypeCodes.includes(l.code) && holdsOn(l, day) && live(l.from) && (!c.target || holds(c.target, l.from, day))));
      }
      case 'groupMember': {
        const own = membersOf(id).filter((m) => m.gid === c.groupId && holdsOn(m, day));
        if (own.some((m) => m.mode === 'exclude')) return false;
        if (own.some((m) => m.mode === 'include' && (!c.roleCodes || c.roleCodes.includes(m.role)))) return true;
        const cond = groupConditions.get(c.groupId);
        return !c.roleCodes && cond ? holds(cond, id, day) : false;
      }
      case 'selection': return holds(selections.get(c.selectionId)!, id, day);
      case 'duration': {
        if (!holds(c.item, id, day)) return false;
        for (let k = 1; k <= (c.minDays ?? 0); k++) if (!holds(c.item, id, addDays(day, -k))) return false;
        if (c.maxDays === undefined) return true;
        for (let k = 1; k <= c.maxDays + 1; k++) if (!holds(c.item, id, addDays(day, -k))) return true;
        return false;
      }
      case 'subscription': return subscriptionsOf(id).some((x) => c.typeCodes.includes(x.code) && holdsOn(x, day));
      case 'membership':
        return storedOf(id).some((m) => (!c.unitId || m.unit === c.unitId) && (!c.typeCodes || c.typeCodes.includes(m.code)) && holdsOn(m, day));
      case 'paymentMethod': return c.methods.includes((methods.get(id) ?? defaultMethod) as never);
      case 'openInvoices':
        return invoices.some((inv) => {
          if (inv.rid !== id || inv.kind !== 'invoice' || inv.total <= 0) return false;
          const settled = settledBy(inv.id, day);
          let upTo = 0;
          return instalments
            .filter((t) => t.iid === inv.id)
            .sort((a, b) => a.sequence - b.sequence)
            .some((t) => ((upTo += t.cents), daysFrom(t.due, day) > c.olderThanDays && settled < upTo));
        });
      case 'contributionAmount': {
        const own = lines.filter((l) => l.member === id && l.kind === 'contribution' && (c.periodCode === undefined || l.period === c.periodCode) && invoiceById.get(l.iid)?.kind === 'invoice');
        if (own.length === 0) return false;
        const rank = (l: (typeof own)[number]) => invoiceById.get(l.iid)!.year * 1_000_000 + invoiceById.get(l.iid)!.sequence;
        const newest = own.reduce((a, b) => (rank(b) > rank(a) ? b : a));
        const cents = own.filter((l) => l.period === newest.period).reduce((s, l) => s + l.cents, 0);
        return cents >= (c.minCents ?? -Infinity) && cents <= (c.maxCents ?? Infinity);
      }
      case 'birthday': {
        if (!r.birth || r.kind !== 'person' || day <= r.birth) return false;
        const year = Number(day.slice(0, 4));
        const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
        const md = r.birth.slice(5) === '02-29' && !leap ? '03-01' : r.birth.slice(5);
        return day.slice(5) === md;
      }
      case 'tag':
      case 'customField':
      case 'dataSignal':
        throw new Error(`naive evaluator: ${c.type} not modelled`);
    }
  }
  /** The relations a result can list: those not in the trash. */
  return { holds, relationIds: [...relations.values()].filter((r) => r.trashed === 0).map((r) => r.id) };
}
