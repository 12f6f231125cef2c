import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverviewFigure } from '../../../shared/contract';

/** A figure's words: a type or unit by its own name, the rest by its key. */
export function useFigureLabel(opts: { birthdayDays: number; jubileeDays: number }) {
  const { t } = useTranslation();
  return useCallback(
    (f: Pick<OverviewFigure, 'key' | 'name'>): string => {
      if (f.name !== null) return f.name;
      const [kind, rest = ''] = f.key.split(':');
      switch (kind) {
        case 'age': {
          if (rest === 'unknown') return t('overview.figure.ageUnknown');
          const [min, max] = rest.split('-');
          return max ? t('overview.figure.ageBand', { min, max }) : t('overview.figure.ageFrom', { min });
        }
        case 'jubilee':
          return t('overview.figure.jubilee', { years: Number(rest), days: opts.jubileeDays });
        case 'signal':
          return t(`overview.figure.signal.${rest}`);
        case 'birthdays':
          return t('overview.figure.birthdays', { days: opts.birthdayDays });
        default:
          return t(`overview.figure.${kind}`);
      }
    },
    [t, opts.birthdayDays, opts.jubileeDays],
  );
}
