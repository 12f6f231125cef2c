import { useState } from 'react';
import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RelationDetail, RelationLinkDto } from '../../../shared/contract';
import { useMutation } from '../../rpc/useQuery';
import { useNavigation } from '../../shell/navigation';
import { usePeriodText } from '../../lib/usePeriodText';
import { ConfirmModal } from '../../components/ConfirmModal';
import { EndDateModal } from '../../components/EndDateModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AddLinkModal } from './AddLinkModal';

type Dialog = { kind: 'add' } | { kind: 'end'; link: RelationLinkDto } | { kind: 'remove'; link: RelationLinkDto } | null;

export function LinksTab({ detail }: { detail: RelationDetail }) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const period = usePeriodText();
  const [dialog, setDialog] = useState<Dialog>(null);
  const update = useMutation('links.update');
  const remove = useMutation('links.remove');

  return (
    <Stack maw={1100} data-testid="links-tab">
      <Group>
        <Button onClick={() => setDialog({ kind: 'add' })} data-testid="add-link">
          {t('links.tab.add')}
        </Button>
      </Group>
      <ErrorAlert error={update.error ?? remove.error} />
      {detail.links.length === 0 ? (
        <Text c="dimmed">{t('links.tab.none')}</Text>
      ) : (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('links.tab.colLabel')}</Table.Th>
              <Table.Th>{t('links.tab.colRelation')}</Table.Th>
              <Table.Th>{t('links.tab.colFunction')}</Table.Th>
              <Table.Th>{t('links.tab.colPeriod')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {detail.links.map((l) => (
              <Table.Tr key={l.id} data-testid="link-row">
                <Table.Td>{l.label}</Table.Td>
                <Table.Td>
                  <Anchor component="button" size="sm" onClick={() => navigate({ page: 'relation', id: l.otherRelationId })}>
                    {l.otherDisplayName} ({t('relations.common.numberShort', { number: l.otherNumber })})
                  </Anchor>
                </Table.Td>
                <Table.Td>{l.function}</Table.Td>
                <Table.Td>{period(l.validFrom, l.validTo)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    {!l.validTo && (
                      <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'end', link: l })}>
                        {t('common.end')}
                      </Button>
                    )}
                    <Button size="xs" variant="subtle" color="red" onClick={() => setDialog({ kind: 'remove', link: l })}>
                      {t('common.remove')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {dialog?.kind === 'add' && <AddLinkModal detail={detail} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'end' && (
        <EndDateModal
          title={t('links.end.title')}
          description={`${dialog.link.label} ${dialog.link.otherDisplayName}`}
          busy={update.busy}
          onClose={() => setDialog(null)}
          onConfirm={(validTo) => {
            const l = dialog.link;
            void update.run({ id: l.id, link: { function: l.function, validFrom: l.validFrom, validTo, notes: l.notes } }).then(() => setDialog(null));
          }}
        />
      )}
      <ConfirmModal
        opened={dialog?.kind === 'remove'}
        title={t('links.remove.title')}
        message={dialog?.kind === 'remove' ? t('links.remove.message', { label: dialog.link.label, name: dialog.link.otherDisplayName }) : ''}
        confirmLabel={t('common.remove')}
        danger
        busy={remove.busy}
        onClose={() => setDialog(null)}
        onConfirm={() => dialog?.kind === 'remove' && void remove.run({ id: dialog.link.id }).then(() => setDialog(null))}
      />
    </Stack>
  );
}
