import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRecords } from './csv';

describe('parseCsv', () => {
  it('reads quoted fields containing commas and doubled quotes', () => {
    expect(parseCsv('a,b\n5671,"Nuenen, Gerwen en Nederwetten"\n"x ""y""",z\n')).toEqual([
      ['a', 'b'],
      ['5671', 'Nuenen, Gerwen en Nederwetten'],
      ['x "y"', 'z'],
    ]);
  });
  it('handles CRLF, a BOM, blank lines and a missing final newline', () => {
    expect(parseCsv('\ufeffa,b\r\n\r\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
  it('keeps empty trailing cells', () => {
    expect(parseCsv('AINH,AINHNL22,\n')).toEqual([['AINH', 'AINHNL22', '']]);
  });
});

describe('parseCsvRecords', () => {
  it('keys rows by header and fills missing cells with empty strings', () => {
    expect(parseCsvRecords('pc4,plaats\n1011,Amsterdam\n1012\n')).toEqual([
      { pc4: '1011', plaats: 'Amsterdam' },
      { pc4: '1012', plaats: '' },
    ]);
  });
  it('returns nothing for empty input', () => {
    expect(parseCsvRecords('')).toEqual([]);
  });
});
