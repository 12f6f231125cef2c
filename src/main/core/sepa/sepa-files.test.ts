import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../../test/support/test-core';
import { DomainError } from '../../../shared/errors';
import { idKey } from '../db/audit-keys';
import type { CreditorSettings, SepaBatchResultDto } from '../../../shared/contract/sepa';
import { CREDITOR, seedCollection, testIban, xsdErrors, type SeededPayer } from './testing/sepa-fixture';

/**
 * Collection (pain.008 .02 and .08) and refund (pain.001 .03 and .09) files made through the
 * core on a real database, read back as text and validated by xmllint against the official
 * XSDs: 1, 2 and 10,000 transactions, awkward names, FRST/RCUR and a single sequence type,
 * two collection dates, amended mandates, problems that block, and the retry of returned debits.
 * The test clock stands at 2026-11-22 (a Sunday).
 */
let core: ReturnType<typeof createTestCore>;
beforeEach(() => {
  core = createTestCore();
});
afterEach(() => core.close());

const count = (sql: string, ...args: unknown[]) => (core.ctx.sqlite.prepare(sql).get(...args) as { n: number }).n;
const setCreditor = (s: Partial<CreditorSettings> = {}) => core.call('sepa.setCreditor', { settings: { ...CREDITOR, ...s } });
const xmlOf = (r: SepaBatchResultDto) => Buffer.from(r.file!.bytes, 'base64').toString('utf8');
const payers = (n: number, p: Partial<SeededPayer> = {}): SeededPayer[] => Array.from({ length: n }, (_, i) => ({ name: `Lid ${i + 1}`, ...p }));

describe('creditor settings', () => {
  it('validates the Incassant-ID check digits and says which field is wrong', async () => {
    await expect(setCreditor({ creditorId: 'NL68ZZZ123456780000' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ field: 'settings.creditorId', code: 'CREDITOR_ID_INVALID_CHECKSUM' }],
    });
    await expect(setCreditor({ creditorId: 'NL69ZZZ1234' })).rejects.toMatchObject({ issues: [{ field: 'settings.creditorId', code: 'CREDITOR_ID_INVALID_FORMAT' }] });
    expect(count('SELECT count(*) AS n FROM settings WHERE key = ?', 'sepa.creditor')).toBe(0);
    const r = await setCreditor({ creditorId: 'nl69 zzz 1234 5678 0000' });
    expect(r.settings).toMatchObject({ creditorId: 'NL69ZZZ123456780000', debitVersion: '02', sequencePolicy: 'rcur', leadDays: 2 });
  });

  it('turns a changed Incassant-ID into an amendment of every active mandate, reported in the next file', async () => {
    await setCreditor();
    const { runId } = await seedCollection(core, payers(2));
    // KvK 87654321: NL + check digits over 876543210000NL00.
    const r = await setCreditor({ creditorId: 'NL32ZZZ876543210000' });
    expect(r.amendedMandates).toBe(2);
    const b = await core.call('sepaBatches.collect', { runId, date: '2026-12-15' });
    expect(b.amendments).toBe(2);
    const xml = xmlOf(b);
    expect(xml).toContain('<AmdmntInd>true</AmdmntInd><AmdmntInfDtls><OrgnlCdtrSchmeId><Id><PrvtId><Othr><Id>NL69ZZZ123456780000</Id>');
    expect(xml).toContain('<CdtrSchmeId><Id><PrvtId><Othr><Id>NL32ZZZ876543210000</Id>');
    expect(xsdErrors(xml, 'pain.008.001.02')).toBe('');
    expect(count('SELECT count(*) AS n FROM sepa_mandate_amendments WHERE reported_in_batch_id IS NULL')).toBe(0);
  });
});

