import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importOptions, type ImportOptionsInput } from '../../../../shared/contract/io';
import { loadReferenceData } from '../../reference/reference-data';
import type { CellValue } from '../read/source-table';
import { headerKey, suggestMapping } from './header-match';
import { normaliseRow, type NormaliseEnv } from './normalise';
import type { Target } from './targets';
import { parseFullName } from './person-name';
import { parseAddressLine } from './address-parts';

const reference = loadReferenceData(path.resolve(import.meta.dirname, '../../../../../resources'));

function envFor(targets: Target[], options: ImportOptionsInput = {}): NormaliseEnv {
  return {
    today: '2026-11-22',
    infixes: reference.infixes,
    pc4: reference.pc4,
    customFields: new Map([
      ['contributie', { id: 'f1', code: 'contributie', label: 'Contributie', appliesTo: 'both', dataType: 'number', options: [], position: 0 }],
      ['nieuwsbrief', { id: 'f2', code: 'nieuwsbrief', label: 'Nieuwsbrief', appliesTo: 'both', dataType: 'boolean', options: [], position: 1 }],
    ]),
    options: importOptions.parse(options),
    columns: targets.map((target, column) => ({ column, header: `kolom ${column + 1}`, target })),
  };
}

function normalise(cells: Partial<Record<Target, CellValue>>, options?: ImportOptionsInput) {
  const targets = Object.keys(cells) as Target[];
  return normaliseRow({ row: 2, cells: Object.values(cells) as CellValue[] }, envFor(targets, options));
}

const codes = (r: ReturnType<typeof normalise>) => r.issues.map((i) => i.code);

describe('column headers', () => {
  it('ignores case, accents and punctuation', () => {
    expect(headerKey('E-mail')).toBe('email');
    expect(headerKey(' Geb.datum ')).toBe('gebdatum');
    expect(headerKey('Lid sinds')).toBe('lidsinds');
    expect(headerKey('Télefoon')).toBe('telefoon');
  });

  it('recognises Dutch and English headers; of two for one target the better name wins', () => {
    const dutch = ['Lidnr', 'Voorletters', 'Roepnaam', 'Voornaam', 'Tussenvoegsel', 'Achternaam', 'Straat', 'Huisnr', 'Toev', 'Postcode', 'Woonplaats', 'Land', 'E-mail', 'Telefoon', 'Mobiel', 'Geb.datum', 'Lid sinds', 'IBAN', 'BIC', 'Geslacht', 'Aanhef', 'Organisatie', 'KvK', 'Opmerking', 'Contributie'];
    expect(suggestMapping(dutch, [{ id: 'f', code: 'contributie', label: 'Contributie', appliesTo: 'both', dataType: 'number', options: [], position: 0 }])).toEqual([
      'number', 'initials', 'firstName', 'givenNames', 'infix', 'lastName', 'street', 'houseNumber', 'houseNumberSuffix', 'postcode', 'city', 'country',
      'email', 'phone', 'mobile', 'birthDate', 'memberSince', 'iban', 'bic', 'gender', 'salutation', 'organisation', 'kvkNumber', 'notes', 'custom:contributie',
    ]);
    expect(suggestMapping(['Member number', 'First name', 'Last name', 'Email', 'Zip code', 'City', 'Date of birth', 'Huisnummer', 'Naam', 'Plaats'], [])).toEqual([
      'number', 'firstName', 'lastName', 'email', 'postcode', null, 'birthDate', 'houseNumber', 'fullName', 'city',
    ]);
  });

  it("reads 'Nr' after a street as the house number, elsewhere as the relation number", () => {
    expect(suggestMapping(['Straat', 'Nr', 'Postcode'], [])).toEqual(['street', 'houseNumber', 'postcode']);
    expect(suggestMapping(['Nr', 'Naam'], [])).toEqual(['number', 'fullName']);
  });
});

