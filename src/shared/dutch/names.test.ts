import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dutchSortKey } from './text';
import {
  capitalizeInfix,
  formalName,
  formatSurname,
  fullName,
  isKnownInfix,
  normalizeInitials,
  parseVoorvoegsels,
  sortKey,
  sortName,
  splitSurname,
} from './names';

const voorvoegselsCsv = readFileSync(
  new URL('../../../resources/data/voorvoegsels-rvig-tabel36.csv', import.meta.url),
  'utf8',
);
const known = parseVoorvoegsels(voorvoegselsCsv);

describe('normalizeInitials', () => {
  it('puts a dot after every initial and capitalises', () => {
    expect(normalizeInitials('jp')).toBe('J.P.');
    expect(normalizeInitials('J. P.')).toBe('J.P.');
    expect(normalizeInitials('j.p.m')).toBe('J.P.M.');
    expect(normalizeInitials('  a ')).toBe('A.');
  });
  it('keeps customary multi-letter initials written with a dot', () => {
    expect(normalizeInitials('Th.')).toBe('Th.');
    expect(normalizeInitials('J.Th.M.')).toBe('J.Th.M.');
    expect(normalizeInitials('chr. j.')).toBe('Chr.J.');
    expect(normalizeInitials('ij.')).toBe('IJ.');
  });
  it('is idempotent and empty for empty input', () => {
    expect(normalizeInitials('J.P.M.')).toBe('J.P.M.');
    expect(normalizeInitials('')).toBe('');
    expect(normalizeInitials(' . ')).toBe('');
  });
});

describe('capitalizeInfix', () => {
  it('capitalises only the first word', () => {
    expect(capitalizeInfix('van den')).toBe('Van den');
    expect(capitalizeInfix('de')).toBe('De');
    expect(capitalizeInfix('in  het')).toBe('In het');
    expect(capitalizeInfix('VAN DER')).toBe('Van der');
  });
  it("keeps 't and d' in lower case", () => {
    expect(capitalizeInfix("'t")).toBe("'t");
    expect(capitalizeInfix("d'")).toBe("d'");
    expect(capitalizeInfix("'s")).toBe("'s");
  });
});

describe('fullName', () => {
  it('writes the infix in lower case after a first name or initials', () => {
    expect(fullName({ firstName: 'Jan', infix: 'de', lastName: 'Vries' })).toBe('Jan de Vries');
    expect(fullName({ initials: 'J.', infix: 'de', lastName: 'Vries' })).toBe('J. de Vries');
    expect(fullName({ firstName: 'Jan', initials: 'J.P.', infix: 'de', lastName: 'Vries' })).toBe(
      'Jan de Vries',
    );
  });
  it('capitalises the infix when nothing precedes it', () => {
    expect(fullName({ infix: 'de', lastName: 'Vries' })).toBe('De Vries');
    expect(fullName({ infix: 'van den', lastName: 'Berg' })).toBe('Van den Berg');
    expect(fullName({ infix: "'t", lastName: 'Hart' })).toBe("'t Hart");
    expect(fullName({ infix: "d'", lastName: 'Ancona' })).toBe("d'Ancona");
  });
  it('handles partial names', () => {
    expect(fullName({ firstName: 'Jan' })).toBe('Jan');
    expect(fullName({ lastName: 'Jansen' })).toBe('Jansen');
    expect(fullName({})).toBe('');
    expect(fullName({ firstName: null, infix: null, lastName: null })).toBe('');
  });
  it('keeps a double surname with its inner infix in lower case', () => {
    expect(fullName({ infix: 'van der', lastName: 'Ven-van Dijk' })).toBe('Van der Ven-van Dijk');
    expect(fullName({ firstName: 'Anna', lastName: 'Jansen-de Jong' })).toBe('Anna Jansen-de Jong');
  });
  it('never changes the infix of a name written exactly as registered', () => {
    const patsy = { firstName: 'Patsy', infix: 'Van der', lastName: 'Meeren', exactName: true };
    expect(fullName(patsy)).toBe('Patsy Van der Meeren');
    expect(fullName({ infix: 'da', lastName: 'Silva', exactName: true })).toBe('da Silva');
  });
  it('tidies stray whitespace', () => {
    expect(fullName({ firstName: ' Jan ', infix: ' van  den ', lastName: ' Berg ' })).toBe('Jan van den Berg');
  });
});

