import { useState } from 'react';
import { Button, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MembershipTypeDto } from '../../../shared/contract';
import { conditionText } from './condition-text';
import { MembershipsError } from './MembershipsError';
import { MembershipTypeModal } from './MembershipTypeModal';
import { useConditionNames, useMembershipTypes } from './useMemberships';

type Editing = { type?: MembershipTypeDto } | null;

/** Lid, Donateur, Vrijwilliger…: each with the base rule every unit builds on. */
export function MembershipTypesSection() {
  const { t } = useTranslation();
  const types = useMembershipTypes();
  const names = useConditionNames();
  const [editing, setEditing] = useState<Editing>(null);
  const rows = types.data?.rows ?? [];
  return (
    <Stack gap="sm" data-testid="membership-types">
      <Text size="sm" c="dimmed">
        {t('units.types.explain')}
      </Text>
      <MembershipsError error={types.error} />
      {rows.length === 0 && types.data ? (
        <Text c="dimmed">{t('units.types.none')}</Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('units.types.name')}</Table.Th>
              <Table.Th>{t('units.types.code')}</Table.Th>
              <Table.Th>{t('units.types.baseRule')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id} data-testid="membership-type-row">
                <Table.Td fw={500}>{r.name}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {r.code}
                  </Text>
                </Table.Td>
                <Table.Td>{conditionText(t, r.baseCondition, names)}</Table.Td>
                <Table.Td ta="right">
                  <Button size="xs" variant="default" onClick={() => setEditing({ type: r })}>
                    {t('common.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Button variant="light" w="fit-content" onClick={() => setEditing({})} data-testid="new-membership-type">
        {t('units.types.add')}
      </Button>
      {editing && <MembershipTypeModal type={editing.type} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
