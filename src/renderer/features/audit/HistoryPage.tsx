import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../shell/navigation';
import { useAuditLog } from './useAuditLog';
import { useAuditLookups } from './useAuditLookups';
import { groupByOperation } from './audit-format';
import { AuditGroupCard } from './AuditGroupCard';
import { UndoOperation } from './UndoOperation';
import { useUndoStatus } from './useUndoStatus';

/** The global audit log: every operation on every record, newest first. */
export function HistoryPage() {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const log = useAuditLog();
  const lookups = useAuditLookups();
  const groups = groupByOperation(log.rows);
  const undo = useUndoStatus(groups.map((g) => g.operationId));
  return (
    <Stack maw={1000} gap="sm">
      <Title order={2}>{t('audit.page.title')}</Title>
      {log.failed && <Alert color="red">{t('audit.list.failed')}</Alert>}
      {log.total === 0 && <Text c="dimmed">{t('audit.list.none')}</Text>}
      {groups.map((g) => {
        // Link to the relation only when the whole operation is about one relation.
        const ids = new Set(g.entries.map((e) => e.relationId));
        const relationId = ids.size === 1 ? (g.entries[0]?.relationId ?? null) : null;
        const undoStatus = undo.get(g.operationId);
        return (
          <AuditGroupCard
            key={g.operationId}
            group={g}
            lookups={lookups}
            footer={undoStatus ? <UndoOperation status={undoStatus} /> : null}
            extra={
              relationId ? (
                <Anchor component="button" size="sm" onClick={() => navigate({ page: 'relation', id: relationId })}>
                  {t('audit.page.openRelation')}
                </Anchor>
              ) : null
            }
          />
        );
      })}
      {log.total !== null && log.rows.length < log.total && (
        <Button variant="default" onClick={log.loadMore} loading={log.loading}>
          {t('audit.list.more')}
        </Button>
      )}
    </Stack>
  );
}
