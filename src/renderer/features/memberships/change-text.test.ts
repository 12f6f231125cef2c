import { describe, expect, it } from 'vitest';
import { changeSentence, changesPerRelation, type ChangeWords } from './change-text';

const words: ChangeWords = {
  endsAfter: (u, d) => `${u} t/m ${d}`,
  startsLater: (u, d) => `${u} pas vanaf ${d}`,
  notBetween: (u, a, b) => `${u} niet ${a} t/m ${b}`,
  lostAll: (u) => `${u} vervalt`,
  gainedFrom: (u, d) => `${u} vanaf ${d}`,
  gainedBetween: (u, a, b) => `${u} ${a} t/m ${b}`,
  gainedUntil: (u, d) => `${u} t/m ${d}`,
  gainedAll: (u) => `${u} (hele periode)`,
};
const base = { relationId: 'r1', displayName: 'Anna Jansen', number: 7, typeCode: 'lid' };

describe('the preview of a rule change', () => {
  it('reads as a move from one unit to another on a date', () => {
    const rows = changesPerRelation(
      [
        { ...base, unitId: 'u2', unitName: 'Afdeling Uithof', gained: [{ from: '2027-01-01', to: null }], lost: [] },
        { ...base, unitId: 'u1', unitName: 'Afdeling Oost', gained: [], lost: [{ from: '2027-01-01', to: null }] },
      ],
      words,
    );
    expect(rows).toHaveLength(1);
    expect(changeSentence(rows[0]!)).toBe('Anna Jansen: Afdeling Oost t/m 31-12-2026 → Afdeling Uithof vanaf 1-1-2027');
  });

  it('names gaps, late starts and whole losses', () => {
    const rows = changesPerRelation(
      [
        { ...base, unitId: 'u1', unitName: 'Oost', gained: [], lost: [{ from: '2024-03-01', to: '2024-05-01' }, { from: null, to: '2020-01-01' }] },
        { ...base, relationId: 'r0', displayName: 'Bart Bos', unitId: 'u1', unitName: 'Oost', gained: [], lost: [{ from: null, to: null }] },
      ],
      words,
    );
    expect(rows.map(changeSentence)).toEqual(['Anna Jansen: Oost niet 1-3-2024 t/m 30-4-2024, Oost pas vanaf 1-1-2020', 'Bart Bos: Oost vervalt']);
  });

  it('shows a gain alone with an arrow', () => {
    const rows = changesPerRelation([{ ...base, unitId: 'u1', unitName: 'Oost', gained: [{ from: '2024-01-01', to: '2025-01-01' }], lost: [] }], words);
    expect(changeSentence(rows[0]!)).toBe('Anna Jansen: → Oost 1-1-2024 t/m 31-12-2024');
  });
});
