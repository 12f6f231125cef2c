import { describe, expect, it } from 'vitest';
import { applySaved, headerKey, savableOptions, DEFAULT_OPTIONS, withSavedOptions } from './import-model';
import { toListSource, INITIAL_SOURCE } from '../common/source-model';
import { columnLetter } from './target-options';

describe('import model', () => {
  it('matches headers loosely, as the core does', () => {
    expect(headerKey('E-mail adres')).toBe(headerKey('emailadres'));
    expect(headerKey('Geb.datum')).toBe('gebdatum');
    expect(headerKey('Privé')).toBe('prive');
  });

  it('applies a saved mapping by header and leaves unknown columns as they were', () => {
    const saved = { name: 'x', updatedAt: 0, columns: [{ header: 'BANK (iban/giro)', target: 'iban' }, { header: 'Opmerking', target: null }] };
    expect(applySaved(['Bank (IBAN/giro)', 'Opmerking', 'Roepnaam'], [null, 'notes', 'firstName'], saved)).toEqual(['iban', null, 'firstName']);
  });

  it('saves options without the rows left out of one file, and loads them over the defaults', () => {
    expect(savableOptions({ ...DEFAULT_OPTIONS, excludeRows: [3] })).not.toHaveProperty('excludeRows');
    expect(withSavedOptions(DEFAULT_OPTIONS, { onMatch: 'skip' })).toEqual({ ...DEFAULT_OPTIONS, onMatch: 'skip', excludeRows: [] });
  });

  it('names columns the way spreadsheets do', () => {
    expect([0, 25, 26, 27, 701].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ']);
  });

  it('builds a list source only when the choice is complete', () => {
    expect(toListSource(INITIAL_SOURCE)).toEqual({ kind: 'all' });
    expect(toListSource({ ...INITIAL_SOURCE, kind: 'group' })).toBeNull();
    expect(toListSource({ ...INITIAL_SOURCE, kind: 'group', groupId: 'g1', on: '2026-01-01' })).toEqual({ kind: 'group', groupId: 'g1', on: '2026-01-01' });
  });
});
