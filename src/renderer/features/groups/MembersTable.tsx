import { Anchor, Badge, Button, Checkbox, Group, Table, Text } from '@mantine/core';
import type { ListSelection } from '../lists/useListSelection';
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
  /** The shared list selection (click, Shift, Ctrl); the row's buttons and name do not select. */
  selection: ListSelection;
  onEnd: (entry: GroupMemberEntryDto) => void;
  onExclude: (relationId: string, name: string) => void;
}

/** Members with role, source (hand/regel) and period. */
export function MembersTable({ rows, entries, day, smart, selection, onEnd, onExclude }: Props) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const periods = usePeriodsText();
  if (rows.length === 0) return <Text c="dimmed">{t('groups.members.none')}</Text>;
  return (
    <Table striped highlightOnHover verticalSpacing={4} data-testid="members-table" style={{ userSelect: 'none' }}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={32} />
          <Table.Th>{t('groups.members.col.name')}</Table.Th>
          <Table.Th>{t('groups.members.col.role')}</Table.Th>
          <Table.Th>{t('groups.members.col.source')}</Table.Th>
          <Table.Th>{t('groups.members.col.period')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row, index) => {
          const active = entriesOn(entries, row.relation.id, day);
          const only = active.length === 1 && !active[0]?.validTo ? active[0] : undefined;
          const selected = selection.isSelected(row.relation.id);
          return (
            <Table.Tr
              key={row.relation.id}
              data-testid="member-row"
              data-name={row.relation.displayName}
              data-selected={selected || undefined}
              bg={selected ? 'var(--mantine-color-blue-light)' : undefined}
              onClick={(e) => selection.click(index, { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey })}
            >
              <Table.Td>
                <Checkbox size="xs" checked={selected} readOnly aria-label={row.relation.displayName} tabIndex={-1} />
              </Table.Td>
              <Table.Td>
                <Anchor
                  component="button"
                  size="sm"
                  onClick={(e) => {
                    e.stopPropagation();
                    navigate({ page: 'relation', id: row.relation.id });
                  }}
                >
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
                <Group gap={4} justify="flex-end" wrap="nowrap" onClick={(e) => e.stopPropagation()}>
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
