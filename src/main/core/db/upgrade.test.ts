import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/support/test-core';
import { createCore } from '../create-core';

/**
 * Upgrades from fixture files written by earlier versions of the app (test/fixtures/admin-vN.sqlite,
 * each made by that version's own code). Every released schema version gets one.
 */
const FIXTURES = path.resolve(import.meta.dirname, '../../../../test/fixtures');

let tmp: ReturnType<typeof tempDir>;
afterEach(() => tmp?.cleanup());

function copyFixture(name: string): string {
  tmp = tempDir();
  const file = path.join(tmp.dir, name);
  fs.copyFileSync(path.join(FIXTURES, name), file);
  return file;
}

describe('upgrading an administration', () => {
  it('brings a version-0 file up to date without losing a row, after backing it up', async () => {
    const file = copyFixture('admin-v0.sqlite');
    const count = (core: ReturnType<typeof createCore>, table: string) =>
      (core.ctx.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

    const core = createCore({ file, actor: 'test' });
    expect(core.migrated.applied.length).toBeGreaterThan(0);
    expect(core.migrated.backup && fs.existsSync(core.migrated.backup)).toBe(true);
    expect(count(core, 'relations')).toBe(3);
    expect(count(core, 'addresses')).toBe(2);
    expect(count(core, 'relation_links')).toBe(1);
    expect(count(core, 'relation_tags')).toBe(1);
    expect(count(core, 'custom_values')).toBe(1);
    const history = core.ctx.sqlite.prepare(`SELECT count(*) AS n FROM audit_log l JOIN operations o ON o.id = l.operation_id WHERE o.actor = 'fixture'`).get();
    expect(history).toEqual({ n: 26 });
    expect(core.ctx.sqlite.pragma('foreign_key_check')).toEqual([]);

    const [jan] = (await core.call('relations.search', { query: 'vries' })).rows;
    expect(jan?.city).toBe('Maastricht');
    const card = await core.call('relations.get', { id: jan!.id });
    expect(card.addresses.map((a) => [a.street, a.validFrom, a.validTo])).toEqual(
      expect.arrayContaining([
        ['Oudegracht', '2010-01-01', '2020-03-01'],
        ['Markt', '2020-03-01', null],
      ]),
    );
    expect(card.links[0]).toMatchObject({ otherDisplayName: 'Bakkerij Brood BV', function: 'Bakker' });
    expect(card.customValues).toEqual([expect.objectContaining({ code: 'shirtmaat', value: 'L' })]);
    expect((await core.call('relations.search', { query: 'zoe' })).rows).toHaveLength(1);
    core.close();

    const again = createCore({ file, actor: 'test' });
    expect(again.migrated).toEqual({ applied: [], backup: null });
    again.close();
  });
});
