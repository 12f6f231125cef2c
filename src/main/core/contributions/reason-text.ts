import { formatAmount } from '../../../shared/dutch/money';
import { formatDutchDate, formatDutchDateLong } from '../../../shared/dutch/dates';

/**
 * The Dutch text of an invoice line: the rule behind each amount, in the order it was
 * applied ("Lid, 18–25 op 1-1-2027: € 45,00 · lid sinds 1 mei: 80% → € 36,00"). Invoices
 * are Dutch documents, so the core writes this text into the line itself.
 */
export const money = formatAmount;
export const dayMonth = (iso: string) => formatDutchDateLong(iso).replace(/ \d{4}$/u, '');

export function ageBasis(age: { mode: 'peildatum'; date: string } | { mode: 'geboortejaar'; year: number }): string {
  return age.mode === 'peildatum' ? `op ${formatDutchDate(age.date)}` : `geboortejaar t.o.v. ${age.year}`;
}

export const reason = {
  base: (typeName: string, category: string | null, basis: string, cents: number) =>
    `${typeName}${category ? `, ${category} ${basis}` : ''}: ${money(cents)}`,
  joined: (startIso: string, percent: number, cents: number) => `lid sinds ${dayMonth(startIso)}: ${percent}% → ${money(cents)}`,
  left: (lastDayIso: string, percent: number, cents: number) => `lid tot en met ${dayMonth(lastDayIso)}: ${percent}% → ${money(cents)}`,
  household: (position: number, percent: number, cents: number) => `${position}e gezinslid −${100 - percent}% → ${money(cents)}`,
  cap: (capCents: number, cents: number) => `gezinsmaximum ${money(capCents)} → ${money(cents)}`,
  override: (typeName: string, cents: number, why: string | null) => `${typeName}: afwijkend bedrag ${money(cents)}${why ? ` (${why})` : ''}`,
  exempt: (why: string | null) => `vrijgesteld${why ? `: ${why}` : ''}`,
};
