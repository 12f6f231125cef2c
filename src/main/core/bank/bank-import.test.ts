import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, tempDir } from '../../../../test/support/test-core';
import { DomainError } from '../../../shared/errors';
import { dutchText } from '../../cli/error-text';
import type { BankEntryDto, BankImportResult } from '../../../shared/contract';
import { setupBankClub, type BankClub } from './testing/bank-fixture';
import { idText } from '../db/audit-keys';

/**
 * The bank import on a real SQLite file, with statements written after the ISO 20022
 * camt.053.001.02 message definition and the ING and Rabobank MT940 format descriptions
 * (test/fixtures/bank). Every match, its rule and reason, and every action is asserted.
 */
const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/bank');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const b64 = (buf: Buffer | string) => Buffer.from(buf).toString('base64');

type TestCore = ReturnType<typeof createTestCore>;
const temp = tempDir();
afterAll(() => temp.cleanup());
let n = 0;
async function freshClub(): Promise<{ core: TestCore; club: BankClub }> {
  const core = createTestCore({ file: path.join(temp.dir, `bank-${++n}.sqlite`) });
  return { core, club: await setupBankClub(core) };
}

const importFile = (core: TestCore, name: string, dryRun = false, bytes?: Buffer) =>
  core.call('bank.import', { file: b64(bytes ?? fixture(name)), fileName: name, dryRun }) as Promise<BankImportResult & { planId: string | null }>;
const count = (core: TestCore, sql: string, ...args: unknown[]) => (core.ctx.sqlite.prepare(`SELECT count(*) AS n FROM ${sql}`).get(...args) as { n: number }).n;
const openOf = async (core: TestCore, club: BankClub, number: string) => (await core.call('invoices.get', { id: club.invoice[number]! })).openCents;
const byCounterparty = (rows: BankEntryDto[], name: string) => {
  const hit = rows.filter((r) => r.counterpartyName === name);
  expect(hit, name).toHaveLength(1);
  return hit[0]!;
};
const fingerprint = (core: TestCore) =>
  ['operations', 'bank_statements', 'bank_entries', 'bank_returns', 'payments', 'payment_allocations', 'invoices', 'tasks', 'audit_log'].map((t) => count(core, t));

