import { useState } from 'react';
import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../shell/navigation';
import { formatCount } from '../../lib/format';
import { useAuditLookups } from './useAuditLookups';
import { useAuditOperations, type AuditFilter } from './useAuditOperations';
import { AuditGroupCard } from './AuditGroupCard';
import { HistoryFilters } from './HistoryFilters';
import { UndoOperation } from './UndoOperation';
import { useUndoStatus } from './useUndoStatus';

/** Operations newest first with filters: the global History, or one relation's (relationId). */
export function HistoryList({ relationId }: { relationId?: string }) {
  const { t, i18n } = useTranslation();
  const { navigate } = useNavigation();
  const [filter, setFilter] = useState<AuditFilter>(relationId ? { relationId } : {});
  const log = useAuditOperations(filter);
  const lookups = useAuditLookups();
  const undo = useUndoStatus(log.rows.map((op) => op.id));
  const filtered = Object.keys(filter).some((k) => k !== 'relationId');
  const scope = { ...(relationId ? { relationId } : {}), ...(filter.table ? { table: filter.table } : {}) };
  return (
    <Stack gap="sm">
      <HistoryFilters value={filter} onChange={setFilter} compact={!!relationId} />
      {log.failed && <Alert color="red">{t('audit.list.failed')}</Alert>}
      {log.total === 0 && (
        <Text c="dimmed" data-testid="history-empty">
          {filtered ? t('audit.list.noneFiltered') : t('audit.list.none')}
        </Text>
      )}
      {log.rows.map((op) => {
        // Link to the relation only when the whole operation is about one relation.
        const ids = new Set(op.entries.map((e) => e.relationId));
        const only = !relationId && ids.size === 1 ? (op.entries[0]?.relationId ?? null) : null;
        const undoStatus = undo.get(op.id);
        return (
          <AuditGroupCard
            key={op.id}
            operation={op}
            lookups={lookups}
            scope={scope}
            footer={undoStatus ? <UndoOperation status={undoStatus} /> : null}
            extra={
              only ? (
                <Anchor component="button" size="sm" onClick={() => navigate({ page: 'relation', id: only })}>
                  {t('audit.page.openRelation')}
                </Anchor>
              ) : null
            }
          />
        );
      })}
      {log.total !== null && log.total > 0 && (
        <Text size="xs" c="dimmed">
          {t('audit.list.count', { shown: formatCount(log.rows.length, i18n.language), total: formatCount(log.total, i18n.language) })}
        </Text>
      )}
      {log.total !== null && log.rows.length < log.total && (
        <Button variant="default" onClick={log.loadMore} loading={log.loading} w="fit-content">
          {t('audit.list.more')}
        </Button>
      )}
    </Stack>
  );
}
