import { ibanCheckDigits, type BankInfo } from '../../../shared/dutch/iban';
import { type Rng, weighted } from './prng';

// Rough market shares of Dutch current accounts; codes must exist in nl-bankcode-bic.csv.
const BANK_SHARES = [
  ['INGB', 35], ['RABO', 30], ['ABNA', 20], ['SNSB', 5], ['ASNB', 3], ['TRIO', 2], ['KNAB', 2], ['BUNQ', 2], ['RBRB', 1],
] as const;


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
