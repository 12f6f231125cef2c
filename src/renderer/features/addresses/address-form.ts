import type { AddressDto, AddressInput } from '../../../shared/contract';
import type { FieldIssue } from '../../../shared/errors';
import { exclusiveEnd, inclusiveEnd, parseDateText, showDate } from '../../lib/dates';
import { checks, runChecks, type Check } from '../../lib/validators';

/** An address as its inputs hold it; `validTo` here is the LAST valid day (inclusive). */
export interface AddressFormValues {
  type: string;
  street: string;
  houseNumber: string;
  houseLetter: string;
  houseNumberSuffix: string;
  poBox: string;
  postcode: string;
  city: string;
  municipality: string;
  province: string;
  country: string;
  validFrom: string;
  validTo: string;
}

export function emptyAddressForm(type = 'home'): AddressFormValues {
  return {
    type, street: '', houseNumber: '', houseLetter: '', houseNumberSuffix: '', poBox: '', postcode: '',
    city: '', municipality: '', province: '', country: 'NL', validFrom: '', validTo: '',
  };
}

export function addressFormFromDto(a: AddressDto): AddressFormValues {
  return {
    type: a.type,
    street: a.street ?? '',
    houseNumber: a.houseNumber === null ? '' : String(a.houseNumber),
    houseLetter: a.houseLetter ?? '',
    houseNumberSuffix: a.houseNumberSuffix ?? '',
    poBox: a.poBox ?? '',
    postcode: a.postcode ?? '',
    city: a.city ?? '',
    municipality: a.municipality ?? '',
    province: a.province ?? '',
    country: a.country,
    validFrom: showDate(a.validFrom),
    validTo: showDate(inclusiveEnd(a.validTo)),
  };
}

export function addressChecks(country: string): Partial<Record<keyof AddressFormValues, Check>> {
  return {
    postcode: checks.postcode(country),
    houseNumber: checks.houseNumber,
    houseLetter: checks.houseLetter,
    houseNumberSuffix: checks.houseNumberSuffix,
    country: checks.country,
    validFrom: checks.date,
    validTo: checks.date,
  };
}

function isoOrNull(text: string): string | null {
  const r = parseDateText(text);
  return r.ok ? r.value : null;
}

export function isAddressEmpty(v: AddressFormValues): boolean {
  return !v.street.trim() && !v.poBox.trim() && !v.postcode.trim() && !v.city.trim();
}

/** Format checks, "an address needs something" and "the last day is not before the first". */
export function checkAddressForm(v: AddressFormValues): FieldIssue[] {
  const issues = runChecks(v, addressChecks(v.country));
  if (isAddressEmpty(v)) issues.push({ field: 'street', code: 'ADDRESS_EMPTY' });
  const from = isoOrNull(v.validFrom);
  const last = isoOrNull(v.validTo);
  if (from && last && last < from) issues.push({ field: 'validTo', code: 'PERIOD_END_BEFORE_START' });
  return issues;
}

export function addressInput(v: AddressFormValues): AddressInput {
  const n = v.houseNumber.trim();
  return {
    type: v.type as AddressInput['type'],
    street: v.street,
    houseNumber: n === '' ? null : Number(n),
    houseLetter: v.houseLetter,
    houseNumberSuffix: v.houseNumberSuffix.replace(/^[-\s/]+/, ''),
    poBox: v.poBox,
    postcode: v.postcode,
    city: v.city,
    municipality: v.municipality,
    province: v.province,
    country: v.country.trim() || 'NL',
    validFrom: isoOrNull(v.validFrom),
    validTo: exclusiveEnd(isoOrNull(v.validTo)),
  };
}
