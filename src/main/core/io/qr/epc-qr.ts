import { normalizeIban } from '../../../../shared/dutch/iban';

/** What an EPC payment QR code ("GiroCode", EPC069-12) tells the payer's banking app. */
export interface EpcTransfer {
  name: string;
  iban: string;
  bic?: string | null | undefined;
  amountCents: number;
  /** An RF creditor reference goes in the structured field; anything else (a betalingskenmerk) as text. */
  reference: string;
  /** Shown to the payer; only used when there is no RF reference (the standard allows one of the two). */
  text?: string | undefined;
}

/** The payload's limits (EPC069-12 v3.1 §4): 331 bytes in all, amounts from 0.01 to 999,999,999.99. */
const MAX_BYTES = 331;

const clip = (s: string, n: number) => [...s.replace(/[\r\n]+/g, ' ').trim()].slice(0, n).join('');

/**
 * The EPC069-12 payload, version 002 (the BIC may be left out within the EEA), UTF-8,
 * SEPA credit transfer. The standard's structured remittance field holds only ISO 11649 RF
 * references; a Dutch betalingskenmerk goes in the unstructured field, where Dutch banking
 * apps put it in the description. Null when no QR code can be made (no IBAN, nothing to pay).
 */
export function epcPayload(t: EpcTransfer): string | null {
  const iban = normalizeIban(t.iban);
  if (!iban || t.amountCents < 1 || t.amountCents > 99_999_999_999) return null;
  const ref = t.reference.replace(/\s/g, '').toUpperCase();
  const rf = /^RF\d{2}[A-Z0-9]{1,21}$/.test(ref);
  const amount = `EUR${Math.trunc(t.amountCents / 100)}.${String(t.amountCents % 100).padStart(2, '0')}`;
  const lines = ['BCD', '002', '1', 'SCT', (t.bic ?? '').replace(/\s/g, '').toUpperCase(), clip(t.name, 70), iban, amount, '', rf ? ref : '', rf ? '' : clip(t.text ?? ref, 140)];
  const payload = lines.join('\n');
  return Buffer.byteLength(payload, 'utf8') <= MAX_BYTES ? payload : null;
}
