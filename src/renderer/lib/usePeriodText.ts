import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { periodText } from './dates';

/** periodText in the current language: '1-1-2024 t/m 31-10-2026', 'vanaf …', 't/m …'. */
export function usePeriodText() {
  const { t } = useTranslation();
  return useCallback(
    (validFrom: string | null, validTo: string | null) =>
      periodText(validFrom, validTo, {
        from: (date) => t('common.period.from', { date }),
        until: (date) => t('common.period.until', { date }),
        between: (from, until) => t('common.period.between', { from, until }),
      }),
    [t],
  );
}
