import { optionalUrl } from '../../../../shared/contract/fields';
import { normalizeEmail } from '../../../../shared/dutch/email';
import { validateBic, validateIban } from '../../../../shared/dutch/iban';
import { isKnownInfix, normalizeInitials, splitSurname } from '../../../../shared/dutch/names';
import { normalizePhone } from '../../../../shared/dutch/phone';
import { normalizePostcode } from '../../../../shared/dutch/postcode';
import { splitHouseNumber } from '../../../../shared/dutch/address';
import { fail, ok, type Result } from '../../../../shared/dutch/result';
import { isBlankCell } from '../read/source-table';
import { booleanOf, centsOf, countryOf, dateOf, formOf, kindOf, multilineTextOf, textOf } from './cell-values';
import { canonicalCity, parseAddressLine, parseSuffix } from './address-parts';
import { initialsFromGivenNames, parseFullName } from './person-name';
import { customCode, type BuiltinTarget, type Target } from './targets';
import { parsePaymentMethod } from '../../contributions/import-values';
import type { AddressField, ImportRecord, RelationField } from './import-record';
import type { RuleScope } from './normalise';

/** Targets in the order their rules run: later rules refine earlier ones (infix after surname, city after postcode). */
export const TARGET_ORDER: BuiltinTarget[] = [
  'kind', 'fullName', 'givenNames', 'initials', 'firstName', 'lastName', 'infix', 'organisation', 'gender', 'salutation',
  'birthDate', 'deathDate', 'email', 'email2', 'phone', 'mobile', 'website', 'iban', 'bic', 'kvkNumber', 'legalForm', 'notes',
  'address', 'street', 'houseNumber', 'houseLetter', 'houseNumberSuffix', 'country', 'postcode', 'city', 'memberSince', 'memberUntil', 'paymentMethod', 'contribution', 'number',
];

const MAX_LENGTH: Partial<Record<RelationField | AddressField, number>> = {
  initials: 30, firstName: 100, infix: 30, lastName: 150, name: 200, legalForm: 60, notes: 20_000, street: 120, city: 80, email: 254,
};

function limited(s: RuleScope, field: RelationField | AddressField, value: string): string | undefined {
  const max = MAX_LENGTH[field];
  if (max !== undefined && value.length > max) {
    s.invalid('TEXT_TOO_LONG', { max });
    return undefined;
  }
  return value;
}

function setField(rec: ImportRecord, field: RelationField, value: string | null | undefined): void {
  if (value !== undefined) rec.fields[field] = value;
}

/** A plain text or normalised field: empty cells clear only when the user asked so. */
function simple(field: RelationField, parse?: (raw: string) => Result<string>, read: (v: RuleScope['cell']['value']) => string = textOf) {
  return (s: RuleScope) => {
    const raw = read(s.cell.value);
    if (raw === '') return void (s.env.options.emptyCells === 'clear' && setField(s.rec, field, null));
    const value = parse ? s.take(parse(raw)) : raw;
    if (value !== undefined) setField(s.rec, field, limited(s, field, value));
  };
}

function addressPart(field: AddressField, parse: (s: RuleScope, raw: string) => string | number | undefined) {
  return (s: RuleScope) => {
    const raw = textOf(s.cell.value);
    if (raw === '') return void (s.env.options.emptyCells === 'clear' && (s.rec.address[field] = null));
    const value = parse(s, raw);
    if (value !== undefined) s.rec.address[field] = typeof value === 'string' ? limited(s, field, value) : value;
  };
}

function dateRule(apply: (rec: ImportRecord, date: string | null) => void, opts: { notInFuture?: boolean } = {}) {
  return (s: RuleScope) => {
    if (isBlankCell(s.cell.value)) return void (s.env.options.emptyCells === 'clear' && apply(s.rec, null));
    const date = s.take(dateOf(s.cell.value, s.env.today));
    if (date === undefined) return;
    if (opts.notInFuture && date > s.env.today) return s.invalid('DATE_IN_FUTURE');
    apply(s.rec, date);
  };
}

function urlOf(raw: string): Result<string> {
  const r = optionalUrl.safeParse(raw);
  return r.success && r.data ? ok(r.data) : fail('URL_INVALID');
}

