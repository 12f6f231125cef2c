import { describe, expect, it } from 'vitest';
import { addressFormFromDto, addressInput, checkAddressForm, emptyAddressForm } from './address-form';

describe('address form', () => {
  it('checks postcode, house number and the period before asking the core', () => {
    const v = { ...emptyAddressForm(), postcode: '1234 SA', houseNumber: '0', validFrom: '1-1-2026', validTo: '31-12-2025' };
    expect(checkAddressForm(v).map((i) => `${i.field}:${i.code}`)).toEqual([
      'postcode:POSTCODE_FORBIDDEN_LETTERS',
      'houseNumber:HOUSE_NUMBER_INVALID',
      'validTo:PERIOD_END_BEFORE_START',
    ]);
    expect(checkAddressForm(emptyAddressForm()).map((i) => i.code)).toEqual(['ADDRESS_EMPTY']);
  });

  it('accepts a foreign postcode and sends the inclusive end as half-open', () => {
    const v = { ...emptyAddressForm(), country: 'BE', postcode: '1000', city: 'Brussel', validTo: '31-10-2026' };
    expect(checkAddressForm(v)).toEqual([]);
    expect(addressInput(v)).toMatchObject({ country: 'BE', postcode: '1000', validTo: '2026-11-01', houseNumber: null });
  });

  it('round-trips a stored address', () => {
    const dto = {
      id: 'a', relationId: 'r', type: 'home' as const, street: 'Dorpsstraat', houseNumber: 12, houseLetter: 'A', houseNumberSuffix: '2',
      poBox: null, postcode: '1234 AB', city: 'Ergens', municipality: null, province: null, country: 'NL', validFrom: '2020-05-01',
      validTo: '2026-11-01', current: true, lines: [],
    };
    const form = addressFormFromDto(dto);
    expect(form.validTo).toBe('31-10-2026');
    expect(addressInput(form)).toMatchObject({ houseNumber: 12, validFrom: '2020-05-01', validTo: '2026-11-01' });
  });
});
