import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LogTimeline } from './LogTimeline';

/** The whole contact log, searchable. */
export function LogPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={900} gap="sm" data-testid="log-page">
      <Title order={2}>{t('log.page.title')}</Title>
      <LogTimeline />
    </Stack>
  );
}
