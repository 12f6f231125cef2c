import type { ImportIssue } from '../../../../shared/contract/io';
import type { CellValue } from '../read/source-table';

/** The relation columns an import may set, as stored. */
export const RELATION_FIELDS = [
  'initials', 'firstName', 'infix', 'lastName', 'gender', 'addressForm', 'birthDate', 'deathDate',
  'name', 'legalForm', 'kvkNumber', 'email', 'email2', 'phone', 'mobile', 'website', 'iban', 'bic', 'notes',
] as const;
export type RelationField = (typeof RELATION_FIELDS)[number];

export const ADDRESS_FIELDS = ['street', 'houseNumber', 'houseLetter', 'houseNumberSuffix', 'poBox', 'postcode', 'city', 'country'] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];

/**
 * One file row after normalisation. A key that is absent was not in the file (or empty,
 * with "keep" for empty cells); null means "clear it".
 */
export interface ImportRecord {
  row: number;
  kind: 'person' | 'organisation';
  /** The file said which kind (a 'Soort' column); otherwise it is inferred from the names. */
  kindGiven?: boolean;
  number: number | null;
  fields: Partial<Record<RelationField, string | null>>;
  address: Partial<Record<AddressField, string | number | null>>;
  memberSince?: string | null;
  memberUntil?: string | null;
  /** Onto payment_settings (core/contributions): the method, and an amount as the relation's override. */
  paymentMethod?: 'incasso' | 'factuur' | 'contant' | null;
  contributionCents?: number | null;
  custom: Map<string, string | null>;
  issues: ImportIssue[];
  cells: CellValue[];
}

export function hasErrors(issues: ImportIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
