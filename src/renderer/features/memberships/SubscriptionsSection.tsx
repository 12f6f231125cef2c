import { useState } from 'react';
import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../lib/format';
import type { SubscriptionDto } from '../../../shared/contract';
import { usePeriodText } from '../../lib/usePeriodText';
import { useMutation } from '../../rpc/useQuery';
import { MembershipsError } from './MembershipsError';
import { SubscriptionModal } from './SubscriptionModal';
import { useSubscriptions } from './useMemberships';

type Editing = { subscription?: SubscriptionDto; ending?: boolean } | null;

/** The relation's subscriptions: what base rules such as "heeft abonnement Lidmaatschap" look at. */
export function SubscriptionsSection({ relationId }: { relationId: string }) {
  const { t, i18n } = useTranslation();
  const period = usePeriodText();
  const subscriptions = useSubscriptions(relationId);
  const remove = useMutation('subscriptions.remove');
  const [editing, setEditing] = useState<Editing>(null);
  const rows = subscriptions.data?.rows ?? [];
  return (
    <Stack gap="sm" data-testid="subscriptions">
      <Group justify="space-between">
        <Title order={4}>{t('memberships.subscriptions.title')}</Title>
        <Button size="xs" variant="light" onClick={() => setEditing({})} data-testid="add-subscription">
          {t('memberships.subscriptions.add')}
        </Button>
      </Group>
      <MembershipsError error={subscriptions.error ?? remove.error} />
      {subscriptions.data && rows.length === 0 && <Text size="sm" c="dimmed">{t('memberships.subscriptions.none')}</Text>}
      {rows.length > 0 && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('memberships.subscriptions.type')}</Table.Th>
              <Table.Th>{t('memberships.subscriptions.number')}</Table.Th>
              <Table.Th>{t('memberships.subscriptions.quantity')}</Table.Th>
              <Table.Th>{t('memberships.subscriptions.period')}</Table.Th>
              <Table.Th>{t('memberships.subscriptions.endReason')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((s) => (
              <Table.Tr key={s.id} data-testid="subscription-row">
                <Table.Td>{s.typeName}</Table.Td>
                <Table.Td>{s.number ?? ''}</Table.Td>
                <Table.Td>{formatCount(s.quantity, i18n.language)}</Table.Td>
                <Table.Td>{period(s.startDate, s.endDate)}</Table.Td>
                <Table.Td>{s.endReason ?? ''}</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button size="xs" variant="default" onClick={() => setEditing({ subscription: s })}>
                      {t('common.edit')}
                    </Button>
                    {!s.endDate && (
                      <Button size="xs" variant="default" onClick={() => setEditing({ subscription: s, ending: true })} data-testid="end-subscription">
                        {t('common.end')}
                      </Button>
                    )}
                    <Button size="xs" variant="subtle" color="red" onClick={() => void remove.run({ id: s.id })}>
                      {t('common.remove')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <SubscriptionModal relationId={relationId} subscription={editing.subscription} ending={editing.ending} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