describe('normalising cells', () => {
  it('writes postcodes as 1234 AB and names what is wrong with a bad one', () => {
    expect(normalise({ postcode: '1234ab' }).address.postcode).toBe('1234 AB');
    expect(normalise({ postcode: ' 3511  ab ' }).address.postcode).toBe('3511 AB');
    const bad = normalise({ postcode: '123AB' });
    expect(bad.issues).toEqual([{ row: 2, column: 0, field: 'kolom 1', code: 'POSTCODE_INVALID_FORMAT', severity: 'error', raw: '123AB' }]);
    expect(codes(normalise({ postcode: '1234 SS' }))).toEqual(['POSTCODE_FORBIDDEN_LETTERS']);
    expect(normalise({ country: 'België', postcode: '1000' }).address).toMatchObject({ country: 'BE', postcode: '1000' });
  });

  it('reads dates as Dutch people write them, and Excel serials', () => {
    for (const raw of ['3-7-1961', '03-07-61', '1961-07-03', '3 juli 1961', '19610703', 22465, { date: '1961-07-03' }] as CellValue[]) {
      expect(normalise({ birthDate: raw }).fields.birthDate).toBe('1961-07-03');
    }
    expect(normalise({ birthDate: '22465' }).fields.birthDate).toBe('1961-07-03');
    expect(codes(normalise({ birthDate: '31-02-1980' }))).toEqual(['DATE_INVALID']);
    expect(codes(normalise({ birthDate: 'gisteren' }))).toEqual(['DATE_INVALID_FORMAT']);
    expect(codes(normalise({ birthDate: '01-01-2031' }))).toEqual(['DATE_IN_FUTURE']);
  });

  it('reads amounts to cents for number fields', () => {
    expect(normalise({ 'custom:contributie': '€ 12,50' }).custom.get('contributie')).toBe('12.5');
    expect(normalise({ 'custom:contributie': '25,00' }).custom.get('contributie')).toBe('25');
    expect(normalise({ 'custom:contributie': '€ 1.234,56' }).custom.get('contributie')).toBe('1234.56');
    expect(normalise({ 'custom:contributie': 7.5 }).custom.get('contributie')).toBe('7.5');
    expect(codes(normalise({ 'custom:contributie': '12,345' }))).toEqual(['AMOUNT_TOO_MANY_DECIMALS']);
    expect(normalise({ 'custom:nieuwsbrief': 'Ja' }).custom.get('nieuwsbrief')).toBe('true');
  });

  it('validates the IBAN and stores it electronic', () => {
    expect(normalise({ iban: 'nl91 abna 0417 1643 00' }).fields.iban).toBe('NL91ABNA0417164300');
    expect(codes(normalise({ iban: 'NL91ABNA0417164301' }))).toEqual(['IBAN_INVALID_CHECKSUM']);
  });

  it('splits the tussenvoegsel out of a surname wherever it is written', () => {
    expect(normalise({ lastName: 'Berg, van den' }).fields).toMatchObject({ infix: 'van den', lastName: 'Berg' });
    expect(normalise({ lastName: 'van der Meer' }).fields).toMatchObject({ infix: 'van der', lastName: 'Meer' });
    expect(normalise({ lastName: 'Jansen-van Dijk' }).fields).toEqual({ lastName: 'Jansen-van Dijk' });
    // A tussenvoegsel column wins; the difference is reported.
    const both = normalise({ lastName: 'Berg, van den', infix: 'van' });
    expect(both.fields).toMatchObject({ infix: 'van', lastName: 'Berg' });
    expect(codes(both)).toEqual(['INFIX_CONFLICT']);
  });

  it('reads full names in any order', () => {
    const infixes = reference.infixes;
    expect(parseFullName('Vries, Jan de', infixes)).toEqual({ initials: null, firstName: 'Jan', infix: 'de', lastName: 'Vries' });
    expect(parseFullName('Jan van den Berg', infixes)).toEqual({ initials: null, firstName: 'Jan', infix: 'van den', lastName: 'Berg' });
    expect(parseFullName('J.P. Jansen', infixes)).toEqual({ initials: 'J.P.', firstName: null, infix: null, lastName: 'Jansen' });
    expect(parseFullName('Berg, J. van den', infixes)).toEqual({ initials: 'J.', firstName: null, infix: 'van den', lastName: 'Berg' });
    expect(parseFullName("Bram 't Hart", infixes)).toEqual({ initials: null, firstName: 'Bram', infix: "'t", lastName: 'Hart' });
  });

  it('lower-cases and validates e-mail, and moves a second address to e-mail 2', () => {
    expect(normalise({ email: ' Jan.de.Vries@Example.NL ' }).fields.email).toBe('jan.de.vries@example.nl');
    expect(normalise({ email: 'a@x.nl; b@y.nl' }).fields).toMatchObject({ email: 'a@x.nl', email2: 'b@y.nl' });
    expect(codes(normalise({ email: 'piet@' }))).toEqual(['EMAIL_INVALID']);
  });

  it('turns aanhef and gender words into gender and aanspreekvorm', () => {
    const cases: [string, string, string][] = [
      ['Dhr.', 'm', 'heer'], ['De heer', 'm', 'heer'], ['heer', 'm', 'heer'], ['M', 'm', 'heer'],
      ['Mevr.', 'v', 'mevrouw'], ['mevrouw', 'v', 'mevrouw'], ['Mw.', 'v', 'mevrouw'], ['V', 'v', 'mevrouw'], ['X', 'x', 'neutraal'],
    ];
    for (const [word, gender, addressForm] of cases) expect(normalise({ salutation: word }).fields).toEqual({ gender, addressForm });
    expect(codes(normalise({ salutation: 'Dr.' }))).toEqual(['SALUTATION_UNKNOWN']);
    // An explicit aanhef decides the aanspreekvorm; the gender column the gender.
    expect(normalise({ gender: 'V', salutation: 'neutraal' }).fields).toEqual({ gender: 'v', addressForm: 'neutraal' });
  });

  it('splits house numbers, letters and additions', () => {
    expect(normalise({ houseNumber: '12a' }).address).toEqual({ houseNumber: 12, houseLetter: 'A' });
    expect(normalise({ houseNumber: 12, houseNumberSuffix: '-2' }).address).toEqual({ houseNumber: 12, houseNumberSuffix: '2' });
    expect(normalise({ houseNumber: '7', houseNumberSuffix: 'b' }).address).toEqual({ houseNumber: 7, houseLetter: 'B' });
    expect(parseAddressLine('Keizersgracht 100, hs')).toEqual({ ok: true, value: { street: 'Keizersgracht', houseNumber: 100, houseLetter: null, houseNumberSuffix: 'hs', poBox: null } });
    expect(parseAddressLine('Plein 1944 12')).toMatchObject({ ok: true, value: { street: 'Plein 1944', houseNumber: 12 } });
    expect(parseAddressLine('Postbus 123')).toMatchObject({ ok: true, value: { poBox: 'Postbus 123' } });
  });

  it('writes the city as the postcode table spells it', () => {
    expect(normalise({ postcode: '3511 AB', city: 'UTRECHT' }).address.city).toBe('Utrecht');
    expect(normalise({ postcode: '5211 JK', city: "'S-HERTOGENBOSCH" }).address.city).toBe("'s-Hertogenbosch");
  });

  it('only drops the bad cell when asked to skip invalid values, and clears on empty cells when asked', () => {
    const skip = normalise({ email: 'piet@', lastName: 'Jansen' }, { invalidValues: 'skipField' });
    expect(skip.issues[0]).toMatchObject({ code: 'EMAIL_INVALID', severity: 'warning' });
    expect(skip.fields).toEqual({ lastName: 'Jansen' });
    expect(normalise({ email: '', lastName: 'Jansen' }).fields).toEqual({ lastName: 'Jansen' });
    expect(normalise({ email: '', lastName: 'Jansen' }, { emptyCells: 'clear' }).fields).toEqual({ email: null, lastName: 'Jansen' });
  });

  it('makes a row with only an organisation name an organisation', () => {
    const org = normalise({ organisation: 'Stichting Het Anker', kvkNumber: '1234 5678' });
    expect(org).toMatchObject({ kind: 'organisation', fields: { name: 'Stichting Het Anker', kvkNumber: '12345678' } });
    const person = normalise({ lastName: 'Jansen', organisation: 'Het Anker' });
    expect(person.kind).toBe('person');
    expect(codes(person)).toEqual(['ORGANISATION_NOT_LINKED']);
  });
});