describe('formalName', () => {
  it('prefers initials, falls back to the first name', () => {
    expect(formalName({ initials: 'J.', firstName: 'Jan', infix: 'de', lastName: 'Vries' })).toBe('J. de Vries');
    expect(formalName({ firstName: 'Jan', infix: 'de', lastName: 'Vries' })).toBe('Jan de Vries');
    expect(formalName({ infix: 'de', lastName: 'Vries' })).toBe('De Vries');
  });
});

describe('formatSurname', () => {
  it('depends on whether something precedes it', () => {
    expect(formatSurname({ infix: 'van der', lastName: 'Aa' }, false)).toBe('Van der Aa');
    expect(formatSurname({ infix: 'van der', lastName: 'Aa' }, true)).toBe('van der Aa');
    expect(formatSurname({ infix: 'van der' }, false)).toBe('');
  });
});

describe('sortName and sortKey', () => {
  it('puts the core word first', () => {
    expect(sortName({ firstName: 'Jan', infix: 'de', lastName: 'Vries' })).toBe('Vries, Jan de');
    expect(sortName({ initials: 'J.', infix: 'van den', lastName: 'Berg' })).toBe('Berg, J. van den');
    expect(sortName({ infix: 'de', lastName: 'Vries' })).toBe('Vries, de');
    expect(sortName({ lastName: 'Jansen' })).toBe('Jansen');
    expect(sortName({ firstName: 'Jan' })).toBe('Jan');
  });
  it('builds a case- and accent-insensitive key from lastName infix firstName initials', () => {
    expect(sortKey({ firstName: 'Zoë', infix: 'van den', lastName: 'Berg', initials: 'Z.' })).toBe(
      'berg van den zoe z.',
    );
  });
  it('orders De Vries under V and Van den Berg under B, infix before first name', () => {
    const people = [
      { firstName: 'Jan', infix: 'de', lastName: 'Vries' },
      { firstName: 'Piet', infix: 'van den', lastName: 'Berg' },
      { firstName: 'Kees', lastName: 'Bakker' },
      { firstName: 'Émile', lastName: 'Vries' },
    ];
    const sorted = [...people].sort((a, b) => sortKey(a).localeCompare(sortKey(b))).map(fullName);
    expect(sorted).toEqual(['Kees Bakker', 'Piet van den Berg', 'Jan de Vries', 'Émile Vries']);
  });
});

describe('voorvoegsel table', () => {
  it('loads all 165 RvIG tussenvoegsels without the header', () => {
    expect(known.size).toBe(165);
    expect(known.has('voorvoegsel')).toBe(false);
    expect(known.has('van der')).toBe(true);
    expect(known.has("'t")).toBe(true);
    expect(known.has("d'")).toBe(true);
  });
  it('matches regardless of case, spacing and typographic apostrophes', () => {
    expect(isKnownInfix(known, 'Van  Der')).toBe(true);
    expect(isKnownInfix(known, '’t')).toBe(true);
    expect(isKnownInfix(known, 'vander')).toBe(false);
    expect(isKnownInfix(known, 'xyz')).toBe(false);
  });
});