function kvkOf(raw: string): Result<string> {
  const digits = raw.replace(/[\s.]/g, '');
  return /^\d{8}$/.test(digits) ? ok(digits) : fail('KVK_INVALID');
}

function numberOf(v: RuleScope['cell']['value']): Result<number> {
  const n = typeof v === 'number' ? v : /^\s*\d+\s*$/.test(textOf(v)) ? Number(textOf(v)) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 2_000_000_000 ? ok(n) : fail('NUMBER_INVALID');
}

const RULES: Record<BuiltinTarget, (s: RuleScope) => void> = {
  kind: (s) => {
    if (isBlankCell(s.cell.value)) return;
    const kind = s.take(kindOf(s.cell.value));
    if (kind) Object.assign(s.rec, { kind, kindGiven: true });
  },
  fullName: (s) => {
    const raw = textOf(s.cell.value);
    if (raw === '') return;
    const p = parseFullName(raw, s.env.infixes);
    for (const k of ['initials', 'firstName', 'infix', 'lastName'] as const) if (p[k]) setField(s.rec, k, limited(s, k, p[k]));
  },
  givenNames: (s) => {
    const raw = textOf(s.cell.value);
    if (raw !== '' && s.rec.fields.initials === undefined) s.rec.fields.initials = initialsFromGivenNames(raw);
  },
  initials: simple('initials', (raw) => ok(normalizeInitials(raw))),
  firstName: simple('firstName'),
  lastName: (s) => {
    const raw = textOf(s.cell.value);
    if (raw === '') return void (s.env.options.emptyCells === 'clear' && setField(s.rec, 'lastName', null));
    const split = splitSurname(raw, s.env.infixes);
    setField(s.rec, 'lastName', limited(s, 'lastName', split.lastName));
    if (split.infix) s.rec.fields.infix = split.infix;
  },
  infix: (s) => {
    const raw = textOf(s.cell.value).toLowerCase();
    if (raw === '') return void (s.env.options.emptyCells === 'clear' && !s.rec.fields.infix && setField(s.rec, 'infix', null));
    const fromSurname = s.rec.fields.infix;
    if (fromSurname && fromSurname !== raw) s.warn('INFIX_CONFLICT', { surname: fromSurname });
    if (!isKnownInfix(s.env.infixes, raw)) s.warn('INFIX_UNKNOWN');
    setField(s.rec, 'infix', limited(s, 'infix', raw));
  },
  organisation: simple('name'),
  gender: (s) => {
    if (isBlankCell(s.cell.value)) return;
    const form = s.take(formOf(s.cell.value));
    if (form) Object.assign(s.rec.fields, { gender: form.gender, addressForm: form.addressForm });
  },
  // After gender: an explicit aanhef decides the aanspreekvorm.
  salutation: (s) => {
    if (isBlankCell(s.cell.value)) return;
    const form = s.take(formOf(s.cell.value));
    if (!form) return;
    s.rec.fields.addressForm = form.addressForm;
    s.rec.fields.gender ??= form.gender;
  },
  birthDate: dateRule((rec, d) => (rec.fields.birthDate = d), { notInFuture: true }),
  deathDate: dateRule((rec, d) => (rec.fields.deathDate = d), { notInFuture: true }),
  email: (s) => {
    const raw = textOf(s.cell.value);
    if (raw === '') return void (s.env.options.emptyCells === 'clear' && setField(s.rec, 'email', null));
    // 'jan@x.nl; jan@werk.nl': the second goes to e-mail 2 unless that has its own column.
    const [first, second] = raw.split(/[;,\s]+/).filter(Boolean);
    setField(s.rec, 'email', s.take(normalizeEmail(first ?? '')));
    if (second && !s.env.columns.some((c) => c.target === 'email2')) setField(s.rec, 'email2', s.take(normalizeEmail(second)));
  },
  email2: simple('email2', normalizeEmail),
  phone: simple('phone', normalizePhone),
  mobile: simple('mobile', normalizePhone),
  website: simple('website', urlOf),
  iban: simple('iban', validateIban),
  bic: simple('bic', validateBic),
  kvkNumber: simple('kvkNumber', kvkOf),
  legalForm: simple('legalForm'),
  notes: simple('notes', undefined, multilineTextOf),
  address: (s) => {
    const raw = textOf(s.cell.value);
    if (raw === '') return;
    const parts = s.take(parseAddressLine(raw));
    if (parts) for (const [k, v] of Object.entries(parts)) if (v !== null) s.rec.address[k as AddressField] = v;
  },
  street: addressPart('street', (_s, raw) => raw),
  houseNumber: (s) => {
    if (isBlankCell(s.cell.value)) return void (s.env.options.emptyCells === 'clear' && (s.rec.address.houseNumber = null));
    const parts = s.take(splitHouseNumber(textOf(s.cell.value)));
    if (!parts) return;
    s.rec.address.houseNumber = parts.houseNumber;
    if (parts.houseLetter) s.rec.address.houseLetter = parts.houseLetter;
    if (parts.houseNumberSuffix) s.rec.address.houseNumberSuffix = parts.houseNumberSuffix;
  },
  houseLetter: addressPart('houseLetter', (s, raw) => {
    if (/^[A-Za-z]$/.test(raw)) return raw.toUpperCase();
    s.invalid('HOUSE_LETTER_INVALID');
    return undefined;
  }),
  houseNumberSuffix: (s) => {
    const raw = textOf(s.cell.value);
    if (raw === '') return;
    const parts = s.take(parseSuffix(raw, Boolean(s.rec.address.houseLetter)));
    if (parts) Object.assign(s.rec.address, parts);
  },
  country: addressPart('country', (s, raw) => s.take(countryOf(raw))),
  postcode: addressPart('postcode', (s, raw) => s.take(normalizePostcode(raw, (s.rec.address.country as string | undefined) ?? 'NL'))),
  city: addressPart('city', (s, raw) => canonicalCity(raw, (s.rec.address.postcode as string | undefined) ?? null, s.env.pc4)),
  memberSince: dateRule((rec, d) => (rec.memberSince = d)),
  memberUntil: dateRule((rec, d) => (rec.memberUntil = d)),
  paymentMethod: (s) => {
    const raw = textOf(s.cell.value);
    if (raw === '') return void (s.env.options.emptyCells === 'clear' && (s.rec.paymentMethod = null));
    const method = s.take(parsePaymentMethod(raw));
    if (method) s.rec.paymentMethod = method;
  },
  contribution: (s) => {
    if (isBlankCell(s.cell.value)) return void (s.env.options.emptyCells === 'clear' && (s.rec.contributionCents = null));
    const cents = s.take(centsOf(s.cell.value));
    if (cents === undefined) return;
    if (cents < 0) return s.invalid('AMOUNT_NEGATIVE');
    s.rec.contributionCents = cents;
  },
  number: (s) => {
    if (isBlankCell(s.cell.value)) return;
    const n = s.take(numberOf(s.cell.value));
    if (n !== undefined) s.rec.number = n;
  },
};

