import { addDays, ageOn } from '../../../shared/dutch/dates';
import type { FeeSchedule } from '../../../shared/contract/fee-schedule';
import { addMonths, lastDayOf, monthsBetween, resolveMonthDay } from './period-dates';
import { ageBasis, reason } from './reason-text';
import type { MemberFact, PaymentSetting, RunFacts, RunInvoice, RunLine, RunOutcome, RunProblem } from './run-model';

/**
 * The contribution run as a pure function of the facts: each member's amount and the rule
 * behind it, who pays, and the problems that must be solved before anything is written.
 * The handler runs it for the preview and for the commit alike.
 */

interface Priced {
  fact: MemberFact;
  cents: number;
  parts: string[];
  /** Overridden amounts stand outside the household ladder and cap. */
  fixed: boolean;
}

const pct = (cents: number, percent: number) => Math.round((cents * percent) / 100);

function ageOf(s: FeeSchedule, birthDate: string): number {
  const age = s.age ?? { mode: 'peildatum' as const, date: s.period.start };
  return age.mode === 'peildatum' ? ageOn(birthDate, age.date) : age.year - Number(birthDate.slice(0, 4));
}

/** The step in force on a day: the one with the latest start on or before it. */
function stepOn(s: FeeSchedule, steps: { from: string; percent: number }[], day: string): number {
  let best: { at: string; percent: number } | null = null;
  for (const st of steps) {
    const at = resolveMonthDay(s.period.start, st.from);
    if (at <= day && (!best || at > best.at)) best = { at, percent: st.percent };
  }
  return best?.percent ?? 100;
}

/** A schedule's fees per membership type and the text of its age basis, worked out once per run. */
interface Pricing {
  basis: string;
  fees: Map<string, { general: FeeSchedule['fees'][number] | undefined; byCategory: FeeSchedule['fees'] }>;
}

function pricingOf(s: FeeSchedule): Pricing {
  const fees: Pricing['fees'] = new Map();
  for (const type of new Set(s.fees.map((f) => f.membershipType))) {
    const of = s.fees.filter((f) => f.membershipType === type);
    fees.set(type, { general: of.find((f) => f.ageCategory === null), byCategory: of.filter((f) => f.ageCategory !== null) });
  }
  return { basis: ageBasis(s.age ?? { mode: 'peildatum', date: s.period.start }), fees };
}

function baseFee(s: FeeSchedule, pricing: Pricing, m: MemberFact, problems: RunProblem[]): { cents: number; part: string } | null {
  const { general, byCategory } = pricing.fees.get(m.typeCode) ?? { general: undefined, byCategory: [] };
  const basis = pricing.basis;
  if (byCategory.length > 0 && m.birthDate) {
    const age = ageOf(s, m.birthDate);
    for (const c of s.ageCategories) {
      const fee = byCategory.find((f) => f.ageCategory === c.code);
      if (fee && (c.minAge === null || age >= c.minAge) && (c.maxAge === null || age <= c.maxAge)) {
        return { cents: fee.amountCents, part: reason.base(m.typeName, c.name, basis, fee.amountCents) };
      }
    }
  }
  if (general) return { cents: general.amountCents, part: reason.base(m.typeName, null, basis, general.amountCents) };
  problems.push({ code: m.birthDate ? 'NO_FEE_FOR_AGE' : 'BIRTH_DATE_MISSING', relationId: m.relationId, name: m.name, detail: m.typeName });
  return null;
}

function price(s: FeeSchedule, pricing: Pricing, m: MemberFact, setting: PaymentSetting | undefined, problems: RunProblem[]): Priced | null {
  if (setting?.overrideCents !== null && setting?.overrideCents !== undefined) {
    return { fact: m, cents: setting.overrideCents, parts: [reason.override(m.typeName, setting.overrideCents, setting.overrideReason)], fixed: true };
  }
  const base = baseFee(s, pricing, m, problems);
  if (!base) return null;
  let cents = base.cents;
  const parts = [base.part];
  if (m.start && m.start > s.period.start) {
    const p = stepOn(s, s.proRata.joining, m.start);
    if (p !== 100) parts.push(reason.joined(m.start, p, (cents = pct(cents, p))));
  }
  if (m.end && m.end < s.period.end) {
    const last = lastDayOf(m.end);
    const p = stepOn(s, s.proRata.leaving, last);
    if (p !== 100) parts.push(reason.left(last, p, (cents = pct(cents, p))));
  }
  return { fact: m, cents, parts, fixed: false };
}

