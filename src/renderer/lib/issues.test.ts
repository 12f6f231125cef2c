import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { nl } from '../i18n/nl';
import { en } from '../i18n/en';
import { camelCase, errorText, fieldKey, issueText, issuesByField } from './issues';
import { ERROR_CODES } from '../../shared/errors';

async function translator(lng: 'nl' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { nl: { translation: nl }, en: { translation: en } }, lng, interpolation: { escapeValue: false } });
  return i18n.t;
}

describe('Dutch messages for codes from the core', () => {
  it('names the field and the problem', async () => {
    const t = await translator('nl');
    expect(issueText(t, { field: 'address.postcode', code: 'POSTCODE_INVALID_FORMAT' })).toBe('Postcode: ongeldige postcode (verwacht 1234 AB)');
    expect(issueText(t, { field: 'fields.iban', code: 'IBAN_INVALID_CHECKSUM' })).toBe('IBAN: controlegetal klopt niet');
    expect(issueText(t, { field: 'address.postcode', code: 'POSTCODE_FORBIDDEN_LETTERS', details: { letters: 'SA' } })).toContain('de letters SA');
    expect(issueText(t, { field: 'fields.iban', code: 'IBAN_INVALID_LENGTH', details: { expected: 18, actual: 17 } })).toBe(
      'IBAN: verkeerde lengte: 17 tekens, verwacht 18',
    );
  });

  it('falls back to something readable for unknown and generic codes', async () => {
    const t = await translator('nl');
    expect(issueText(t, { field: 'fields.email', code: 'INPUT_SOMETHING_NEW' })).toBe('E-mail: ongeldige invoer');
    expect(issueText(t, { field: 'x.somethingNew', code: 'BRAND_NEW' })).toBe('somethingNew: ongeldige waarde (BRAND_NEW)');
  });

  it('explains conflicts by their reason', async () => {
    const t = await translator('nl');
    expect(errorText(t, { code: 'CONFLICT', details: { reason: 'RELATION_TYPE_IN_USE', count: 3 } })).toContain('nog 3 keer toegekend');
    expect(errorText(t, { code: 'NOT_FOUND', details: { entity: 'relation', id: 'x' } })).toBe('Deze relatie bestaat niet (meer).');
    expect(errorText(t, { code: 'INTERNAL' })).toContain('Er ging iets mis');
  });

  it('speaks English when asked', async () => {
    const t = await translator('en');
    expect(issueText(t, { field: 'fields.iban', code: 'IBAN_INVALID_CHECKSUM' })).toBe('IBAN: check digits do not match');
  });

  it('keys issues by form field', async () => {
    const t = await translator('nl');
    expect(issuesByField(t, [{ field: 'fields.email', code: 'EMAIL_INVALID' }, { field: 'fields.email', code: 'TEXT_TOO_LONG' }])).toEqual({
      email: 'ongeldig e-mailadres',
    });
    expect(fieldKey('values.kleur', ['values.'])).toBe('kleur');
    expect(camelCase('house_number_suffix')).toBe('houseNumberSuffix');
  });
});

describe('catalogues', () => {
  it('have a Dutch message for every issue code the core and the Dutch helpers produce', () => {
    const codes = [
      'ADDRESS_EMPTY', 'BIC_INVALID_FORMAT', 'BIC_INVALID_LENGTH', 'BOOLEAN_INVALID', 'CHOICE_INVALID', 'CHOICE_NEEDS_OPTIONS',
      'CODE_INVALID', 'CODE_TAKEN', 'COUNTRY_INVALID', 'CUSTOM_FIELD_KIND_MISMATCH', 'CUSTOM_FIELD_UNKNOWN', 'DATE_INVALID',
      'DATE_INVALID_FORMAT', 'DEATH_BEFORE_BIRTH', 'EMAIL_INVALID', 'HOUSE_LETTER_INVALID', 'HOUSE_NUMBER_INVALID',
      'HOUSE_NUMBER_SUFFIX_INVALID', 'IBAN_INVALID_CHECKSUM', 'IBAN_INVALID_FORMAT', 'IBAN_INVALID_LENGTH', 'KVK_INVALID',
      'LINK_KIND_MISMATCH', 'LINK_TO_SELF', 'MOVE_SAME_DAY_AS_START', 'NUMBER_INVALID', 'NUMBER_TAKEN', 'ORGANISATION_NEEDS_NAME',
      'PERIOD_END_BEFORE_START', 'PERSON_NEEDS_NAME_OR_EMAIL', 'PHONE_INVALID', 'POSTCODE_EMPTY', 'POSTCODE_FORBIDDEN_LETTERS',
      'POSTCODE_INVALID_FORMAT', 'RELATION_TYPE_UNKNOWN', 'TAG_CYCLE', 'TEXT_CONTROL_CHARACTER', 'TEXT_TOO_LONG', 'DATE_IN_FUTURE', 'TYPE_KIND_MISMATCH', 'URL_INVALID',
    ];
    for (const code of codes) expect(nl.errors.issue, code).toHaveProperty(code);
  });

  it('have a Dutch and an English sentence for every error code (storage faults say what to do)', () => {
    for (const code of ERROR_CODES) {
      expect(nl.errors.code, code).toHaveProperty(code);
      expect(en.errors.code, code).toHaveProperty(code);
    }
  });
});
