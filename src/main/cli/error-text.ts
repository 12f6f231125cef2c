import { nl } from '../../renderer/i18n/nl';

/*
 * The CLI speaks the same Dutch as the app: error, issue and reason codes are looked up in the
 * app's own catalogue (one text per code, whichever door it comes through).
 */

type Catalogue = typeof nl;
type Texts = Record<string, unknown>;

function interpolate(text: string, details: Record<string, unknown> | undefined): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => {
    const v = details?.[k];
    return v === undefined || v === null ? '…' : String(v);
  });
}

function lookup(texts: unknown, code: string): string | null {
  const v = (texts as Texts | undefined)?.[code];
  return typeof v === 'string' ? v : null;
}

/** The text for a code in a catalogue (nl or en), or null when there is none. */
export function errorCodeText(catalogue: Catalogue, code: string, details?: Record<string, unknown>): string | null {
  const places: unknown[] = [
    catalogue.io.errors.issue,
    catalogue.errors.issue,
    catalogue.errors.reason,
    (catalogue.io.errors as Texts)['reason'],
    catalogue.io.reason,
    catalogue.errors.code,
    // Why two relations look like duplicates (duplicates scan).
    catalogue.dedupe.reason,
    // Contribution runs, invoices and payments.
    catalogue.contributions.problem,
    catalogue.contributions.reason,
    (catalogue.contributions as Texts)['issue'],
    // Bank statements: why a file is refused.
    catalogue.bank.reason,
    // Why a bank entry was matched, or not (the CLI prints these next to each entry).
    catalogue.bank.match,
    // SEPA: mandates, collection and refund files.
    catalogue.sepa.problem,
  ];
  for (const texts of places) {
    const text = lookup(texts, code);
    if (text !== null) return interpolate(text, details);
  }
  return null;
}

/** The Dutch text for a code; the code itself only when the catalogue has none (a test prevents that). */
export function dutchText(code: string, details?: Record<string, unknown>): string {
  return errorCodeText(nl, code, details) ?? code;
}

/** 'deze groep' for NOT_FOUND's entity. */
export function entityText(entity: string): string {
  return lookup(nl.errors.entity, entity) ?? entity;
}