describe('CAMT.053 without batch details, then with details and overlapping', () => {
  let core: TestCore;
  let club: BankClub;
  let first: BankImportResult;
  let second: BankImportResult;
  beforeAll(async () => {
    ({ core, club } = await freshClub());
    first = await importFile(core, 'camt053-ing-without-batch-details.xml');
  });

  it('reads the statement: account, period, entries', () => {
    expect(first.saved).toBe(true);
    expect(first.statement).toMatchObject({ format: 'camt053', dialect: 'iso', accountIban: 'NL71INGB0009876543', fromDate: '2026-11-01', toDate: '2026-11-03' });
    expect(first.entryCount).toBe(6);
    expect(first.duplicateCount).toBe(0);
    expect(first.counts).toEqual({ matched: 8, unmatched: 2, returned: 0, expanded: 1, ignored: 0 });
  });

  it('expands the batch credit without details through the exported batch, matching each by EndToEndId', async () => {
    const parent = first.entries.find((e) => e.kind === 'batch')!;
    expect(parent).toMatchObject({ status: 'expanded', amountCents: 25500, matchRule: 'batch', reason: { code: 'BATCH_EXPANDED', batch: 'PMT-2026-11-01', count: 5 } });
    const children = first.entries.filter((e) => e.parentEntryId === parent.id);
    expect(children.map((c) => [c.endToEndId, c.amountCents, c.status, c.matchRule, c.reason.code, c.reason['invoices']])).toEqual([
      ['C2026-00001', 6000, 'matched', 'batch', 'BATCH_E2E', 'C2026-00001'],
      ['C2026-00002', 6000, 'matched', 'batch', 'BATCH_E2E', 'C2026-00002'],
      ['C2026-00003', 4500, 'matched', 'batch', 'BATCH_E2E', 'C2026-00003'],
      ['C2026-00004', 6000, 'matched', 'batch', 'BATCH_E2E', 'C2026-00004'],
      ['C2026-00005', 3000, 'matched', 'batch', 'BATCH_E2E', 'C2026-00005'],
    ]);
    for (const k of [1, 2, 3, 4, 5]) expect(await openOf(core, club, `C2026-0000${k}`)).toBe(0);
    const pay = await core.call('payments.list', { relationId: club.relation['anna']!, offset: 0, limit: 10 });
    expect(pay.rows.map((p) => [p.amountCents, p.method, p.reference, p.paymentDate])).toEqual([[6000, 'incasso', 'C2026-00001', '2026-11-02']]);
  });

  it('matches a betalingskenmerk, a name + amount and a partial payment, each with its reason', async () => {
    const henk = byCounterparty(first.entries, 'H. Vermeulen');
    expect(henk).toMatchObject({ status: 'matched', matchRule: 'payment_reference', structuredRef: '1202600000000008', reason: { code: 'PAYMENT_REFERENCE', ref: '1202600000000008', invoices: 'C2026-00008', fit: 'exact' } });
    expect(await openOf(core, club, 'C2026-00008')).toBe(0);
    const ilse = byCounterparty(first.entries, 'I DE VRIES');
    expect(ilse).toMatchObject({ status: 'matched', matchRule: 'name_amount', relationId: club.relation['ilse'], reason: { code: 'NAME_AMOUNT', name: 'I DE VRIES', invoices: 'C2026-00009' } });
    expect(await openOf(core, club, 'C2026-00009')).toBe(0);
    const joost = byCounterparty(first.entries, 'J. Peters');
    expect(joost).toMatchObject({ status: 'matched', matchRule: 'payment_reference', reason: { code: 'PAYMENT_REFERENCE', ref: '2202600000000010', fit: 'partial', open: '€ 20,00' } });
    expect(await openOf(core, club, 'C2026-00010')).toBe(2000);
  });

  it('audits every row it wrote, once, in the import operation (the set-based audit misses none)', () => {
    const op = (core.ctx.sqlite.prepare(`SELECT seq FROM operations WHERE kind = 'bank.import' ORDER BY rowid DESC LIMIT 1`).get() as { seq: number }).seq;
    for (const table of ['bank_entries', 'payments', 'payment_allocations']) {
      const rows = (core.ctx.sqlite.prepare(`SELECT id FROM ${table}`).pluck().all() as string[]).sort();
      const audited = (core.ctx.sqlite.prepare(`SELECT record_id FROM audit_log WHERE operation = ? AND table_name = ? AND action = 'insert'`).pluck().all(op, table) as (Buffer | string)[])
        .map((k) => idText(k))
        .sort();
      expect(rows.length, table).toBeGreaterThan(0);
      expect(audited, table).toEqual(rows);
    }
    // Parents before children, as the row triggers would have written them: payments, allocations, entries.
    const order = core.ctx.sqlite
      .prepare(`SELECT table_name, min(id) AS first FROM audit_log WHERE operation = ? GROUP BY table_name ORDER BY first`)
      .all(op) as { table_name: string }[];
    expect(order.map((o) => o.table_name)).toEqual(['bank_statements', 'payments', 'payment_allocations', 'bank_entries']);
  });

  it('leaves a gift and bank costs for the treasurer, saying why', () => {
    expect(byCounterparty(first.entries, 'Stichting Vrienden van de Club')).toMatchObject({ status: 'unmatched', matchRule: null, reason: { code: 'NO_MATCH' } });
    const costs = first.entries.find((e) => e.amountCents === -450)!;
    expect(costs).toMatchObject({ status: 'unmatched', kind: 'debit', reason: { code: 'DEBIT' }, remittance: 'Kosten zakelijk betalingsverkeer oktober' });
  });

  describe('the next statement', () => {
    beforeAll(async () => {
      await core.call('bank.setSettings', { settings: { accounts: ['NL71INGB0009876543'], returnFeeCents: 750, maxRetries: 2 } });
      second = await importFile(core, 'camt053-ing-with-batch-details.xml');
    });

    it('skips the two entries it already has (same AcctSvcrRef)', () => {
      expect(second.entryCount).toBe(11);
      expect(second.duplicateCount).toBe(2);
      expect(second.newCount).toBe(9);
      expect(count(core, 'bank_entries WHERE bank_ref = ?', '2026110300005')).toBe(1);
      expect(second.counts).toEqual({ matched: 6, unmatched: 0, returned: 4, expanded: 1, ignored: 0 });
    });

    it('expands the batch with details from its own transactions', async () => {
      const parent = second.entries.find((e) => e.kind === 'batch')!;
      expect(parent.reason).toMatchObject({ code: 'BATCH_EXPANDED', batch: 'PMT-2026-11-15', count: 2 });
      const kids = second.entries.filter((e) => e.parentEntryId === parent.id);
      expect(kids.map((k) => [k.counterpartyName, k.amountCents, k.reason.code, k.reason['invoices']])).toEqual([
        ['F. Dekker', 2500, 'BATCH_E2E', 'C2026-00006'],
        ['G. Bos', 3500, 'BATCH_E2E', 'C2026-00007'],
      ]);
      expect(await openOf(core, club, 'C2026-00007')).toBe(0);
    });

    it('books an overpayment by RF reference as credit, one transfer for two invoices, and IBAN + amount', async () => {
      expect(byCounterparty(second.entries, 'K HENDRIKS')).toMatchObject({ matchRule: 'payment_reference', reason: { code: 'RF_REFERENCE', ref: 'RF280202600000000011', fit: 'over', over: '€ 20,00' } });
      expect(await openOf(core, club, 'C2026-00011')).toBe(0);
      expect(byCounterparty(second.entries, 'L. Janssen')).toMatchObject({ matchRule: 'payment_reference', reason: { code: 'INVOICE_NUMBER', invoices: 'C2026-00012, C2026-00013', fit: 'combined' } });
      expect(await openOf(core, club, 'C2026-00012')).toBe(0);
      expect(await openOf(core, club, 'C2026-00013')).toBe(0);
      expect(byCounterparty(second.entries, 'M. KOSTER EN/OF P. KOSTER')).toMatchObject({ matchRule: 'iban_amount', reason: { code: 'IBAN_AMOUNT', iban: 'NL08INGB0001013332', invoices: 'C2026-00014' } });
    });

    it('matches the refund paid out (pain.001 EndToEndId): the credit is used up', async () => {
      const refund = second.entries.find((e) => e.endToEndId === 'REF-2026-0001')!;
      expect(refund).toMatchObject({ status: 'matched', kind: 'debit', matchRule: 'end_to_end_id', reason: { code: 'REFUND_PAID', relation: 'Karin Hendriks' } });
      const bal = await core.call('contributions.ofRelation', { relationId: club.relation['karin']! });
      expect(bal.balanceCents).toBe(0);
    });

    it('handles every return: invoice reopened, code and text stored, mandate ended for AC04, retry for AM04, fee and task', async () => {
      const returns = (await core.call('bank.returns', {})).rows;
      const byCode = Object.fromEntries(returns.map((r) => [r.code, r]));
      expect(Object.keys(byCode).sort()).toEqual(['AC04', 'AM04', 'MD06', 'XY42']);
      expect(byCode['MD06']).toMatchObject({ codeText: 'Terugboeking op verzoek van de betaler', knownCode: true, invoiceNumber: 'C2026-00003', mandateEnded: false, retry: 'none' });
      expect(byCode['AC04']).toMatchObject({ codeText: 'Rekening opgeheven (REKENING OPGEHEVEN)', invoiceNumber: 'C2026-00004', mandateEnded: true, retry: 'none' });
      expect(byCode['AM04']).toMatchObject({ invoiceNumber: 'C2026-00005', mandateEnded: false, retry: 'wanted' });
      expect(byCode['XY42']).toMatchObject({ codeText: 'Onbekende redencode XY42', knownCode: false, invoiceNumber: 'C2026-00006', mandateEnded: false });
      for (const [num, cents] of [['C2026-00003', 4500], ['C2026-00004', 6000], ['C2026-00005', 3000], ['C2026-00006', 2500]] as const) expect(await openOf(core, club, num)).toBe(cents);
      const mandates = core.ctx.sqlite.prepare('SELECT reference, status, ended_on AS endedOn, end_reason AS endReason FROM sepa_mandates ORDER BY reference').all();
      expect(mandates.filter((m) => (m as { status: string }).status !== 'active')).toEqual([{ reference: 'MND-0004', status: 'ended', endedOn: '2026-11-18', endReason: 'AC04' }]);
      for (const r of returns) expect(r.feeInvoiceNumber).toMatch(/^C2026-000(1[5-9])$/u);
      const fee = await core.call('invoices.get', { number: byCode['AC04']!.feeInvoiceNumber! });
      expect(fee).toMatchObject({ totalCents: 750, relationId: club.relation['dirk'] });
      const tasks = core.ctx.sqlite.prepare(`SELECT title, notes, relation_id AS relationId FROM tasks WHERE system_key LIKE 'debit-returned:%' ORDER BY title`).all() as { title: string; notes: string; relationId: string }[];
      expect(tasks.map((t) => t.title)).toEqual([
        'Incasso gestorneerd (AC04): Dirk Smit',
        'Incasso gestorneerd (AM04): Eva Mulder',
        'Incasso gestorneerd (MD06): Cees Visser',
        'Incasso gestorneerd (XY42): Fenna Dekker',
      ]);
      expect(tasks[0]!.notes).toContain('De machtiging is beëindigd');
      expect(tasks[1]!.notes).toContain('opnieuw geïncasseerd');
    });

    it('closes a return’s task by itself once the invoice is paid, and leaves the others open', async () => {
      const md06 = (await core.call('invoices.get', { number: 'C2026-00003' })) as { id: string };
      await core.call('payments.add', { invoiceIds: [md06.id], amountCents: 4500, date: '2026-11-25' });
      await core.call('tasks.count', {});
      const tasks = core.ctx.sqlite.prepare(`SELECT title, done_at AS doneAt FROM tasks WHERE system_key LIKE 'debit-returned:%' ORDER BY title`).all() as { title: string; doneAt: string | null }[];
      expect(tasks.filter((t) => t.doneAt !== null).map((t) => t.title)).toEqual(['Incasso gestorneerd (MD06): Cees Visser']);
      expect(tasks.filter((t) => t.doneAt === null)).toHaveLength(3);
    });

    it('adds nothing when the same statement comes again', async () => {
      const before = fingerprint(core);
      const again = await importFile(core, 'camt053-ing-with-batch-details.xml');
      expect(again).toMatchObject({ saved: false, newCount: 0, duplicateCount: 11 });
      expect(fingerprint(core)).toEqual(before);
    });

    it('refuses a statement of another account, naming both', async () => {
      const before = fingerprint(core);
      const err = await importFile(core, 'mt940-rabobank-structured.sta').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DomainError);
      const details = (err as DomainError).details as Record<string, unknown>;
      expect(details['reason']).toBe('BANK_WRONG_ACCOUNT');
      expect(dutchText('BANK_WRONG_ACCOUNT', details)).toBe(
        'Dit afschrift is van rekening NL44RABO0123456789, niet van de eigen rekening (NL71INGB0009876543). Kies het juiste afschrift, of voeg de rekening toe bij Instellingen bank.',
      );
      expect(fingerprint(core)).toEqual(before);
    });

    it('lets the treasurer match, take back and ignore by hand', async () => {
      const gift = (await core.call('bank.entries', { status: 'unmatched' })).rows.find((e) => e.amountCents === 1234)!;
      const cands = await core.call('bank.candidates', { entryId: gift.id, search: 'Peters' });
      expect(cands.rows.map((c) => [c.number, c.openCents])).toEqual([['C2026-00010', 2000]]);
      const matched = await core.call('bank.match', { entryId: gift.id, invoiceIds: [club.invoice['C2026-00010']!] });
      expect(matched).toMatchObject({ status: 'matched', matchRule: 'manual', reason: { code: 'MANUAL', invoices: 'C2026-00010' }, relationId: club.relation['joost'] });
      expect(await openOf(core, club, 'C2026-00010')).toBe(2000 - 1234);
      const back = await core.call('bank.unmatch', { entryId: gift.id });
      expect(back).toMatchObject({ status: 'unmatched', paymentId: null });
      expect(await openOf(core, club, 'C2026-00010')).toBe(2000);
      const ignored = await core.call('bank.ignore', { entryId: gift.id, note: 'Gift, geen contributie' });
      expect(ignored).toMatchObject({ status: 'ignored', reason: { code: 'IGNORED', note: 'Gift, geen contributie' } });
      await expect(core.call('bank.match', { entryId: gift.id, invoiceIds: [club.invoice['C2026-00010']!] })).rejects.toMatchObject({ details: { reason: 'BANK_ENTRY_NOT_OPEN' } });
    });
  });
});

