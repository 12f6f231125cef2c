import { useState } from 'react';
import { Button, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { codeFromName } from '../../lib/code';
import { useMutation } from '../../rpc/useQuery';
import { NameModal } from '../../components/NameModal';
import { MembershipsError } from './MembershipsError';
import { useSubscriptionTypes } from './useMemberships';

/** Kinds of subscription (Lidmaatschap, Blad…): what base rules like "heeft abonnement X" refer to. */
export function SubscriptionTypesSection() {
  const { t } = useTranslation();
  const types = useSubscriptionTypes();
  const create = useMutation('subscriptionTypes.create');
  const [adding, setAdding] = useState(false);
  const rows = types.data?.rows ?? [];
  return (
    <Stack gap="sm" data-testid="subscription-types">
      <Text size="sm" c="dimmed">
        {t('units.subscriptionTypes.explain')}
      </Text>
      <MembershipsError error={types.error} />
      {rows.length === 0 && types.data ? (
        <Text c="dimmed">{t('units.subscriptionTypes.none')}</Text>
      ) : (
        <Table striped maw={700}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('units.subscriptionTypes.name')}</Table.Th>
              <Table.Th>{t('units.subscriptionTypes.code')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id} data-testid="subscription-type-row">
                <Table.Td>{r.name}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {r.code}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Button variant="light" w="fit-content" onClick={() => setAdding(true)} data-testid="new-subscription-type">
        {t('units.subscriptionTypes.add')}
      </Button>
      {adding && (
        <NameModal
          title={t('units.subscriptionTypes.createTitle')}
          label={t('units.subscriptionTypes.name')}
          busy={create.busy}
          error={create.error}
          onClose={() => {
            create.reset();
            setAdding(false);
          }}
          onSave={(name) =>
            void create.run({ code: codeFromName(name), name }).then((r) => {
              if (!r.ok) return;
              setAdding(false);
              types.reload();
            })
          }
        />
      )}
    </Stack>
  );
}
