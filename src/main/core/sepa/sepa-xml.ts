/** Pieces both SEPA writers (pain.008, pain.001) share. */

const SPECIAL = /[&<>"]/u;
export function esc(s: string): string {
  if (!SPECIAL.test(s)) return s;
  return s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
}

/** 1234 → '12.34': exact, from integer cents. */
export function amount(cents: number): string {
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** A bank: its BIC (BIC in the 2009 messages, BICFI in the 2019 ones) or NOTPROVIDED. */
export function agent(bic: string | null, bicTag: 'BIC' | 'BICFI'): string {
  return bic ? `<FinInstnId><${bicTag}>${esc(bic)}</${bicTag}></FinInstnId>` : '<FinInstnId><Othr><Id>NOTPROVIDED</Id></Othr></FinInstnId>';
}

export function account(iban: string): string {
  return `<Id><IBAN>${esc(iban)}</IBAN></Id>`;
}

export interface Party {
  name: string;
  iban: string;
  bic: string | null;
}