describe('splitSurname', () => {
  it('splits Dutch voorvoegsels in any case, but keeps a capitalised foreign article in the surname', () => {
    expect(splitSurname('Van Den Berg', known)).toEqual({ infix: 'van den', lastName: 'Berg' });
    expect(splitSurname('Berg Van Den', known)).toEqual({ infix: 'van den', lastName: 'Berg' });
    expect(splitSurname('El Amrani', known)).toEqual({ infix: null, lastName: 'El Amrani' });
    expect(splitSurname('el Amrani', known)).toEqual({ infix: 'el', lastName: 'Amrani' });
    expect(splitSurname('De la Cruz', known)).toEqual({ infix: null, lastName: 'De la Cruz' });
    expect(splitSurname('de la Cruz', known)).toEqual({ infix: 'de la', lastName: 'Cruz' });
    expect(splitSurname('Ho Le', known)).toEqual({ infix: null, lastName: 'Ho Le' });
  });

  it('splits a leading infix, longest match first', () => {
    expect(splitSurname('van den Berg', known)).toEqual({ infix: 'van den', lastName: 'Berg' });
    expect(splitSurname('van der Meer', known)).toEqual({ infix: 'van der', lastName: 'Meer' });
    expect(splitSurname('van Dijk', known)).toEqual({ infix: 'van', lastName: 'Dijk' });
    expect(splitSurname("in 't Veld", known)).toEqual({ infix: "in 't", lastName: 'Veld' });
  });
  it('splits a capitalised leading infix into the lower-case BRP form', () => {
    expect(splitSurname('De Vries', known)).toEqual({ infix: 'de', lastName: 'Vries' });
    expect(splitSurname('Van Den Berg', known)).toEqual({ infix: 'van den', lastName: 'Berg' });
  });
  it("handles 't and glued elided articles", () => {
    expect(splitSurname("'t Hart", known)).toEqual({ infix: "'t", lastName: 'Hart' });
    expect(splitSurname('’t Hart', known)).toEqual({ infix: "'t", lastName: 'Hart' });
    expect(splitSurname("d'Ancona", known)).toEqual({ infix: "d'", lastName: 'Ancona' });
    expect(splitSurname("van de l'Isle", known)).toEqual({ infix: "van de l'", lastName: 'Isle' });
  });
  it('reads the comma notation of lists', () => {
    expect(splitSurname('Berg, van den', known)).toEqual({ infix: 'van den', lastName: 'Berg' });
    expect(splitSurname('Vries, de', known)).toEqual({ infix: 'de', lastName: 'Vries' });
    expect(splitSurname('Vries,de', known)).toEqual({ infix: 'de', lastName: 'Vries' });
    expect(splitSurname('van den Berg,', known)).toEqual({ infix: 'van den', lastName: 'Berg' });
    expect(splitSurname('Mulder-de Graaf, van', known)).toEqual({ infix: 'van', lastName: 'Mulder-de Graaf' });
  });
  it('leaves a comma alone when the part after it is not an infix', () => {
    expect(splitSurname('Vries, Jan', known)).toEqual({ infix: null, lastName: 'Vries, Jan' });
  });
  it('reads a trailing infix written after the name by old systems', () => {
    expect(splitSurname('Berg van den', known)).toEqual({ infix: 'van den', lastName: 'Berg' });
    expect(splitSurname('Vries de', known)).toEqual({ infix: 'de', lastName: 'Vries' });
    expect(splitSurname('BERG VAN DEN', known)).toEqual({ infix: 'van den', lastName: 'BERG' });
  });
  it('does not take a capitalised last word for a trailing infix', () => {
    expect(splitSurname('Ho Le', known)).toEqual({ infix: null, lastName: 'Ho Le' });
  });
  it('does not split double names at their inner infix', () => {
    expect(splitSurname('Jansen-van Dijk', known)).toEqual({ infix: null, lastName: 'Jansen-van Dijk' });
    expect(splitSurname('Jansen-de Jong', known)).toEqual({ infix: null, lastName: 'Jansen-de Jong' });
  });
  it('gives a leading infix of a double name to the whole name', () => {
    expect(splitSurname('van der Ven-van Dijk', known)).toEqual({ infix: 'van der', lastName: 'Ven-van Dijk' });
    expect(splitSurname('Den Braber-ten Haaf', known)).toEqual({ infix: 'den', lastName: 'Braber-ten Haaf' });
  });
  it('leaves unknown words and single words alone', () => {
    expect(splitSurname('Vandenberg', known)).toEqual({ infix: null, lastName: 'Vandenberg' });
    expect(splitSurname('Jansen', known)).toEqual({ infix: null, lastName: 'Jansen' });
    expect(splitSurname('Van', known)).toEqual({ infix: null, lastName: 'Van' });
    expect(splitSurname("O'Brien", known)).toEqual({ infix: null, lastName: "O'Brien" });
    expect(splitSurname('  ', known)).toEqual({ infix: null, lastName: '' });
    expect(splitSurname('van der', known)).toEqual({ infix: null, lastName: 'van der' });
  });
  it('collapses whitespace', () => {
    expect(splitSurname('  van   der  Meer ', known)).toEqual({ infix: 'van der', lastName: 'Meer' });
  });
});

describe('Dutch sort order', () => {
  it("sorts 't Hart under H and 's-Gravenhage under G, ignoring leading punctuation", () => {
    expect(dutchSortKey("'t Hart")).toBe('hart');
    expect(dutchSortKey('’t Hart Bakkerij')).toBe('hart bakkerij');
    expect(dutchSortKey("'s-Gravenhage")).toBe('gravenhage');
    expect(dutchSortKey('"De Ster" Koor')).toBe('de ster" koor');
    expect(dutchSortKey("'tHart")).toBe('thart');
    const names = ["'t Hart", 'Haan', 'Aalders', 'Hoek', "'s Jongers"].sort((a, b) => dutchSortKey(a).localeCompare(dutchSortKey(b)));
    expect(names).toEqual(['Aalders', 'Haan', "'t Hart", 'Hoek', "'s Jongers"]);
    expect(sortKey({ lastName: "'t Hart", firstName: 'Jan', infix: null, initials: null })).toBe('hart jan');
  });
});
