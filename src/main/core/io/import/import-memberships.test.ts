import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestClock } from '../../../../../test/support/test-core';
import type { Core } from '../../create-core';
import { ioClient } from '../../../../../test/support/io/io-test-kit';

let core: Core & { clock: TestClock };
afterEach(() => core?.close());

const ROWS = 1_200;

/** A CSV of ROWS persons with member numbers 1..ROWS living in `city`. */
function members(city: string, postcode: string): string {
  const lines = ['Lidnr;Voornaam;Achternaam;Postcode;Woonplaats'];
  for (let i = 1; i <= ROWS; i++) lines.push(`${i};Lid${i};Achternaam${i};${postcode};${city}`);
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8').toString('base64');
}

const count = () => core.ctx.sqlite.prepare('SELECT count(*) FROM memberships').pluck().get() as number;

/** One organisation whose type 'lid' holds for everyone living in Utrecht. */
async function setup() {
  core = createTestCore();
  await core.call('membershipTypes.create', { code: 'lid', name: 'Lid', baseCondition: { type: 'address', cities: ['Utrecht'] } });
  await core.call('units.create', { unit: { name: 'Vereniging', startDate: '2000-01-01' }, parentId: null });
  return ioClient(core);
}

describe('memberships after a large import (more than 1,000 rows)', () => {
  it('are computed for every created relation', async () => {
    const io = await setup();
    await io('io.commitImport', { file: members('Utrecht', '3511 AB'), fileName: 'leden.csv' });
    expect(count()).toBe(ROWS);
    // The new periods' audit rows are written set-based: one per row, under the import, and the trigger is back.
    const audited = core.ctx.sqlite
      .prepare(`SELECT count(*) FROM audit_log a JOIN operations o ON o.seq = a.operation WHERE a.table_name = 'memberships' AND a.action = 'insert' AND o.kind = 'io.import'`)
      .pluck()
      .get();
    expect(audited).toBe(ROWS);
    expect(core.ctx.sqlite.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'audit_memberships_insert'`).pluck().get()).toBe(1);
  });

  it('follow an update of every row, and its undo', async () => {
    const io = await setup();
    await io('io.commitImport', { file: members('Amersfoort', '3811 AA'), fileName: 'leden.csv' });
    expect(count()).toBe(0);
    const moved = await io('io.commitImport', { file: members('Utrecht', '3511 AB'), fileName: 'verhuisd.csv' });
    expect(moved.counts.update).toBe(ROWS);
    expect(count()).toBe(ROWS);
    await io('io.undoImport', { operationId: moved.operationId });
    expect(count()).toBe(0);
  });
});