/** Ladder and cap per household; positions by amount (highest first), then age, then number. */
function applyHouseholds(s: FeeSchedule, priced: Priced[], households: Map<string, string>): Map<string, Priced[]> {
  const byHousehold = new Map<string, Priced[]>();
  for (const p of priced) {
    const key = households.get(p.fact.relationId);
    if (!key || p.fixed) continue;
    const list = byHousehold.get(key) ?? [];
    list.push(p);
    byHousehold.set(key, list);
  }
  const h = s.household;
  for (const [key, members] of byHousehold) {
    members.sort((a, b) => b.cents - a.cents || (a.fact.birthDate ?? '9999').localeCompare(b.fact.birthDate ?? '9999') || a.fact.number - b.fact.number);
    if (!h || members.length < 2) continue;
    members.forEach((p, i) => {
      const position = i + 1;
      const step = h.steps.filter((st) => st.position <= position).sort((a, b) => b.position - a.position)[0];
      if (step && step.percent !== 100) p.parts.push(reason.household(position, step.percent, (p.cents = pct(p.cents, step.percent))));
    });
    if (h.capCents !== null) {
      let over = members.reduce((sum, p) => sum + p.cents, 0) - h.capCents;
      for (let i = members.length - 1; i >= 0 && over > 0; i--) {
        const p = members[i]!;
        const cut = Math.min(over, p.cents);
        over -= cut;
        p.parts.push(reason.cap(h.capCents, (p.cents -= cut)));
      }
    }
    byHousehold.set(key, members);
  }
  return byHousehold;
}

function resolvePayer(facts: RunFacts, relationId: string, problems: RunProblem[], name: string): string | null {
  const seen = new Set<string>();
  let current = relationId;
  for (;;) {
    const next = facts.settings.get(current)?.payerRelationId ?? null;
    if (!next || next === current) return current;
    if (seen.has(next)) {
      problems.push({ code: 'PAYER_CYCLE', relationId, name, detail: null });
      return null;
    }
    seen.add(current);
    current = next;
  }
}

/** Instalments' due dates: the period split in equal parts from its start, none before the invoice's term ends. */
function instalmentDates(facts: RunFacts, frequency: RunInvoice['frequency']): string[] {
  const n = { jaar: 1, halfjaar: 2, kwartaal: 4, maand: 12 }[frequency];
  const { start, end } = facts.schedule.period;
  const step = monthsBetween(start, end) / n;
  const first = addDays(facts.invoiceDate, facts.termDays);
  return Array.from({ length: n }, (_, k) => {
    const planned = addDays(addMonths(start, Math.round(k * step)), facts.termDays);
    return planned > first ? planned : first;
  });
}

/** The total in equal parts on those dates; the first part takes the odd cents. */
function instalments(dates: string[], total: number) {
  const n = dates.length;
  const part = Math.trunc(total / n);
  return dates.map((dueDate, k) => ({ dueDate, amountCents: k === 0 ? total - part * (n - 1) : part }));
}

