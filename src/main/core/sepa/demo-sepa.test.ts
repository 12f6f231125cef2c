import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../../test/support/test-core';
import { generateDemo } from '../demo/generate-demo';

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
});
