import type { DomainError, FieldIssue } from '../../shared/errors';
import { CliError } from './cli-error';

/** Dutch explanations of the codes a user is most likely to meet; any other code is shown as is. */
const CODE_TEXT: Record<string, string> = {
  JSON_INVALID: 'geen geldige JSON',
  FORMAT_UNKNOWN: 'geen Ledenbeheer-export (veld "format" ontbreekt of klopt niet)',
  VERSION_UNSUPPORTED: 'deze versie van het exportformaat wordt niet ondersteund',
  SECTION_UNKNOWN: 'onbekend onderdeel',
  SECTION_DUPLICATE: 'onderdeel komt twee keer voor',
  SECTION_NOT_AN_ARRAY: 'onderdeel is geen lijst',
  IBAN_INVALID_CHECKSUM: 'IBAN klopt niet (controlegetal)',
  IBAN_INVALID_FORMAT: 'IBAN heeft een ongeldige vorm',
  IBAN_INVALID_LENGTH: 'IBAN heeft een verkeerde lengte',
  POSTCODE_INVALID_FORMAT: 'ongeldige postcode',
  POSTCODE_FORBIDDEN_LETTERS: 'postcode met letters die PostNL niet uitgeeft',
  EMAIL_INVALID: 'ongeldig e-mailadres',
  PHONE_INVALID: 'ongeldig telefoonnummer',
  DATE_INVALID: 'ongeldige datum',
  TIMESTAMP_INVALID: 'ongeldig tijdstip',
  DUPLICATE_ID: 'id komt dubbel voor',
  NUMBER_TAKEN: 'relatienummer komt dubbel voor',
  CODE_TAKEN: 'code komt dubbel voor',
  REFERENCE_UNKNOWN: 'verwijst naar een record dat niet bestaat',
  PERIOD_END_BEFORE_START: 'einddatum ligt niet na de begindatum',
  INPUT_INVALID_TYPE: 'verkeerd type waarde',
  INPUT_UNRECOGNIZED_KEYS: 'onbekend veld',
  INPUT_INVALID_VALUE: 'ongeldige waarde',
  TEMPLATE_NOT_DOCX: 'het sjabloon is geen geldig Word-document (.docx) of is beschadigd; open het in Word en sla het opnieuw op',
  TEMPLATE_TOO_LARGE: 'het sjabloon is te groot voor een brief',
  TEMPLATE_TOO_MANY_PLACEHOLDERS: 'het sjabloon heeft te veel velden',
  TEXT_CONTROL_CHARACTER: 'tekst bevat onzichtbare stuurtekens',
  DATE_IN_FUTURE: 'datum ligt na vandaag',
  DEATH_BEFORE_BIRTH: 'overlijdensdatum ligt vóór de geboortedatum',
  JSON_TEXT_INVALID: 'geen geldige JSON-tekst',
  XLSX_UNREADABLE: 'dit Excel-bestand kan niet worden gelezen (beschadigd of geen .xlsx)',
  XLSX_TRUNCATED: 'het Excel-bestand is afgebroken of beschadigd; sla het opnieuw op in Excel',
  XLSX_TOO_LARGE: 'het Excel-bestand pakt uit tot meer dan de grens; splits het of sla het op als CSV',
  XLSX_TOO_MANY_ROWS: 'het werkblad heeft meer rijen dan de grens; splits het bestand',
  XLS_NOT_SUPPORTED: 'oude Excel-bestanden (.xls) worden niet gelezen; sla het op als .xlsx',
  NOTHING_TO_IMPORT: 'er is niets te importeren: geen enkele rij levert een nieuwe of gewijzigde relatie op (zie --dry-run voor de redenen per rij)',
  CONDITION_INVALID: 'geen geldige voorwaarde',
  RECIPIENTS_INVALID: 'geen lijst van relatie-id\'s',
  MEMBERSHIP_ATOM_IN_RULE: 'een lidmaatschapsregel mag zelf geen lidmaatschap als voorwaarde hebben',
  TAG_CYCLE: 'kenmerk valt (via andere kenmerken) onder zichzelf',
  GROUP_TREE_CYCLE: 'groep valt (via andere groepen) onder zichzelf',
  UNIT_TREE_CYCLE: 'onderdeel komt (via andere onderdelen) onder zichzelf te hangen',
  CONDITION_CYCLE: 'voorwaarde verwijst (via groepen of selecties) naar zichzelf',
};

function issueText(i: FieldIssue): string {
  const where = i.details && 'line' in i.details ? ` (regel ${i.details['line']}, kolom ${i.details['column']})` : '';
  const text = CODE_TEXT[i.code];
  return `${i.field}: ${i.code}${text ? ` — ${text}` : ''}${where}`;
}

/** Faults of the disk or the file (main/core/storage/storage-errors.ts): what happened and what to do. */
const STORAGE_TEXT: Record<string, (file: string, e: DomainError) => string> = {
  STORAGE_FULL: (f) => `de schijf is vol; ${f} is niet bijgewerkt. Maak ruimte vrij en probeer het opnieuw`,
  STORAGE_READ_ONLY: (f) => `${f} (of de map) is alleen-lezen; er is niets opgeslagen. Geef schrijfrechten op het bestand en de map en probeer het opnieuw`,
  STORAGE_LOCKED: (f) => `${f} is in gebruik door een ander programma; sluit dat programma en probeer het opnieuw (er is niets gewijzigd)`,
  STORAGE_DAMAGED: (f, e) =>
    `${f} is beschadigd; werk er niet verder in en zet de laatste reservekopie terug${typeof e.details?.['backups'] === 'string' ? ` (reservekopieën staan in ${e.details['backups']})` : ''}`,
  STORAGE_UNAVAILABLE: (f) => `${f} kan niet worden geopend; controleer of het bestand bestaat en of u het mag lezen`,
  STORAGE_IO: (f) => `lezen of schrijven van ${f} is mislukt (schijffout); controleer de schijf en probeer het opnieuw`,
};

/** A DomainError from the core as a CliError with a one-line Dutch message. */
export function fromDomainError(e: DomainError, subject: string): CliError {
  const storage = STORAGE_TEXT[e.code];
  if (storage) return new CliError(storage(typeof e.details?.['file'] === 'string' ? e.details['file'] : subject, e));
  const reason = typeof e.details?.['reason'] === 'string' ? e.details['reason'] : undefined;
  if (e.code === 'CONFLICT' && reason === 'ADMINISTRATION_NOT_EMPTY') {
    return new CliError(`de administratie ${subject} is niet leeg (${String(e.details?.['relations'] ?? '?')} relaties); kies een nieuw bestand`);
  }
  if (e.code === 'CONFLICT' && reason === 'FILE_EXISTS') {
    return new CliError(`${String(e.details?.['file'] ?? subject)} bestaat al; kies een andere naam`);
  }
  if (e.code === 'NOT_FOUND' && e.details?.['entity'] === 'file') return new CliError(`bestand niet gevonden: ${String(e.details['id'])}`);
  if (e.code === 'VALIDATION_FAILED' && e.issues?.length) {
    const [first, ...rest] = e.issues;
    const more = rest.length ? ` (en nog ${rest.length}${e.details?.['truncated'] ? '+' : ''} fout${rest.length === 1 ? '' : 'en'})` : '';
    return new CliError(`${subject} is afgekeurd: ${issueText(first as FieldIssue)}${more}; er is niets gewijzigd`, 1, rest.map(issueText));
  }
  return new CliError(`${subject}: ${e.message}`);
}