describe('preview', () => {
  it('is the real import rolled back, and commits exactly that from its plan', async () => {
    const { core, club } = await freshClub();
    const before = fingerprint(core);
    const preview = await importFile(core, 'camt053-ing-without-batch-details.xml', true);
    expect(preview).toMatchObject({ saved: false, dryRun: true, newCount: 6, counts: { matched: 8, unmatched: 2, expanded: 1 } });
    expect(preview.planId).not.toBeNull();
    expect(fingerprint(core)).toEqual(before);
    expect(await openOf(core, club, 'C2026-00008')).toBe(6000);
    const saved = await core.call('bank.commit', { planId: preview.planId! });
    expect(saved).toMatchObject({ saved: true, counts: preview.counts });
    expect(saved.entries.map((e) => [e.amountCents, e.status, e.reason])).toEqual(preview.entries.map((e) => [e.amountCents, e.status, e.reason]));
    expect(await openOf(core, club, 'C2026-00008')).toBe(0);
    expect(count(core, "operations WHERE kind = 'bank.import'")).toBe(1);
  });
});

describe('bad files change nothing and say what is wrong', () => {
  let core: TestCore;
  beforeAll(async () => {
    ({ core } = await freshClub());
  });
  const good = () => fixture('camt053-ing-without-batch-details.xml').toString('utf8');
  const pain008 = fs.readFileSync(path.resolve(__dirname, '../../../../test/fixtures/bank/sample-pain.008.001.02.xml'));
  const cases: [string, Buffer, string, string][] = [
    ['an empty file', Buffer.from('  \n'), 'BANK_EMPTY_FILE', 'Het bestand is leeg'],
    ['a CSV', Buffer.from('datum;bedrag;omschrijving\n2026-11-01;12,50;contributie\n'), 'BANK_UNKNOWN_FORMAT', 'Dit is geen bankafschrift'],
    ['a collection file (pain.008)', pain008, 'BANK_NOT_A_STATEMENT', 'geen CAMT.053-afschrift maar pain.008'],
    ['a truncated CAMT', Buffer.from(good().slice(0, 3000)), 'BANK_XML_BROKEN', 'onvolledig of beschadigd (regel'],
    ['a truncated MT940', Buffer.from(fixture('mt940-ing-structured.sta').toString('latin1').split(':62F:')[0]!), 'BANK_MT940_TRUNCATED', 'het eindsaldo (:62F:) ontbreekt'],
    ['an entry without amount', Buffer.from(good().replace('<Amt Ccy="EUR">60.00</Amt>\n        <CdtDbtInd>', '<Amt Ccy="EUR">zestig</Amt>\n        <CdtDbtInd>')), 'BANK_ENTRY_NO_AMOUNT', 'Stmt 1, Ntry 2'],
  ];
  it.each(cases)('%s', async (_what, bytes, reason, text) => {
    const before = fingerprint(core);
    const err = (await importFile(core, 'afschrift', false, bytes).catch((e: unknown) => e)) as DomainError;
    expect(err).toBeInstanceOf(DomainError);
    const details = err.details as Record<string, unknown>;
    expect(details['reason']).toBe(reason);
    expect(dutchText(reason, details)).toContain(text);
    expect(fingerprint(core)).toEqual(before);
  });
});

