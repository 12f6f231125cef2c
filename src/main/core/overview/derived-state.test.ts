import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../create-core';
import { testClock, tempDir } from '../../../../test/support/test-core';
import { generateDemo } from '../demo/generate-demo';
import { countConditions } from '../conditions/condition-engine';
import { keptSummary } from '../conditions/kept-results';
import { loadAllRecords } from '../dedupe/dedupe-records';
import { dismissedPairs, loadWeights, pairKey } from '../dedupe/dedupe-store';
import { keptScanState, suspectedPairs } from '../dedupe/kept-scan';
import { scanRecords } from '../dedupe/scan';
import { overviewFigures } from './overview-figures';

/**
 * Derived state that survives closing the file (db/derived-state.ts): the overview's kept
 * results, the duplicate scan's pairs and the open items are stored at close and read back on
 * the first overview after opening. Read back and brought up to date through the audit log,
 * they must give exactly what a fresh computation gives, whatever was written before and after.
 */
const ON = '2026-06-15';
const DATES = [ON, '2026-01-01', '2015-03-01'];
let dir: { dir: string; cleanup: () => void };
let file: string;
const open = (opts: { readOnly?: boolean; on?: string } = {}): Core => {
  const clock = testClock(`${opts.on ?? ON}T10:00:00`);
  return createCore({ file, now: clock.now, actor: 'test', checkOutput: true, ...(opts.readOnly ? { readOnly: true } : {}) });
};

beforeAll(() => {
  dir = tempDir();
  file = path.join(dir.dir, 'demo.sqlite');
  const clock = testClock(`${ON}T10:00:00`);
  const core = createCore({ file, now: clock.now, actor: 'test' });
  generateDemo(core, { relations: 700, seed: 42, today: ON });
  core.close();
});
afterAll(() => dir.cleanup());

type Overview = { figures: { key: string; count: number }[]; money: unknown };
const counts = (o: Overview) => Object.fromEntries(o.figures.map((f) => [f.key, f.count]));

/** The figures and money computed afresh: inside a transaction nothing is kept or read back (kept-results.ts, kept-scan.ts). */
function freshOverview(core: Core, on: string): Record<string, number> {
  return core.ctx.sqlite.transaction(() => {
    const figures = overviewFigures(core.ctx, { on, birthdayDays: 14, jubileeDays: 31 });
    const n = countConditions(core.ctx, figures);
    return Object.fromEntries(figures.map((f, i) => [f.key, n[i]!]));
  })();
}

function fullScan(core: Core): string[] {
  const ctx = core.ctx;
  return scanRecords(loadAllRecords(ctx), ctx.reference.infixes, loadWeights(ctx), dismissedPairs(ctx))
    .pairs.map((p) => pairKey(p.a.id, p.b.id))
    .sort();
}

async function agrees(core: Core, label: string): Promise<void> {
  for (const on of DATES) {
    const o = (await core.call('overview.get', { on })) as Overview;
    expect({ label, on, counts: counts(o) }).toEqual({ label, on, counts: freshOverview(core, on) });
  }
  expect({ label, pairs: [...suspectedPairs(core.ctx)].sort() }).toEqual({ label, pairs: fullScan(core) });
}

const stored = (core: Core) => core.ctx.sqlite.prepare('SELECT name, hex(data) AS data FROM derived_state ORDER BY name').all();
const storedNames = (core: Core) => (core.ctx.sqlite.prepare('SELECT name FROM derived_state ORDER BY name').pluck().all() as string[]).sort();
const write = (core: Core, sql: string, ...args: unknown[]) => core.ctx.write('test.change', null, () => core.ctx.sqlite.prepare(sql).run(...args));
const settle = async (core: Core) => {
  // The duplicate scan's records are made in slices between requests once read back: let the event loop run them.
  for (let i = 0; i < 400 && keptScanState(core.ctx) === 'read back'; i++) await new Promise((r) => setTimeout(r, 5));
};

