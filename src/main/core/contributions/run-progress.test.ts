import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../../test/support/test-core';
import { schedule2027, setupClub } from './testing/contribution-fixture';

/** A run reports its steps as io.progressed events, and a cancel before the write leaves nothing written. */
let core: ReturnType<typeof createTestCore>;
let person: Awaited<ReturnType<typeof setupClub>>['person'];
beforeEach(async () => {
  core = createTestCore();
  ({ person } = await setupClub(core));
  for (let i = 0; i < 5; i++) await person({ name: `Lid ${i} Test`, birthDate: '1980-01-01' });
  await core.call('feeSchedules.save', { schedule: schedule2027({ household: null, oneOffCharges: [] }) });
});
afterEach(() => core.close());

const count = (table: string) => (core.ctx.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('contribution run progress and cancel', () => {
  it('reports read, compute and the write as steps of the job', async () => {
    const seen: string[] = [];
    core.onEvent((e) => {
      if (e.name === 'io.progressed' && e.payload.jobId === 'run-1') seen.push(`${e.payload.phase} ${e.payload.done}/${e.payload.total}`);
    });
    const r = await core.call('contributionRuns.run', { periodCode: '2027', invoiceDate: '2026-12-01', jobId: 'run-1' });
    expect(r.saved).toBe(true);
    expect(seen).toEqual(['run 0/3', 'run 1/3', 'run 2/3', 'commit 2/3', 'run 3/3']);
  });

  it.each([0, 1, 2])('cancelled after step %i: nothing written, no operation in History, and it can run again', async (step) => {
    const before = { invoices: count('invoices'), operations: count('operations'), runs: count('contribution_runs'), audit: count('audit_log') };
    core.onEvent((e) => {
      if (e.name === 'io.progressed' && e.payload.jobId === 'run-2' && e.payload.done === step && e.payload.phase === 'run') void core.call('io.cancel', { jobId: 'run-2' });
    });
    await expect(core.call('contributionRuns.run', { periodCode: '2027', invoiceDate: '2026-12-01', jobId: 'run-2' })).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'CANCELLED' } });
    expect({ invoices: count('invoices'), operations: count('operations'), runs: count('contribution_runs'), audit: count('audit_log') }).toEqual(before);
    const again = await core.call('contributionRuns.run', { periodCode: '2027', invoiceDate: '2026-12-01', jobId: 'run-3' });
    expect(again).toMatchObject({ saved: true, invoiceCount: 5 });
  });

  it('refuses to save when something else was written between reading and writing', async () => {
    core.onEvent((e) => {
      if (e.name === 'io.progressed' && e.payload.jobId === 'run-4' && e.payload.done === 1) void core.call('relations.create', { kind: 'person', fields: { firstName: 'Iemand', lastName: 'Tussendoor' } });
    });
    await expect(core.call('contributionRuns.run', { periodCode: '2027', invoiceDate: '2026-12-01', jobId: 'run-4' })).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'RUN_DATA_CHANGED' } });
    expect(count('invoices')).toBe(0);
  });
});

describe('committing the plan of a dry run', () => {
  const run = (extra: Record<string, unknown>) => core.call('contributionRuns.run', { periodCode: '2027', invoiceDate: '2026-12-01', itemLimit: 100, ...extra });

  it('writes exactly what the dry run showed, numbers included, and the plan commits once', async () => {
    const preview = await run({ dryRun: true });
    expect(preview.planId).toEqual(expect.any(String));
    expect(count('invoices')).toBe(0);
    const done = await run({ dryRun: false, planId: preview.planId });
    expect(done).toMatchObject({ saved: true, invoiceCount: preview.invoiceCount, totalCents: preview.totalCents, planId: null });
    expect(done.invoices).toEqual(preview.invoices);
    const stored = core.ctx.sqlite.prepare('SELECT number, total_cents AS totalCents FROM invoices ORDER BY sequence').all();
    expect(stored).toEqual(preview.invoices.map((i) => ({ number: i.number, totalCents: i.totalCents })));
    await expect(run({ dryRun: false, planId: preview.planId })).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'RUN_PLAN_EXPIRED' } });
    expect(count('invoices')).toBe(preview.invoiceCount);
  });

  it('refuses the plan when anything was saved after the dry run, or for another period or date', async () => {
    const preview = await run({ dryRun: true });
    await expect(core.call('contributionRuns.run', { periodCode: '2027', invoiceDate: '2026-12-02', dryRun: false, planId: preview.planId! })).rejects.toMatchObject({
      details: { reason: 'RUN_PLAN_MISMATCH' },
    });
    await core.call('relations.create', { kind: 'person', fields: { firstName: 'Iemand', lastName: 'Later' } });
    await expect(run({ dryRun: false, planId: preview.planId })).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'RUN_DATA_CHANGED' } });
    expect(count('invoices')).toBe(0);
  });

  it('holds no plan for a dry run with problems', async () => {
    const id = await person({ name: 'Zonder Iban', birthDate: '1980-01-01' });
    await core.call('paymentSettings.set', { relationId: id, settings: { method: 'incasso' } });
    const preview = await run({ dryRun: true });
    expect(preview.problems.map((p) => p.code)).toEqual(['DEBIT_WITHOUT_IBAN']);
    expect(preview.planId).toBeNull();
  });
});
