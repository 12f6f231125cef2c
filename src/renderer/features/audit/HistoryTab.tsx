import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuditLog } from './useAuditLog';
import { useAuditLookups } from './useAuditLookups';
import { groupByOperation } from './audit-format';
import { AuditGroupCard } from './AuditGroupCard';

export function HistoryTab({ relationId }: { relationId: string }) {
  const { t } = useTranslation();
  const log = useAuditLog(relationId);
  const lookups = useAuditLookups();
  const groups = groupByOperation(log.rows);
  return (
    <Stack maw={900} gap="sm" data-testid="history-tab">
      {log.failed && <Alert color="red">{t('audit.list.failed')}</Alert>}
      {log.total === 0 && <Text c="dimmed">{t('audit.list.none')}</Text>}
      {groups.map((g) => (
        <AuditGroupCard key={g.operationId} group={g} lookups={lookups} />
      ))}
      {log.total !== null && log.rows.length < log.total && (
        <Button variant="default" onClick={log.loadMore} loading={log.loading}>
          {t('audit.list.more')}
        </Button>
      )}
    </Stack>
  );
}
