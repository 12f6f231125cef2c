import type { ImportIssue } from '../../../../shared/contract/io';
import { cellText } from '../read/source-table';
import { encodeUtf8 } from '../text/encoding';
import { csvLine } from '../export/csv-writer';
import { neutraliseFormula } from '../export/formula-guard';
import type { PlannedRow } from './plan';

/**
 * Dutch wording for the rejected-rows file, which the user opens in Excel without our UI in
 * between. The codes stay in their own column, so nothing is lost when a code is missing here.
 */
const REASONS: Record<string, string> = {
  POSTCODE_INVALID_FORMAT: 'postcode heeft niet de vorm 1234 AB',
  POSTCODE_FORBIDDEN_LETTERS: 'postcode met SA, SD of SS bestaat niet',
  EMAIL_INVALID: 'e-mailadres is ongeldig',
  IBAN_INVALID_FORMAT: 'IBAN heeft een ongeldige vorm',
  IBAN_INVALID_LENGTH: 'IBAN heeft een verkeerde lengte',
  IBAN_INVALID_CHECKSUM: 'IBAN klopt niet (controlegetal)',
  BIC_INVALID_FORMAT: 'BIC is ongeldig',
  BIC_INVALID_LENGTH: 'BIC heeft een verkeerde lengte',
  DATE_INVALID: 'datum bestaat niet',
  DATE_INVALID_FORMAT: 'datum niet herkend',
  DATE_IN_FUTURE: 'datum ligt in de toekomst',
  PHONE_INVALID: 'telefoonnummer is ongeldig',
  HOUSE_NUMBER_INVALID: 'huisnummer is ongeldig',
  HOUSE_LETTER_INVALID: 'huisletter is ongeldig',
  HOUSE_NUMBER_SUFFIX_INVALID: 'toevoeging is ongeldig',
  ADDRESS_LINE_INVALID: 'adres zonder herkenbaar huisnummer',
  AMOUNT_INVALID_FORMAT: 'bedrag niet herkend',
  AMOUNT_TOO_MANY_DECIMALS: 'bedrag heeft meer dan twee decimalen',
  SALUTATION_UNKNOWN: 'aanhef of geslacht niet herkend',
  COUNTRY_UNKNOWN: 'land niet herkend',
  KVK_INVALID: 'KvK-nummer moet 8 cijfers zijn',
  URL_INVALID: 'website is ongeldig',
  NUMBER_INVALID: 'relatienummer is ongeldig',
  NUMBER_TAKEN: 'relatienummer is al in gebruik',
  NUMBER_IN_TRASH: 'relatienummer hoort bij een relatie in de prullenbak',
  NUMBER_DUPLICATE_IN_FILE: 'relatienummer staat twee keer in het bestand',
  MATCH_AMBIGUOUS: 'past op meer dan één bestaande relatie',
  KIND_MISMATCH: 'soort relatie verschilt van de bestaande relatie',
  PERSON_NEEDS_NAME_OR_EMAIL: 'geen naam of e-mailadres',
  ORGANISATION_NEEDS_NAME: 'organisatie zonder naam',
  PERIOD_END_BEFORE_START: 'einddatum ligt voor de begindatum',
  DEATH_BEFORE_BIRTH: 'overlijdensdatum ligt voor de geboortedatum',
  CSV_UNBALANCED_QUOTE: 'aanhalingsteken wordt niet gesloten',
  TEXT_TOO_LONG: 'tekst is te lang',
  TEXT_CONTROL_CHARACTER: 'tekst bevat onzichtbare stuurtekens',
  CHOICE_INVALID: 'waarde staat niet in de keuzelijst',
  BOOLEAN_INVALID: 'geen ja of nee',
  KIND_UNKNOWN: 'soort relatie niet herkend',
  TYPE_KIND_MISMATCH: 'relatietype past niet bij deze soort relatie',
};

function reasonOf(i: ImportIssue): string {
  const text = REASONS[i.code] ?? i.code;
  return i.field ? `${i.field}${i.raw ? ` (${i.raw})` : ''}: ${text}` : text;
}

/** The rejected rows as they were in the file, with row number and reasons in front: CSV, UTF-8 with BOM, ';'. */
export function rejectedRowsCsv(headers: string[], planned: PlannedRow[]): Uint8Array | null {
  const rejected = planned.filter((p) => p.outcome === 'reject');
  if (rejected.length === 0) return null;
  const lines = [csvLine(['Rij', 'Reden', 'Codes', ...headers.map(neutraliseFormula)], ';')];
  for (const p of rejected) {
    const errors = p.rec.issues.filter((i) => i.severity === 'error');
    const cells = headers.map((_, i) => neutraliseFormula(cellText(p.rec.cells[i] ?? null)));
    lines.push(csvLine([String(p.rec.row), errors.map(reasonOf).join('; '), errors.map((e) => e.code).join(' '), ...cells], ';'));
  }
  return encodeUtf8(`${lines.join('\r\n')}\r\n`, true);
}
