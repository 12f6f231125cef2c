import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../../test/support/test-core';
import { validatePaymentReference } from '../../../shared/dutch/payment-reference';
import { schedule2027, setupClub } from './testing/contribution-fixture';

/** Invoices after a run: payments (partial, over, several invoices at once), open items with ageing, reminders, credit notes. */
let core: ReturnType<typeof createTestCore>;
const p: Record<string, string> = {};
const numbers: Record<string, string> = {};

const invoice = (key: string) => core.call('invoices.get', { number: numbers[key]! });
const pay = (key: string, amountCents: number, date: string) => core.call('payments.add', { invoiceIds: [numbersToId[key]!], amountCents, date });
const numbersToId: Record<string, string> = {};

beforeAll(async () => {
  core = createTestCore();
  const { person } = await setupClub(core);
  p.anna = await person({ name: 'Anna Jaar', birthDate: '1980-01-01' });
  p.bert = await person({ name: 'Bert Kwartaal', birthDate: '1980-01-01' });
  p.cato = await person({ name: 'Cato Over', birthDate: '1980-01-01' });
  await core.call('paymentSettings.set', { relationId: p.bert!, settings: { method: 'factuur', frequency: 'kwartaal' } });
  await core.call('feeSchedules.save', { schedule: schedule2027({ paymentMethods: {}, household: null }) });
  const run = await core.call('contributionRuns.run', { periodCode: '2027', invoiceDate: '2027-01-02' });
  for (const inv of run.invoices) {
    const key = Object.keys(p).find((k) => p[k] === inv.payerRelationId)!;
    numbers[key] = inv.number!;
    numbersToId[key] = (await core.call('invoices.get', { number: inv.number! })).id;
  }
});
afterAll(() => core.close());

describe('payments and open items', () => {
  it('leaves the rest open after a partial payment', async () => {
    const payment = await pay('anna', 2500, '2027-01-10');
    expect(payment).toMatchObject({ amountCents: 2500, unallocatedCents: 0, allocations: [{ invoiceNumber: numbers.anna, amountCents: 2500 }] });
    expect(await invoice('anna')).toMatchObject({ totalCents: 6000, paidCents: 2500, openCents: 3500 });
  });

  it('keeps an overpayment as the payer\'s credit, and one payment can settle several invoices', async () => {
    const extra = await core.call('invoices.create', { relationId: p.cato!, invoiceDate: '2027-01-05', lines: [{ description: 'Borg clubtenue', amountCents: 2500 }] });
    expect(extra.number).toBe('C2027-00004');
    expect(validatePaymentReference(extra.paymentReference).ok).toBe(true);
    const payment = await core.call('payments.add', { invoiceIds: [numbersToId.cato!, extra.id], amountCents: 10_000, date: '2027-01-20' });
    expect(payment.allocations.map((a) => a.amountCents)).toEqual([6000, 2500]);
    expect(payment.unallocatedCents).toBe(1500);
    const cato = await core.call('contributions.ofRelation', { relationId: p.cato! });
    expect(cato).toMatchObject({ invoicedCents: 8500, paidCents: 10_000, balanceCents: -1500 });
    await expect(core.call('payments.add', { invoiceIds: [numbersToId.cato!, numbersToId.anna!], amountCents: 100, date: '2027-01-20' })).rejects.toMatchObject({
      issues: [{ field: 'invoiceIds', code: 'INVOICES_OF_SEVERAL_RELATIONS' }],
    });
  });

  it('ages each instalment by its own due date', async () => {
    // Bert pays in quarters, due 16 Jan (a term after the invoice date), 15 Apr, 15 Jul, 15 Oct;
    // on 20 May the first is 124 days late, the second 35.
    const open = await core.call('openItems.list', { asOf: '2027-05-20' });
    const bert = open.rows.find((r) => r.relationId === p.bert)!;
    expect(bert.buckets).toEqual({ notDue: 3000, d0_30: 0, d31_60: 1500, d61_90: 0, d90plus: 1500 });
    expect(bert.daysOverdue).toBe(124);
    const anna = open.rows.find((r) => r.relationId === p.anna)!;
    expect(anna.buckets).toMatchObject({ d90plus: 3500 });
    expect(open.rows.some((r) => r.relationId === p.cato)).toBe(false);
    expect(open.openCents).toBe(3500 + 6000);
    expect((await core.call('openItems.list', { asOf: '2027-05-20', olderThanDays: 123 })).rows.map((r) => r.relationName).sort()).toEqual(['Anna Jaar', 'Bert Kwartaal']);
    expect((await core.call('openItems.list', { asOf: '2027-05-20', olderThanDays: 124 })).rows).toEqual([]);
    expect((await core.call('openItems.list', { asOf: '2027-02-01', olderThanDays: 14 })).rows).toHaveLength(2);
    expect((await core.call('invoices.list', { open: true })).total).toBe(2);
  });
});

