import { formatAmount, parseAmount } from '../../../shared/dutch/money';

/** Amounts are integer cents everywhere; the screen shows '€ 1.234,56'. */
export const showMoney = (cents: number) => formatAmount(cents);
export const centsToText = (cents: number | null) => (cents === null ? '' : formatAmount(cents).replace(/^€ /u, ''));
export function textToCents(text: string): number | null | undefined {
  if (text.trim() === '') return null;
  const r = parseAmount(text);
  return r.ok ? r.value : undefined;
}
