import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/support/test-core';
import Database from 'better-sqlite3';
import { createCore } from '../create-core';
import { readRowImage, withCreatedImages } from './row-image';
import { idTextSql } from './audit-keys';

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
    // Since 0011 an insert keeps no image when the record gives it back: read as History does.
    const after = withCreatedImages(
      core.ctx.sqlite,
      core.ctx.sqlite
        .prepare(`SELECT id, table_name AS tableName, action, ${idTextSql('record_id')} AS recordId, old_value AS oldValue, new_value AS newValue FROM audit_log ORDER BY id`)
        .all() as (Row & { tableName: string })[],
    );
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

  it('converts the audit keys of a version-2 file (0011): every audit row survives, History and undo still work', async () => {
    const file = copyFixture('admin-v2.sqlite');
    const ops = `SELECT id, kind, actor, at, summary FROM operations ORDER BY rowid`;
    const rows = (op: string, record: string, relation: string) =>
      `SELECT l.id, o.id AS operationId, l.table_name AS tableName, ${record} AS recordId, ${relation} AS relationId,
              l.action, l.field, l.old_value AS oldValue, l.new_value AS newValue
         FROM audit_log l JOIN operations o ON ${op} ORDER BY l.id`;
    const size = fs.statSync(file).size;
    const raw = new Database(file, { readonly: true });
    const before = raw.prepare(rows('o.id = l.operation_id', 'l.record_id', 'l.relation_id')).all() as Record<string, unknown>[];
    const opsBefore = raw.prepare(ops).all();
    raw.close();
    expect(before.length).toBeGreaterThan(600);
    expect(new Set(before.map((r) => r['action']))).toEqual(new Set(['insert', 'update', 'delete']));

    const core = createCore({ file, actor: 'test' });
    // The two migrations after version 2 that this test is about (later ones may follow).
    expect(core.migrated.applied.slice(0, 2)).toEqual(['0010_memberships_end_index', '0011_compact_audit_keys']);
    // The SEPA migrations after them run on a version-2 file too (the invoices' triggers set aside for the column drop).
    expect(core.migrated.applied).toEqual(expect.arrayContaining(['0013_invoice_triggers_aside', '0014_sepa_file_kept']));
    const sqlite = core.ctx.sqlite;
    // Every row, in order, with its operation, ids and images as they were; an insert image
    // the record and its later changes give back exactly is dropped (rebuilt when read).
    const after = sqlite.prepare(rows('o.seq = l.operation', idTextSql('l.record_id'), idTextSql('l.relation_id'))).all() as Record<string, unknown>[];
    expect(after.map(({ newValue: _n, ...r }) => r)).toEqual(before.map(({ newValue: _n, ...r }) => r));
    const rebuilt = withCreatedImages(sqlite, after as never[]) as Record<string, unknown>[];
    const image = (r: Record<string, unknown>) => (r['action'] === 'insert' ? JSON.parse(String(r['newValue'])) : r['newValue']);
    expect(rebuilt.map(image)).toEqual(before.map(image));
    const inserts = before.filter((r) => r['action'] === 'insert').length;
    const dropped = after.filter((r) => r['action'] === 'insert' && r['newValue'] === null).length;
    expect(dropped).toBeGreaterThan(inserts * 0.9);
    // …and the file is vacuumed after it, so it is smaller at once.
    expect(fs.statSync(file).size).toBeLessThan(size);
    expect(sqlite.prepare(ops).all()).toEqual(opsBefore);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    // Compact: UUIDs became 16-byte blobs; the fixture's own text ids ('lid', …) stayed text.
    const stored = sqlite.prepare(`SELECT typeof(record_id) AS type, length(record_id) AS len, count(*) AS n FROM audit_log GROUP BY 1, 2 ORDER BY 1`).all();
    const uuids = before.filter((r) => /^[0-9a-f-]{36}$/.test(String(r['recordId']))).length;
    expect(stored).toEqual(expect.arrayContaining([{ type: 'blob', len: 16, n: uuids }]));
    expect(uuids).toBeLessThan(before.length);

    // History names the fixture's operations and its records, from the converted rows.
    const history = await core.call('audit.operations', { offset: 0, limit: 50 });
    const merge = history.rows.find((o) => o.kind === 'dedupe.merge')!;
    const imported = history.rows.find((o) => o.kind === 'io.import')!;
    expect(imported.entries.filter((e) => e.tableName === 'relations').map((e) => JSON.parse(e.newValue!).last_name).sort()).toEqual(['Jansen', 'Visser']);
    const anna = (await core.call('relations.search', { query: 'Anna Smit' })).rows[0]!;
    const own = await core.call('audit.forRelation', { relationId: anna.id, offset: 0, limit: 100 });
    expect(own.rows.filter((e) => e.action === 'update' && e.field === 'email').map((e) => e.newValue)).toEqual(['anna@boer.nl']);

    // Undo still works on history written before the conversion. The merge undoes; the
    // import is in the way of the later delete and restore of one of its relations, as before.
    const undoable = await core.call('audit.undoStatus', { operationIds: [imported.id, merge.id] });
    expect(undoable.rows.find((r) => r.operationId === imported.id)?.conflicts.map((c) => c.kind)).toEqual(['relations.delete', 'relations.restore']);
    expect(undoable.rows.find((r) => r.operationId === merge.id)).toMatchObject({ state: 'undoable' });
    const total = (await core.call('relations.list', {})).total;
    await core.call('audit.undo', { operationId: merge.id });
    expect((await core.call('relations.search', { query: 'Anna Smit' })).rows).toHaveLength(2);
    expect((await core.call('relations.list', {})).total).toBe(total + 1);

    // The triggers were reinstalled on the new columns: a new change is recorded, compactly.
    await core.call('relations.update', { id: anna.id, fields: { firstName: 'Anna', lastName: 'Smit', email: 'anna@nieuw.nl', phone: '0612345678' } });
    const newest = sqlite.prepare(`SELECT typeof(record_id) AS type, operation, field, new_value AS n FROM audit_log ORDER BY id DESC LIMIT 1`).get();
    expect(newest).toEqual({ type: 'blob', operation: expect.any(Number), field: 'email', n: 'anna@nieuw.nl' });
    core.close();
  });

  it('stores the audit table and action as codes in a version-3 file (0015): rows, History, undo, triggers and foreign keys survive', async () => {
    const file = copyFixture('admin-v3.sqlite');
    // What the version-3 code showed in History for this very file (make-admin-v3.ts).
    const shown = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'admin-v3.sqlite.history.json'), 'utf8')) as {
      anna: string;
      operations: { id: string; kind: string }[];
      changes: Record<string, unknown[]>;
      own: unknown[];
    };
    const rows = `SELECT id, operation, table_name, hex(record_id) AS record, hex(relation_id) AS relation, action, field, old_value, new_value FROM audit_log ORDER BY id`;
    const schemaObjects = `SELECT type, name, tbl_name FROM sqlite_master WHERE type IN ('table', 'index', 'trigger') AND name NOT LIKE 'sqlite_%' ORDER BY type, name`;
    const foreignKeys = `SELECT m.name AS t, f."table" AS target, f."from", f."to", f.on_delete FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table' ORDER BY 1, 2, 3`;
    const size = fs.statSync(file).size;
    const raw = new Database(file, { readonly: true });
    const before = raw.prepare(rows).all();
    const objectsBefore = raw.prepare(schemaObjects).all();
    const keysBefore = raw.prepare(foreignKeys).all();
    const triggersBefore = raw.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'trigger'`).pluck().get() as number;
    raw.close();
    expect(before.length).toBeGreaterThan(600);
    expect(triggersBefore).toBeGreaterThan(140);

    const core = createCore({ file, actor: 'test' });
    expect(core.migrated.applied).toEqual(['0015_compact_audit_codes', '0016_sepa_pmt_inf_ids', '0017_derived_state']);
    const sqlite = core.ctx.sqlite;
    // Every audit row, in order, reads back as it was (table_name and action now generated from the codes).
    expect(sqlite.prepare(rows).all()).toEqual(before);
    const stored = sqlite.prepare(`SELECT typeof(table_code) AS t, typeof(action_code) AS a, count(*) AS n FROM audit_log GROUP BY 1, 2`).all();
    expect(stored).toEqual([{ t: 'integer', a: 'integer', n: before.length }]);
    // Every table, index and trigger is still there (the audit triggers recreated on the new columns), every foreign key too.
    // (0016 replaced one index of the batch items; 0017 added the derived state's table.)
    type SchemaObject = { type: string; name: string; tbl_name: string };
    const renamed = [
      ...(objectsBefore as SchemaObject[]).map((o) => (o.name === 'sepa_batch_items_batch_idx' ? { ...o, name: 'sepa_batch_items_pmt_inf_idx' } : o)),
      { type: 'table', name: 'derived_state', tbl_name: 'derived_state' },
    ];
    expect(sqlite.prepare(schemaObjects).all()).toEqual(renamed.sort((a, b) => a.type.localeCompare(b.type) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
    expect(sqlite.prepare(foreignKeys).all()).toEqual(keysBefore);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(sqlite.prepare(`SELECT sql FROM sqlite_master WHERE name = 'audit_record_idx'`).pluck().get()).toContain('`table_code`');
    // The copy is vacuumed away: the file is smaller at once.
    expect(fs.statSync(file).size).toBeLessThan(size);

    // History shows what the version-3 code showed.
    const operations = (await core.call('audit.operations', { offset: 0, limit: 200 })).rows;
    expect(operations).toEqual(shown.operations);
    for (const o of operations) expect((await core.call('audit.changes', { operationId: o.id, offset: 0, limit: 200 })).rows).toEqual(shown.changes[o.id]);
    expect((await core.call('audit.forRelation', { relationId: shown.anna, offset: 0, limit: 200 })).rows).toEqual(shown.own);
    // Filtering History by table goes through the code.
    const byTable = await core.call('audit.changes', { operationId: operations.find((o) => o.kind === 'demo.generate')!.id, table: 'addresses', offset: 0, limit: 5 });
    expect(byTable.total).toBeGreaterThan(0);
    expect(byTable.rows.every((e) => e.tableName === 'addresses')).toBe(true);

    // Undo still works on history written before the conversion.
    const merge = operations.find((o) => o.kind === 'dedupe.merge')!;
    expect((await core.call('audit.undoStatus', { operationIds: [merge.id] })).rows[0]).toMatchObject({ state: 'undoable' });
    const total = (await core.call('relations.list', {})).total;
    await core.call('audit.undo', { operationId: merge.id });
    expect((await core.call('relations.list', {})).total).toBe(total + 1);

    // A new change is recorded with the codes.
    await core.call('relations.update', { id: shown.anna, fields: { firstName: 'Anna', lastName: 'Smit', email: 'anna@nieuw.nl', phone: '0612345678' } });
    const newest = sqlite.prepare(`SELECT table_code, table_name, action_code, action, field, new_value FROM audit_log ORDER BY id DESC LIMIT 1`).get();
    expect(newest).toEqual({ table_code: 1, table_name: 'relations', action_code: 1, action: 'update', field: 'email', new_value: 'anna@nieuw.nl' });
    core.close();
  });
  it('records the PmtInfIds of each SEPA batch on the batch in a version-4 file (0016), and finds the items by PmtInfId', async () => {
    const file = copyFixture('admin-v4.sqlite');
    const raw = new Database(file, { readonly: true });
    const itemsOf = `SELECT batch_id AS batch, pmt_inf_id AS pmt, count(*) AS n FROM sepa_batch_items GROUP BY batch_id, pmt_inf_id ORDER BY batch_id, min(rowid)`;
    const items = raw.prepare(itemsOf).all() as { batch: string; pmt: string; n: number }[];
    const triggers = `SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name`;
    const triggersBefore = raw.prepare(triggers).pluck().all();
    const historyBefore = raw.prepare('SELECT count(*) FROM audit_log').pluck().get();
    raw.close();
    // The fixture's collection has two blocks (two due dates), so two PmtInfIds on one batch.
    expect(items.map((i) => i.n)).toEqual([2, 1]);

    const core = createCore({ file, actor: 'test' });
    expect(core.migrated.applied).toEqual(['0016_sepa_pmt_inf_ids', '0017_derived_state']);
    const sqlite = core.ctx.sqlite;
    const [batch] = (await core.call('sepaBatches.list', {})).rows;
    expect(batch!.pmtInfIds).toEqual(items.map((i) => i.pmt));
    expect(sqlite.prepare(itemsOf).all()).toEqual(items);
    // The batch entry of a statement is expanded through the new index, not by reading every item.
    const plan = sqlite.prepare(`EXPLAIN QUERY PLAN SELECT id FROM sepa_batch_items WHERE pmt_inf_id = ?`).all('x') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('sepa_batch_items_pmt_inf_idx');
    // The audit triggers are back (the backfill set the batches' update trigger aside), the history untouched, the keys intact.
    expect(sqlite.prepare(triggers).pluck().all()).toEqual(triggersBefore);
    expect(sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(historyBefore);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    core.close();
  });
});