describe('derived state across closing the file', () => {
  it('is stored at close and read back at the first overview after opening, giving what a fresh computation gives', async () => {
    const first = open();
    expect(storedNames(first)).toEqual([]);
    const before = (await first.call('overview.get', { on: ON })) as Overview;
    first.close();

    const second = open();
    expect(storedNames(second)).toEqual(['conditions.kept-results', 'dedupe.kept-scan', 'overview.money']);
    // Read back without evaluating anything: the figures' nodes are there before the first overview asks.
    expect(keptSummary(second.ctx).length).toBeGreaterThanOrEqual(20);
    const after = (await second.call('overview.get', { on: ON })) as Overview;
    expect(counts(after)).toEqual(counts(before));
    expect(after.money).toEqual(before.money);
    expect(keptScanState(second.ctx)).toBe('read back');
    // An edit right after opening: the scan's records are completed at once, then rescored for the change.
    const person = second.ctx.sqlite.prepare(`SELECT id FROM relations WHERE kind = 'person' AND deleted_at IS NULL ORDER BY number LIMIT 1 OFFSET 3`).pluck().get() as string;
    const other = second.ctx.sqlite.prepare(`SELECT first_name, last_name, birth_date FROM relations WHERE kind = 'person' AND deleted_at IS NULL ORDER BY number LIMIT 1 OFFSET 40`).get() as Record<string, string>;
    write(second, `UPDATE relations SET first_name = ?, last_name = ?, birth_date = ? WHERE id = ?`, other['first_name'], other['last_name'], other['birth_date'], person);
    await agrees(second, 'an edit right after opening');
    const member = second.ctx.sqlite.prepare(`SELECT relation_id FROM memberships WHERE end_date IS NULL LIMIT 1 OFFSET 7`).pluck().get() as string;
    write(second, `UPDATE memberships SET end_date = '2026-02-01' WHERE relation_id = ? AND end_date IS NULL`, member);
    write(second, `UPDATE relations SET deleted_at = 1 WHERE id = (SELECT id FROM relations WHERE deleted_at IS NULL ORDER BY number DESC LIMIT 1)`);
    await agrees(second, 'after a membership ended and a relation trashed');
    second.close();

    // Written while nobody looked at the overview (the CLI beside the app): the stored state is older than the file.
    const cli = open();
    const storedBefore = stored(cli);
    // A list asked twice keeps its node on this connection (kept-results.ts admitted); a connection that never answered
    // the overview stores nothing at close, so the overview's stored state is not replaced by that one node.
    const list = { condition: { type: 'age', min: 40, max: 50 } as const, moment: { on: ON }, offset: 0, limit: 10 };
    await cli.call('conditions.evaluate', list);
    await cli.call('conditions.evaluate', list);
    expect(keptSummary(cli.ctx).some((k) => k.key === JSON.stringify(list.condition))).toBe(true);
    write(cli, `UPDATE relations SET birth_date = '1950-06-20', email = NULL, email2 = NULL WHERE id = (SELECT id FROM relations WHERE kind = 'person' AND deleted_at IS NULL ORDER BY number LIMIT 1 OFFSET 11)`);
    write(cli, `UPDATE addresses SET postcode = '9999 ZZ' WHERE id = (SELECT id FROM addresses ORDER BY id LIMIT 1 OFFSET 20)`);
    cli.close();
    const third = open();
    expect(stored(third)).toEqual(storedBefore);
    await agrees(third, 'after writes by another session');
    third.close();
  });

  it('completes the duplicate scan in slices after opening, and follows another day', async () => {
    const core = open();
    await core.call('overview.get', { on: ON });
    expect(keptScanState(core.ctx)).toBe('read back');
    // Nothing asked meanwhile: the slices run while the event loop only waits (as a core thread waits for requests).
    await new Promise((r) => setTimeout(r, 1_000));
    expect(keptScanState(core.ctx)).toBe('complete');
    write(core, `UPDATE relations SET email = 'twee@example.org' WHERE id = (SELECT id FROM relations WHERE kind = 'person' AND deleted_at IS NULL ORDER BY number LIMIT 1 OFFSET 2)`);
    await agrees(core, 'an edit after the slices');
    core.close();

    // The next day: no address came into force in between, so the pairs read back are still the scan's.
    const nextDay = open({ on: '2026-06-16' });
    expect([...suspectedPairs(nextDay.ctx)].sort()).toEqual(fullScan(nextDay));
    expect(keptScanState(nextDay.ctx)).toBe('read back');
    // An address that comes into force the day after: that relation is rescored then.
    const rel = nextDay.ctx.sqlite.prepare(`SELECT relation_id FROM addresses WHERE valid_to IS NULL LIMIT 1 OFFSET 30`).pluck().get() as string;
    const twin = nextDay.ctx.sqlite.prepare(`SELECT postcode, house_number FROM addresses WHERE relation_id <> ? AND postcode IS NOT NULL AND valid_to IS NULL LIMIT 1 OFFSET 90`).get(rel) as { postcode: string; house_number: number };
    write(nextDay, `UPDATE addresses SET valid_to = '2026-06-17' WHERE relation_id = ? AND valid_to IS NULL`, rel);
    write(
      nextDay,
      `INSERT INTO addresses (id, relation_id, type, street, house_number, postcode, city, country, valid_from, created_at, updated_at)
       SELECT 'test-moved', ?, type, street, ?, ?, city, country, '2026-06-17', created_at, updated_at FROM addresses WHERE relation_id = ? LIMIT 1`,
      rel,
      twin.house_number,
      twin.postcode,
      rel,
    );
    await settle(nextDay);
    nextDay.close();
    const later = open({ on: '2026-06-18' });
    expect([...suspectedPairs(later.ctx)].sort()).toEqual(fullScan(later));
    later.close();
  });

  it('holds nothing of a person once she is anonymised', async () => {
    const core = open();
    await core.call('overview.get', { on: ON });
    // Kept state newer than what is stored (an edit looked at), then the anonymisation, not looked at before closing.
    write(core, `UPDATE relations SET email = 'drie@example.org' WHERE id = (SELECT id FROM relations WHERE kind = 'person' AND deleted_at IS NULL ORDER BY number LIMIT 1 OFFSET 9)`);
    await core.call('overview.get', { on: ON });
    const person = core.ctx.sqlite.prepare(`SELECT id FROM relations WHERE kind = 'person' AND birth_date IS NOT NULL AND deleted_at IS NULL ORDER BY number LIMIT 1 OFFSET 15`).pluck().get() as string;
    await core.call('privacy.anonymise', { relationIds: [person] });
    expect(storedNames(core)).toEqual([]);
    core.close();
    const again = open();
    expect(storedNames(again)).toEqual([]);
    await agrees(again, 'after an anonymisation');
    again.close();
    // Computed from the anonymised data, it is stored again.
    const third = open();
    expect(storedNames(third)).toEqual(['conditions.kept-results', 'dedupe.kept-scan', 'overview.money']);
    third.close();
  });

  it('is written by the reader through a connection of its own', async () => {
    const writer = open();
    writer.ctx.sqlite.prepare('DELETE FROM derived_state').run();
    const reader = open({ readOnly: true });
    await reader.call('overview.get', { on: ON });
    reader.close();
    expect(storedNames(writer)).toEqual(['conditions.kept-results', 'dedupe.kept-scan', 'overview.money']);
    writer.close();
  });

  it('is computed again when it is damaged or of another schema', async () => {
    const core = open();
    core.ctx.sqlite.prepare(`UPDATE derived_state SET data = randomblob(64) WHERE name = 'conditions.kept-results'`).run();
    expect(keptSummary(core.ctx)).toEqual([]);
    await agrees(core, 'a damaged stored state');
    core.close();
    const again = open();
    expect(keptSummary(again.ctx).length).toBeGreaterThan(0);
    again.close();
    // A migration may change rows without the audit log: a state stored under other migrations is not read.
    const fake = open();
    fake.ctx.sqlite.prepare('UPDATE __drizzle_migrations SET created_at = created_at + 1 WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)').run();
    fake.close();
    const migrated = open();
    expect(keptSummary(migrated.ctx)).toEqual([]);
    await agrees(migrated, 'after a migration');
    migrated.close();
    expect(fs.existsSync(file)).toBe(true);
  });
});
