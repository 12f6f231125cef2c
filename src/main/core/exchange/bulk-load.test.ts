import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../../test/support/test-core';
import type { Core } from '../create-core';
import { bulkLoad } from './bulk-load';
import { suspendInsertAudit } from './set-based-audit';
import { USER_TABLES } from './user-tables';
import { SEARCH_TRIGGER_NAMES } from '../db/search-index';

let core: Core;
afterEach(() => core?.close());

const person = (n: number, extra: Record<string, unknown> = {}) => ({
  id: `rel-${n}`,
  kind: 'person' as const,
  number: n,
  initials: 'J.',
  firstName: 'Jan',
  infix: 'van der',
  lastName: `Meer${n}`,
  exactName: false,
  gender: 'm' as const,
  email: `jan${n}@example.nl`,
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
  ...extra,
});

const schemaSql = (c: Core) =>
  // sqlite_stat1 is SQLite's own planner statistics (ANALYZE after a load), not our schema.
  c.ctx.sqlite.prepare(`SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_stat%' ORDER BY type, name`).all();

describe('bulk load', () => {
  it('takes the set-based audit path for every user table (the trigger SQL still has the expected shape)', () => {
    core = createTestCore();
    const { sqlite } = core.ctx;
    sqlite.exec('BEGIN');
    try {
      for (const t of USER_TABLES) expect(suspendInsertAudit(sqlite, t.name), t.name).not.toBeNull();
    } finally {
      sqlite.exec('ROLLBACK');
    }
  });

  it('writes exactly the audit rows the triggers would have written', async () => {
    core = createTestCore();
    const { sqlite } = core.ctx;
    core.ctx.write('test.bulk', null, () => bulkLoad(core.ctx, (l) => l.insert('relations', person(1))));
    const bulk = sqlite.prepare(`SELECT table_name, record_id, relation_id, action, field, old_value, new_value FROM audit_log WHERE record_id = 'rel-1'`).all();
    core.ctx.write('test.delete', null, () => sqlite.prepare(`DELETE FROM relations WHERE id = 'rel-1'`).run());
    core.ctx.write('test.trigger', null, () =>
      sqlite
        .prepare(`INSERT INTO relations (id, kind, number, initials, first_name, infix, last_name, exact_name, gender, email, display_name, sort_key, created_at, updated_at)
                  VALUES ('rel-1', 'person', 1, 'J.', 'Jan', 'van der', 'Meer1', 0, 'm', 'jan1@example.nl', 'x', 'x', 1700000000000, 1700000000000)`)
        .run(),
    );
    const viaTrigger = sqlite
      .prepare(`SELECT table_name, record_id, relation_id, action, field, old_value, new_value FROM audit_log a
                 JOIN operations o ON o.seq = a.operation WHERE record_id = 'rel-1' AND o.kind = 'test.trigger'`)
      .all();
    expect(bulk).toEqual(viaTrigger);
  });

  it('writes rows in groups: every row lands in order, audited, children before their parents are fine, flush makes them readable', () => {
    core = createTestCore();
    const { sqlite } = core.ctx;
    const count = (sql: string) => sqlite.prepare(sql).pluck().get() as number;
    let readable = -1;
    core.ctx.write('test.bulk', null, () =>
      bulkLoad(core.ctx, (l) => {
        for (let n = 1; n <= 70; n++) {
          // Relations go in 32 at a time and addresses too, so an address may be written before its relation is.
          if (n % 3 === 0) l.insert('addresses', { id: `adr-${n}`, relationId: `rel-${n}`, type: 'home', street: 'Oudegracht', houseNumber: n, postcode: '3511 AB', city: 'Utrecht', createdAt: 1, updatedAt: 1 });
          l.insert('relations', person(n));
        }
        l.flush();
        readable = count('SELECT count(*) FROM relations');
      }),
    );
    expect(readable).toBe(70);
    expect(sqlite.prepare('SELECT number FROM relations ORDER BY rowid').pluck().all()).toEqual(Array.from({ length: 70 }, (_, i) => i + 1));
    expect(count('SELECT count(*) FROM addresses a JOIN relations r ON r.id = a.relation_id')).toBe(23);
    expect(count(`SELECT count(DISTINCT record_id) FROM audit_log WHERE table_name = 'relations' AND action = 'insert'`)).toBe(70);
    expect(count(`SELECT count(DISTINCT record_id) FROM audit_log WHERE table_name = 'addresses' AND action = 'insert'`)).toBe(23);
  });

  it('derives display name and sort key, and rebuilds the search index once', async () => {
    core = createTestCore();
    core.ctx.write('test.bulk', null, () =>
      bulkLoad(core.ctx, (l) => {
        for (let n = 1; n <= 50; n++) l.insert('relations', person(n));
        l.insert('addresses', { id: 'adr-7', relationId: 'rel-7', type: 'home', street: 'Oudegracht', houseNumber: 1, postcode: '3511 AB', city: 'Utrecht', createdAt: 1, updatedAt: 1 });
      }),
    );
    const card = await core.call('relations.get', { id: 'rel-3' });
    expect(card.displayName).toBe('Jan van der Meer3');
    expect((await core.call('relations.search', { query: 'meer49', limit: 5 })).rows.map((r) => r.id)).toEqual(['rel-49']);
    expect((await core.call('relations.search', { query: 'oudegr', limit: 5 })).rows.map((r) => r.id)).toEqual(['rel-7']);
    // The search triggers are back: a normal edit afterwards is indexed again.
    await core.call('relations.update', { id: 'rel-3', fields: { firstName: 'Piet', lastName: 'Zwaluw' } });
    expect((await core.call('relations.search', { query: 'zwaluw', limit: 5 })).rows.map((r) => r.id)).toEqual(['rel-3']);
    const triggers = core.ctx.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger'`).all() as { name: string }[];
    expect(triggers.map((t) => t.name)).toEqual(expect.arrayContaining([...SEARCH_TRIGGER_NAMES, 'audit_relations_insert', 'audit_addresses_insert']));
  });

  it('leaves the schema exactly as it was after deferring indexes', () => {
    core = createTestCore();
    const before = schemaSql(core);
    core.ctx.write('test.bulk', null, () =>
      bulkLoad(core.ctx, (l) => {
        for (let n = 1; n <= 20; n++) l.insert('relations', person(n));
      }, { deferIndexes: true }),
    );
    expect(schemaSql(core)).toEqual(before);
  });

  it('rolls the whole operation back when the load fails, triggers and all', () => {
    core = createTestCore();
    const before = schemaSql(core);
    const ops = core.ctx.sqlite.prepare('SELECT count(*) AS n FROM operations').pluck();
    const opsBefore = ops.get();
    expect(() =>
      core.ctx.write('test.bulk', null, () =>
        bulkLoad(core.ctx, (l) => {
          l.insert('relations', person(1));
          l.insert('relations', person(2, { number: 1 }));
        }, { deferIndexes: true }),
      ),
    ).toThrow(/UNIQUE/);
    expect(core.ctx.sqlite.prepare('SELECT count(*) FROM relations').pluck().get()).toBe(0);
    expect(ops.get()).toBe(opsBefore);
    expect(schemaSql(core)).toEqual(before);
  });

  it('refuses to run outside an operation', () => {
    core = createTestCore();
    expect(() => bulkLoad(core.ctx, () => undefined)).toThrow(/inside ctx.write/);
  });
});
