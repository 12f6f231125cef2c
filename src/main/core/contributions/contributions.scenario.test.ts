import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../../test/support/test-core';
import { validatePaymentReference } from '../../../shared/dutch/payment-reference';
import { DomainError } from '../../../shared/errors';
import type { RunInvoiceDto, RunResultDto } from '../../../shared/contract';
import { schedule2027, setupClub } from './testing/contribution-fixture';

/**
 * A club billing 2027: people around the 18 boundary on the reference date, joining and
 * leaving mid-year, households of three and five (with the cap), a parent paying for
 * children, an override, an exemption and each payment method. Every amount and every
 * reason text is asserted.
 */
let core: ReturnType<typeof createTestCore>;
const p: Record<string, string> = {};
const INVOICE_DATE = '2026-12-01';

const kerkstraat = { street: 'Kerkstraat', houseNumber: 1, postcode: '3581 AA' };
const dorpsweg = { street: 'Dorpsweg', houseNumber: 5, postcode: '3582 BB' };
const iban = 'NL91ABNA0417164300';

const settings = (relationId: string, s: Record<string, unknown>) =>
  core.call('paymentSettings.set', { relationId, settings: { method: 'factuur', ...s } as never });
const invoiceOf = (r: RunResultDto, key: string): RunInvoiceDto => {
  const inv = r.invoices.find((i) => i.payerRelationId === p[key]);
  if (!inv) throw new Error(`no invoice for ${key}`);
  return inv;
};
const lines = (inv: RunInvoiceDto) => inv.lines.map((l) => `${l.description} = ${l.amountCents}`);
const run = (dryRun: boolean) => core.call('contributionRuns.run', { periodCode: '2027', invoiceDate: INVOICE_DATE, dryRun });
const count = (table: string) => (core.ctx.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

beforeAll(async () => {
  core = createTestCore();
  const { person } = await setupClub(core);
  p.eva = await person({ name: 'Eva Achttien', birthDate: '2009-01-01' });
  p.frits = await person({ name: 'Frits Zeventien', birthDate: '2009-01-02' });
  p.hanna = await person({ name: 'Hanna Nieuw', birthDate: '1990-03-10', from: '2027-05-01' });
  p.ivo = await person({ name: 'Ivo Weg', birthDate: '1980-08-08', from: '2015-01-01', to: '2027-04-01' });
  p.jan = await person({ name: 'Jan Kerk', birthDate: '1975-01-01', address: kerkstraat });
  p.marie = await person({ name: 'Marie Kerk', birthDate: '1977-01-01', address: kerkstraat });
  p.kees = await person({ name: 'Kees Kerk', birthDate: '2012-01-01', address: kerkstraat });
  p.piet = await person({ name: 'Piet Dorp', birthDate: '1970-01-01', address: dorpsweg, iban });
  p.ans = await person({ name: 'Ans Dorp', birthDate: '1972-01-01', address: dorpsweg, iban });
  p.bas = await person({ name: 'Bas Dorp', birthDate: '2005-01-01', address: dorpsweg });
  p.cor = await person({ name: 'Cor Dorp', birthDate: '2010-01-01', address: dorpsweg });
  p.dik = await person({ name: 'Dik Dorp', birthDate: '2012-06-01', address: dorpsweg });
  p.olga = await person({ name: 'Olga Afspraak', birthDate: '1960-01-01' });
  p.evert = await person({ name: 'Evert Erelid', birthDate: '1950-01-01' });
  p.carla = await person({ name: 'Carla Contant', birthDate: '1985-01-01' });
  p.dora = await person({ name: 'Dora Donateur', birthDate: null, type: 'donatie' });
  p.fenna = await person({ name: 'Fenna Zonderadres', birthDate: '1988-01-01', address: null });
  p.ruud = await person({ name: 'Ruud Zonderiban', birthDate: '1988-01-01' });
  p.vera = await person({ name: 'Vera Geen', birthDate: null });

  await settings(p.kees!, { payerRelationId: p.jan });
  await settings(p.piet!, { method: 'incasso' });
  await settings(p.ans!, { method: 'incasso', frequency: 'kwartaal' });
  for (const child of ['bas', 'cor', 'dik']) await settings(p[child]!, { payerRelationId: p.piet });
  await settings(p.olga!, { overrideCents: 2000, overrideReason: 'Afspraak bestuur 2026' });
  await settings(p.evert!, { exempt: true, exemptReason: 'Erelid' });
  await settings(p.carla!, { method: 'contant' });
  await settings(p.ruud!, { method: 'incasso' });
  await core.call('feeSchedules.save', { schedule: schedule2027() });
});
afterAll(() => core.close());

describe('contribution run 2027', () => {
  it('lists blocking problems and writes nothing while they stand', async () => {
    const preview = await run(true);
    expect(preview.problems.map((x) => `${x.code} ${x.name}`).sort()).toEqual([
      'BIRTH_DATE_MISSING Vera Geen',
      'DEBIT_WITHOUT_IBAN Ruud Zonderiban',
      'INVOICE_WITHOUT_ADDRESS Fenna Zonderadres',
    ]);
    const ops = count('operations');
    await expect(run(false)).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'RUN_HAS_PROBLEMS', count: 3 } });
    expect(count('invoices')).toBe(0);
    expect(count('contribution_runs')).toBe(0);
    expect(count('operations')).toBe(ops);

    await core.call('addresses.add', { relationId: p.fenna!, address: { type: 'home', street: 'Markt', houseNumber: 2, postcode: '3511 AB', validFrom: '2020-01-01' } } as never);
    await core.call('relations.update', { id: p.ruud!, fields: { firstName: 'Ruud', lastName: 'Zonderiban', birthDate: '1988-01-01', iban } });
    await core.call('relations.update', { id: p.vera!, fields: { firstName: 'Vera', lastName: 'Geen', birthDate: '1999-05-05' } });
    expect((await run(true)).problems).toEqual([]);
  });

  it('prices around the 18 boundary on the reference date', async () => {
    const r = await run(true);
    expect(lines(invoiceOf(r, 'eva'))).toEqual(['Lid, 18–25 op 1-1-2027: € 45,00 = 4500', 'Administratiekosten factuur = 150']);
    expect(lines(invoiceOf(r, 'frits'))).toEqual(['Lid, Jeugd op 1-1-2027: € 30,00 = 3000', 'Administratiekosten factuur = 150']);
    expect(invoiceOf(r, 'eva').totalCents).toBe(4650);
  });

  it('applies the joining step and the entry fee to a member joining in May', async () => {
    const inv = invoiceOf(await run(true), 'hanna');
    expect(lines(inv)).toEqual([
      'Lid, Senior op 1-1-2027: € 60,00 · lid sinds 1 mei: 80% → € 48,00 = 4800',
      'Inschrijfgeld = 1000',
      'Administratiekosten factuur = 150',
    ]);
    expect(inv.totalCents).toBe(5950);
  });

  it('applies the leaving step to a member leaving at the end of March', async () => {
    expect(lines(invoiceOf(await run(true), 'ivo'))).toEqual([
      'Lid, Senior op 1-1-2027: € 60,00 · lid tot en met 31 maart: 50% → € 30,00 = 3000',
      'Administratiekosten factuur = 150',
    ]);
  });

  it('bills a household of three with the third member stepped down, the child on the parent\'s invoice', async () => {
    const r = await run(true);
    expect(lines(invoiceOf(r, 'jan'))).toEqual([
      'Lid, Senior op 1-1-2027: € 60,00 = 6000',
      'Lid, Jeugd op 1-1-2027: € 30,00 · 3e gezinslid −20% → € 24,00 = 2400',
      'Administratiekosten factuur = 150',
    ]);
    expect(invoiceOf(r, 'jan').lines[1]!.memberName).toBe('Kees Kerk');
    expect(lines(invoiceOf(r, 'marie'))).toEqual(['Lid, Senior op 1-1-2027: € 60,00 = 6000', 'Administratiekosten factuur = 150']);
    expect(r.invoices.some((i) => i.payerRelationId === p.kees)).toBe(false);
  });

  it('bills a household of five down the ladder and cuts the last members to the cap', async () => {
    const r = await run(true);
    // 6000 + 6000 + 3600 + 1800 + 1200 = 18.600, cap 16.000: Dik loses 1200, Cor 1400.
    expect(lines(invoiceOf(r, 'piet'))).toEqual([
      'Lid, Senior op 1-1-2027: € 60,00 = 6000',
      'Lid, 18–25 op 1-1-2027: € 45,00 · 3e gezinslid −20% → € 36,00 = 3600',
      'Lid, Jeugd op 1-1-2027: € 30,00 · 4e gezinslid −40% → € 18,00 · gezinsmaximum € 160,00 → € 4,00 = 400',
      'Lid, Jeugd op 1-1-2027: € 30,00 · 5e gezinslid −60% → € 12,00 · gezinsmaximum € 160,00 → € 0,00 = 0',
      'Korting automatische incasso = -100',
    ]);
    expect(invoiceOf(r, 'piet').totalCents).toBe(9900);
  });

  it('splits a quarterly payer\'s invoice into four due dates', async () => {
    const inv = invoiceOf(await run(true), 'ans');
    expect(lines(inv)).toEqual(['Lid, Senior op 1-1-2027: € 60,00 = 6000', 'Korting automatische incasso = -100']);
    expect(inv.instalments).toEqual([
      { dueDate: '2027-01-15', amountCents: 1475 },
      { dueDate: '2027-04-15', amountCents: 1475 },
      { dueDate: '2027-07-15', amountCents: 1475 },
      { dueDate: '2027-10-15', amountCents: 1475 },
    ]);
    // A yearly invoice is due a term after the later of invoice date and period start.
    expect(invoiceOf(await run(true), 'eva').instalments).toEqual([{ dueDate: '2027-01-15', amountCents: 4650 }]);
  });

  it('honours an override and an exemption with their reasons, and each payment method', async () => {
    const r = await run(true);
    expect(lines(invoiceOf(r, 'olga'))).toEqual(['Lid: afwijkend bedrag € 20,00 (Afspraak bestuur 2026) = 2000', 'Administratiekosten factuur = 150']);
    expect(r.exempt).toEqual([{ relationId: p.evert, name: 'Evert Erelid', reason: 'vrijgesteld: Erelid' }]);
    expect(r.invoices.some((i) => i.payerRelationId === p.evert)).toBe(false);
    expect(invoiceOf(r, 'carla')).toMatchObject({ method: 'contant', totalCents: 6000 });
    expect(lines(invoiceOf(r, 'carla'))).toEqual(['Lid, Senior op 1-1-2027: € 60,00 = 6000']);
    expect(invoiceOf(r, 'ruud')).toMatchObject({ method: 'incasso', totalCents: 5900 });
    expect(lines(invoiceOf(r, 'dora'))).toEqual(['Donateur: € 25,00 = 2500', 'Administratiekosten factuur = 150']);
  });

  it('commits exactly what the dry run showed, numbered without gaps, with a valid betalingskenmerk', async () => {
    const preview = await run(true);
    expect(count('invoices')).toBe(0);
    const committed = await run(false);
    expect(committed.saved).toBe(true);
    expect({ ...committed, saved: false, runId: null, planId: null }).toEqual({ ...preview, saved: false, runId: null, planId: null });
    expect(committed.invoiceCount).toBe(14);
    expect(committed.invoices.map((i) => i.number)).toEqual(Array.from({ length: 14 }, (_, k) => `C2026-${String(k + 1).padStart(5, '0')}`));
    const stored = await core.call('invoices.list', { runId: committed.runId!, limit: 100 });
    expect(stored.total).toBe(14);
    expect(stored.rows.reduce((s, i) => s + i.totalCents, 0)).toBe(committed.totalCents);
    for (const i of stored.rows) expect(validatePaymentReference(i.paymentReference).ok).toBe(true);
    // One audited operation: every invoice, line and instalment has its insert row, on the debtor.
    const audited = core.ctx.sqlite
      .prepare(
        `SELECT l.table_name AS t, count(*) AS n, sum(l.relation_id IS NOT NULL) AS withRelation, count(DISTINCT l.operation) AS ops
           FROM audit_log l JOIN operations o ON o.seq = l.operation
          WHERE o.kind = 'contributionRuns.run' AND l.action = 'insert' GROUP BY l.table_name ORDER BY l.table_name`,
      )
      .all();
    expect(audited).toEqual([
      { t: 'contribution_runs', n: 1, withRelation: 0, ops: 1 },
      { t: 'invoice_instalments', n: count('invoice_instalments'), withRelation: count('invoice_instalments'), ops: 1 },
      { t: 'invoice_lines', n: count('invoice_lines'), withRelation: count('invoice_lines'), ops: 1 },
      { t: 'invoices', n: 14, withRelation: 14, ops: 1 },
    ]);
    const triggers = core.ctx.sqlite.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit_invoice%_insert'`).get() as { n: number };
    expect(triggers.n).toBe(4); // the insert triggers are back after the set-based audit
    const piet = await core.call('invoices.get', { number: invoiceOf(committed, 'piet').number! });
    expect(piet.lines.map((l) => l.amountCents)).toEqual([6000, 3600, 400, 0, -100]);
    expect(piet.paymentReference.slice(1)).toBe(`2026${piet.number.slice(-5).padStart(11, '0')}`);
  });

  it('never bills a period twice; a second run bills only who joined since', async () => {
    const again = await run(true);
    expect(again).toMatchObject({ invoiceCount: 0, alreadyBilled: 18 });
    const person = await setupClubPerson();
    p.lotte = await person({ name: 'Lotte Laat', birthDate: '1995-01-01', from: '2027-08-15' });
    const second = await run(false);
    expect(second.invoiceCount).toBe(1);
    expect(lines(invoiceOf(second, 'lotte'))).toEqual([
      'Lid, Senior op 1-1-2027: € 60,00 · lid sinds 15 augustus: 60% → € 36,00 = 3600',
      'Inschrijfgeld = 1000',
      'Administratiekosten factuur = 150',
    ]);
    expect(invoiceOf(second, 'lotte').number).toBe('C2026-00015');
  });

  it('undoes a run as a whole while its numbers are the newest, and names the reason when not', async () => {
    const runs = (await core.call('contributionRuns.list', {})).rows;
    expect(runs).toHaveLength(2);
    const [second, first] = runs as [(typeof runs)[0], (typeof runs)[0]];
    await expect(core.call('contributionRuns.undo', { runId: first.id })).rejects.toMatchObject({ details: { reason: 'RUN_NOT_LAST' } });
    expect(await core.call('contributionRuns.undo', { runId: second.id })).toEqual({ removedInvoices: 1 });
    expect(count('invoices')).toBe(14);
    // Lotte is billable again, and gets the number that was freed.
    const redo = await run(false);
    expect(invoiceOf(redo, 'lotte').number).toBe('C2026-00015');
    const inv = await core.call('invoices.list', { runId: redo.runId!, limit: 5 });
    await core.call('invoices.markSent', { ids: [inv.rows[0]!.id] });
    await expect(core.call('contributionRuns.undo', { runId: redo.runId! })).rejects.toBeInstanceOf(DomainError);
    await expect(core.call('contributionRuns.undo', { runId: redo.runId! })).rejects.toMatchObject({ details: { reason: 'RUN_CLOSED' } });
  });
});

/** A person helper bound to the running core (the club already exists). */
async function setupClubPerson() {
  const typeId = (await core.call('subscriptionTypes.list', {})).rows.find((t) => t.code === 'lidmaatschap')!.id;
  return async (x: { name: string; birthDate: string; from: string }) => {
    const [firstName, lastName] = x.name.split(' ');
    const { id } = await core.call('relations.create', {
      kind: 'person',
      fields: { firstName, lastName, birthDate: x.birthDate },
      address: { street: 'Laan', houseNumber: 999, postcode: '3581 AB', validFrom: '2000-01-01' },
    });
    await core.call('subscriptions.add', { relationId: id, subscription: { typeId, startDate: x.from } });
    return id;
  };
}
