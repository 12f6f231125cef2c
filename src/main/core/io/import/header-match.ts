import { foldDiacritics } from '../../../../shared/dutch/text';
import type { CustomFieldDto } from '../../../../shared/contract';
import type { BuiltinTarget, Target } from './targets';

/** 'E-mail' → 'email', 'Geb.datum' → 'gebdatum', 'Lid sinds' → 'lidsinds': case, accents and punctuation do not count. */
export function headerKey(header: string): string {
  return foldDiacritics(header).toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/**
 * Headers Dutch and English files use, per target, best first. A header may name several
 * targets in order of preference: 'Voornaam' is the roepnaam unless a 'Roepnaam' column
 * exists, then it holds the official given names.
 */
const ALIASES: Record<BuiltinTarget, string[]> = {
  number: ['lidnr', 'lidnummer', 'relatienummer', 'relatienr', 'lidno', 'membernumber', 'memberno', 'memberid', 'klantnummer', 'debiteurnummer', 'nummer', 'nr'],
  kind: ['soortrelatie', 'relatiesoort', 'soort', 'kind'],
  initials: ['voorletters', 'initialen', 'initials', 'vl', 'vletters'],
  givenNames: ['voornamen', 'givennames', 'officielevoornamen'],
  firstName: ['roepnaam', 'voornaam', 'firstname', 'givenname', 'callname', 'roep'],
  infix: ['tussenvoegsel', 'tussenvoegsels', 'tussenv', 'tv', 'voorvoegsel', 'voorvoegsels', 'infix', 'prefix'],
  lastName: ['achternaam', 'lastname', 'surname', 'familienaam', 'geslachtsnaam', 'familyname'],
  fullName: ['naam', 'volledigenaam', 'name', 'fullname', 'naamvolledig'],
  organisation: ['organisatie', 'organisatienaam', 'bedrijf', 'bedrijfsnaam', 'company', 'companyname', 'organisation', 'organization', 'instelling'],
  salutation: ['aanhef', 'aanspreekvorm', 'aanspreektitel', 'salutation', 'title', 'titel'],
  gender: ['geslacht', 'gender', 'sex', 'mv'],
  birthDate: ['gebdatum', 'geboortedatum', 'gebdat', 'geboren', 'dateofbirth', 'birthdate', 'dob', 'birthday'],
  deathDate: ['overlijdensdatum', 'overleden', 'datumoverlijden', 'dateofdeath'],
  email: ['email', 'emailadres', 'mail', 'mailadres', 'emailaddress', 'epost'],
  email2: ['email2', 'emailadres2', 'tweedeemail', 'email2e'],
  phone: ['telefoon', 'telefoonnummer', 'tel', 'telnr', 'telefoonvast', 'vastetelefoon', 'phone', 'telephone', 'phonenumber'],
  mobile: ['mobiel', 'mobielnummer', 'mobieltelefoonnummer', 'mobieletelefoon', 'telefoonmobiel', 'gsm', 'mobile', 'mobilephone', 'cellphone', 'mobielnr'],
  website: ['website', 'web', 'url', 'internet', 'homepage'],
  iban: ['iban', 'rekeningnummer', 'rekeningnr', 'rekening', 'bankrekening', 'bankrekeningnummer', 'ibannummer', 'bankaccount'],
  bic: ['bic', 'swift', 'bicswift', 'biccode'],
  kvkNumber: ['kvk', 'kvknummer', 'kvknr', 'kamervankoophandel', 'chamberofcommerce', 'cocnumber'],
  legalForm: ['rechtsvorm', 'legalform'],
  notes: ['opmerking', 'opmerkingen', 'notitie', 'notities', 'memo', 'toelichting', 'notes', 'remarks', 'comments'],
  address: ['adres', 'straatenhuisnummer', 'straathuisnummer', 'adresregel', 'adresregel1', 'address', 'streetaddress', 'woonadres'],
  street: ['straat', 'straatnaam', 'street'],
  houseNumber: ['huisnr', 'huisnummer', 'housenumber', 'huisno', 'nummerhuis'],
  houseLetter: ['huisletter'],
  houseNumberSuffix: ['toev', 'toevoeging', 'huisnummertoevoeging', 'huisnrtoev', 'toevoegsel', 'huisnrtoevoeging', 'addition', 'suffix'],
  postcode: ['postcode', 'pc', 'zip', 'zipcode', 'postalcode', 'postcodecijfers'],
  city: ['woonplaats', 'plaats', 'plaatsnaam', 'stad', 'city', 'town', 'vestigingsplaats'],
  country: ['land', 'landcode', 'country', 'countrycode'],
  memberSince: ['lidsinds', 'lidvanaf', 'ingangsdatum', 'ingangsdatumlidmaatschap', 'datumlidmaatschap', 'inschrijfdatum', 'aanmelddatum', 'datumaanmelding', 'startdatum', 'membersince', 'joined', 'datejoined'],
  paymentMethod: ['betaalwijze', 'betalingswijze', 'betaalmethode', 'wijzevanbetalen', 'wijzevanbetaling', 'paymentmethod'],
  contribution: ['contributie', 'contributiebedrag', 'bedragcontributie', 'lidmaatschapsgeld', 'jaarcontributie', 'contribution', 'fee'],
  memberUntil: ['lidtot', 'opzegdatum', 'einddatum', 'einddatumlidmaatschap', 'uitschrijfdatum', 'afmelddatum', 'memberuntil', 'dateleft'],
};

/** Headers that fall back to another target when the first is already taken. */
const FALLBACK = new Map<string, BuiltinTarget>([
  ['voornaam', 'givenNames'],
  ['firstname', 'givenNames'],
]);

const BY_KEY = new Map<string, { target: BuiltinTarget; rank: number }>();
for (const [target, keys] of Object.entries(ALIASES) as [BuiltinTarget, string[]][]) {
  keys.forEach((k, rank) => {
    if (!BY_KEY.has(k)) BY_KEY.set(k, { target, rank });
  });
}

/**
 * A suggested target per column (null: ignore). When two columns want the same target,
 * the better alias wins and the other falls back or stays unmapped. 'Nr' right after a
 * street column is the house number, elsewhere the relation number.
 */
export function suggestMapping(headers: string[], customFields: CustomFieldDto[]): (Target | null)[] {
  const custom = new Map<string, Target>();
  for (const f of customFields) {
    custom.set(headerKey(f.code), `custom:${f.code}`);
    custom.set(headerKey(f.label), `custom:${f.code}`);
  }
  const wishes = headers.map((h, i) => {
    const key = headerKey(h);
    if (key === 'nr' && i > 0 && BY_KEY.get(headerKey(headers[i - 1] ?? ''))?.target === 'street') {
      return { target: 'houseNumber' as Target, rank: 0, key };
    }
    // A field the user made with this very name wins over a built-in alias ('Contributie' as their own number field).
    const c = custom.get(key);
    if (c) return { target: c, rank: 0, key };
    const hit = BY_KEY.get(key);
    return hit ? ({ ...hit, key } as { target: Target; rank: number; key: string }) : null;
  });
  const taken = new Map<Target, number>();
  const order = wishes
    .map((w, i) => ({ w, i }))
    .filter((x): x is { w: { target: Target; rank: number; key: string }; i: number } => x.w !== null)
    .sort((a, b) => a.w.rank - b.w.rank || a.i - b.i);
  const result: (Target | null)[] = headers.map(() => null);
  for (const { w, i } of order) {
    let target: Target | undefined = w.target;
    if (taken.has(target)) target = FALLBACK.get(w.key);
    if (target && !taken.has(target)) {
      taken.set(target, i);
      result[i] = target;
    }
  }
  return result;
}
