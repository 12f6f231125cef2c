import { RETURN_REASONS_NL } from '../../../shared/sepa/return-reasons';

/**
 * What a returned direct debit's reason code (ISO ExternalReturnReason) makes the app do.
 * Every return reopens the invoice and asks the treasurer to follow up; on top of that:
 * - the mandate ends when the account or the debtor is gone, or there was no valid mandate
 *   (AC01 wrong, AC04 closed, AC06 blocked account; MD01 no mandate; MD07 deceased);
 * - insufficient funds (AM04) is collected again in a retry batch, up to the set number of times.
 * MD06 (the debtor's refund right) and MS02/MS03 are refusals: reopen, never re-debit automatically.
 * An unknown code is stored as sent and treated like a refusal.
 */
const ENDS_MANDATE = new Set(['AC01', 'AC04', 'AC06', 'MD01', 'MD07']);
const RETRY = new Set(['AM04']);

export interface ReturnPolicy {
  endsMandate: boolean;
  retry: boolean;
}

export function returnPolicy(code: string): ReturnPolicy {
  return { endsMandate: ENDS_MANDATE.has(code), retry: RETRY.has(code) };
}

const KNOWN: Record<string, string> = RETURN_REASONS_NL;

/** The text stored with a code: ours for a known code (Dutch), else the bank's own, else "unknown code X". */
export function returnCodeText(code: string, bankText: string | null): string {
  if (code !== 'unknown' && KNOWN[code]) return bankText && bankText !== KNOWN[code] ? `${KNOWN[code]} (${bankText})` : KNOWN[code]!;
  return bankText ?? KNOWN['unknown']!.replace('{{code}}', code);
}

export function isKnownReturnCode(code: string): boolean {
  return code !== 'unknown' && Object.hasOwn(KNOWN, code);
}
