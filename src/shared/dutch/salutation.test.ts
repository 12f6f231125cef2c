import { describe, expect, it } from 'vitest';
import { addresseeLine, formalSalutation, informalSalutation } from './salutation';

const deVries = { initials: 'J.', firstName: 'Jan', infix: 'de', lastName: 'Vries' };
const vdBerg = { initials: 'M.', firstName: 'Marieke', infix: 'van den', lastName: 'Berg' };

describe('formalSalutation', () => {
  it('uses heer/mevrouw in lower case and capitalises the infix', () => {
    expect(formalSalutation({ ...deVries, form: 'heer' })).toBe('Geachte heer De Vries');
    expect(formalSalutation({ ...vdBerg, form: 'mevrouw' })).toBe('Geachte mevrouw Van den Berg');
  });
  it("keeps 't and d' in lower case", () => {
    expect(formalSalutation({ infix: "'t", lastName: 'Hart', form: 'heer' })).toBe("Geachte heer 't Hart");
    expect(formalSalutation({ infix: "d'", lastName: 'Ancona', form: 'mevrouw' })).toBe(
      "Geachte mevrouw d'Ancona",
    );
  });
  it('uses only the first part of a double surname', () => {
    expect(formalSalutation({ firstName: 'Anna', lastName: 'Jansen-de Jong', form: 'mevrouw' })).toBe(
      'Geachte mevrouw Jansen',
    );
    expect(formalSalutation({ infix: 'van der', lastName: 'Ven-van Dijk', form: 'mevrouw' })).toBe(
      'Geachte mevrouw Van der Ven',
    );
  });
  it('is gender-neutral with initials first, so the infix stays lower case', () => {
    expect(formalSalutation({ ...deVries, form: 'neutraal' })).toBe('Geachte J. de Vries');
    expect(formalSalutation({ firstName: 'Sam', infix: 'de', lastName: 'Vries', form: 'neutraal' })).toBe(
      'Geachte Sam de Vries',
    );
  });
  it('names both forms when the form is unknown', () => {
    expect(formalSalutation({ initials: 'P.', infix: 'van der', lastName: 'Aa', form: null })).toBe(
      'Geachte heer of mevrouw Van der Aa',
    );
  });
  it('falls back to a generic salutation without a surname', () => {
    expect(formalSalutation({ form: null })).toBe('Geachte heer, mevrouw');
    expect(formalSalutation({ firstName: 'Jan', form: 'neutraal' })).toBe('Geachte heer, mevrouw');
    expect(formalSalutation({ form: 'heer' })).toBe('Geachte heer');
  });
  it('leaves out initials and first names and adds no punctuation', () => {
    const s = formalSalutation({ ...deVries, form: 'heer' });
    expect(s).not.toContain('J.');
    expect(s).not.toContain('Jan');
    expect(s.endsWith(',')).toBe(false);
  });
  it('writes a Belgian name exactly as registered', () => {
    expect(
      formalSalutation({ firstName: 'Patsy', infix: 'Van der', lastName: 'Meeren', exactName: true, form: 'mevrouw' }),
    ).toBe('Geachte mevrouw Van der Meeren');
    expect(formalSalutation({ infix: 'da', lastName: 'Costa', exactName: true, form: 'heer' })).toBe(
      'Geachte heer da Costa',
    );
  });
});

describe('informalSalutation', () => {
  it('uses the first name', () => {
    expect(informalSalutation(deVries)).toBe('Beste Jan');
  });
  it('falls back to the full name', () => {
    expect(informalSalutation({ initials: 'J.', infix: 'de', lastName: 'Vries' })).toBe('Beste J. de Vries');
    expect(informalSalutation({ infix: 'de', lastName: 'Vries' })).toBe('Beste De Vries');
    expect(informalSalutation({})).toBe('Beste heer, mevrouw');
  });
});

describe('addresseeLine', () => {
  it('writes De heer / Mevrouw with initials', () => {
    expect(addresseeLine({ ...deVries, form: 'heer' })).toBe('De heer J. de Vries');
    expect(addresseeLine({ ...vdBerg, form: 'mevrouw' })).toBe('Mevrouw M. van den Berg');
  });
  it('has no form word for neutral or unknown', () => {
    expect(addresseeLine({ ...deVries, form: 'neutraal' })).toBe('J. de Vries');
    expect(addresseeLine({ ...deVries, form: null })).toBe('J. de Vries');
  });
  it('capitalises the infix when there are no initials or first name', () => {
    expect(addresseeLine({ infix: 'de', lastName: 'Vries', form: 'heer' })).toBe('De heer De Vries');
  });
  it('keeps a double surname whole and never says mejuffrouw', () => {
    const line = addresseeLine({ initials: 'A.', lastName: 'Jansen-de Jong', form: 'mevrouw' });
    expect(line).toBe('Mevrouw A. Jansen-de Jong');
    expect(line.toLowerCase()).not.toContain('mejuffrouw');
  });
  it('is empty without any name', () => {
    expect(addresseeLine({ form: 'heer' })).toBe('');
  });
});
