import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, tempDir } from '../../../../test/support/test-core';
import { AUDITED_TABLES, UNAUDITED_TABLES } from './audit-triggers';
import { SEARCH_TRIGGER_NAMES } from './search-index';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import { createCore } from '../create-core';

let tmp: ReturnType<typeof tempDir> | undefined;
afterEach(() => tmp?.cleanup());

describe('opening an administration', () => {
  it('has audit triggers on every user table, so no table can be written unaudited', () => {
    const core = createTestCore();
    const tables = (core.ctx.sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' AND name NOT LIKE 'relations_fts%'`)
      .all() as { name: string }[]).map((t) => t.name);
    const audited = AUDITED_TABLES.map((t) => getTableConfig(t.table).name);
    expect([...audited, ...UNAUDITED_TABLES].sort()).toEqual(tables.sort());
    const triggers = new Set((core.ctx.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger'`).all() as { name: string }[]).map((t) => t.name));
    for (const t of audited) for (const ev of ['insert', 'update', 'delete']) expect(triggers.has(`audit_${t}_${ev}`), `${t} ${ev}`).toBe(true);
    for (const name of SEARCH_TRIGGER_NAMES) expect(triggers.has(name), name).toBe(true);
    core.close();
  });

  it('recreates dropped search triggers and rebuilds the index on the next open', async () => {
    tmp = tempDir();
    const file = path.join(tmp.dir, 'adm.sqlite');
    const first = createCore({ file, actor: 't' });
    await first.call('relations.create', { kind: 'person', fields: { firstName: 'Klaas', lastName: 'Vaak' } });
    // What a drizzle-kit table rebuild does to triggers:
    first.ctx.sqlite.exec('DROP TRIGGER fts_relations_insert; DROP TABLE relations_fts;');
    first.close();
    const second = createCore({ file, actor: 't' });
    expect((await second.call('relations.search', { query: 'klaas' })).rows).toHaveLength(1);
    await second.call('relations.create', { kind: 'person', fields: { firstName: 'Klaasje', lastName: 'Maas' } });
    expect((await second.call('relations.search', { query: 'klaas' })).rows).toHaveLength(2);
    second.close();
  });

  it('uses WAL and foreign keys on a file', () => {
    tmp = tempDir();
    const core = createCore({ file: path.join(tmp.dir, 'a.sqlite'), actor: 't' });
    expect(core.ctx.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(core.ctx.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    core.close();
  });
});