describe('MT940', () => {
  it('ING structured: batch via /PREF/, a structured betalingskenmerk, name only, an MD06 return', async () => {
    const { core, club } = await freshClub();
    const r = await importFile(core, 'mt940-ing-structured.sta');
    expect(r.statement).toMatchObject({ format: 'mt940', dialect: 'ing', accountIban: 'NL71INGB0009876543', fromDate: '2026-11-02', toDate: '2026-11-18' });
    expect(r.counts).toEqual({ matched: 7, unmatched: 0, returned: 1, expanded: 1, ignored: 0 });
    const batch = r.entries.find((e) => e.kind === 'batch')!;
    expect(batch).toMatchObject({ reason: { code: 'BATCH_EXPANDED', batch: 'PMT-2026-11-01', count: 5 } });
    expect(byCounterparty(r.entries, 'H. Vermeulen')).toMatchObject({ counterpartyIban: 'NL06RABO0001007777', structuredRef: '1202600000000008', reason: { code: 'PAYMENT_REFERENCE' } });
    expect(byCounterparty(r.entries, 'I DE VRIES')).toMatchObject({ reason: { code: 'NAME_AMOUNT' }, remittance: 'contributie' });
    const ret = r.entries.find((e) => e.kind === 'return')!;
    expect(ret).toMatchObject({ returnCode: 'MD06', endToEndId: 'C2026-00003', amountCents: -4500, status: 'returned', reason: { code: 'RETURN', returnCode: 'MD06', invoices: 'C2026-00003' } });
    expect(await openOf(core, club, 'C2026-00003')).toBe(4500);
    // The bank's own reference (after // in :61:) keys the entries.
    expect(count(core, "bank_entries WHERE bank_ref = '2026110200002'")).toBe(1);
  });

  it('Rabobank structured: no bank reference, so the content keys an overlapping re-import; AM04 marked for retry', async () => {
    const { core, club } = await freshClub();
    const r = await importFile(core, 'mt940-rabobank-structured.sta');
    expect(r.statement).toMatchObject({ format: 'mt940', dialect: 'rabobank', accountIban: 'NL44RABO0123456789' });
    expect(r.counts).toEqual({ matched: 6, unmatched: 0, returned: 1, expanded: 1, ignored: 0 });
    expect(byCounterparty(r.entries, 'H. Vermeulen')).toMatchObject({ counterpartyIban: 'NL06RABO0001007777', reason: { code: 'PAYMENT_REFERENCE', ref: '1202600000000008' } });
    const ret = r.entries.find((e) => e.kind === 'return')!;
    expect(ret).toMatchObject({ returnCode: 'AM04', endToEndId: 'C2026-00005', counterpartyName: 'E. Mulder', counterpartyIban: 'NL06INGB0001004444' });
    expect((await core.call('bank.returns', { retry: 'wanted' })).rows.map((x) => x.invoiceNumber)).toEqual(['C2026-00005']);
    expect(await openOf(core, club, 'C2026-00005')).toBe(3000);
    const again = await importFile(core, 'mt940-rabobank-structured.sta');
    expect(again).toMatchObject({ newCount: 0, duplicateCount: 3, saved: false });
  });
});
