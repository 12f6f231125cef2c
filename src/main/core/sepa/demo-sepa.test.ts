import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../../test/support/test-core';
import { generateDemo } from '../demo/generate-demo';
import { xsdErrors } from './testing/sepa-fixture';

/** The demo shows SEPA: a valid creditor, mandates for its incasso payers, a lapsed, a revoked and an amended one. */
let core: ReturnType<typeof createTestCore>;
beforeAll(() => {
  core = createTestCore();
  generateDemo(core, { relations: 2000, seed: 1, today: '2026-11-22' });
});
afterAll(() => core.close());

describe('SEPA demo', () => {
  it('has a creditor that passes the contract and a mandate for every incasso payer with an IBAN', async () => {
    const { settings } = await core.call('sepa.getCreditor', {});
    expect(settings).toMatchObject({ name: 'Vereniging Ledenbeheer Demo', debitVersion: '02', leadDays: 2 });
    const payers = (core.ctx.sqlite.prepare(`SELECT count(*) AS n FROM payment_settings s JOIN relations r ON r.id = s.relation_id WHERE s.method = 'incasso' AND r.iban IS NOT NULL AND r.deleted_at IS NULL`).get() as { n: number }).n;
    expect(payers).toBeGreaterThan(100);
    const all = await core.call('mandates.list', { limit: 500 });
    expect(all.total).toBe(payers);
    expect((await core.call('mandates.list', { lapsed: true, limit: 500 })).total).toBeGreaterThan(0);
    expect((await core.call('mandates.list', { status: 'revoked', limit: 500 })).total).toBeGreaterThan(0);
    expect(all.rows.some((m) => m.pendingAmendments > 0)).toBe(true);
    // The mandates are in History under the demo's one operation.
    const kinds = core.ctx.sqlite.prepare(`SELECT DISTINCT o.kind FROM audit_log a JOIN operations o ON o.seq = a.operation WHERE a.table_name = 'sepa_mandates'`).all();
    expect(kinds).toEqual([{ kind: 'demo.generate' }]);
  });

  it('exported its two collection batches through the real builder: kept, XSD-valid files whose items the statement matched', async () => {
    const { rows } = await core.call('sepaBatches.list', { kind: 'collection', limit: 10 });
    expect(rows.map((b) => [b.msgId, b.transactionCount, b.fileKept])).toEqual([
      [expect.stringMatching(/^INC-\d{8}-01$/u), 4, true],
      [expect.stringMatching(/^INC-\d{8}-01$/u), 20, true],
    ]);
    for (const b of rows) {
      const file = await core.call('sepaBatches.file', { id: b.id });
      const xml = Buffer.from(file.bytes, 'base64');
      expect(xsdErrors(xml, 'pain.008.001.02')).toBe('');
      expect(xml.toString('utf8')).toContain(`<PmtInfId>${b.pmtInfIds[0]}</PmtInfId>`);
    }
    // The statement's batch credit was expanded through the older batch's PmtInfId; two of its debits came back.
    const older = rows[1]!;
    const entries = await core.call('bank.entries', { limit: 200 });
    const parent = entries.rows.find((e) => e.kind === 'batch')!;
    expect(parent).toMatchObject({ status: 'expanded', reason: { code: 'BATCH_EXPANDED', batch: older.pmtInfIds[0], count: 20 } });
    expect(entries.rows.filter((e) => e.parentEntryId === parent.id && e.reason.code === 'BATCH_E2E')).toHaveLength(20);
    expect(entries.rows.filter((e) => e.status === 'returned').map((e) => e.returnCode).sort()).toEqual(['AM04', 'MD06']);
  });
});
