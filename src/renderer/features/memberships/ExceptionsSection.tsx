import { useState } from 'react';
import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePeriodText } from '../../lib/usePeriodText';
import { useMutation } from '../../rpc/useQuery';
import { EndDateModal } from '../../components/EndDateModal';
import type { ExceptionDto } from './exception-dto';
import { ExceptionModal } from './ExceptionModal';
import { MembershipsError } from './MembershipsError';
import { useExceptions } from './useMemberships';

type Editing = { exception?: ExceptionDto } | null;

/** Exception memberships of the relation: add, edit, end (last day) or remove. */
export function ExceptionsSection({ relationId }: { relationId: string }) {
  const { t } = useTranslation();
  const period = usePeriodText();
  const exceptions = useExceptions(relationId);
  const update = useMutation('exceptions.update');
  const remove = useMutation('exceptions.remove');
  const [editing, setEditing] = useState<Editing>(null);
  const [ending, setEnding] = useState<ExceptionDto | null>(null);
  const rows = exceptions.data?.rows ?? [];

  const end = (e: ExceptionDto, validTo: string) =>
    void update
      .run({
        id: e.id,
        exception: { unitId: e.unitId, membershipTypeId: e.membershipTypeId, validFrom: e.validFrom, validTo, ignoreBaseRule: e.ignoreBaseRule, reason: e.reason },
      })
      .then((r) => r.ok && setEnding(null));

  return (
    <Stack gap="sm" data-testid="exceptions">
      <Group justify="space-between">
        <Title order={4}>{t('memberships.exceptions.title')}</Title>
        <Button size="xs" variant="light" onClick={() => setEditing({})} data-testid="add-exception">
          {t('memberships.exceptions.add')}
        </Button>
      </Group>
      <MembershipsError error={exceptions.error ?? update.error ?? remove.error} />
      {exceptions.data && rows.length === 0 && <Text size="sm" c="dimmed">{t('memberships.exceptions.none')}</Text>}
      {rows.length > 0 && (
        <Table>
          <Table.Tbody>
            {rows.map((e) => (
              <Table.Tr key={e.id} data-testid="exception-row">
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {e.unitName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {e.typeName}
                  </Text>
                </Table.Td>
                <Table.Td>{period(e.validFrom, e.validTo) || t('memberships.timeline.always')}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge size="sm" color="orange" variant="light">
                      {t('memberships.timeline.exception')}
                    </Badge>
                    {e.ignoreBaseRule && (
                      <Badge size="sm" color="gray" variant="light">
                        {t('memberships.exceptions.ignoresBase')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{e.reason ?? ''}</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button size="xs" variant="default" onClick={() => setEditing({ exception: e })}>
                      {t('common.edit')}
                    </Button>
                    {!e.validTo && (
                      <Button size="xs" variant="default" onClick={() => setEnding(e)}>
                        {t('common.end')}
                      </Button>
                    )}
                    <Button size="xs" variant="subtle" color="red" onClick={() => void remove.run({ id: e.id })}>
                      {t('common.remove')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <ExceptionModal relationId={relationId} exception={editing.exception} onClose={() => setEditing(null)} />}
      {ending && (
        <EndDateModal
          title={t('memberships.exceptions.endTitle', { unit: ending.unitName })}
          busy={update.busy}
          onClose={() => setEnding(null)}
          onConfirm={(validTo) => end(ending, validTo)}
        />
      )}
    </Stack>
  );
}
