import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeriodDto } from '../../../shared/contract';
import { showDate } from '../../lib/dates';
import { usePeriodText } from '../../lib/usePeriodText';

/**
 * A result's periods in words: 'sinds 1-3-2024' for one still running, '1-1-2020 t/m
 * 31-12-2022' for one that ended (ends are exclusive in the API), 'altijd' when unbounded.
 * The most recent period comes first; older ones follow.
 */
export function usePeriodsText() {
  const { t } = useTranslation();
  const period = usePeriodText();
  return useCallback(
    (periods: PeriodDto[], max = 2) => {
      const words = [...periods].reverse().map((p) => {
        if (!p.from && !p.to) return t('conditions.period.always');
        if (p.from && !p.to) return t('conditions.period.since', { date: showDate(p.from) });
        return period(p.from, p.to);
      });
      const shown = words.slice(0, max).join(', ');
      return words.length > max ? t('conditions.period.more', { text: shown, count: words.length - max }) : shown;
    },
    [t, period],
  );
}
