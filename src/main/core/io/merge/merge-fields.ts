import type { CustomFieldDto } from '../../../../shared/contract';
import { dutchCountryName, formatHouseNumber } from '../../../../shared/dutch/address';
import { formatDutchDateLong } from '../../../../shared/dutch/dates';
import { formatIban } from '../../../../shared/dutch/iban';
import { formatAmount } from '../../../../shared/dutch/money';
import { headerKey } from '../import/header-match';
import { ageOf, linesOf, salutationsOf } from '../records/columns';
import type { RelationRecord } from '../records/relation-records';

/** A field value in a letter: text, or lines (an address block) that become line breaks. */
export type MergeValue = string | string[];

export interface MergeField {
  key: string;
  label: string;
  value: (r: RelationRecord, today: string) => MergeValue;
}

const f = (key: string, label: string, value: MergeField['value']): MergeField => ({ key, label, value });
const long = (iso: string | null) => (iso ? formatDutchDateLong(iso) : '');
const person = (r: RelationRecord, v: string | null) => (r.kind === 'person' ? (v ?? '') : '');

/** The address block as PostNL wants it: addressee, street or PO box, '1234 AB  PLAATS', country abroad. */
export function addressBlock(r: RelationRecord): string[] {
  const first = salutationsOf(r).addressee || r.displayName;
  return [first, ...linesOf(r)].filter((l) => l !== '');
}

/** Every field a template can use, with its Dutch label (docs/io.md lists them); `today` fills the date's example. */
export function mergeFieldCatalogue(customFields: CustomFieldDto[], today?: string): MergeField[] {
  const builtins = [
    f('aanhef', 'Aanhef (formeel): Geachte heer De Vries', (r) => salutationsOf(r).formal),
    f('aanhef_informeel', 'Aanhef (informeel): Beste Jan', (r) => salutationsOf(r).informal),
    f('tenaamstelling', 'Tenaamstelling: De heer J. de Vries', (r) => salutationsOf(r).addressee || r.displayName),
    f('adresblok', 'Adresblok (tenaamstelling en adresregels)', (r) => addressBlock(r)),
    f('adresregels', 'Adresregels (zonder naam)', (r) => linesOf(r)),
    f('adresregel_1', 'Adresregel 1 (straat en huisnummer)', (r) => linesOf(r)[0] ?? ''),
    f('adresregel_2', 'Adresregel 2 (postcode en plaats)', (r) => linesOf(r)[1] ?? ''),
    f('adresregel_3', 'Adresregel 3 (land, buitenland)', (r) => linesOf(r)[2] ?? ''),
    f('naam', 'Naam', (r) => r.displayName),
    f('voornaam', 'Voornaam (roepnaam)', (r) => person(r, r.firstName)),
    f('voorletters', 'Voorletters', (r) => person(r, r.initials)),
    f('tussenvoegsel', 'Tussenvoegsel', (r) => person(r, r.infix)),
    f('achternaam', 'Achternaam', (r) => person(r, r.lastName)),
    f('organisatie', 'Organisatie', (r) => (r.kind === 'organisation' ? (r.name ?? '') : '')),
    f('lidnummer', 'Lidnummer (relatienummer)', (r) => String(r.number)),
    f('lid_sinds', 'Lid sinds (datum)', (r) => long(r.memberSince)),
    f('geboortedatum', 'Geboortedatum', (r) => long(person(r, r.birthDate) || null)),
    f('leeftijd', 'Leeftijd', (r, today) => String(ageOf(r, today) ?? '')),
    f('email', 'E-mail', (r) => r.email ?? ''),
    f('telefoon', 'Telefoon', (r) => r.phone ?? ''),
    f('mobiel', 'Mobiel', (r) => r.mobile ?? ''),
    f('straat', 'Straat', (r) => r.address?.poBox ?? r.address?.street ?? ''),
    f('huisnummer', 'Huisnummer', (r) => (r.address ? formatHouseNumber(r.address) : '')),
    f('postcode', 'Postcode', (r) => r.address?.postcode ?? ''),
    f('plaats', 'Plaats', (r) => r.address?.city ?? ''),
    f('gemeente', 'Gemeente', (r) => r.address?.municipality ?? ''),
    f('provincie', 'Provincie', (r) => r.address?.province ?? ''),
    f('land', 'Land', (r) => (r.address ? (dutchCountryName(r.address.country) ?? r.address.country) : '')),
    f('iban', 'IBAN', (r) => (r.iban ? formatIban(r.iban) : '')),
    f('datum', today ? `Datum van vandaag: ${formatDutchDateLong(today)}` : 'Datum van vandaag', (_r, day) => formatDutchDateLong(day)),
    f('contributie', 'Contributie (laatst gefactureerde periode): € 45,00', (r) => (r.finance.contributionCents === null ? '' : formatAmount(r.finance.contributionCents))),
    f('betaalwijze', 'Betaalwijze: incasso, factuur of contant', (r) => r.finance.method ?? ''),
    f('openstaand_bedrag', 'Openstaand bedrag: € 12,50', (r) => formatAmount(r.finance.openCents)),
    f('factuurnummer', 'Factuurnummer (oudste openstaande, anders de nieuwste)', (r) => r.finance.invoiceNumber ?? ''),
  ];
  const taken = new Set(builtins.map((b) => b.key));
  const custom = customFields
    .filter((c) => !taken.has(c.code))
    .map((c) => f(c.code, c.label, (r) => {
      const v = r.custom.get(c.code) ?? '';
      if (c.dataType === 'date') return long(v || null);
      if (c.dataType === 'boolean') return v === '' ? '' : v === 'true' ? 'ja' : 'nee';
      if (c.dataType === 'number' && v) return v.replace('.', ',');
      return v;
    }));
  return [...builtins, ...custom];
}

/** Names Word data sources and users write for our fields ('Woonplaats', 'Lidnr', 'AddressBlock'). */
const ALIASES = new Map<string, string>(Object.entries({
  woonplaats: 'plaats', stad: 'plaats', lidnr: 'lidnummer', relatienummer: 'lidnummer', nummer: 'lidnummer',
  emailadres: 'email', mail: 'email', adres: 'adresregel_1', gebdatum: 'geboortedatum', roepnaam: 'voornaam',
  addressblock: 'adresblok', greetingline: 'aanhef', aanhefformeel: 'aanhef', vandaag: 'datum',
  telefoonnummer: 'telefoon', tel: 'telefoon', mobielnummer: 'mobiel', firstname: 'voornaam',
  lastname: 'achternaam', city: 'plaats', zip: 'postcode', zipcode: 'postcode', lidvanaf: 'lid_sinds',
  openstaand: 'openstaand_bedrag', factuurnr: 'factuurnummer', bedrag: 'contributie',
}));

/**
 * A placeholder name as written → the field key it means, or null when no field answers to it.
 * Only Maps are consulted: a name like 'constructor' must never reach an object's prototype.
 */
export function fieldKeyResolver(fields: MergeField[]): (written: string) => string | null {
  const byKey = new Map(fields.map((x) => [headerKey(x.key), x.key]));
  return (written) => {
    const k = headerKey(written);
    const alias = ALIASES.get(k);
    return byKey.get(k) ?? (alias ? (byKey.get(headerKey(alias)) ?? null) : null);
  };
}
