import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../../test/support/test-core';
import { AUDITED_TABLES } from './audit-triggers';
import { getTableConfig } from 'drizzle-orm/sqlite-core';

let core: ReturnType<typeof createTestCore>;
afterEach(() => core.close());

/**
 * Inserts keep no row image (compact history): History shows the record as it was created,
 * rebuilt from the live row — or its delete image — with every later update reversed.
 */
describe('the image of an insert, rebuilt', () => {
  const created = async (kind: string) => {
    const op = (await core.call('audit.operations', { kind })).rows[0]!;
    return op.entries.filter((e) => e.tableName === 'relations' && e.action === 'insert').map((e) => JSON.parse(e.newValue!) as Record<string, unknown>);
  };

  it('is the record as it was created, after later edits, after its deletion, and in the person\'s own History', async () => {
    core = createTestCore();
    const jan = await core.call('relations.create', { kind: 'person', fields: { firstName: 'Jan', infix: 'de', lastName: 'Vries', email: 'jan@vries.nl' } });
    const stored = core.ctx.sqlite.prepare(`SELECT new_value FROM audit_log WHERE table_name = 'relations' AND action = 'insert'`).pluck().all();
    expect(stored).toEqual([null]);
    const [first] = await created('relations.create');
    expect(first).toMatchObject({ kind: 'person', first_name: 'Jan', infix: 'de', last_name: 'Vries', email: 'jan@vries.nl', number: jan.number });
    expect(first).not.toHaveProperty('id');
    expect(Object.values(first!)).not.toContain(null);

    // Two edits later (one clears a field, one sets a new one), the insert still shows the start.
    await core.call('relations.update', { id: jan.id, fields: { firstName: 'Johannes', lastName: 'Vries', phone: '0612345678' } });
    await core.call('relations.update', { id: jan.id, fields: { firstName: 'Jan', lastName: 'Vries', email: 'jan@nieuw.nl', phone: '0612345678' } });
    expect(await created('relations.create')).toEqual([first]);

    // Deleted for good: rebuilt from the delete image.
    await core.call('relations.delete', { id: jan.id });
    await core.call('relations.emptyTrash', { ids: [jan.id] });
    expect(core.ctx.sqlite.prepare('SELECT count(*) FROM relations').pluck().get()).toBe(0);
    expect(await created('relations.create')).toEqual([first]);
    // The person's own History and its record label come from the same rebuilt image.
    const own = await core.call('audit.forRelation', { relationId: jan.id, offset: 0, limit: 50 });
    expect(own.rows.find((e) => e.action === 'insert')?.newValue).toBe(JSON.stringify(first));
  });

  it('equals the image the insert trigger used to store, for every logged column type', async () => {
    core = createTestCore();
    const jan = await core.call('relations.create', { kind: 'person', fields: { firstName: 'Jan', lastName: 'Vries', birthDate: '1961-07-03', iban: 'NL91ABNA0417164300' } });
    // What the old trigger wrote: json_object of the logged columns, without id and nulls.
    const cols = getTableConfig(AUDITED_TABLES[0]!.table).columns.map((c) => c.name).filter((c) => !['id', 'created_at', 'updated_at', 'display_name', 'sort_key'].includes(c));
    const full = core.ctx.sqlite.prepare(`SELECT json_object(${cols.map((c) => `'${c}', ${c}`).join(', ')}) FROM relations WHERE id = ?`).pluck().get(jan.id) as string;
    const expected = Object.fromEntries(Object.entries(JSON.parse(full) as Record<string, unknown>).filter(([, v]) => v !== null));
    await core.call('relations.update', { id: jan.id, fields: { firstName: 'Jan', lastName: 'Vries', birthDate: '1962-01-01' } });
    await core.call('relations.setNumber', { id: jan.id, number: 4321 });
    const [image] = await created('relations.create');
    expect(image).toEqual(expected);
    expect(typeof image!['number']).toBe('number');
  });
});
