import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../../../test/support/test-core';
import { naiveEvaluator } from '../../../../../test/support/naive-condition';
import type { Condition } from '../../../../shared/contract';
import { addDays } from '../../../../shared/dutch/dates';
import { schedule2027, setupClub } from '../../contributions/testing/contribution-fixture';
import { evaluateCondition } from '../condition-engine';
import { toPeriods } from '../interval-set';

/**
 * The contribution atoms on a real administration: a run with invoices paid in full, in
 * part, late and not at all, a credit note, and payment settings; each checked by name
 * against the engine, and day by day against the naive evaluator that shares no code with it.
 */
let core: ReturnType<typeof createTestCore>;
const p: Record<string, string> = {};
const inv: Record<string, { id: string; dueDate: string; totalCents: number }> = {};

beforeAll(async () => {
  core = createTestCore();
  const { person } = await setupClub(core);
  p.anna = await person({ name: 'Anna Betaalt', birthDate: '1980-01-01' });
  p.bert = await person({ name: 'Bert Deels', birthDate: '1980-01-01' });
  p.cor = await person({ name: 'Cor Nooit', birthDate: '1980-01-01' });
  p.dirk = await person({ name: 'Dirk Incasso', birthDate: '1980-01-01', iban: 'NL02ABNA0123456789' });
  p.eva = await person({ name: 'Eva Gecrediteerd', birthDate: '1980-01-01' });
  p.kind = await person({ name: 'Kim Kind', birthDate: '2012-01-01' });
  p.geen = await person({ name: 'Gijs Geen', birthDate: '1980-01-01', type: 'donatie' });
  await core.call('paymentSettings.set', { relationId: p.dirk!, settings: { method: 'incasso' } });
  await core.call('paymentSettings.set', { relationId: p.kind!, settings: { method: 'contant', payerRelationId: p.anna } });
  await core.call('paymentSettings.set', { relationId: p.geen!, settings: { method: 'contant', exempt: true, exemptReason: 'erelid' } });
  await core.call('feeSchedules.save', { schedule: schedule2027({ household: null, oneOffCharges: [] }) });
  await core.call('contributionRuns.run', { periodCode: '2027', invoiceDate: '2026-12-01' });
  for (const [key, id] of Object.entries(p)) {
    const row = (await core.call('invoices.list', { relationId: id })).rows[0];
    if (row) inv[key] = { id: row.id, dueDate: row.dueDate, totalCents: row.totalCents };
  }
  const due = inv.anna!.dueDate;
  // Anna pays in full 10 days late; Bert pays half on time and the rest never; Eva's invoice is credited after 50 days.
  await core.call('payments.add', { invoiceIds: [inv.anna!.id], amountCents: inv.anna!.totalCents, date: addDays(due, 10) });
  await core.call('payments.add', { invoiceIds: [inv.bert!.id], amountCents: 2000, date: addDays(due, -3) });
  await core.call('invoices.credit', { id: inv.eva!.id, reason: 'dubbel', invoiceDate: addDays(due, 50) });
});
afterAll(() => core.close());

const on = (c: Condition, day: string) => {
  const found = evaluateCondition(core.ctx, c, { on: day });
  return Object.entries(p).filter(([, id]) => found.has(id)).map(([k]) => k).sort();
};

describe('contribution condition atoms', () => {
  it('payment method is: the own setting, else the schedule default (factuur)', () => {
    expect(on({ type: 'paymentMethod', methods: ['incasso'] }, '2027-01-01')).toEqual(['dirk']);
    expect(on({ type: 'paymentMethod', methods: ['contant'] }, '2027-01-01')).toEqual(['geen', 'kind']);
    expect(on({ type: 'paymentMethod', methods: ['factuur'] }, '2027-01-01')).toEqual(['anna', 'bert', 'cor', 'eva']);
  });

  it('open invoices older than N days: from due + N + 1 until the day it is paid or credited', () => {
    const due = inv.anna!.dueDate;
    const older30: Condition = { type: 'openInvoices', olderThanDays: 30 };
    // 30 days after the due date nobody is "older than 30 days" yet; the next day the unpaid are.
    expect(on(older30, addDays(due, 30))).toEqual([]);
    expect(on(older30, addDays(due, 31))).toEqual(['bert', 'cor', 'dirk', 'eva']);
    // Anna paid 10 days late: overdue more than 5 days from day 6 until the payment.
    expect(on({ type: 'openInvoices', olderThanDays: 5 }, addDays(due, 9))).toContain('anna');
    expect(on({ type: 'openInvoices', olderThanDays: 5 }, addDays(due, 10))).not.toContain('anna');
    expect(toPeriods(evaluateCondition(core.ctx, { type: 'openInvoices', olderThanDays: 5 }, 'always').get(p.anna!) ?? [])).toEqual([{ from: addDays(due, 6), to: addDays(due, 10) }]);
    // Eva's credit note settles her invoice on its date; Kim owes nothing herself (Anna pays).
    expect(on(older30, addDays(due, 50))).toEqual(['bert', 'cor', 'dirk']);
    expect(on({ type: 'not', item: older30 }, addDays(due, 50))).toContain('kind');
  });

  it('contribution amount: the member’s own lines in the newest period, whoever pays', () => {
    // Senior € 60 (the invoice surcharge is not contribution), youth € 30 on Anna's invoice.
    expect(on({ type: 'contributionAmount', minCents: 6000, maxCents: 6000 }, '2027-01-01')).toEqual(['anna', 'bert', 'cor', 'dirk', 'eva']);
    expect(on({ type: 'contributionAmount', maxCents: 3000 }, '2027-01-01')).toEqual(['kind']);
    expect(on({ type: 'contributionAmount', minCents: 1, periodCode: '2026' }, '2027-01-01')).toEqual([]);
    expect(on({ type: 'contributionAmount', minCents: 0, periodCode: '2027' }, '2027-01-01')).not.toContain('geen');
  });

  it('agree with the naive evaluator on every relation, day by day around the due date', () => {
    const naive = naiveEvaluator(core.ctx.sqlite);
    const conditions: Condition[] = [
      { type: 'paymentMethod', methods: ['factuur', 'contant'] },
      { type: 'openInvoices', olderThanDays: 0 },
      { type: 'openInvoices', olderThanDays: 7 },
      { type: 'openInvoices', olderThanDays: 45 },
      { type: 'contributionAmount', minCents: 2500, maxCents: 4500 },
      { type: 'and', items: [{ type: 'openInvoices', olderThanDays: 14 }, { type: 'not', item: { type: 'paymentMethod', methods: ['incasso'] } }] },
    ];
    const due = inv.anna!.dueDate;
    for (const c of conditions) {
      for (let k = -5; k <= 60; k += 1) {
        const day = addDays(due, k);
        const engine = evaluateCondition(core.ctx, c, { on: day });
        for (const id of naive.relationIds) expect(engine.has(id), `${JSON.stringify(c)} on ${day} for ${id}`).toBe(naive.holds(c, id, day));
      }
    }
  });

  it('the contract refuses an amount without bounds or with the bounds reversed', async () => {
    const count = (condition: unknown) => core.call('conditions.evaluate', { condition: condition as Condition, moment: { on: '2027-01-01' } });
    await expect(count({ type: 'contributionAmount' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(count({ type: 'contributionAmount', minCents: 500, maxCents: 100 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(count({ type: 'openInvoices', olderThanDays: -1 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
