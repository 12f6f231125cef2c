import type { DomainError, FieldIssue } from '../../shared/errors';
import { CliError } from './cli-error';
import { dutchText, entityText } from './error-text';

function issueText(i: FieldIssue): string {
  const where = i.details && 'line' in i.details ? ` (regel ${i.details['line']}, kolom ${i.details['column']})` : '';
  return `${i.field || '(hoofdniveau)'}: ${dutchText(i.code, i.details)} [${i.code}]${where}`;
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
  if (e.code === 'NOT_FOUND') {
    const entity = typeof e.details?.['entity'] === 'string' ? e.details['entity'] : '';
    return new CliError(`${subject}: ${dutchText('NOT_FOUND', { entity: entityText(entity) })}`);
  }
  if (reason) return new CliError(`${subject}: ${dutchText(reason, e.details)}`);
  return new CliError(`${subject}: ${dutchText(e.code, e.details)}`);
}
