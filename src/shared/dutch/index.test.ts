import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as dutch from './index';

describe('index', () => {
  it('re-exports the public API', () => {
    const names = [
      'ok', 'fail', 'foldDiacritics', 'collationKey', 'normalizeInitials', 'fullName', 'formalName',
      'sortName', 'sortKey', 'capitalizeInfix', 'parseVoorvoegsels', 'isKnownInfix', 'splitSurname',
      'formalSalutation', 'informalSalutation', 'addresseeLine', 'normalizePostcode', 'postcodeDigits',
      'parsePc4Tables', 'lookupPc4', 'provinceDisplayName', 'normalizeIban', 'validateIban', 'formatIban',
      'parseBankCodeBicTable', 'bicForIban', 'validateBic', 'parseDutchDate', 'excelSerialToIso',
      'formatDutchDate', 'formatDutchDateLong', 'isIsoDate', 'addDays', 'addYears', 'daysBetween', 'ageOn',
      'todayIso', 'parseAmount', 'formatAmount', 'formatHouseNumber', 'addressLines', 'validateHouseNumber',
      'validateHouseLetter', 'validateHouseNumberSuffix', 'normalizeEmail', 'emailDomain', 'normalizePhone',
      'phoneDigits',
    ];
    for (const name of names) expect(typeof (dutch as Record<string, unknown>)[name], name).toBe('function');
  });

  it('keeps the runtime modules free of Node, Electron and React imports', () => {
    const dir = new URL('./', import.meta.url);
    const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(sources.length).toBeGreaterThan(10);
    for (const file of sources) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      const imports = [...text.matchAll(/from\s+'([^']+)'/gu)].map((m) => m[1] ?? '');
      for (const spec of imports) expect(spec.startsWith('./'), `${file} imports ${spec}`).toBe(true);
    }
  });
});