describe('mandates', () => {
  it('keeps a reference for ever, records amendments and revocation, flags a lapsed mandate', async () => {
    const { id: relationId } = await core.call('relations.create', { kind: 'person', fields: { firstName: 'Zoë', lastName: 'Jansen' } });
    const m = await core.call('mandates.create', { relationId, signedOn: '2023-01-10', iban: 'NL44 RABO 0123 4567 89' });
    expect(m).toMatchObject({ reference: expect.stringMatching(/^M\d+-1$/), iban: 'NL44RABO0123456789', status: 'active', expiresOn: '2026-01-10', lapsed: true });
    const amended = await core.call('mandates.amend', { id: m.id, amendedOn: '2026-11-01', iban: testIban(7, 'INGB'), reference: 'LID-0001', note: 'Bericht Overstapservice' });
    expect(amended.amendments.map((a) => [a.kind, a.previousValue, a.reportedInBatchId])).toEqual([
      ['iban', 'NL44RABO0123456789', null],
      ['reference', m.reference, null],
    ]);
    expect(amended.pendingAmendments).toBe(2);
    // The old reference is never handed out again, to this relation or anyone else.
    const second = await core.call('mandates.create', { relationId, signedOn: '2026-11-01', iban: testIban(8) });
    expect(second.reference).not.toBe(m.reference);
    await expect(core.call('mandates.create', { relationId, signedOn: '2026-11-01', iban: testIban(8), reference: m.reference })).rejects.toMatchObject({
      issues: [{ field: 'reference', code: 'MANDATE_REFERENCE_TAKEN' }],
    });
    await expect(core.call('mandates.create', { relationId, signedOn: '2026-11-01', iban: testIban(8), reference: 'met spatie' })).rejects.toMatchObject({
      issues: [{ field: 'reference', code: 'MANDATE_REFERENCE_INVALID' }],
    });
    const revoked = await core.call('mandates.revoke', { id: second.id, endedOn: '2026-11-20', reason: 'Opgezegd' });
    expect(revoked).toMatchObject({ status: 'revoked', endedOn: '2026-11-20', endReason: 'Opgezegd', lapsed: false });
    expect((await core.call('mandates.list', { lapsed: true })).rows.map((r) => r.id)).toEqual([m.id]);
    // Every change is in History under the relation.
    const kinds = core.ctx.sqlite.prepare(`SELECT DISTINCT o.kind FROM audit_log a JOIN operations o ON o.seq = a.operation WHERE a.relation_id = ? ORDER BY o.kind`).all(idKey(relationId));
    expect(kinds.map((k) => (k as { kind: string }).kind)).toEqual(['mandates.amend', 'mandates.create', 'mandates.revoke', 'relations.create']);
  });
});

