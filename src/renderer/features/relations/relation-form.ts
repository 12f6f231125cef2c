import type { RelationDetail, RelationFieldsInput, RelationKind } from '../../../shared/contract';
import type { FieldIssue } from '../../../shared/errors';
import { parseDateText, showDate } from '../../lib/dates';
import { checks, runChecks, type Check } from '../../lib/validators';

/** The card's editable fields as the inputs hold them: text, with dates in Dutch notation. */
export interface RelationFormValues {
  initials: string;
  firstName: string;
  infix: string;
  lastName: string;
  exactName: boolean;
  gender: string;
  addressForm: string;
  birthDate: string;
  deathDate: string;
  name: string;
  legalForm: string;
  kvkNumber: string;
  emailDomain: string;
  email: string;
  email2: string;
  phone: string;
  mobile: string;
  website: string;
  socialLinks: string;
  iban: string;
  bic: string;
  notes: string;
}

export type RelationField = keyof RelationFormValues;

export function emptyRelationForm(): RelationFormValues {
  return {
    initials: '', firstName: '', infix: '', lastName: '', exactName: false, gender: '', addressForm: '',
    birthDate: '', deathDate: '', name: '', legalForm: '', kvkNumber: '', emailDomain: '',
    email: '', email2: '', phone: '', mobile: '', website: '', socialLinks: '', iban: '', bic: '', notes: '',
  };
}

export function formFromDetail(fields: RelationDetail['fields']): RelationFormValues {
  return {
    initials: fields.initials ?? '',
    firstName: fields.firstName ?? '',
    infix: fields.infix ?? '',
    lastName: fields.lastName ?? '',
    exactName: fields.exactName,
    gender: fields.gender ?? '',
    addressForm: fields.addressForm ?? '',
    birthDate: showDate(fields.birthDate),
    deathDate: showDate(fields.deathDate),
    name: fields.name ?? '',
    legalForm: fields.legalForm ?? '',
    kvkNumber: fields.kvkNumber ?? '',
    emailDomain: fields.emailDomain ?? '',
    email: fields.email ?? '',
    email2: fields.email2 ?? '',
    phone: fields.phone ?? '',
    mobile: fields.mobile ?? '',
    website: fields.website ?? '',
    socialLinks: fields.socialLinks.join('\n'),
    iban: fields.iban ?? '',
    bic: fields.bic ?? '',
    notes: fields.notes ?? '',
  };
}

/** Per-field instant checks (run on blur and before saving). */
export const relationChecks: Partial<Record<RelationField, Check>> = {
  birthDate: checks.date,
  deathDate: checks.date,
  kvkNumber: checks.kvk,
  email: checks.email,
  email2: checks.email,
  phone: checks.phone,
  mobile: checks.phone,
  iban: checks.iban,
  bic: checks.bic,
};

/** What the card can tell before asking the core: format checks and "who is this?". */
export function checkRelationForm(kind: RelationKind, v: RelationFormValues): FieldIssue[] {
  const issues = runChecks(v, relationChecks);
  if (kind === 'person' && !v.firstName.trim() && !v.lastName.trim() && !v.email.trim()) {
    issues.push({ field: 'lastName', code: 'PERSON_NEEDS_NAME_OR_EMAIL' });
  }
  if (kind === 'organisation' && !v.name.trim()) issues.push({ field: 'name', code: 'ORGANISATION_NEEDS_NAME' });
  return issues;
}

function date(text: string): string | null {
  const r = parseDateText(text);
  return r.ok ? r.value : text;
}

function orNull<T extends string>(s: string): T | null {
  return s === '' ? null : (s as T);
}

/** The whole field set for relations.create/update (the core diffs it against the stored row). */
export function fieldsInput(v: RelationFormValues): RelationFieldsInput {
  return {
    initials: v.initials,
    firstName: v.firstName,
    infix: v.infix,
    lastName: v.lastName,
    exactName: v.exactName,
    gender: orNull<'m' | 'v' | 'x'>(v.gender),
    addressForm: orNull<'heer' | 'mevrouw' | 'neutraal'>(v.addressForm),
    birthDate: date(v.birthDate),
    deathDate: date(v.deathDate),
    name: v.name,
    legalForm: v.legalForm,
    kvkNumber: v.kvkNumber,
    emailDomain: v.emailDomain,
    email: v.email,
    email2: v.email2,
    phone: v.phone,
    mobile: v.mobile,
    website: v.website,
    socialLinks: v.socialLinks.split('\n').map((s) => s.trim()).filter(Boolean),
    iban: v.iban,
    bic: v.bic,
    notes: v.notes,
  };
}
