import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../../test/support/test-core';
import { generateDemo } from '../demo/generate-demo';
import { loadAllRecords } from './dedupe-records';
import { dismissedPairs, loadWeights, pairKey } from './dedupe-store';
import { suspectedPairs } from './kept-scan';
import { MAX_BLOCK, scanRecords } from './scan';

/**
 * The kept scan (pairs rescored only for the relations changed since) against a full scan of
 * everyone, after each kind of edit through the real operations: they must find the same pairs.
 */
let core: ReturnType<typeof createTestCore>;
const ON = '2026-06-15';

beforeAll(() => {
  core = createTestCore();
  core.clock.set(ON);
  generateDemo(core, { relations: 600, seed: 7, today: ON });
});
afterAll(() => core.close());

function fullScan(): string[] {
  const ctx = core.ctx;
  return scanRecords(loadAllRecords(ctx), ctx.reference.infixes, loadWeights(ctx), dismissedPairs(ctx))
    .pairs.map((p) => pairKey(p.a.id, p.b.id))
    .sort();
}
const kept = () => [...suspectedPairs(core.ctx)].sort();

const people = () =>
  core.ctx.sqlite.prepare(`SELECT id, first_name AS first, last_name AS last, birth_date AS birth FROM relations WHERE kind = 'person' AND deleted_at IS NULL ORDER BY number`).all() as {
    id: string;
    first: string | null;
    last: string | null;
    birth: string | null;
  }[];

describe('the kept duplicate scan', () => {
  it('finds what a full scan finds after every kind of change', async () => {
    expect(kept()).toEqual(fullScan());
    expect(kept().length).toBeGreaterThan(0);
    const [a, b, c, d] = people();
    // A new double: the same name and birth date as someone else.
    const twin = await core.call('relations.create', { kind: 'person', fields: { firstName: a!.first, lastName: a!.last, birthDate: a!.birth } });
    expect(kept()).toContain(pairKey(a!.id, twin.id));
    expect(kept()).toEqual(fullScan());
    // An edit that takes one apart (another birth date, another name).
    await core.call('relations.update', { id: twin.id, fields: { firstName: 'Quirijn', lastName: 'Zwanenburg', birthDate: '1911-11-11' } });
    expect(kept()).not.toContain(pairKey(a!.id, twin.id));
    expect(kept()).toEqual(fullScan());
    // An address shared with another and the same name: a double through its address.
    await core.call('relations.update', { id: c!.id, fields: { firstName: b!.first, lastName: b!.last } });
    const home = { type: 'home' as const, street: 'Straat', houseNumber: 7, postcode: '3511 AB', city: 'Utrecht', validFrom: '2000-01-01' };
    await core.call('addresses.add', { relationId: b!.id, address: home });
    await core.call('addresses.add', { relationId: c!.id, address: home });
    expect(kept()).toEqual(fullScan());
    // Trash and restore; "Geen dubbel" (no rescoring, read when asked).
    const pair = kept()[0]!;
    const [x, y] = pair.split('|') as [string, string];
    await core.call('relations.delete', { id: x });
    expect(kept()).not.toContain(pair);
    expect(kept()).toEqual(fullScan());
    await core.call('relations.restore', { id: x });
    expect(kept()).toContain(pair);
    await core.call('dedupe.dismiss', { a: x, b: y });
    expect(kept()).not.toContain(pair);
    expect(kept()).toEqual(fullScan());
    await core.call('dedupe.undismiss', { a: x, b: y });
    expect(kept()).toEqual(fullScan());
    // Weights: a lower threshold suspects more pairs.
    const weights = loadWeights(core.ctx);
    await core.call('dedupe.setWeights', { weights: { ...weights, threshold: Math.max(1, weights.threshold - 30) } });
    expect(kept()).toEqual(fullScan());
    await core.call('dedupe.setWeights', { weights: null });
    expect(kept()).toEqual(fullScan());
    expect(d).toBeDefined();
  });

  it('follows a block that grows past MAX_BLOCK (skipped by the scan) and shrinks back', () => {
    const ids = people()
      .slice(0, MAX_BLOCK + 1)
      .map((p) => p.id);
    expect(ids.length).toBe(MAX_BLOCK + 1);
    const before = kept();
    // Give two of them one name first, so the shared e-mail makes them a pair while the block is small.
    core.ctx.write('test.sharedEmail', null, () => {
      core.ctx.sqlite.prepare(`UPDATE relations SET first_name = 'Tjitske', infix = NULL, last_name = 'Oosterhuis', initials = 'T', gender = 'female', birth_date = NULL,
                        email = 'club@example.org', email2 = NULL, phone = NULL, mobile = NULL, iban = NULL WHERE id IN (?, ?)`).run(ids[0], ids[1]);
    });
    const small = kept();
    expect(small).toEqual(fullScan());
    expect(small).toContain(pairKey(ids[0]!, ids[1]!));
    core.ctx.write('test.sharedEmail', null, () => {
      core.ctx.sqlite.prepare(`UPDATE relations SET email = 'club@example.org' WHERE id IN (SELECT value FROM json_each(?))`).run(JSON.stringify(ids.slice(2)));
    });
    // 401 share it: the block is skipped, and so is the pair found only through it.
    expect(kept()).toEqual(fullScan());
    expect(kept()).not.toContain(pairKey(ids[0]!, ids[1]!));
    core.ctx.write('test.sharedEmail', null, () => {
      core.ctx.sqlite.prepare(`UPDATE relations SET email = NULL WHERE id = ?`).run(ids[MAX_BLOCK]);
    });
    expect(kept()).toEqual(fullScan());
    expect(kept()).toContain(pairKey(ids[0]!, ids[1]!));
    expect(before.length).toBeGreaterThan(0);
  });

  it('keeps nothing from inside a transaction that is rolled back', () => {
    const before = kept();
    const a = people().at(-1);
    const twin = core.ctx.newId();
    expect(() =>
      core.ctx.write('test.rolledBack', null, () => {
        const r = core.ctx.sqlite.prepare('SELECT * FROM relations WHERE id = ?').get(a!.id) as Record<string, unknown>;
        const max = (core.ctx.sqlite.prepare('SELECT max(number) AS n FROM relations').get() as { n: number }).n;
        core.ctx.sqlite
          .prepare(`INSERT INTO relations (${Object.keys(r).join(', ')}) VALUES (${Object.keys(r).map(() => '?').join(', ')})`)
          .run(...Object.entries(r).map(([k, v]) => (k === 'id' ? twin : k === 'number' ? max + 1 : v)));
        expect(kept()).toContain(pairKey(a!.id, twin));
        throw new Error('roll back');
      }),
    ).toThrow('roll back');
    expect(kept()).toEqual(before);
    expect(kept()).toEqual(fullScan());
  });
});
