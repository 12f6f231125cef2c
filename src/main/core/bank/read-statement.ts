import { parseCamt053 } from './camt053';
import { looksLikeMt940, looksLikeMt940Start, parseMt940 } from './mt940';
import { badStatement, type ParsedStatement } from './statement';

/** UTF-8 when it is; otherwise Windows-1252 (older MT940 exports). */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * Reads a bank statement file of either format, found from its content (not its name):
 * XML is CAMT.053, a file of :tag: fields is MT940. Anything else, and any file that is
 * cut off or malformed, is refused with a reason code naming what is wrong.
 */
export function readStatement(bytes: Uint8Array): ParsedStatement {
  const text = decode(bytes).replace(/^\uFEFF/u, '');
  if (text.trim() === '') throw badStatement('BANK_EMPTY_FILE');
  if (text.trimStart().startsWith('<')) return parseCamt053(text);
  if (looksLikeMt940Start(text)) {
    if (!looksLikeMt940(text)) throw badStatement('BANK_MT940_TRUNCATED');
    return parseMt940(text);
  }
  throw badStatement('BANK_UNKNOWN_FORMAT');
}
