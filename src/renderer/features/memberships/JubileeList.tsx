import { useState } from 'react';
import { Anchor, Badge, Group, Loader, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { showDate, todayIsoLocal } from '../../lib/dates';
import { useNavigation } from '../../shell/navigation';
import { DateField } from '../../components/DateField';
import { MembershipsError } from './MembershipsError';
import { useJubilees, useMembershipTypes } from './useMemberships';
import { parseYears } from './jubilee-years';

/** Who reaches 10, 25, 40 or 50 years of contiguous membership within a period. */
export function JubileeList({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const types = useMembershipTypes();
  const year = todayIsoLocal().slice(0, 4);
  const [yearsText, setYearsText] = useState('10, 25, 40, 50');
  const [from, setFrom] = useState<string | null>(`${year}-01-01`);
  const [to, setTo] = useState<string | null>(`${year}-12-31`);
  const [typeCode, setTypeCode] = useState<string | null>(null);
  const years = parseYears(yearsText);
  const ready = years.length > 0 && from !== null && to !== null && from <= to;
  const jubilees = useJubilees({ years, from: from ?? year, to: to ?? year, unitId, typeCode: typeCode ?? undefined }, ready);
  const rows = ready ? (jubilees.data?.rows ?? []) : [];

  return (
    <Stack gap="sm" data-testid="jubilees">
      <Group align="flex-start">
        <TextInput
          label={t('units.jubilees.years')}
          value={yearsText}
          onChange={(e) => setYearsText(e.currentTarget.value)}
          error={years.length ? undefined : t('units.jubilees.yearsInvalid')}
          w={200}
          data-field="years"
        />
        <DateField label={t('units.jubilees.from')} value={from} onChange={setFrom} w={150} data-field="from" />
        <DateField label={t('units.jubilees.to')} value={to} onChange={setTo} w={150} data-field="to" />
        <Select
          label={t('units.jubilees.type')}
          placeholder={t('units.jubilees.allTypes')}
          data={(types.data?.rows ?? []).map((r) => ({ value: r.code, label: r.name }))}
          value={typeCode}
          onChange={setTypeCode}
          clearable
          w={200}
        />
      </Group>
      <MembershipsError error={jubilees.error} />
      {ready && jubilees.loading && !jubilees.data && <Loader size="sm" />}
      {ready && jubilees.data && rows.length === 0 && <Text c="dimmed">{t('units.jubilees.none')}</Text>}
      {rows.length > 0 && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('units.jubilees.date')}</Table.Th>
              <Table.Th>{t('units.jubilees.jubilee')}</Table.Th>
              <Table.Th>{t('units.members.name')}</Table.Th>
              <Table.Th>{t('units.members.number')}</Table.Th>
              <Table.Th>{t('units.members.type')}</Table.Th>
              <Table.Th>{t('units.members.since')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={`${r.relation.id}|${r.years}|${r.typeName}`} data-testid="jubilee-row">
                <Table.Td>{showDate(r.date)}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{t('units.jubilees.yearsBadge', { count: r.years })}</Badge>
                </Table.Td>
                <Table.Td>
                  <Anchor component="button" size="sm" onClick={() => navigate({ page: 'relation', id: r.relation.id, tab: 'memberships' })}>
                    {r.relation.displayName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{r.relation.number}</Table.Td>
                <Table.Td>{r.typeName}</Table.Td>
                <Table.Td>{showDate(r.since)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