/** Custom fields: numbers read as Dutch amounts ('€ 12,50' → 12.5), dates and yes/no like the rest. */
function customRule(s: RuleScope, code: string): void {
  const field = s.env.customFields.get(code);
  if (!field) return s.invalid('CUSTOM_FIELD_UNKNOWN');
  if (isBlankCell(s.cell.value)) return void (s.env.options.emptyCells === 'clear' && s.rec.custom.set(code, null));
  const raw = textOf(s.cell.value);
  let value: string | undefined;
  switch (field.dataType) {
    case 'text':
      value = multilineTextOf(s.cell.value);
      break;
    case 'number': {
      const cents = s.take(centsOf(s.cell.value));
      value = cents === undefined ? undefined : String(cents / 100);
      break;
    }
    case 'date':
      value = s.take(dateOf(s.cell.value, s.env.today));
      break;
    case 'boolean': {
      const b = s.take(booleanOf(s.cell.value));
      value = b === undefined ? undefined : String(b);
      break;
    }
    case 'choice':
      value = field.options.find((o) => o.toLowerCase() === raw.toLowerCase());
      if (value === undefined) s.invalid('CHOICE_INVALID');
      break;
  }
  if (value !== undefined) s.rec.custom.set(code, value);
}

export function applyTarget(target: Target, s: RuleScope): void {
  const code = customCode(target);
  if (code !== null) customRule(s, code);
  else RULES[target as BuiltinTarget](s);
}
