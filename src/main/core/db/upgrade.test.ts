import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/support/test-core';
import Database from 'better-sqlite3';
import { createCore } from '../create-core';
import { readRowImage } from './row-image';

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
    const history = core.ctx.sqlite.prepare(`SELECT count(*) AS n FROM audit_log l JOIN operations o ON o.seq = l.operation WHERE o.actor = 'fixture'`).get();
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

  it('compacts the history of a version-1 file losslessly; History and undo still work on it', async () => {
    const file = copyFixture('admin-v1.sqlite');
    type Row = { id: number; action: string; recordId: string; oldValue: string | null; newValue: string | null };
    const read = (db: Database.Database) =>
      db.prepare(`SELECT id, action, record_id AS recordId, old_value AS oldValue, new_value AS newValue FROM audit_log ORDER BY id`).all() as Row[];
    const raw = new Database(file, { readonly: true });
    const before = read(raw);
    raw.close();
    // The old images are full: every column, nulls included.
    expect(before.some((r) => r.newValue?.includes(':null'))).toBe(true);

    const core = createCore({ file, actor: 'test' });
    expect(core.migrated.applied).toContain('0009_compact_audit_images');
    const after = read(core.ctx.sqlite);
    expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
    let shrunk = 0;
    for (const [i, old] of before.entries()) {
      const now = after[i]!;
      for (const key of ['oldValue', 'newValue'] as const) {
        const image = old[key];
        const compact = now[key];
        if (old.action === 'update' || image === null) {
          expect(compact).toBe(image);
          continue;
        }
        expect(Object.values(JSON.parse(compact!) as object)).not.toContain(null);
        expect(JSON.parse(compact!)).not.toHaveProperty('id');
        // Lossless: read back with the table's columns, it is the row the old image held.
        const full = JSON.parse(image) as Record<string, unknown>;
        const columns = Object.keys(full).map((name) => ({ name, notNull: false }));
        expect(readRowImage(compact!, old.recordId, columns)).toEqual(full);
        shrunk += image.length - compact!.length;
      }
    }
    expect(shrunk).toBeGreaterThan(10_000);

    // History reads the compact images: the fixture's deleted address and its import are named.
    const ops = await core.call('audit.operations', { offset: 0, limit: 10 });
    const fixtureEdit = ops.rows.find((o) => o.kind === 'relations.update');
    expect(fixtureEdit?.entries.map((e) => e.action).sort()).toEqual(['delete', 'delete', 'update', 'update']);
    const deletedAddress = fixtureEdit!.entries.find((e) => e.tableName === 'addresses')!;
    expect(deletedAddress.recordLabel).toMatch(/\d/);
    expect(JSON.parse(deletedAddress.oldValue!)).toMatchObject({ city: expect.any(String) });

    // Undo of the fixture's import still works from the converted log.
    const importOp = ops.rows.find((o) => o.kind === 'io.import')!;
    expect((await core.call('audit.undoStatus', { operationIds: [importOp.id] })).rows[0]).toMatchObject({ state: 'undoable' });
    const relationsBefore = (await core.call('relations.list', {})).total;
    await core.call('audit.undo', { operationId: importOp.id });
    expect((await core.call('relations.list', {})).total).toBe(relationsBefore - 2);

    // New changes are logged compactly by the triggers.
    const newest = core.ctx.sqlite.prepare(`SELECT action, old_value AS o FROM audit_log WHERE action = 'delete' ORDER BY id DESC LIMIT 1`).get() as { o: string };
    expect(Object.values(JSON.parse(newest.o) as object)).not.toContain(null);
    expect(JSON.parse(newest.o)).not.toHaveProperty('id');
    core.close();
  });
});
