import type { CustomFieldDto } from '../../../../shared/contract';
import { addressLines, formatHouseNumber } from '../../../../shared/dutch/address';
import { ageOn } from '../../../../shared/dutch/dates';
import { sortName } from '../../../../shared/dutch/names';
import { salutations } from '../../relations/relation-names';
import type { RelationRecord } from './relation-records';

export type ColumnType = 'text' | 'integer' | 'number' | 'amount' | 'date';
/** Dates as ISO text; the writers turn them into real dates or the chosen notation. */
export type ColumnValue = string | number | null;

export interface ColumnDef {
  key: string;
  label: string;
  type: ColumnType;
  value: (r: RelationRecord, on: string) => ColumnValue;
}

const GENDER: Record<string, string> = { m: 'man', v: 'vrouw', x: 'anders' };

type Salutations = ReturnType<typeof salutations>;
// Several columns and fields read the same derived values; compute them once per record.
const salutationCache = new WeakMap<RelationRecord, Salutations>();
const linesCache = new WeakMap<RelationRecord, string[]>();

export function salutationsOf(r: RelationRecord): Salutations {
  let s = salutationCache.get(r);
  if (!s) salutationCache.set(r, (s = salutations(r.kind, { ...r, addressForm: r.addressForm })));
  return s;
}

export function linesOf(r: RelationRecord): string[] {
  let lines = linesCache.get(r);
  if (!lines) linesCache.set(r, (lines = r.address ? addressLines(r.address) : []));
  return lines;
}

export function ageOf(r: RelationRecord, on: string): number | null {
  if (!r.birthDate || r.birthDate > on || (r.deathDate && r.deathDate <= on)) return null;
  return ageOn(r.birthDate, on);
}

const col = (key: string, label: string, type: ColumnType, value: ColumnDef['value']): ColumnDef => ({ key, label, type, value });
const person = (r: RelationRecord, v: string | null) => (r.kind === 'person' ? v : null);

/** Every column an export can have, with its Dutch header; custom fields follow the built-in ones. */
export function columnCatalogue(customFields: CustomFieldDto[]): ColumnDef[] {
  return [
    col('nummer', 'Nummer', 'integer', (r) => r.number),
    col('soort', 'Soort', 'text', (r) => (r.kind === 'person' ? 'persoon' : 'organisatie')),
    col('naam', 'Naam', 'text', (r) => r.displayName),
    col('sorteernaam', 'Sorteernaam', 'text', (r) => (r.kind === 'person' ? sortName(r) : r.displayName)),
    col('voorletters', 'Voorletters', 'text', (r) => person(r, r.initials)),
    col('voornaam', 'Voornaam', 'text', (r) => person(r, r.firstName)),
    col('tussenvoegsel', 'Tussenvoegsel', 'text', (r) => person(r, r.infix)),
    col('achternaam', 'Achternaam', 'text', (r) => person(r, r.lastName)),
    col('organisatie', 'Organisatie', 'text', (r) => (r.kind === 'organisation' ? r.name : null)),
    col('aanhef', 'Aanhef', 'text', (r) => salutationsOf(r).formal),
    col('aanhef_informeel', 'Aanhef informeel', 'text', (r) => salutationsOf(r).informal),
    col('tenaamstelling', 'Tenaamstelling', 'text', (r) => salutationsOf(r).addressee || r.displayName),
    col('adresregels', 'Adresregels', 'text', (r) => linesOf(r).join('\n') || null),
    col('adresregel_1', 'Adresregel 1', 'text', (r) => linesOf(r)[0] ?? null),
    col('adresregel_2', 'Adresregel 2', 'text', (r) => linesOf(r)[1] ?? null),
    col('adresregel_3', 'Adresregel 3', 'text', (r) => linesOf(r)[2] ?? null),
    col('straat', 'Straat', 'text', (r) => r.address?.poBox ?? r.address?.street ?? null),
    col('huisnummer', 'Huisnummer', 'text', (r) => (r.address ? formatHouseNumber(r.address) || null : null)),
    col('postcode', 'Postcode', 'text', (r) => r.address?.postcode ?? null),
    col('plaats', 'Plaats', 'text', (r) => r.address?.city ?? null),
    col('gemeente', 'Gemeente', 'text', (r) => r.address?.municipality ?? null),
    col('provincie', 'Provincie', 'text', (r) => r.address?.province ?? null),
    col('land', 'Land', 'text', (r) => r.address?.country ?? null),
    col('email', 'E-mail', 'text', (r) => r.email),
    col('email2', 'E-mail 2', 'text', (r) => r.email2),
    col('telefoon', 'Telefoon', 'text', (r) => r.phone),
    col('mobiel', 'Mobiel', 'text', (r) => r.mobile),
    col('website', 'Website', 'text', (r) => r.website),
    col('geboortedatum', 'Geboortedatum', 'date', (r) => person(r, r.birthDate)),
    col('overlijdensdatum', 'Overlijdensdatum', 'date', (r) => person(r, r.deathDate)),
    col('leeftijd', 'Leeftijd', 'integer', (r, on) => ageOf(r, on)),
    col('geslacht', 'Geslacht', 'text', (r) => (r.gender ? (GENDER[r.gender] ?? r.gender) : null)),
    col('iban', 'IBAN', 'text', (r) => r.iban),
    col('bic', 'BIC', 'text', (r) => r.bic),
    col('kvk', 'KvK-nummer', 'text', (r) => r.kvkNumber),
    col('rechtsvorm', 'Rechtsvorm', 'text', (r) => r.legalForm),
    col('types', 'Relatietypes', 'text', (r) => r.types.join(', ') || null),
    col('lid_sinds', 'Lid sinds', 'date', (r) => r.memberSince),
    col('notities', 'Notities', 'text', (r) => r.notes),
    ...customFields.map((f) =>
      col(`custom:${f.code}`, f.label, f.dataType === 'number' ? 'number' : f.dataType === 'date' ? 'date' : 'text', (r) => {
        const v = r.custom.get(f.code) ?? null;
        if (v === null) return null;
        if (f.dataType === 'number') return Number(v);
        if (f.dataType === 'boolean') return v === 'true' ? 'ja' : 'nee';
        return v;
      }),
    ),
  ];
}
