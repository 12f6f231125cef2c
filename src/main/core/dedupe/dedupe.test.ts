import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../../test/support/test-core';
import { generateDemo } from '../demo/generate-demo';
import { loadAllRecords } from './dedupe-records';
import { loadWeights } from './dedupe-store';
import { allPairs, scanRecords } from './scan';

let core: ReturnType<typeof createTestCore>;
beforeEach(() => {
  core = createTestCore();
});
afterEach(() => core.close());

const create = async (fields: Record<string, unknown>, address?: { postcode: string; houseNumber: number }) =>
  (await core.call('relations.create', {
    kind: 'person',
    fields,
    address: address ? { type: 'home', street: 'Straat', city: 'Utrecht', ...address } : undefined,
  } as never)) as { id: string; number: number };

/** Data as an old export left it: written around the contract, so case and accents survive. */
function legacy(id: string, set: Record<string, string | null>) {
  core.ctx.write('test.legacy', null, () => {
    for (const [col, v] of Object.entries(set)) core.ctx.sqlite.prepare(`UPDATE relations SET ${col} = ? WHERE id = ?`).run(v, id);
  });
}

describe('scan', () => {
  it('finds the constructed doubles with reasons, not the look-alikes, and remembers "Geen dubbel"', async () => {
    const a1 = await create({ firstName: 'Sanne', lastName: 'Bakker', email: 'sanne.bakker@gmail.com' });
    const a2 = await create({ firstName: 'Sanne', lastName: 'Bakker' });
    legacy(a2.id, { email: 'Sanne.Bakker@GMAIL.com' });
    const b1 = await create({ firstName: 'Zoë', lastName: 'Müller', birthDate: '1990-04-02' });
    const b2 = await create({ firstName: 'Zoe', lastName: 'Muller', birthDate: '1990-04-02' });
    const c1 = await create({ firstName: 'Anna', infix: 'de', lastName: 'Vries' }, { postcode: '3511 AB', houseNumber: 12 });
    const c2 = await create({ firstName: 'Anna', lastName: 'de Vries' }, { postcode: '3511AB', houseNumber: 12 });
    // Look-alikes: a family at one address sharing an e-mail; namesakes of different ages.
    await create({ firstName: 'Henk', lastName: 'Jansen', birthDate: '1962-05-01', email: 'fam@jansen.nl' }, { postcode: '1234 AB', houseNumber: 5 });
    await create({ firstName: 'Marieke', lastName: 'Jansen', birthDate: '1995-08-11', email: 'fam@jansen.nl' }, { postcode: '1234 AB', houseNumber: 5 });
    await create({ firstName: 'Jan', lastName: 'Schouten', birthDate: '1950-01-01' }, { postcode: '9711 AA', houseNumber: 1 });
    await create({ firstName: 'Jan', lastName: 'Scholten', birthDate: '1980-01-01' }, { postcode: '9711 AA', houseNumber: 1 });

    const scan = await core.call('dedupe.scan', {});
    const pairs = scan.pairs.map((p) => [p.a.number, p.b.number].join('-')).sort();
    expect(pairs).toEqual([`${a1.number}-${a2.number}`, `${b1.number}-${b2.number}`, `${c1.number}-${c2.number}`].sort());
    const why = (n: number) => scan.pairs.find((p) => p.a.number === n)!.fields.filter((f) => f.outcome !== 'missing').map((f) => `${f.field}:${f.reason}`);
    expect(why(a1.number)).toContain('email:EQUAL_IGNORING_CASE');
    expect(why(b1.number)).toEqual(expect.arrayContaining(['lastName:EQUAL_FOLDED', 'birthDate:EQUAL']));
    expect(why(c1.number)).toEqual(expect.arrayContaining(['lastName:INFIX_IN_LAST_NAME', 'address:EQUAL']));
    expect(scan.relations).toBeGreaterThanOrEqual(9);

    await core.call('dedupe.dismiss', { a: b2.id, b: b1.id });
    const again = await core.call('dedupe.scan', {});
    expect(again.pairs.map((p) => p.a.number)).not.toContain(b1.number);
    expect(again.dismissed).toBe(1);
    // The quick-entry warning for that relation leaves the dismissed pair out too.
    const typed = await core.call('relations.findSimilar', { excludeId: b1.id, firstName: 'Zoë', lastName: 'Müller', birthDate: '1990-04-02' });
    expect(typed.rows).toEqual([]);
    await core.call('dedupe.undismiss', { a: b1.id, b: b2.id });
    expect((await core.call('dedupe.scan', {})).total).toBe(3);
  });

  it('uses the weights and threshold from Settings', async () => {
    await create({ firstName: 'Piet', lastName: 'Smit' }, { postcode: '3511 AB', houseNumber: 1 });
    await create({ firstName: 'Piet', lastName: 'Smit' }, { postcode: '3511 AB', houseNumber: 1 });
    expect((await core.call('dedupe.scan', {})).total).toBe(1); // 25 + 15 + 20 = 60
    const { weights } = await core.call('dedupe.getWeights', {});
    await core.call('dedupe.setWeights', { weights: { ...weights, threshold: 61 } });
    expect((await core.call('dedupe.scan', {})).total).toBe(0);
    await core.call('dedupe.setWeights', { weights: { ...weights, fields: { ...weights.fields, address: { agree: 30, similar: 0, differ: 0 } }, threshold: 61 } });
    expect((await core.call('dedupe.scan', {})).total).toBe(1);
    await core.call('dedupe.setWeights', { weights: null });
    expect((await core.call('dedupe.getWeights', {})).weights.threshold).toBe(60);
    await expect(core.call('dedupe.setWeights', { weights: { ...weights, threshold: 0 } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('blocking', () => {
  it('finds exactly the pairs all-pairs scoring finds, on a demo administration with doubles', () => {
    generateDemo(core, { relations: 800, seed: 'dedupe', today: '2026-11-22' });
    const records = loadAllRecords(core.ctx);
    const weights = loadWeights(core.ctx);
    const blocked = scanRecords(records, core.ctx.reference.infixes, weights, new Set());
    const all = allPairs(records, core.ctx.reference.infixes, weights);
    expect(blocked.pairs.length).toBeGreaterThan(0);
    expect(blocked.pairs.map((p) => [p.a.id, p.b.id].sort().join('|')).sort()).toEqual([...all.keys].sort());
    expect(blocked.comparisons).toBeLessThan(all.comparisons / 100);
  });
});

describe('quick-entry warning', () => {
  it('warns on an identifier with the reason, not on a bare surname', async () => {
    const jan = await create({ firstName: 'Johannes', lastName: 'Bakker', email: 'jan@bakker.nl', birthDate: '1970-01-01' });
    for (let i = 0; i < 5; i++) await create({ firstName: `Kind${i}`, lastName: 'Bakker' });
    expect((await core.call('relations.findSimilar', { lastName: 'Bakker' })).rows).toEqual([]);
    expect((await core.call('relations.findSimilar', { firstName: 'Jan', lastName: 'Bakker' })).rows).toEqual([]);
    const byEmail = await core.call('relations.findSimilar', { email: 'JAN@bakker.nl' });
    expect(byEmail.rows.map((r) => r.id)).toEqual([jan.id]);
    expect(byEmail.rows[0]!.fields.map((f) => `${f.field}:${f.reason}`)).toEqual(['email:EQUAL']);
    const full = await core.call('relations.findSimilar', { firstName: 'Jan', lastName: 'Bakker', birthDate: '1970-01-01' });
    expect(full.rows[0]!.fields.map((f) => `${f.field}:${f.reason}`)).toEqual(['lastName:EQUAL', 'firstName:ROEPNAAM', 'birthDate:EQUAL']);
    // The same e-mail but another person born decades later: the warning goes away once typed.
    const child = await core.call('relations.findSimilar', { email: 'jan@bakker.nl', firstName: 'Marieke', lastName: 'Bakker', birthDate: '2005-03-03', postcode: '1000 AA', houseNumber: 1, phone: '0612345678' });
    expect(child.rows).toEqual([]);
  });
});

describe('import dry run', () => {
  it('warns that a new row already exists, by the same scorer, with the reason', async () => {
    const { createImportDuplicateCheck } = await import('./import-hook');
    const jan = await create({ firstName: 'Johannes', lastName: 'Dijkstra', birthDate: '1970-01-01' });
    const check = createImportDuplicateCheck(core.ctx);
    const hit = check({ kind: 'person', fields: { firstName: 'Jan', lastName: 'Dykstra', birthDate: '1970-01-01' }, address: {} });
    expect(hit).toMatchObject({ number: jan.number, reasons: 'achternaam, voornaam, geboortedatum' });
    expect(check({ kind: 'person', fields: { firstName: 'Marieke', lastName: 'Dijkstra', birthDate: '1999-01-01' }, address: {} })).toBeNull();
  });
});
