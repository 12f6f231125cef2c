import { describe, expect, it } from 'vitest';
import { addressInput } from '../src/shared/contract';
import { checks } from '../src/renderer/lib/validators';
import { addressRecord } from '../src/main/core/exchange/json-records';

const record = { id: 'a1', relationId: 'r1', type: 'home', country: 'NL', createdAt: '2026-01-01T10:00:00.000Z', updatedAt: '2026-01-01T10:00:00.000Z' };
const codes = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? [] : (r.error?.issues.map((i) => i.message) ?? []));

/** Issue 9: the address field rules have one source; the API, the JSON import and the renderer agree. */
describe('address field rules', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['houseLetter', { houseLetter: 'AB' }, 'HOUSE_LETTER_INVALID'],
    ['houseNumberSuffix', { houseNumberSuffix: 'hs/23' }, 'HOUSE_NUMBER_SUFFIX_INVALID'],
    ['houseNumber', { houseNumber: 100_000 }, 'HOUSE_NUMBER_INVALID'],
    ['country', { country: 'NLD' }, 'COUNTRY_INVALID'],
    ['postcode', { postcode: '1234 SA' }, 'POSTCODE_FORBIDDEN_LETTERS'],
  ];
  it.each(cases)('%s: the same code from the API, the JSON import and the form', (field, bad, code) => {
    expect(codes(addressInput.safeParse({ city: 'Utrecht', ...bad }))).toContain(code);
    expect(codes(addressRecord.safeParse({ ...record, city: 'Utrecht', ...bad }))).toContain(code);
    const check = field === 'postcode' ? checks.postcode('NL') : checks[field as 'houseLetter'];
    const r = check(String(bad[field]));
    expect(r.ok ? null : r.code).toBe(code);
  });

  it('normalises the same way at both doors', () => {
    const input = { city: 'Utrecht', houseLetter: 'a', houseNumberSuffix: '-2', postcode: '3511ab', country: 'nl' };
    const api = addressInput.parse(input);
    const file = addressRecord.parse({ ...record, ...input });
    for (const a of [api, file]) expect(a).toMatchObject({ houseLetter: 'A', houseNumberSuffix: '2', postcode: '3511 AB', country: 'NL' });
  });
});
