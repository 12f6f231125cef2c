import { describe, expect, it } from 'vitest';
import { checkRelationForm, emptyRelationForm, fieldsInput } from './relation-form';

describe('relation form', () => {
  it('needs a name or e-mail for a person and a name for an organisation', () => {
    expect(checkRelationForm('person', emptyRelationForm()).map((i) => i.code)).toEqual(['PERSON_NEEDS_NAME_OR_EMAIL']);
    expect(checkRelationForm('person', { ...emptyRelationForm(), email: 'jan@voorbeeld.nl' })).toEqual([]);
    expect(checkRelationForm('organisation', emptyRelationForm()).map((i) => i.code)).toEqual(['ORGANISATION_NEEDS_NAME']);
  });

  it('flags a wrong IBAN check digit and a bad date on their fields', () => {
    const v = { ...emptyRelationForm(), lastName: 'Jansen', iban: 'NL91ABNA0417164301', birthDate: '31-2-1990' };
    expect(checkRelationForm('person', v).map((i) => `${i.field}:${i.code}`)).toEqual(['birthDate:DATE_INVALID', 'iban:IBAN_INVALID_CHECKSUM']);
  });

  it('sends dates as ISO and social links as a list', () => {
    const input = fieldsInput({ ...emptyRelationForm(), lastName: 'Jansen', birthDate: '3-7-1961', socialLinks: ' a \n\n b ', gender: 'v' });
    expect(input).toMatchObject({ birthDate: '1961-07-03', deathDate: null, socialLinks: ['a', 'b'], gender: 'v', addressForm: null });
  });
});
