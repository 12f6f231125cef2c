import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../../test/support/test-core';
import { addDays } from '../../../shared/dutch/dates';
import { schedule2027, setupClub } from '../contributions/testing/contribution-fixture';

/**
 * Membership rules on finance facts stay in step: a payment, a removed payment, a credit
 * note, a changed payment setting and a run recompute the memberships of the relations they
 * concern, in the same operation, as a change of any other fact does.
 */
let core: ReturnType<typeof createTestCore>;
const p: Record<string, string> = {};
let due = '';

const periods = (code: string, relationId: string) =>
  core.ctx.sqlite
    .prepare(
      `SELECT m.start_date AS "from", m.end_date AS "to" FROM memberships m JOIN membership_types t ON t.id = m.membership_type_id
        WHERE t.code = ? AND m.relation_id = ? ORDER BY m.start_date`,
    )
    .all(code, relationId);

beforeAll(async () => {
  core = createTestCore();
  core.clock.set('2026-12-01');
  const { person } = await setupClub(core);
  p.cor = await person({ name: 'Cor Laat', birthDate: '1980-01-01' });
  p.dirk = await person({ name: 'Dirk Incasso', birthDate: '1980-01-01', iban: 'NL02ABNA0123456789' });
  p.kind = await person({ name: 'Kim Kind', birthDate: '2012-01-01' });
  await core.call('membershipTypes.create', { code: 'wanbetaler', name: 'Wanbetaler', baseCondition: { type: 'openInvoices', olderThanDays: 30 } });
  await core.call('membershipTypes.create', { code: 'incassant', name: 'Incassant', baseCondition: { type: 'paymentMethod', methods: ['incasso'] } });
  await core.call('membershipTypes.create', { code: 'volbetaler', name: 'Volle contributie', baseCondition: { type: 'contributionAmount', minCents: 5000, periodCode: '2027' } });
  await core.call('feeSchedules.save', { schedule: schedule2027({ household: null, oneOffCharges: [] }) });
});
afterAll(() => core.close());

describe('finance rules recompute with the finance facts', () => {
  it('a run: the members billed get their contribution-amount membership, the overdue their open-invoice one', async () => {
    expect(periods('volbetaler', p.cor!)).toEqual([]);
    await core.call('contributionRuns.run', { periodCode: '2027', invoiceDate: '2026-12-01' });
    due = (await core.call('invoices.list', { relationId: p.cor! })).rows[0]!.dueDate;
    expect(periods('volbetaler', p.cor!)).toHaveLength(1);
    expect(periods('volbetaler', p.kind!)).toEqual([]);
    expect(periods('wanbetaler', p.cor!)).toEqual([{ from: addDays(due, 31), to: null }]);
  });

  it('a payment ends the open-invoice membership on the day it is paid; removing it reopens it', async () => {
    const invoice = (await core.call('invoices.list', { relationId: p.cor! })).rows[0]!;
    const payment = await core.call('payments.add', { invoiceIds: [invoice.id], amountCents: invoice.totalCents, date: addDays(due, 40) });
    expect(periods('wanbetaler', p.cor!)).toEqual([{ from: addDays(due, 31), to: addDays(due, 40) }]);
    await core.call('payments.remove', { id: payment.id });
    expect(periods('wanbetaler', p.cor!)).toEqual([{ from: addDays(due, 31), to: null }]);
  });

  it('a credit note settles the invoice: the open-invoice membership ends on its date', async () => {
    const invoice = (await core.call('invoices.list', { relationId: p.cor! })).rows[0]!;
    await core.call('invoices.credit', { id: invoice.id, reason: 'vergissing', invoiceDate: addDays(due, 45) });
    expect(periods('wanbetaler', p.cor!)).toEqual([{ from: addDays(due, 31), to: addDays(due, 45) }]);
  });

  it('a payment setting changes the payment-method membership', async () => {
    expect(periods('incassant', p.dirk!)).toEqual([]);
    await core.call('paymentSettings.set', { relationId: p.dirk!, settings: { method: 'incasso' } });
    expect(periods('incassant', p.dirk!)).toEqual([{ from: '2000-01-01', to: null }]);
  });
});

describe('whether a rule uses a finance atom is read once per rules version', () => {
  it('still sees a finance rule added after an operation found none', async () => {
    const club = createTestCore();
    try {
      club.clock.set('2026-12-01');
      const { person } = await setupClub(club);
      const eva = await person({ name: 'Eva Later', birthDate: '1980-01-01', iban: 'NL02ABNA0123456789' });
      // A finance fact written while no rule uses finance: the answer "none" is kept.
      await club.call('paymentSettings.set', { relationId: eva, settings: { method: 'factuur' } });
      await club.call('membershipTypes.create', { code: 'incassant', name: 'Incassant', baseCondition: { type: 'paymentMethod', methods: ['incasso'] } });
      await club.call('paymentSettings.set', { relationId: eva, settings: { method: 'incasso' } });
      const held = club.ctx.sqlite
        .prepare(`SELECT m.start_date AS "from", m.end_date AS "to" FROM memberships m JOIN membership_types t ON t.id = m.membership_type_id WHERE t.code = 'incassant' AND m.relation_id = ?`)
        .all(eva);
      expect(held).toEqual([{ from: '2000-01-01', to: null }]);
    } finally {
      club.close();
    }
  });
});
