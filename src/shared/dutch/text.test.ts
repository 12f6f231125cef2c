import { describe, expect, it } from 'vitest';
import { collapseSpaces, collationKey, foldDiacritics } from './text';

describe('foldDiacritics', () => {
  it('strips accents but keeps case', () => {
    expect(foldDiacritics('Zoë')).toBe('Zoe');
    expect(foldDiacritics('Émile Müller')).toBe('Emile Muller');
    expect(foldDiacritics('Curaçao')).toBe('Curacao');
  });
  it('expands letters that have no combining mark', () => {
    expect(foldDiacritics('Straße')).toBe('Strasse');
    expect(foldDiacritics('Søren Łukasz')).toBe('Soren Lukasz');
    expect(foldDiacritics('Ĳsselmeer')).toBe('IJsselmeer');
  });
  it('leaves plain ASCII untouched', () => {
    expect(foldDiacritics("'t Hart")).toBe("'t Hart");
  });
});

describe('collationKey', () => {
  it('makes case, accents and extra spaces irrelevant', () => {
    expect(collationKey('  Zoë   de  Vries ')).toBe('zoe de vries');
    expect(collationKey('ÉLISE')).toBe(collationKey('elise'));
  });
  it('sorts accented names with their plain counterparts', () => {
    const names = ['Zwart', 'Örs', 'Oosten', 'Ábel'];
    const sorted = [...names].sort((a, b) => collationKey(a).localeCompare(collationKey(b)));
    expect(sorted).toEqual(['Ábel', 'Oosten', 'Örs', 'Zwart']);
  });
});

describe('collapseSpaces', () => {
  it('turns any whitespace run, including non-breaking spaces, into one space', () => {
    expect(collapseSpaces(' a\u00a0\u00a0b\tc ')).toBe('a b c');
  });
});
