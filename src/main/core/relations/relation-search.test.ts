import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestClock } from '../../../../test/support/test-core';
import type { Core } from '../create-core';
import { nameRank } from './relation-search';

let core: Core & { clock: TestClock };
afterEach(() => core?.close());

const person = (firstName: string, infix: string | undefined, lastName: string, street = 'Dorpsstraat') => ({
  kind: 'person' as const,
  fields: { firstName, ...(infix ? { infix } : {}), lastName },
  address: { street, houseNumber: 1, postcode: '9999 ZZ', city: 'Groningen' },
});

const names = async (q: string, limit = 20) => (await core.call('relations.search', { query: q, limit })).rows.map((r) => r.displayName);

describe('search ranking', () => {
  it('puts every relation with exactly the typed name first, even when hundreds of streets match too', async () => {
    core = createTestCore();
    // Created first, so they hold the lowest numbers: 210 companies in the Jan Steenstraat whose
    // names contain "de" and "vries…" (before the fix they filled the 200 candidates).
    for (let i = 0; i < 210; i++) {
      await core.call('relations.create', {
        kind: 'organisation',
        fields: { name: `De Vriesheuvel ${i}` },
        address: { street: 'Jan Steenstraat', houseNumber: i + 1, postcode: '9999 ZZ', city: 'Groningen' },
      });
    }
    for (let i = 0; i < 3; i++) await core.call('relations.create', person('Jan', 'de', 'Vries'));
    await core.call('relations.create', person('Marie', 'de', 'Vries', 'Jan Steenstraat'));
    await core.call('relations.create', person('Jan', 'de', 'Vriesema'));

    const full = await names('jan de vries');
    expect(full.slice(0, 3)).toEqual(['Jan de Vries', 'Jan de Vries', 'Jan de Vries']);
    // Then the name that starts with it; a street-only match comes after every name match.
    expect(full[3]).toBe('Jan de Vriesema');
    expect(full.slice(4)).not.toContain('Jan de Vries');

    const typing = await names('jan de vr');
    expect(typing.slice(0, 4)).toEqual(['Jan de Vries', 'Jan de Vries', 'Jan de Vries', 'Jan de Vriesema']);
  });

  it('ranks name matches before street, e-mail and city matches', async () => {
    core = createTestCore();
    await core.call('relations.create', { kind: 'person', fields: { firstName: 'Anna', lastName: 'Aalders', email: 'bakker@example.nl' } });
    await core.call('relations.create', person('Bert', undefined, 'Aalbers', 'Bakkerstraat'));
    await core.call('relations.create', { kind: 'person', fields: { firstName: 'Cor', lastName: 'Zwart' }, address: { street: 'Markt', houseNumber: 1, postcode: '1621 AA', city: 'Hoorn' } });
    await core.call('relations.create', person('Piet', undefined, 'Bakker'));
    await core.call('relations.create', { kind: 'organisation', fields: { name: 'Zuivel Bakkers B.V.' } });
    const found = await names('bakker');
    expect(found.slice(0, 2)).toEqual(['Piet Bakker', 'Zuivel Bakkers B.V.']);
    expect(new Set(found.slice(2))).toEqual(new Set(['Anna Aalders', 'Bert Aalbers']));
    await core.call('relations.create', person('Kees', undefined, 'Hoorn'));
    expect(await names('hoorn')).toEqual(['Kees Hoorn', 'Cor Zwart']);
  });

  it('says how well a name answers the words typed', () => {
    expect(nameRank('Jan de Vries', ['jan', 'de', 'vries'])).toBe(0);
    expect(nameRank('Jan de Vriesema', ['jan', 'de', 'vries'])).toBe(1);
    expect(nameRank('Café Jan de Vries', ['jan', 'de', 'vr'])).toBe(2);
    expect(nameRank('Vries, Jan de', ['jan', 'de', 'vries'])).toBe(3);
  });
});
