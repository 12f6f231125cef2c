import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { HistoryList } from './HistoryList';

/** The global audit log: every operation on every record, newest first. */
export function HistoryPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={1000} gap="sm">
      <Title order={2}>{t('audit.page.title')}</Title>
      <HistoryList />
    </Stack>
  );
}
