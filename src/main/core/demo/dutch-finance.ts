import type { BankInfo } from '../../../shared/dutch/iban';
import { type Rng, weighted } from './prng';

// Rough market shares of Dutch current accounts; codes must exist in nl-bankcode-bic.csv.
const BANK_SHARES = [
  ['INGB', 35], ['RABO', 30], ['ABNA', 20], ['SNSB', 5], ['ASNB', 3], ['TRIO', 2], ['KNAB', 2], ['BUNQ', 2], ['RBRB', 1],
] as const;

function mod97(digitsAndLetters: string): number {
  let remainder = 0;
  for (const ch of digitsAndLetters) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? code - 55 : code - 48;
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder;
}

/** ISO 13616 check digits: 98 − (BBAN + country + '00') mod 97. */
export function ibanCheckDigits(country: string, bban: string): string {
  return String(98 - mod97(`${bban}${country}00`)).padStart(2, '0');
}

export interface DemoAccount {
  iban: string;
  bic: string;
}

export function createAccounts(banks: Map<string, BankInfo>): (rng: Rng) => DemoAccount {
  const known = BANK_SHARES.filter(([code]) => banks.has(code));
  if (known.length === 0) throw new Error('none of the demo bank codes is in the bank table');
  const pickBank = weighted(known);
  return (rng) => {
    const code = pickBank(rng);
    let account = '';
    for (let i = 0; i < 10; i++) account += String(rng.int(0, 9));
    const bban = `${code}${account}`;
    return { iban: `NL${ibanCheckDigits('NL', bban)}${bban}`, bic: (banks.get(code) as BankInfo).bic };
  };
}

/** A KvK number: eight digits, not starting with 0. */
export function kvkNumber(rng: Rng): string {
  return String(rng.int(10_000_000, 99_999_999));
}
