import { describe, expect, it } from 'vitest';
import {
  addressLines,
  dutchCountryName,
  formatHouseNumber,
  splitHouseNumber,
  validateHouseLetter,
  validateHouseNumber,
  validateHouseNumberSuffix,
} from './address';

describe('formatHouseNumber', () => {
  it('glues the letter on and puts the suffix after a hyphen', () => {
    expect(formatHouseNumber({ houseNumber: 12 })).toBe('12');
    expect(formatHouseNumber({ houseNumber: 12, houseLetter: 'A' })).toBe('12A');
    expect(formatHouseNumber({ houseNumber: 12, houseLetter: 'a' })).toBe('12A');
    expect(formatHouseNumber({ houseNumber: 12, houseNumberSuffix: '2' })).toBe('12-2');
    expect(formatHouseNumber({ houseNumber: 12, houseLetter: 'A', houseNumberSuffix: '2' })).toBe('12A-2');
    expect(formatHouseNumber({ houseNumber: 12, houseNumberSuffix: '-bis' })).toBe('12-bis');
  });
  it('is empty without a number', () => {
    expect(formatHouseNumber({ houseNumber: null, houseLetter: 'A' })).toBe('');
  });
});

describe('addressLines', () => {
  it('follows the PostNL layout for a Dutch address', () => {
    expect(
      addressLines({ street: 'Dorpsstraat', houseNumber: 12, houseLetter: 'A', postcode: '1234ab', city: 'Amsterdam' }),
    ).toEqual(['Dorpsstraat 12A', '1234 AB  AMSTERDAM']);
  });
  it('uses the PO box or answer number instead of the street', () => {
    expect(addressLines({ street: 'Dorpsstraat', houseNumber: 1, poBox: 'Postbus 123', postcode: '1000 AA', city: 'Amsterdam' })).toEqual([
      'Postbus 123',
      '1000 AA  AMSTERDAM',
    ]);
    expect(addressLines({ poBox: 'Antwoordnummer 4567', postcode: '9700 VB', city: 'Groningen', country: 'NL' })).toEqual([
      'Antwoordnummer 4567',
      '9700 VB  GRONINGEN',
    ]);
  });
  it("writes place names with their apostrophe in capitals", () => {
    expect(addressLines({ street: 'Markt', houseNumber: 1, postcode: '5211 JV', city: "'s-Hertogenbosch" })).toEqual([
      'Markt 1',
      "5211 JV  'S-HERTOGENBOSCH",
    ]);
  });
  it('adds the country in capitals abroad', () => {
    expect(addressLines({ street: 'Grote Markt', houseNumber: 1, postcode: '1000', city: 'Brussel', country: 'be' })).toEqual([
      'Grote Markt 1',
      '1000 BRUSSEL',
      'BELGIË',
    ]);
    expect(
      addressLines({ street: 'Hauptstraße', houseNumber: 5, postcode: '10115', city: 'Berlin', country: 'DE' }, { countryName: () => 'Germany' }),
    ).toEqual(['Hauptstraße 5', '10115 BERLIN', 'GERMANY']);
    expect(addressLines({ city: 'Reykjavík', country: 'IS' })).toEqual(['REYKJAVÍK', 'IS']);
  });
  it('never produces blank lines', () => {
    expect(addressLines({})).toEqual([]);
    expect(addressLines({ postcode: '1234 AB' })).toEqual(['1234 AB']);
    expect(addressLines({ street: 'Dorpsstraat', city: 'Ee' })).toEqual(['Dorpsstraat', 'EE']);
  });
  it('keeps an invalid postcode as typed (upper-cased) rather than dropping it', () => {
    expect(addressLines({ postcode: '123 ab', city: 'Ergens' })).toEqual(['123 AB  ERGENS']);
  });
});

describe('dutchCountryName', () => {
  it('knows the neighbours and returns null for the rest', () => {
    expect(dutchCountryName('de')).toBe('Duitsland');
    expect(dutchCountryName('ZZ')).toBeNull();
  });
});

describe('house number validation', () => {
  it('accepts 1 to 99999', () => {
    expect(validateHouseNumber(1)).toEqual({ ok: true, value: 1 });
    expect(validateHouseNumber('99999')).toEqual({ ok: true, value: 99999 });
    expect(validateHouseNumber(' 12 ')).toEqual({ ok: true, value: 12 });
  });
  it('rejects zero, too large, fractions and text', () => {
    for (const raw of [0, 100000, 1.5, -3, '12a', '', Number.NaN]) {
      expect(validateHouseNumber(raw)).toEqual({ ok: false, code: 'HOUSE_NUMBER_INVALID', details: { min: 1, max: 99999 } });
    }
  });
  it('accepts a single house letter and upper-cases it', () => {
    expect(validateHouseLetter('a')).toEqual({ ok: true, value: 'A' });
    expect(validateHouseLetter('AB')).toEqual({ ok: false, code: 'HOUSE_LETTER_INVALID' });
    expect(validateHouseLetter('1')).toEqual({ ok: false, code: 'HOUSE_LETTER_INVALID' });
    expect(validateHouseLetter('')).toEqual({ ok: false, code: 'HOUSE_LETTER_INVALID' });
  });
  it('accepts a suffix of up to four letters or digits', () => {
    expect(validateHouseNumberSuffix('2')).toEqual({ ok: true, value: '2' });
    expect(validateHouseNumberSuffix('bis')).toEqual({ ok: true, value: 'bis' });
    expect(validateHouseNumberSuffix('-2')).toEqual({ ok: true, value: '2' });
    expect(validateHouseNumberSuffix('A123')).toEqual({ ok: true, value: 'A123' });
    expect(validateHouseNumberSuffix('12345')).toEqual({ ok: false, code: 'HOUSE_NUMBER_SUFFIX_INVALID', details: { max: 4 } });
    expect(validateHouseNumberSuffix('2 hoog')).toMatchObject({ ok: false });
    expect(validateHouseNumberSuffix('')).toMatchObject({ ok: false });
  });
});

describe('splitHouseNumber', () => {
  it('splits imported house-number cells', () => {
    expect(splitHouseNumber('12')).toEqual({ ok: true, value: { houseNumber: 12, houseLetter: null, houseNumberSuffix: null } });
    expect(splitHouseNumber('12A')).toEqual({ ok: true, value: { houseNumber: 12, houseLetter: 'A', houseNumberSuffix: null } });
    expect(splitHouseNumber('12 a')).toEqual({ ok: true, value: { houseNumber: 12, houseLetter: 'A', houseNumberSuffix: null } });
    expect(splitHouseNumber('12-2')).toEqual({ ok: true, value: { houseNumber: 12, houseLetter: null, houseNumberSuffix: '2' } });
    expect(splitHouseNumber('12A-2')).toEqual({ ok: true, value: { houseNumber: 12, houseLetter: 'A', houseNumberSuffix: '2' } });
    expect(splitHouseNumber('12 bis')).toEqual({ ok: true, value: { houseNumber: 12, houseLetter: null, houseNumberSuffix: 'bis' } });
    expect(splitHouseNumber('12hs')).toEqual({ ok: true, value: { houseNumber: 12, houseLetter: null, houseNumberSuffix: 'hs' } });
  });
  it('rejects what is not a house number', () => {
    expect(splitHouseNumber('A12')).toEqual({ ok: false, code: 'HOUSE_NUMBER_INVALID' });
    expect(splitHouseNumber('0')).toMatchObject({ ok: false, code: 'HOUSE_NUMBER_INVALID' });
    expect(splitHouseNumber('12 t/m 14')).toMatchObject({ ok: false });
  });
});
