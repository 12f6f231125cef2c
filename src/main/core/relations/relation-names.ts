import { dutchSortKey } from '../../../shared/dutch/text';
import { fullName, sortKey } from '../../../shared/dutch/names';
import { formalSalutation, informalSalutation, addresseeLine } from '../../../shared/dutch/salutation';
import type { RelationKind } from '../../../shared/contract';

export interface NameParts {
  initials: string | null;
  firstName: string | null;
  infix: string | null;
  lastName: string | null;
  exactName: boolean;
  name: string | null;
  email: string | null;
  addressForm?: 'heer' | 'mevrouw' | 'neutraal' | null;
}

/**
 * What lists show and sort on; stored on the row so a 100,000-row list sorts by index. Bump
 * DERIVED_NAMES_VERSION when this derivation changes: every open then recomputes the stored
 * values of existing rows (db/derived-names.ts), as a migration cannot run this code.
 */
export const DERIVED_NAMES_VERSION = 'names-2: Dutch sort key (apostrophe articles ignored)';

export function derivedNames(kind: RelationKind, f: NameParts): { displayName: string; sortKey: string } {
  if (kind === 'organisation') {
    const display = f.name ?? f.email ?? '';
    return { displayName: display, sortKey: dutchSortKey(display) };
  }
  const display = fullName(f) || f.email || '';
  const key = f.lastName || f.firstName || f.initials ? sortKey(f) : dutchSortKey(display);
  return { displayName: display, sortKey: key };
}

export function salutations(kind: RelationKind, f: NameParts): { formal: string; informal: string; addressee: string } {
  if (kind === 'organisation') {
    return { formal: 'Geachte heer, mevrouw', informal: 'Beste lezer', addressee: f.name ?? '' };
  }
  const person = { ...f, form: f.addressForm ?? null };
  return { formal: formalSalutation(person), informal: informalSalutation(person), addressee: addresseeLine(person) };
}