export function computeRun(facts: RunFacts): RunOutcome {
  const s = facts.schedule;
  const problems: RunProblem[] = [];
  const exempt: RunOutcome['exempt'] = [];
  const priced: Priced[] = [];
  const exemptSeen = new Set<string>();
  const pricing = pricingOf(s);
  for (const m of facts.members) {
    const setting = facts.settings.get(m.relationId);
    if (setting?.exempt) {
      if (!exemptSeen.has(m.relationId)) exempt.push({ relationId: m.relationId, name: m.name, reason: reason.exempt(setting.exemptReason) });
      exemptSeen.add(m.relationId);
      continue;
    }
    const p = price(s, pricing, m, setting, problems);
    if (p) priced.push(p);
  }
  const byHousehold = applyHouseholds(s, priced, facts.households);
  const householdHead = new Map<string, string>();
  if (s.household?.oneInvoice) {
    for (const [key, members] of byHousehold) if (members[0]) householdHead.set(key, members[0].fact.relationId);
  }

  const invoices = new Map<string, RunInvoice>();
  const payerOf = (relationId: string, name: string): RunInvoice | null => {
    const hasOwn = facts.settings.get(relationId)?.payerRelationId;
    const head = hasOwn ? undefined : householdHead.get(facts.households.get(relationId) ?? '');
    const payerId = resolvePayer(facts, head ?? relationId, problems, name);
    if (!payerId) return null;
    const existing = invoices.get(payerId);
    if (existing) return existing;
    const payer = facts.payers.get(payerId);
    if (!payer || payer.deleted) {
      problems.push({ code: 'PAYER_NOT_FOUND', relationId, name, detail: payer?.name ?? null });
      return null;
    }
    const setting = facts.settings.get(payerId);
    const inv: RunInvoice = {
      payerRelationId: payerId,
      payerNumber: payer.number,
      payerName: payer.name,
      method: setting?.method ?? s.defaults.method,
      frequency: setting?.frequency ?? s.defaults.frequency,
      lines: [],
      totalCents: 0,
      instalments: [],
    };
    invoices.set(payerId, inv);
    return inv;
  };

  let alreadyBilled = 0;
  const ordered = [...priced].sort((a, b) => a.fact.number - b.fact.number || a.fact.typeCode.localeCompare(b.fact.typeCode));
  for (const p of ordered) {
    const m = p.fact;
    if (facts.billed.has(`${m.relationId}/${m.typeCode}`)) {
      alreadyBilled++;
      continue;
    }
    const inv = payerOf(m.relationId, m.name);
    if (!inv) continue;
    const line: RunLine = { kind: 'contribution', memberRelationId: m.relationId, memberName: m.name, membershipTypeCode: m.typeCode, chargeCode: null, description: p.parts.join(' · '), amountCents: p.cents };
    inv.lines.push(line);
    for (const c of s.oneOffCharges) {
      const key = `${m.relationId}/${c.code}`;
      if (facts.charged.has(key) || (c.membershipTypes.length > 0 && !c.membershipTypes.includes(m.typeCode))) continue;
      if (c.appliesTo === 'nieuwe_leden' && !(m.start && m.start >= s.period.start && m.start < s.period.end)) continue;
      facts.charged.add(key);
      inv.lines.push({ kind: 'one_off', memberRelationId: m.relationId, memberName: m.name, membershipTypeCode: null, chargeCode: c.code, description: c.description, amountCents: c.amountCents });
    }
  }

  const result: RunInvoice[] = [];
  const datesOf = new Map<RunInvoice['frequency'], string[]>();
  for (const inv of invoices.values()) {
    const adj = s.paymentMethods[inv.method];
    if (adj && inv.lines.length > 0) inv.lines.push({ kind: 'surcharge', memberRelationId: null, memberName: null, membershipTypeCode: null, chargeCode: null, description: adj.description, amountCents: adj.amountCents });
    inv.totalCents = inv.lines.reduce((sum, l) => sum + l.amountCents, 0);
    const payer = facts.payers.get(inv.payerRelationId)!;
    if (inv.totalCents < 0) problems.push({ code: 'NEGATIVE_TOTAL', relationId: payer.relationId, name: payer.name, detail: String(inv.totalCents) });
    if (inv.totalCents === 0) continue;
    if (inv.method === 'factuur' && !payer.hasAddress) problems.push({ code: 'INVOICE_WITHOUT_ADDRESS', relationId: payer.relationId, name: payer.name, detail: null });
    if (inv.method === 'incasso' && !payer.hasIban) problems.push({ code: 'DEBIT_WITHOUT_IBAN', relationId: payer.relationId, name: payer.name, detail: null });
    if (inv.totalCents > 0) {
      // The same dates for every invoice of a frequency: worked out once.
      let dates = datesOf.get(inv.frequency);
      if (!dates) datesOf.set(inv.frequency, (dates = instalmentDates(facts, inv.frequency)));
      inv.instalments = instalments(dates, inv.totalCents);
    } else inv.instalments = [];
    result.push(inv);
  }
  result.sort((a, b) => a.payerNumber - b.payerNumber);
  return { invoices: result, problems, exempt, alreadyBilled, totalCents: result.reduce((sum, i) => sum + i.totalCents, 0) };
}
