import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../../test/support/test-core';
import { insertRows } from './bulk-insert';

let core: ReturnType<typeof createTestCore>;
afterEach(() => core.close());

const COLUMNS = ['id', 'parent_id', 'name', 'position', 'created_at'];
const tag = (id: string, parent: string | null = null) => [id, parent, `Tag ${id}`, 0, 0];

describe('insertRows (multi-row INSERTs)', () => {
  it('lands the rows as one INSERT each would: in order, across statement boundaries, each audited by its trigger', () => {
    core = createTestCore();
    const sqlite = core.ctx.sqlite;
    // 70 rows: two full statements of 32 and a remainder of 6; later rows name earlier ones as parent.
    const rows = Array.from({ length: 70 }, (_, i) => tag(`t${String(i).padStart(3, '0')}`, i > 0 ? 't000' : null));
    core.ctx.write('test.seed', null, () => insertRows(sqlite, 'tags', COLUMNS, rows));
    expect(sqlite.prepare('SELECT id FROM tags ORDER BY rowid').pluck().all()).toEqual(rows.map((r) => r[0]));
    expect(sqlite.prepare(`SELECT count(*) FROM audit_log WHERE table_name = 'tags' AND action = 'insert'`).pluck().get()).toBe(70);
  });

  it('applies every constraint per row: a duplicate key or a missing parent fails the operation and nothing stays', () => {
    core = createTestCore();
    const sqlite = core.ctx.sqlite;
    const rows = Array.from({ length: 40 }, (_, i) => tag(`x${i}`));
    rows[35] = tag('x3'); // a duplicate primary key, in the remainder statement
    expect(() => core.ctx.write('test.seed', null, () => insertRows(sqlite, 'tags', COLUMNS, rows))).toThrow(/UNIQUE/);
    const orphans = Array.from({ length: 40 }, (_, i) => tag(`y${i}`, i === 10 ? 'nobody' : null));
    expect(() => core.ctx.write('test.seed', null, () => insertRows(sqlite, 'tags', COLUMNS, orphans))).toThrow(/FOREIGN KEY/);
    expect(sqlite.prepare('SELECT count(*) FROM tags').pluck().get()).toBe(0);
  });
});
