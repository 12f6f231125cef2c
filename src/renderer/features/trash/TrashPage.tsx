import { useState } from 'react';
import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RelationSummary } from '../../../shared/contract';
import { useMutation } from '../../rpc/useQuery';
import { useNavigation } from '../../shell/navigation';
import { showDateTime } from '../../lib/dates';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useTrash } from './useTrash';

type Confirm = { kind: 'empty' } | { kind: 'purge'; row: RelationSummary } | null;

export function TrashPage() {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const trash = useTrash();
  const restore = useMutation('relations.restore');
  const empty = useMutation('relations.emptyTrash');
  const [confirm, setConfirm] = useState<Confirm>(null);
  const rows = trash.data?.rows ?? [];

  return (
    <Stack maw={1100} gap="sm" data-testid="trash-page">
      <Group justify="space-between">
        <Group gap="sm" align="baseline">
          <Title order={2}>{t('trash.page.title')}</Title>
          <Text c="dimmed" data-testid="trash-total">
            {trash.data ? t('relations.list.total', { count: trash.data.total, formatted: String(trash.data.total) }) : ''}
          </Text>
        </Group>
        <Button color="red" variant="light" disabled={rows.length === 0} onClick={() => setConfirm({ kind: 'empty' })} data-testid="empty-trash">
          {t('trash.page.empty')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('trash.page.explain')}
      </Text>
      <ErrorAlert error={trash.error ?? restore.error ?? empty.error} />
      {trash.data && rows.length === 0 && <Text c="dimmed">{t('trash.page.none')}</Text>}
      {rows.length > 0 && (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('relations.list.col.number')}</Table.Th>
              <Table.Th>{t('relations.list.col.name')}</Table.Th>
              <Table.Th>{t('relations.list.col.city')}</Table.Th>
              <Table.Th>{t('trash.page.deletedAt')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id} data-testid="trash-row" data-number={r.number}>
                <Table.Td>{r.number}</Table.Td>
                <Table.Td>
                  <Anchor component="button" onClick={() => navigate({ page: 'relation', id: r.id })}>
                    {r.displayName || t('relations.common.noName')}
                  </Anchor>
                </Table.Td>
                <Table.Td>{r.city}</Table.Td>
                <Table.Td>{r.deletedAt ? showDateTime(r.deletedAt) : ''}</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button size="xs" onClick={() => void restore.run({ id: r.id })} data-testid="trash-restore">
                      {t('trash.restore')}
                    </Button>
                    <Button size="xs" variant="subtle" color="red" onClick={() => setConfirm({ kind: 'purge', row: r })}>
                      {t('trash.page.purge')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ConfirmModal
        opened={confirm !== null}
        title={confirm?.kind === 'purge' ? t('trash.purge.title') : t('trash.empty.title')}
        message={
          confirm?.kind === 'purge'
            ? t('trash.purge.message', { name: confirm.row.displayName })
            : t('trash.empty.message', { count: rows.length })
        }
        confirmLabel={confirm?.kind === 'purge' ? t('trash.page.purge') : t('trash.page.empty')}
        danger
        busy={empty.busy}
        onClose={() => setConfirm(null)}
        onConfirm={() => {
          const ids = confirm?.kind === 'purge' ? [confirm.row.id] : undefined;
          void empty.run({ ids }).then(() => setConfirm(null));
        }}
      />
    </Stack>
  );
}
