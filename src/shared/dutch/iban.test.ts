import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bicForIban, formatIban, ibanCheckDigits, normalizeIban, parseBankCodeBicTable, validateBic, validateIban } from './iban';

const bicTable = parseBankCodeBicTable(
  readFileSync(new URL('../../../resources/data/nl-bankcode-bic.csv', import.meta.url), 'utf8'),
);

describe('normalizeIban', () => {
  it('removes spaces, dots and hyphens and upper-cases', () => {
    expect(normalizeIban(' nl91 abna 0417.1643-00 ')).toBe('NL91ABNA0417164300');
  });
});

describe('validateIban', () => {
  it('accepts the SWIFT example IBAN in any notation', () => {
    expect(validateIban('NL91ABNA0417164300')).toEqual({ ok: true, value: 'NL91ABNA0417164300' });
    expect(validateIban('NL91 ABNA 0417 1643 00')).toEqual({ ok: true, value: 'NL91ABNA0417164300' });
    expect(validateIban('nl44rabo0123456789')).toEqual({ ok: true, value: 'NL44RABO0123456789' });
  });
  it('rejects a single changed digit', () => {
    expect(validateIban('NL91ABNA0417164301')).toEqual({ ok: false, code: 'IBAN_INVALID_CHECKSUM' });
    expect(validateIban('NL92ABNA0417164300')).toEqual({ ok: false, code: 'IBAN_INVALID_CHECKSUM' });
  });
  it('checks the length per country', () => {
    expect(validateIban('NL58ABNA041716430')).toEqual({
      ok: false,
      code: 'IBAN_INVALID_LENGTH',
      details: { expected: 18, actual: 17 },
    });
    expect(validateIban('BE68 5390 0754 7034 0')).toMatchObject({ ok: false, code: 'IBAN_INVALID_LENGTH' });
  });
  it('checks the Dutch layout of four letters and ten digits', () => {
    expect(validateIban('NL251BNA0417164300')).toEqual({ ok: false, code: 'IBAN_INVALID_FORMAT' });
  });
  it('accepts foreign SEPA IBANs', () => {
    for (const iban of ['BE68539007547034', 'DE89370400440532013000', 'GB29NWBK60161331926819', 'FR1420041010050500013M02606']) {
      expect(validateIban(iban)).toEqual({ ok: true, value: iban });
    }
  });
  it('accepts a country missing from the length table when the checksum is right', () => {
    expect(validateIban('QQ831234567890123')).toEqual({ ok: true, value: 'QQ831234567890123' });
  });
  it('rejects garbage', () => {
    for (const raw of ['', 'NL', '1234567890', 'NLABABNA0417164300', 'NL91ABNA04171643€0']) {
      expect(validateIban(raw)).toEqual({ ok: false, code: 'IBAN_INVALID_FORMAT' });
    }
  });
});

describe('formatIban', () => {
  it('groups by four', () => {
    expect(formatIban('NL91ABNA0417164300')).toBe('NL91 ABNA 0417 1643 00');
    expect(formatIban('nl91 abna0417164300')).toBe('NL91 ABNA 0417 1643 00');
    expect(formatIban('BE68539007547034')).toBe('BE68 5390 0754 7034');
  });
});

describe('bank code table', () => {
  it('loads all 80 codes with names where known', () => {
    expect(bicTable.size).toBe(80);
    expect(bicTable.get('ABNA')).toEqual({ bic: 'ABNANL2A', bank: 'ABN AMRO BANK' });
    expect(bicTable.get('BINK')).toEqual({ bic: 'BINKNL21', bank: 'BINCKBANK, PROF' });
    expect(bicTable.get('REVO')).toEqual({ bic: 'REVONL22', bank: null });
  });
});

describe('bicForIban', () => {
  it('derives the BIC from the Dutch bank code', () => {
    expect(bicForIban('NL91ABNA0417164300', bicTable)).toBe('ABNANL2A');
    expect(bicForIban('NL44 RABO 0123 4567 89', bicTable)).toBe('RABONL2U');
    expect(bicForIban('NL20INGB0001234567', bicTable)).toBe('INGBNL2A');
  });
  it('returns null for foreign, invalid or unknown IBANs', () => {
    expect(bicForIban('DE89370400440532013000', bicTable)).toBeNull();
    expect(bicForIban('NL91ABNA0417164301', bicTable)).toBeNull();
    expect(bicForIban('NL02ABNA0123456789', new Map())).toBeNull();
  });
});

describe('validateBic', () => {
  it('accepts 8 and 11 characters', () => {
    expect(validateBic('abnanl2a')).toEqual({ ok: true, value: 'ABNANL2A' });
    expect(validateBic('BOFS NL21 002')).toEqual({ ok: true, value: 'BOFSNL21002' });
  });
  it('rejects other lengths and shapes', () => {
    expect(validateBic('ABNANL2')).toEqual({ ok: false, code: 'BIC_INVALID_LENGTH', details: { actual: 7 } });
    expect(validateBic('ABNANL2AX')).toMatchObject({ ok: false, code: 'BIC_INVALID_LENGTH' });
    expect(validateBic('AB1ANL2A')).toEqual({ ok: false, code: 'BIC_INVALID_FORMAT' });
    expect(validateBic('ABNA122A')).toEqual({ ok: false, code: 'BIC_INVALID_FORMAT' });
  });
});

describe('ibanCheckDigits', () => {
  it('gives the check digits the validator accepts (the one mod-97 for both)', () => {
    expect(ibanCheckDigits('NL', 'ABNA0417164300')).toBe('91');
    for (const bban of ['RABO0123456789', 'INGB0001234567', 'ABNA0000000001']) {
      expect(validateIban(`NL${ibanCheckDigits('NL', bban)}${bban}`).ok).toBe(true);
    }
  });
});
