import { Anchor, Badge, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GroupMemberEntryDto, Output } from '../../../shared/contract';
import { useNavigation } from '../../shell/navigation';
import { usePeriodsText } from '../conditions/usePeriodsText';
import { entriesOn } from './member-view';

type MemberRow = Output<'groups.members'>['rows'][number];

interface Props {
  rows: MemberRow[];
  entries: GroupMemberEntryDto[];
  /** The day the list is about: which hand-entered membership "Beëindigen" would end. */
  day: string;
  smart: boolean;
  onEnd: (entry: GroupMemberEntryDto) => void;
  onExclude: (relationId: string, name: string) => void;
}

/** Members with role, source (hand/regel) and period. */
export function MembersTable({ rows, entries, day, smart, onEnd, onExclude }: Props) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const periods = usePeriodsText();
  if (rows.length === 0) return <Text c="dimmed">{t('groups.members.none')}</Text>;
  return (
    <Table striped highlightOnHover verticalSpacing={4} data-testid="members-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('groups.members.col.name')}</Table.Th>
          <Table.Th>{t('groups.members.col.role')}</Table.Th>
          <Table.Th>{t('groups.members.col.source')}</Table.Th>
          <Table.Th>{t('groups.members.col.period')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => {
          const active = entriesOn(entries, row.relation.id, day);
          const only = active.length === 1 && !active[0]?.validTo ? active[0] : undefined;
          return (
            <Table.Tr key={row.relation.id} data-testid="member-row" data-name={row.relation.displayName}>
              <Table.Td>
                <Anchor component="button" size="sm" onClick={() => navigate({ page: 'relation', id: row.relation.id })}>
                  {row.relation.displayName}
                </Anchor>
                <Text span size="xs" c="dimmed" ml={6}>
                  {t('relations.common.numberShort', { number: row.relation.number })}
                </Text>
              </Table.Td>
              <Table.Td data-testid="member-roles">{row.roles.map((r) => r.name).join(', ')}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {row.sources.map((s) => (
                    <Badge key={s} size="xs" variant="light" color={s === 'rule' ? 'teal' : 'blue'}>
                      {t(`groups.members.source.${s}`)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td data-testid="member-period">{periods(row.periods)}</Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  {only && (
                    <Button size="compact-xs" variant="default" onClick={() => onEnd(only)} data-testid="end-member">
                      {t('common.end')}
                    </Button>
                  )}
                  {smart && row.sources.includes('rule') && (
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => onExclude(row.relation.id, row.relation.displayName)} data-testid="exclude-member">
                      {t('groups.members.exclude')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
