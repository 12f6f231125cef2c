import { formalName, formatSurname, fullName } from './names';
import type { PersonName } from './names';
import { collapseSpaces } from './text';

/** Stored aanspreekvorm; null = unknown. Never derived from first name or sex. */
export type AddressForm = 'heer' | 'mevrouw' | 'neutraal' | null;

export type AddressablePerson = PersonName & { form: AddressForm };

// With a double surname the salutation uses only the first part (Jansen-de Jong → Jansen).
function salutationSurname(p: PersonName): string {
  const last = p.lastName ? collapseSpaces(p.lastName) : '';
  const firstPart = last.split('-')[0]?.trim() ?? '';
  return formatSurname({ ...p, lastName: firstPart }, false);
}

function hasSurname(p: PersonName): boolean {
  return !!p.lastName && p.lastName.trim() !== '';
}

/** 'Geachte heer De Vries'. No trailing comma: the template adds punctuation. */
export function formalSalutation(p: AddressablePerson): string {
  const surname = salutationSurname(p);
  switch (p.form) {
    case 'heer':
      return surname ? `Geachte heer ${surname}` : 'Geachte heer';
    case 'mevrouw':
      return surname ? `Geachte mevrouw ${surname}` : 'Geachte mevrouw';
    case 'neutraal':
      // Initials first, so the infix stays lower case: 'Geachte J. de Vries'.
      return hasSurname(p) ? `Geachte ${formalName(p)}` : 'Geachte heer, mevrouw';
    default:
      return surname ? `Geachte heer of mevrouw ${surname}` : 'Geachte heer, mevrouw';
  }
}

/** 'Beste Jan'; without a first name 'Beste J. de Vries'. */
export function informalSalutation(p: PersonName): string {
  const first = p.firstName ? collapseSpaces(p.firstName) : '';
  if (first) return `Beste ${first}`;
  const name = fullName(p);
  return name ? `Beste ${name}` : 'Beste heer, mevrouw';
}

/** First line of an address label: 'De heer J. de Vries', 'Mevrouw M. van den Berg'. */
export function addresseeLine(p: AddressablePerson): string {
  const name = formalName(p);
  if (!name) return '';
  switch (p.form) {
    case 'heer':
      return `De heer ${name}`;
    case 'mevrouw':
      return `Mevrouw ${name}`;
    default:
      return name;
  }
}
