import { useState } from 'react';
import { Alert, Badge, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UndoStatusDto } from '../../../shared/contract';
import { ConfirmModal } from '../../components/ConfirmModal';
import { errorText } from '../../lib/issues';
import { showDateTime } from '../../lib/dates';
import { formatCount } from '../../lib/format';
import { useMutation } from '../../rpc/useQuery';
import { operationLabel } from './audit-format';

/**
 * Undo for an operation that can be undone as a whole (an import): a button while nothing
 * later is in the way, otherwise which later operations are, or when it was undone.
 */
export function UndoOperation({ status }: { status: UndoStatusDto }) {
  const { t, i18n } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [reverted, setReverted] = useState<number | null>(null);
  const undo = useMutation('audit.undo');
  const label = operationLabel(t, status.kind);
  if (status.state === 'undone' || reverted !== null) {
    return (
      <Group gap="xs" data-testid="undo-state">
        <Badge variant="light" color="gray">
          {t('audit.undo.undone')}
        </Badge>
        {reverted !== null && (
          <Text size="sm" c="dimmed">
            {t('audit.undo.reverted', { count: reverted, formatted: formatCount(reverted, i18n.language) })}
          </Text>
        )}
      </Group>
    );
  }
  if (status.state === 'conflict') {
    const names = status.conflicts
      .slice(0, 5)
      .map((c) => t('audit.undo.conflictItem', { operation: operationLabel(t, c.kind), when: showDateTime(c.at), who: c.actor }));
    const more = status.conflicts.length - names.length;
    return (
      <Text size="sm" c="dimmed" data-testid="undo-state">
        {t('audit.undo.blocked', { operations: names.join('; ') })}
        {more > 0 ? ` ${t('audit.undo.blockedMore', { count: more })}` : ''}
      </Text>
    );
  }
  return (
    <>
      <Group gap="xs">
        <Button size="compact-sm" variant="light" onClick={() => setAsking(true)} data-testid="undo-operation">
          {t('audit.undo.button')}
        </Button>
      </Group>
      {undo.error && (
        <Alert color="red" mt="xs">
          {errorText(t, undo.error.body)}
        </Alert>
      )}
      <ConfirmModal
        opened={asking}
        title={t('audit.undo.title', { operation: label })}
        message={t('audit.undo.message')}
        confirmLabel={t('audit.undo.button')}
        busy={undo.busy}
        onClose={() => setAsking(false)}
        onConfirm={async () => {
          const r = await undo.run({ operationId: status.operationId });
          setAsking(false);
          if (r.ok) setReverted(r.value.reverted);
        }}
      />
    </>
  );
}
