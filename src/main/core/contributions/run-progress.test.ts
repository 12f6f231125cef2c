import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../../test/support/test-core';
import { schedule2027, setupClub } from './testing/contribution-fixture';

/** A run reports its steps as io.progressed events, and a cancel before the write leaves nothing written. */
let core: ReturnType<typeof createTestCore>;
beforeEach(async () => {
  core = createTestCore();
  const { person } = await setupClub(core);
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
