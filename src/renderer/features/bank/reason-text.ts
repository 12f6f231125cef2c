import type { TFunction } from 'i18next';
import type { BankEntryDto } from '../../../shared/contract';

/** The visible reason of an entry: the rule's text with its details, and how the amount fitted. */
export function reasonText(t: TFunction, reason: BankEntryDto['reason']): string {
  const base = t(`bank.match.${reason.code}`, { ...reason, defaultValue: reason.code, interpolation: { escapeValue: false } });
  const fit = typeof reason['fit'] === 'string' && reason['fit'] !== 'exact' ? t(`bank.match.fit.${reason['fit']}`, { ...reason, defaultValue: '', interpolation: { escapeValue: false } }) : '';
  return base + fit;
}
