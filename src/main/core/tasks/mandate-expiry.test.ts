import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../../test/support/test-core';

let core: ReturnType<typeof createTestCore>;
afterEach(() => core.close());

const expiryTasks = () =>
  core.ctx.sqlite.prepare(`SELECT title, due_date AS due, done_at AS doneAt FROM tasks WHERE system_key LIKE 'mandate-expiry:%' ORDER BY title`).all() as {
    title: string;
    due: string;
    doneAt: string | null;
  }[];

describe('a mandate nearing its 36-month lapse', () => {
  it('becomes a task for the treasurer, and the task closes itself when the mandate is used again', async () => {
    core = createTestCore(); // today = 2026-11-22
    const anna = (await core.call('relations.create', { kind: 'person', fields: { firstName: 'Anna', lastName: 'Bos', iban: 'NL91ABNA0417164300' } })).id;
    const bert = (await core.call('relations.create', { kind: 'person', fields: { firstName: 'Bert', lastName: 'Vos', iban: 'NL44RABO0123456789' } })).id;
    // Anna's was signed 35 months ago and never used: it lapses on 22-12-2026. Bert's is recent.
    await core.call('mandates.create', { relationId: anna, reference: 'LID-ANNA-1', signedOn: '2023-12-22', iban: 'NL91ABNA0417164300' });
    await core.call('mandates.create', { relationId: bert, reference: 'LID-BERT-1', signedOn: '2026-01-10', iban: 'NL44RABO0123456789' });
    await core.call('tasks.count', {});
    expect(expiryTasks()).toEqual([{ title: 'Machtiging LID-ANNA-1 vervalt op 22-12-2026', due: '2026-12-08', doneAt: null }]);

    // A collection uses it: the lapse moves three years on, and the task is done.
    core.ctx.write('test.seed', null, () => {
      core.ctx.sqlite.prepare(`UPDATE sepa_mandates SET last_used_on = '2026-11-20' WHERE reference = 'LID-ANNA-1'`).run();
    });
    await core.call('tasks.count', {});
    expect(expiryTasks()).toEqual([{ title: 'Machtiging LID-ANNA-1 vervalt op 22-12-2026', due: '2026-12-08', doneAt: '2026-11-22' }]);
  });

  it('expires a mandate last used on 29 February on 28 February, the same day in the task, the list and the card', async () => {
    core = createTestCore();
    const cor = (await core.call('relations.create', { kind: 'person', fields: { firstName: 'Cor', lastName: 'Smit', iban: 'NL91ABNA0417164300' } })).id;
    const m = await core.call('mandates.create', { relationId: cor, reference: 'LID-COR-1', signedOn: '2024-02-29', iban: 'NL91ABNA0417164300' });
    // 2027 has no 29 February: 36 months after it is the last day of February (addYears), not 1 March.
    expect(m.expiresOn).toBe('2027-02-28');
    core.clock.set('2027-01-15');
    await core.call('tasks.count', {});
    expect(expiryTasks()).toEqual([{ title: 'Machtiging LID-COR-1 vervalt op 28-2-2027', due: '2027-02-14', doneAt: null }]);
    const lapsedIds = async () => (await core.call('mandates.list', { lapsed: true })).rows.map((r) => r.id);
    core.clock.set('2027-02-28');
    expect((await core.call('mandates.list', { relationId: cor })).rows[0]).toMatchObject({ lapsed: false });
    expect(await lapsedIds()).toEqual([]);
    // The day after: lapsed on the card and in the list's filter alike.
    core.clock.set('2027-03-01');
    expect((await core.call('mandates.list', { relationId: cor })).rows[0]).toMatchObject({ lapsed: true });
    expect(await lapsedIds()).toEqual([m.id]);
    expect((await core.call('mandates.list', { lapsed: false })).rows.map((r) => r.id)).toEqual([]);
  });
});
