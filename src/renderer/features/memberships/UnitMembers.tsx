import { useState } from 'react';
import { Anchor, Chip, Group, Loader, Pagination, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { showDate } from '../../lib/dates';
import { formatCount } from '../../lib/format';
import { useNavigation } from '../../shell/navigation';
import { MembershipsError } from './MembershipsError';
import { useMembershipTypes, useUnitMembers } from './useMemberships';

const PAGE = 50;

/** Members of the unit on a date, a page at a time, filterable by type. */
export function UnitMembers({ unitId, on, counts }: { unitId: string; on: string; counts: Record<string, number> }) {
  const { t, i18n } = useTranslation();
  const { navigate } = useNavigation();
  const types = useMembershipTypes();
  const [typeCode, setTypeCode] = useState<string>('');
  const [page, setPage] = useState(1);
  const members = useUnitMembers({ unitId, on, typeCode: typeCode || undefined, offset: (page - 1) * PAGE, limit: PAGE });
  const total = members.data?.total ?? 0;
  const all = Object.values(counts).reduce((a, b) => a + b, 0);
  const choose = (code: string) => {
    setTypeCode(code);
    setPage(1);
  };

  return (
    <Stack gap="sm" data-testid="unit-members">
      <Group gap="xs">
        <Chip checked={typeCode === ''} onChange={() => choose('')} wrapperProps={{ 'data-testid': 'members-filter-all' }}>
          {t('units.members.all', { count: all, formatted: formatCount(all, i18n.language) })}
        </Chip>
        {(types.data?.rows ?? []).map((type) => (
          <Chip
            key={type.id}
            checked={typeCode === type.code}
            onChange={() => choose(type.code)}
            wrapperProps={{ 'data-testid': 'members-filter', 'data-type': type.code }}
          >
            {type.name} {formatCount(counts[type.code] ?? 0, i18n.language)}
          </Chip>
        ))}
      </Group>
      <Text size="sm" c="dimmed" data-testid="members-total">
        {t('units.members.total', { count: total, formatted: formatCount(total, i18n.language), date: showDate(on) })}
      </Text>
      <MembershipsError error={members.error} />
      {members.loading && !members.data && <Loader size="sm" />}
      {members.data && members.data.rows.length > 0 && (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('units.members.name')}</Table.Th>
              <Table.Th>{t('units.members.number')}</Table.Th>
              <Table.Th>{t('units.members.city')}</Table.Th>
              <Table.Th>{t('units.members.type')}</Table.Th>
              <Table.Th>{t('units.members.since')}</Table.Th>
              <Table.Th ta="right">{t('units.members.years')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.data.rows.flatMap(({ relation, memberships }) =>
              memberships.map((m, i) => (
                <Table.Tr key={m.id} data-testid="member-row" data-number={relation.number}>
                  <Table.Td>
                    {i === 0 && (
                      <Anchor component="button" size="sm" onClick={() => navigate({ page: 'relation', id: relation.id, tab: 'memberships' })}>
                        {relation.displayName}
                      </Anchor>
                    )}
                  </Table.Td>
                  <Table.Td>{i === 0 ? relation.number : ''}</Table.Td>
                  <Table.Td>{i === 0 ? (relation.city ?? '') : ''}</Table.Td>
                  <Table.Td>{m.typeName}</Table.Td>
                  <Table.Td>{showDate(m.startDate) || t('units.members.always')}</Table.Td>
                  <Table.Td ta="right">{m.years}</Table.Td>
                </Table.Tr>
              )),
            )}
          </Table.Tbody>
        </Table>
      )}
      {members.data && total === 0 && <Text c="dimmed">{t('units.members.none')}</Text>}
      {total > PAGE && <Pagination total={Math.ceil(total / PAGE)} value={page} onChange={setPage} size="sm" />}
    </Stack>
  );
}
