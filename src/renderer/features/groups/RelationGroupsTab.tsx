import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../shell/navigation';
import { usePeriodsText } from '../conditions/usePeriodsText';
import { FeatureErrorAlert } from '../conditions/FeatureErrorAlert';
import { GroupTypeBadge } from './GroupTypeBadge';
import { useGroupsOfRelation } from './useGroups';

const STATUS_ORDER = { current: 0, future: 1, past: 2 } as const;
const STATUS_COLOR = { current: 'teal', future: 'blue', past: 'gray' } as const;

/** The relation's groups past, present and future, with roles and periods; a click opens the group. */
export function RelationGroupsTab({ relationId }: { relationId: string }) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const periods = usePeriodsText();
  const groups = useGroupsOfRelation(relationId);
  const rows = [...(groups.data?.rows ?? [])].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.groupName.localeCompare(b.groupName, 'nl'));

  return (
    <Stack maw={1100} data-testid="relation-groups-tab">
      <FeatureErrorAlert error={groups.error} />
      {groups.data && rows.length === 0 && <Text c="dimmed">{t('groups.relationTab.none')}</Text>}
      {rows.length > 0 && (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('groups.relationTab.group')}</Table.Th>
              <Table.Th>{t('groups.relationTab.type')}</Table.Th>
              <Table.Th>{t('groups.relationTab.roles')}</Table.Th>
              <Table.Th>{t('groups.relationTab.period')}</Table.Th>
              <Table.Th>{t('groups.relationTab.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.groupId} data-testid="relation-group-row" data-status={r.status} data-name={r.groupName}>
                <Table.Td>
                  <Anchor component="button" size="sm" onClick={() => navigate({ page: 'groups', id: r.groupId })}>
                    {r.groupName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <GroupTypeBadge type={r.groupType} size="xs" />
                </Table.Td>
                <Table.Td>{r.roles.join(', ')}</Table.Td>
                <Table.Td>{periods(r.periods, 3)}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={STATUS_COLOR[r.status]} data-testid="relation-group-status">
                    {t(`groups.relationTab.statusValue.${r.status}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
