import type { CustomFieldDto } from '../../../../shared/contract';

/** Where an imported column can go. Person/organisation says which kind of relation uses it. */
export const IMPORT_TARGETS = {
  number: { label: 'Relatienummer', kind: 'both' },
  kind: { label: 'Soort (persoon/organisatie)', kind: 'both' },
  initials: { label: 'Voorletters', kind: 'person' },
  givenNames: { label: 'Voornamen (voluit)', kind: 'person' },
  firstName: { label: 'Roepnaam', kind: 'person' },
  infix: { label: 'Tussenvoegsel', kind: 'person' },
  lastName: { label: 'Achternaam', kind: 'person' },
  fullName: { label: 'Naam (volledig)', kind: 'person' },
  organisation: { label: 'Organisatie', kind: 'organisation' },
  salutation: { label: 'Aanhef', kind: 'person' },
  gender: { label: 'Geslacht', kind: 'person' },
  birthDate: { label: 'Geboortedatum', kind: 'person' },
  deathDate: { label: 'Overlijdensdatum', kind: 'person' },
  email: { label: 'E-mail', kind: 'both' },
  email2: { label: 'E-mail 2', kind: 'both' },
  phone: { label: 'Telefoon', kind: 'both' },
  mobile: { label: 'Mobiel', kind: 'both' },
  website: { label: 'Website', kind: 'both' },
  iban: { label: 'IBAN', kind: 'both' },
  bic: { label: 'BIC', kind: 'both' },
  kvkNumber: { label: 'KvK-nummer', kind: 'organisation' },
  legalForm: { label: 'Rechtsvorm', kind: 'organisation' },
  notes: { label: 'Opmerkingen', kind: 'both' },
  address: { label: 'Adres (straat en huisnummer)', kind: 'both' },
  street: { label: 'Straat', kind: 'both' },
  houseNumber: { label: 'Huisnummer', kind: 'both' },
  houseLetter: { label: 'Huisletter', kind: 'both' },
  houseNumberSuffix: { label: 'Huisnummertoevoeging', kind: 'both' },
  postcode: { label: 'Postcode', kind: 'both' },
  city: { label: 'Plaats', kind: 'both' },
  country: { label: 'Land', kind: 'both' },
  memberSince: { label: 'Lid sinds', kind: 'both' },
  memberUntil: { label: 'Lid tot', kind: 'both' },
  paymentMethod: { label: 'Betaalwijze (incasso, factuur, contant)', kind: 'both' },
  contribution: { label: 'Contributie (bedrag)', kind: 'both' },
} as const satisfies Record<string, { label: string; kind: 'person' | 'organisation' | 'both' }>;

export type BuiltinTarget = keyof typeof IMPORT_TARGETS;
export type CustomTarget = `custom:${string}`;
export type Target = BuiltinTarget | CustomTarget;

export function isBuiltinTarget(t: string): t is BuiltinTarget {
  return Object.hasOwn(IMPORT_TARGETS, t);
}

export function customCode(t: string): string | null {
  return t.startsWith('custom:') ? t.slice('custom:'.length) : null;
}

export function targetCatalogue(customFields: CustomFieldDto[]): { key: string; label: string; kind: 'person' | 'organisation' | 'both' }[] {
  return [
    ...Object.entries(IMPORT_TARGETS).map(([key, t]) => ({ key, label: t.label, kind: t.kind })),
    ...customFields.map((f) => ({ key: `custom:${f.code}`, label: f.label, kind: f.appliesTo })),
  ];
}
