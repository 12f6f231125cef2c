import type { TFunction } from 'i18next';
import type { FieldScore } from '../../../shared/contract';

/** "E-mail: gelijk (hoofdletters genegeerd)" — what one field of a pair did. */
export function fieldReasonText(t: TFunction, f: Pick<FieldScore, 'field' | 'reason'>): string {
  return `${t(`dedupe.field.${f.field}`)}: ${t(`dedupe.reason.${f.reason}`, { defaultValue: f.reason })}`;
}

/** The reasons a pair is suspected: the fields that agreed or were similar, strongest first. */
export function pairReasons(t: TFunction, fields: FieldScore[]): string {
  return fields
    .filter((f) => f.outcome === 'agree' || f.outcome === 'similar')
    .sort((a, b) => b.points - a.points)
    .map((f) => fieldReasonText(t, f))
    .join('; ');
}
