import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lookupPc4, parsePc4Tables, provinceDisplayName } from './pc4';

const read = (name: string): string =>
  readFileSync(new URL(`../../../resources/data/${name}`, import.meta.url), 'utf8');
const table = parsePc4Tables(read('pc4-gemeente-provincie.csv'), read('pc4-plaats.csv'));

describe('parsePc4Tables with the bundled data', () => {
  it('holds all 4,081 PC4s', () => {
    expect(table.size).toBe(4081);
  });
  it('gives municipality, province and places', () => {
    expect(table.get('1011')).toEqual({ municipality: 'Amsterdam', province: 'Noord-Holland', places: ['Amsterdam'] });
  });
  it('lists every place of a PC4 that crosses a border', () => {
    expect(table.get('1096')?.places).toEqual(['Amsterdam', 'Amsterdam-Duivendrecht']);
    expect(table.get('1096')?.municipality).toBe('Amsterdam');
  });
  it('reads quoted municipality names', () => {
    expect(table.get('5671')?.municipality).toBe('Nuenen, Gerwen en Nederwetten');
    expect(table.get('5671')?.places).toEqual(['Nuenen']);
  });
  it('uses the CBS name of The Hague', () => {
    expect(lookupPc4(table, '2511 AA')?.municipality).toBe("'s-Gravenhage");
  });
});

describe('parsePc4Tables with small inputs', () => {
  it('adds a place-only PC4 when its municipality province is known', () => {
    const t = parsePc4Tables('pc4,gemeente,provincie\n1011,Amsterdam,Noord-Holland\n', 'pc4,plaats,gemeente\n1011,Amsterdam,Amsterdam\n1099,Amsterdam,Amsterdam\n1234,X,Onbekend\n');
    expect(t.get('1099')).toEqual({ municipality: 'Amsterdam', province: 'Noord-Holland', places: ['Amsterdam'] });
    expect(t.has('1234')).toBe(false);
  });
});

describe('lookupPc4', () => {
  it('accepts any way of writing the postcode', () => {
    expect(lookupPc4(table, '8911ab')?.municipality).toBe('Leeuwarden');
    expect(lookupPc4(table, '8911')?.province).toBe('Friesland');
  });
  it('returns null for PO-box-only or unknown PC4s and for invalid input', () => {
    expect(lookupPc4(table, '1000 AA')).toBeNull();
    expect(lookupPc4(table, '0123 AB')).toBeNull();
    expect(lookupPc4(table, 'abc')).toBeNull();
  });
});

describe('provinceDisplayName', () => {
  it('shows the official name of Friesland and leaves others alone', () => {
    expect(provinceDisplayName('Friesland')).toBe('Fryslân');
    expect(provinceDisplayName('Utrecht')).toBe('Utrecht');
  });
});
