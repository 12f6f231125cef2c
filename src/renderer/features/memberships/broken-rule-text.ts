import type { TFunction } from 'i18next';
import type { BrokenRuleDto } from '../../../shared/contract';
import { showDate } from '../../lib/dates';

/** Why a stored rule cannot be evaluated, naming the group or selection at fault. */
export function brokenReasonText(t: TFunction, code: string, via: BrokenRuleDto['via'] = null): string {
  const name = via ? `${t(`conditions.errors.kind.${via.kind}`)} “${via.name ?? via.id}”` : '';
  return t(`memberships.broken.reason.${code}`, { via: name, defaultValue: code });
}

/** "De regel van Afdeling Utrecht (versie vanaf 1-1-2020): de opgeslagen tekst is geen geldige JSON." */
export function brokenRuleText(t: TFunction, b: BrokenRuleDto): string {
  const reason = brokenReasonText(t, b.code, b.via);
  if (b.kind === 'baseRule') return t('memberships.broken.baseRule', { type: b.typeName ?? '', reason });
  const from = b.validFrom ? t('memberships.broken.from', { date: showDate(b.validFrom) }) : '';
  const key = b.typeName ? 'memberships.broken.unitRuleForType' : 'memberships.broken.unitRule';
  return t(key, { unit: b.unitName ?? '', type: b.typeName ?? '', from, reason });
}