describe('collection files', () => {
  it.each(['02', '08'] as const)('pain.008.001.%s: awkward names, two dates, FRST/RCUR, an amended mandate — XSD-valid, recorded, run closed', async (version) => {
    await setCreditor({ sequencePolicy: 'frst_rcur', debitVersion: version });
    const long = 'Wilhelmina Johanna Theodora Maria van der Koppelaar-Vredenburgh tot Ommeren en Sint Anthonis';
    expect(long.length).toBeGreaterThanOrEqual(90);
    const { runId, invoiceIds } = await seedCollection(core, [
      { name: 'Zoë Ëlisabeth', lastUsedOn: '2026-01-02' },
      { name: 'Bakker & Zonen', amountCents: 1250 },
      { name: 'Jan ’t Hart', dueDate: '2027-01-15', lastUsedOn: '2026-01-02' },
      { name: long },
    ]);
    const [, , hart] = (await core.call('mandates.list', {})).rows;
    // The debtor moved to another bank (SMNDA), and the mandate got a new reference.
    await core.call('mandates.amend', { id: hart!.id, amendedOn: '2026-11-01', iban: testIban(99, 'INGB'), reference: 'HART-2026' });

    const preview = await core.call('sepaBatches.collect', { runId, date: '2026-12-01', dryRun: true });
    expect(preview.problems).toEqual([]);
    expect(preview.saved).toBe(false);
    // The preview was the export, rolled back: nothing stayed behind.
    expect(count('SELECT count(*) AS n FROM sepa_batches')).toBe(0);
    expect(count('SELECT count(*) AS n FROM sepa_batch_items')).toBe(0);
    expect(count('SELECT count(*) AS n FROM blobs')).toBe(0);
    expect(count('SELECT count(*) AS n FROM sepa_mandate_amendments WHERE reported_in_batch_id IS NOT NULL')).toBe(0);

    const r = await core.call('sepaBatches.collect', { runId, date: '2026-12-01' });
    expect(r).toMatchObject({ saved: true, messageVersion: `pain.008.001.${version}`, msgId: 'INC-20261122-01', transactionCount: 4, controlSumCents: 5900 * 3 + 1250, amendments: 1 });
    // Same operation: the preview showed exactly this file.
    expect({ ...preview, saved: true, batchId: r.batchId, file: r.file, files: r.files }).toEqual(r);
    expect(r.files.map((f) => ({ ...f, batchId: null, file: null }))).toEqual(preview.files);
    expect(r.groups.map((g) => [g.date, g.sequenceType, g.count, g.sumCents])).toEqual([
      ['2026-12-01', 'FRST', 2, 5900 + 1250],
      ['2026-12-01', 'RCUR', 1, 5900],
      ['2027-01-15', 'RCUR', 1, 5900],
    ]);
    const xml = xmlOf(r);
    expect(xsdErrors(xml, `pain.008.001.${version}`)).toBe('');
    expect(crypto.createHash('sha256').update(Buffer.from(r.file!.bytes, 'base64')).digest('hex')).toBe(r.fileHash);
    // EPC character set: ë → e, & → +, ’ → ', names cut at 70.
    expect(xml).toContain('<Dbtr><Nm>Zoe Elisabeth</Nm></Dbtr>');
    expect(xml).toContain('<Dbtr><Nm>Bakker + Zonen</Nm></Dbtr>');
    expect(xml).toContain("<Dbtr><Nm>Jan 't Hart</Nm></Dbtr>");
    expect(xml).toContain(`<Dbtr><Nm>${long.slice(0, 70).trimEnd()}</Nm></Dbtr>`);
    expect(xml).toMatch(/<GrpHdr><MsgId>INC-20261122-01<\/MsgId><CreDtTm>[^<]+<\/CreDtTm><NbOfTxs>4<\/NbOfTxs><CtrlSum>189\.50<\/CtrlSum>/);
    expect(xml).toContain('<PmtInfId>INC-20261122-01-1</PmtInfId><PmtMtd>DD</PmtMtd><BtchBookg>true</BtchBookg><NbOfTxs>2</NbOfTxs><CtrlSum>71.50</CtrlSum>');
    expect(xml).toContain('<LclInstrm><Cd>CORE</Cd></LclInstrm><SeqTp>FRST</SeqTp>');
    expect(xml).toContain('<ChrgBr>SLEV</ChrgBr>');
    expect(xml).toContain('<MndtId>HART-2026</MndtId><DtOfSgntr>2024-03-01</DtOfSgntr><AmdmntInd>true</AmdmntInd><AmdmntInfDtls><OrgnlMndtId>');
    expect(xml).toContain('<OrgnlDbtrAcct><Id><Othr><Id>SMNDA</Id></Othr></Id></OrgnlDbtrAcct>');
    // Each invoice's EndToEndId is its batch item's: the invoice number.
    const numbers = core.ctx.sqlite
      .prepare('SELECT i.number, bi.end_to_end_id AS e2e FROM invoices i JOIN sepa_batch_items bi ON bi.invoice_id = i.id ORDER BY i.number')
      .all() as { number: string; e2e: string }[];
    expect(numbers).toHaveLength(4);
    for (const n of numbers) {
      expect(n.e2e).toBe(n.number);
      expect(xml).toContain(`<EndToEndId>${n.number}</EndToEndId>`);
      expect(xml).toContain(`<Ustrd>Factuur ${n.number} Contributie 2027</Ustrd>`);
    }
    // Recorded: hash, MsgId, PmtInfIds per item; the amendment reported; mandates used; run closed.
    const [batch] = (await core.call('sepaBatches.list', {})).rows;
    expect(batch).toMatchObject({ id: r.batchId, msgId: r.msgId, fileHash: r.fileHash, status: 'exported', pmtInfIds: ['INC-20261122-01-1', 'INC-20261122-01-2', 'INC-20261122-01-3'] });
    expect(count('SELECT count(*) AS n FROM sepa_batch_items WHERE batch_id = ?', r.batchId)).toBe(4);
    expect(count('SELECT count(*) AS n FROM sepa_batch_items WHERE invoice_id IN (SELECT value FROM json_each(?))', JSON.stringify(invoiceIds))).toBe(4);
    expect(count('SELECT count(*) AS n FROM sepa_mandate_amendments WHERE reported_in_batch_id = ?', r.batchId)).toBe(2);
    expect(count(`SELECT count(*) AS n FROM sepa_mandates WHERE last_used_on IN ('2026-12-01', '2027-01-15')`)).toBe(4);
    expect(count(`SELECT count(*) AS n FROM contribution_runs WHERE id = ? AND status = 'closed'`, runId)).toBe(1);
    // History has every stamp (written set-based), and the update triggers are back in place.
    expect(count(`SELECT count(*) AS n FROM audit_log WHERE table_name = 'sepa_batch_items' AND action = 'insert' AND operation = (SELECT seq FROM operations WHERE kind = 'sepaBatches.collect')`)).toBe(4);
    expect(count(`SELECT count(*) AS n FROM audit_log WHERE table_name = 'sepa_mandates' AND field = 'last_used_on' AND operation = (SELECT seq FROM operations WHERE kind = 'sepaBatches.collect')`)).toBe(4);
    expect(count(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name IN ('audit_sepa_batch_items_insert', 'audit_sepa_mandates_update')`)).toBe(2);
    // The file is kept in the administration: downloaded again from the batch it is the same file, byte for byte.
    expect(batch!.fileKept).toBe(true);
    const again = await core.call('sepaBatches.file', { id: r.batchId! });
    expect(again.fileName).toBe(r.fileName);
    expect(Buffer.from(again.bytes, 'base64').equals(Buffer.from(r.file!.bytes, 'base64'))).toBe(true);
    // Nothing is collected twice.
    const twice = await core.call('sepaBatches.collect', { runId, date: '2026-12-01', dryRun: true });
    expect(twice.problems.map((p) => p.code)).toEqual(['NOTHING_TO_COLLECT']);
  });

  it.each(['02', '08'] as const)('pain.008.001.%s validates with 1, 2 and 10,000 debits in a single sequence type', async (version) => {
    await setCreditor({ debitVersion: version, maxFileNameLength: null });
    for (const [n, period] of [[1, 'A1'], [2, 'A2'], [10_000, 'A3']] as const) {
      const { runId } = await seedCollection(core, payers(n, { name: `Lid ${period}` }), { periodCode: period });
      const r = await core.call('sepaBatches.collect', { runId, date: '2026-12-01', itemLimit: 0 });
      expect(r.groups.map((g) => [g.sequenceType, g.count])).toEqual([['RCUR', n]]);
      expect(r.controlSumCents).toBe(n * 5900);
      expect(xsdErrors(xmlOf(r), `pain.008.001.${version}`)).toBe('');
    }
  });

  it('lists every problem before anything is written, and an export with problems is refused with that list', async () => {
    await setCreditor({ maxTransactionCents: 10_000, maxMonthCents: 20_000, maxFileNameLength: 35 });
    const { runId } = await seedCollection(core, [
      { name: 'Geen Machtiging', noMandate: true },
      { name: 'Oude Machtiging', signedOn: '2022-01-01' },
      { name: 'Te Veel', amountCents: 12_000 },
      { name: 'Goed Lid' },
    ]);
    const preview = await core.call('sepaBatches.collect', { runId, date: '2026-11-23', fileName: 'incasso-van-de-vereniging-voor-december-2026.xml', dryRun: true });
    expect(preview.problems.map((p) => [p.code, p.name])).toEqual([
      ['COLLECTION_DATE_TOO_EARLY', null],
      ['NO_MANDATE', 'Geen Machtiging'],
      ['MANDATE_LAPSED', 'Oude Machtiging'],
      ['OVER_TRANSACTION_LIMIT', 'Te Veel'],
      ['OVER_MONTH_LIMIT', null],
      ['FILE_NAME_TOO_LONG', null],
    ]);
    expect(preview.problems[0]!.detail).toBe('2026-11-24');
    const refused = await core.call('sepaBatches.collect', { runId, date: '2026-11-23' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'CONFLICT', details: { reason: 'SEPA_BATCH_HAS_PROBLEMS', count: 5 } });
    expect(count('SELECT count(*) AS n FROM sepa_batches')).toBe(0);
    expect(count('SELECT count(*) AS n FROM sepa_batch_items')).toBe(0);
    expect(count(`SELECT count(*) AS n FROM contribution_runs WHERE status = 'open'`)).toBe(1);
  });

  it('refuses a run without creditor settings', async () => {
    const { runId } = await seedCollection(core, [{ name: 'A Lid' }, { name: 'B Lid', dueDate: '2027-02-01' }]);
    expect((await core.call('sepaBatches.collect', { runId, dryRun: true })).problems.map((p) => p.code)).toEqual(['CREDITOR_NOT_SET']);
  });

  it.each(['02', '08'] as const)('pain.008.001.%s for a bank that takes one batch per file: one XSD-valid file per payment-information block, each recorded and kept', async (version) => {
    await setCreditor({ oneBatchPerFile: true, sequencePolicy: 'frst_rcur', debitVersion: version });
    const { runId } = await seedCollection(core, [
      { name: 'A Lid' },
      { name: 'B Lid', lastUsedOn: '2026-01-02' },
      { name: 'C Lid', dueDate: '2027-02-01', lastUsedOn: '2026-01-02' },
      { name: 'D Lid', lastUsedOn: '2026-01-02' },
    ]);
    const preview = await core.call('sepaBatches.collect', { runId, date: '2026-12-01', fileName: 'incasso.xml', dryRun: true });
    expect(preview.problems).toEqual([]);
    expect(preview.files.map((f) => [f.msgId, f.fileName, f.pmtInfIds, f.transactionCount])).toEqual([
      ['INC-20261122-01', 'incasso-1.xml', ['INC-20261122-01-1'], 1],
      ['INC-20261122-02', 'incasso-2.xml', ['INC-20261122-02-1'], 2],
      ['INC-20261122-03', 'incasso-3.xml', ['INC-20261122-03-1'], 1],
    ]);
    const r = await core.call('sepaBatches.collect', { runId, date: '2026-12-01', fileName: 'incasso.xml' });
    expect(r.files).toHaveLength(3);
    expect(r.files.reduce((s, f) => s + f.controlSumCents, 0)).toBe(r.controlSumCents);
    const seen = new Set<string>();
    for (const f of r.files) {
      const xml = Buffer.from(f.file!.bytes, 'base64').toString('utf8');
      expect(xsdErrors(xml, `pain.008.001.${version}`), f.fileName).toBe('');
      expect(xml.match(/<PmtInf>/gu)).toHaveLength(1);
      expect(xml).toContain(`<GrpHdr><MsgId>${f.msgId}</MsgId>`);
      expect(xml).toContain(`<NbOfTxs>${f.transactionCount}</NbOfTxs>`);
      for (const m of xml.matchAll(/<EndToEndId>([^<]+)<\/EndToEndId>/gu)) seen.add(m[1]!);
      const kept = await core.call('sepaBatches.file', { id: f.batchId! });
      expect(Buffer.from(kept.bytes, 'base64').equals(Buffer.from(f.file!.bytes, 'base64'))).toBe(true);
    }
    // Every debit is in exactly one file.
    expect(seen.size).toBe(4);
    // Each mandate is stamped once for the whole export, with its latest collection date, in History too.
    expect(core.ctx.sqlite.prepare('SELECT last_used_on FROM sepa_mandates ORDER BY rowid').pluck().all()).toEqual(['2026-12-01', '2026-12-01', '2027-02-01', '2026-12-01']);
    expect(count(`SELECT count(*) AS n FROM audit_log WHERE table_name = 'sepa_mandates' AND field = 'last_used_on' AND new_value IS NOT NULL`)).toBe(4);
    expect((await core.call('sepaBatches.list', {})).rows.map((b) => [b.msgId, b.fileName, b.transactionCount, b.pmtInfIds]).sort()).toEqual([
      ['INC-20261122-01', 'incasso-1.xml', 1, ['INC-20261122-01-1']],
      ['INC-20261122-02', 'incasso-2.xml', 2, ['INC-20261122-02-1']],
      ['INC-20261122-03', 'incasso-3.xml', 1, ['INC-20261122-03-1']],
    ]);
  });

  it('retries returned debits as a new batch of the given invoices, up to the retry limit', async () => {
    await setCreditor({ retryLimit: 1 });
    const { runId, invoiceIds } = await seedCollection(core, payers(3));
    const first = await core.call('sepaBatches.collect', { runId, date: '2026-12-01' });
    const returned = [invoiceIds[1]!];
    const retry = await core.call('sepaBatches.collect', { invoiceIds: returned, retryOfBatchId: first.batchId!, date: '2026-12-20' });
    const number = (core.ctx.sqlite.prepare('SELECT number FROM invoices WHERE id = ?').get(returned[0]) as { number: string }).number;
    expect(retry.items.map((i) => [i.invoiceNumber, i.endToEndId, i.date])).toEqual([[number, `${number}-R1`, '2026-12-21']]);
    expect(xsdErrors(xmlOf(retry), 'pain.008.001.02')).toBe('');
    expect((await core.call('sepaBatches.list', {})).rows[0]).toMatchObject({ id: retry.batchId, retryOfBatchId: first.batchId, transactionCount: 1 });
    const twice = await core.call('sepaBatches.collect', { invoiceIds: returned, retryOfBatchId: retry.batchId!, date: '2026-12-28', dryRun: true });
    expect(twice.problems.map((p) => p.code)).toEqual(['RETRY_LIMIT_REACHED']);
    const notThere = await core.call('sepaBatches.collect', { invoiceIds: [invoiceIds[0]!], retryOfBatchId: retry.batchId!, date: '2026-12-20', dryRun: true });
    expect(notThere.problems.map((p) => p.code)).toEqual(['INVOICE_NOT_IN_BATCH']);
  });
});

describe('refund files', () => {
  /** Overpayments: each relation paid its invoice plus `extra` cents. */
  async function overpaid(n: number, extra: number, period: string) {
    const { relationIds } = await seedCollection(core, payers(n, { name: `Teveel ${period}` }), { periodCode: period });
    core.ctx.write('test.overpay', null, () => {
      const pay = core.ctx.sqlite.prepare(`INSERT INTO payments (id, relation_id, payment_date, amount_cents, method, created_at) VALUES (?, ?, '2026-12-20', ?, 'bank', 0)`);
      relationIds.forEach((id, i) => pay.run(`pay-${period}-${i}`, id, 5900 + extra));
    });
    return relationIds;
  }

  it.each(['03', '09'] as const)('pain.001.001.%s: 1, 2 and 10,000 refunds validate; a refund is booked so it is never paid twice', async (version) => {
    await setCreditor({ refundVersion: version, maxFileNameLength: null });
    for (const [n, period] of [[1, 'R1'], [2, 'R2'], [10_000, 'R3']] as const) {
      const ids = await overpaid(n, 250, period);
      const booked = count('SELECT count(*) AS n FROM payments WHERE amount_cents < 0');
      const preview = await core.call('sepaBatches.refunds', { date: '2026-11-24', dryRun: true, itemLimit: 1 });
      expect(preview).toMatchObject({ transactionCount: n, controlSumCents: n * 250, problems: [] });
      expect(count('SELECT count(*) AS n FROM payments WHERE amount_cents < 0')).toBe(booked);
      const r = await core.call('sepaBatches.refunds', { date: '2026-11-24', itemLimit: 1 });
      const xml = xmlOf(r);
      expect(xsdErrors(xml, `pain.001.001.${version}`)).toBe('');
      expect(xml).toContain(version === '09' ? '<ReqdExctnDt><Dt>2026-11-24</Dt></ReqdExctnDt>' : '<ReqdExctnDt>2026-11-24</ReqdExctnDt>');
      expect(xml).toContain(`<CdtrAcct><Id><IBAN>${(core.ctx.sqlite.prepare('SELECT iban FROM sepa_mandates WHERE relation_id = ?').get(ids[0]) as { iban: string }).iban}</IBAN></Id></CdtrAcct>`);
      expect((await core.call('contributions.ofRelation', { relationId: ids[0]! })).balanceCents).toBe(0);
    }
    expect((await core.call('sepaBatches.refunds', { dryRun: true })).problems.map((p) => p.code)).toEqual(['NOTHING_TO_REFUND']);
  });
});