describe('reminders', () => {
  it('sends the free reminders first, then the aanmaning as the WIK 14-day letter', async () => {
    const dry = await core.call('reminders.run', { stage: 2, date: '2027-02-01', dryRun: true });
    expect(dry.rows).toEqual([]); // no first reminder yet
    const first = await core.call('reminders.run', { stage: 1, date: '2027-02-01' });
    expect(first.rows.map((r) => [r.number, r.openCents, r.deadline, r.statedCostsCents])).toEqual([
      [numbers.anna, 3500, '2027-02-15', 0],
      [numbers.bert, 6000, '2027-02-15', 0],
    ]);
    expect((await core.call('reminders.run', { stage: 1, date: '2027-02-02', dryRun: true })).rows).toEqual([]);
    expect((await core.call('reminders.run', { stage: 2, date: '2027-02-15', dryRun: true })).rows).toEqual([]); // deadline not passed
    expect((await core.call('reminders.run', { stage: 2, date: '2027-02-16' })).rows).toHaveLength(2);
    expect((await core.call('reminders.run', { stage: 3, date: '2027-03-02', dryRun: true })).rows).toEqual([]); // second's deadline is today
    // Wednesday 3 March: deemed received Friday 5 March, 14 days → 19 March; 15% of € 35 is below the € 40 minimum.
    const third = await core.call('reminders.run', { stage: 3, date: '2027-03-03' });
    expect(third.rows.find((r) => r.number === numbers.anna)).toMatchObject({ deadline: '2027-03-19', statedCostsCents: 4000 });
    expect((await invoice('anna')).reminders.map((r) => r.stage)).toEqual([1, 2, 3]);
  });
});

describe('credit notes and editing', () => {
  it('edits lines until the invoice is sent, then refuses', async () => {
    const manual = await core.call('invoices.create', { relationId: p.anna!, invoiceDate: '2027-02-01', lines: [{ description: 'Inschrijfgeld', amountCents: 1500 }] });
    const edited = await core.call('invoices.setLines', { id: manual.id, lines: [{ description: 'Inschrijfgeld', amountCents: 1000 }, { description: 'Pasje', amountCents: 250, vatRate: 2100 }] });
    expect(edited).toMatchObject({ totalCents: 1250, instalments: [{ amountCents: 1250, openCents: 1250 }] });
    await core.call('invoices.markSent', { ids: [manual.id] });
    await expect(core.call('invoices.setLines', { id: manual.id, lines: [{ description: 'x', amountCents: 1 }] })).rejects.toMatchObject({ details: { reason: 'INVOICE_SENT' } });
  });

  it('credits instead of deleting, with the next number, and the credited invoice is no longer open', async () => {
    const credit = await core.call('invoices.credit', { id: numbersToId.bert!, reason: 'Opgezegd per 1 januari', invoiceDate: '2027-03-05' });
    expect(credit).toMatchObject({ kind: 'credit', number: 'C2027-00006', totalCents: -6000, creditsInvoiceNumber: numbers.bert, openCents: 0 });
    expect(credit.lines[0]!.description).toBe('Creditering: Lid, Senior op 1-1-2027: € 60,00');
    expect(await invoice('bert')).toMatchObject({ openCents: 0, creditedBy: ['C2027-00006'] });
    await expect(core.call('invoices.credit', { id: numbersToId.bert! })).rejects.toMatchObject({ details: { reason: 'ALREADY_CREDITED' } });
    expect((await core.call('contributions.ofRelation', { relationId: p.bert! })).balanceCents).toBe(0);
  });

  it('refuses to undo a run that has payments', async () => {
    const runId = (await core.call('contributionRuns.list', {})).rows[0]!.id;
    await expect(core.call('contributionRuns.undo', { runId })).rejects.toMatchObject({ details: { reason: expect.stringMatching(/^RUN_/) } });
  });
});

describe('History', () => {
  it('names the run, the invoice, its lines and the payment on the debtor\'s History', async () => {
    const h = await core.call('audit.forRelation', { relationId: p.anna!, limit: 500 });
    const seen = new Set(h.rows.map((r) => `${r.operationKind} ${r.tableName} ${r.action} ${r.recordLabel ?? ''}`));
    expect(seen).toContain(`contributionRuns.run invoices insert ${numbers.anna} (€ 60,00)`);
    expect(seen).toContain('contributionRuns.run invoice_lines insert Lid, Senior op 1-1-2027: € 60,00');
    expect(seen).toContain('contributionRuns.run invoice_instalments insert 16-1-2027: € 60,00');
    expect(seen).toContain('payments.add payments insert € 25,00');
    expect(seen).toContain('reminders.run invoice_reminders insert Fase 3, 3-3-2027');
  });
});
