import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestClock } from '../../../../../test/support/test-core';
import type { Core } from '../../create-core';
import { DomainError } from '../../../../shared/errors';
import type { CoreEvent } from '../../../../shared/rpc';
import { PLAN_TTL_MS } from '../../plans/plan-store';

let core: Core & { clock: TestClock };
afterEach(() => core?.close());

const csv = (...lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8').toString('base64');
const members = (n: number) => csv('Lidnr;Voornaam;Achternaam;Postcode', ...Array.from({ length: n }, (_, i) => `${i + 1};Lid${i + 1};Jansen;3511 AB`));

async function failure(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

const relationCount = () => (core.ctx.sqlite.prepare('SELECT count(*) AS n FROM relations').get() as { n: number }).n;

describe('import as a held plan (the wizard: inspect, preview pages, commit)', () => {
  it('reads the file once, pages the preview from the plan and commits exactly that plan', async () => {
    core = createTestCore();
    const events: CoreEvent[] = [];
    core.onEvent((e) => events.push(e));
    const inspected = await core.call('io.inspectImport', { file: members(30), fileName: 'leden.csv' });
    const first = await core.call('io.planImport', { sourceId: inspected.source.planId, rowLimit: 10, jobId: 'plan' });
    expect(first.counts).toMatchObject({ rows: 30, create: 30 });
    const pages = [first.rows];
    for (const offset of [10, 20]) pages.push((await core.call('io.importPlanRows', { planId: first.plan.planId, rowOffset: offset, rowLimit: 10 })).rows);
    expect(pages.flat().map((r) => r.row)).toEqual(Array.from({ length: 30 }, (_, i) => i + 2));

    events.length = 0;
    const committed = await core.call('io.commitImportPlan', { planId: first.plan.planId, jobId: 'commit' });
    expect(committed.counts).toEqual(first.counts);
    expect(relationCount()).toBe(30);
    // Nothing was read, normalised or matched again: the only progress is the writing.
    const phases = new Set(events.filter((e) => e.name === 'import.progressed').map((e) => (e.payload as { phase: string }).phase));
    expect([...phases]).toEqual(['commit']);
    // A plan commits once.
    expect((await failure(core.call('io.commitImportPlan', { planId: first.plan.planId }))).details).toMatchObject({ reason: 'PLAN_EXPIRED' });
  });

  it('refuses the commit when anyone wrote between the preview and the commit, and writes nothing', async () => {
    core = createTestCore();
    const preview = await core.call('io.previewImport', { file: members(5), fileName: 'leden.csv', rowLimit: 0 });
    await core.call('relations.create', { kind: 'person', fields: { lastName: 'Tussendoor' } });
    const e = await failure(core.call('io.commitImportPlan', { planId: preview.plan.planId }));
    expect(e.code).toBe('CONFLICT');
    expect(e.details).toMatchObject({ reason: 'DATA_CHANGED_SINCE_PREVIEW' });
    expect(relationCount()).toBe(1);
    expect((core.ctx.sqlite.prepare("SELECT count(*) AS n FROM operations WHERE kind = 'io.import'").get() as { n: number }).n).toBe(0);
  });

  it('drops plans left unused and answers PLAN_EXPIRED', async () => {
    core = createTestCore();
    const inspected = await core.call('io.inspectImport', { file: members(3), fileName: 'leden.csv' });
    const plan = await core.call('io.planImport', { sourceId: inspected.source.planId });
    core.clock.advance(PLAN_TTL_MS + 1);
    expect((await failure(core.call('io.importPlanRows', { planId: plan.plan.planId }))).details).toMatchObject({ reason: 'PLAN_EXPIRED' });
    expect((await failure(core.call('io.planImport', { sourceId: inspected.source.planId }))).details).toMatchObject({ reason: 'PLAN_EXPIRED' });
    expect(core.ctx.plans.weight()).toBe(0);
  });
});
