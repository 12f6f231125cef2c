import { useEffect, useState } from 'react';
import { Anchor, Button, Checkbox, Group, Loader, Menu, Pagination, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Condition, EvaluationMoment, ListSource } from '../../../shared/contract';
import { formatCount } from '../../lib/format';
import { useNavigation } from '../../shell/navigation';
import { call } from '../../rpc/client';
import { useQuery } from '../../rpc/useQuery';
import { usePeriodsText } from '../conditions/usePeriodsText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListSelectionBar } from './ListSelectionBar';
import { useListSelection } from './useListSelection';

const PAGE = 100;
const COLUMNS = ['number', 'name', 'city', 'email', 'period'] as const;
type Column = (typeof COLUMNS)[number];

/**
 * A list of relations given by a condition on a moment, with the shared list tools: a text
 * filter, a column chooser, selection (click, Shift-click for a range, Ctrl-click to add,
 * "alle N selecteren") and the one set of actions on the selection or the whole list.
 */
export function RelationList({ condition, moment }: { condition: Condition; moment: EvaluationMoment }) {
  const { t, i18n } = useTranslation();
  const { navigate } = useNavigation();
  const periods = usePeriodsText();
  const [page, setPage] = useState(1);
  const [filter, setFilter] = useState('');
  const [columns, setColumns] = useState<Set<Column>>(new Set(['number', 'name', 'city', 'period']));
  const query = useQuery(
    'conditions.evaluate',
    { condition, moment, ...(filter.trim() ? { filter: filter.trim() } : {}), offset: (page - 1) * PAGE, limit: PAGE },
    { refreshOn: ['relations.changed', 'groups.changed', 'memberships.changed'] },
  );
  const result = query.data;
  const selection = useListSelection(result?.rows.map((r) => r.id) ?? []);
  const { clear } = selection;
  // A new filter starts a new list: the first page, nothing selected.
  useEffect(() => {
    setPage(1);
    clear();
  }, [filter, clear]);

  const total = result?.total ?? 0;
  /** The whole list: the condition itself when unfiltered, the filtered rows' ids otherwise. */
  const wholeList = async (): Promise<ListSource | null> => {
    if (!filter.trim()) return { kind: 'condition', condition, moment };
    const ids: string[] = [];
    for (let offset = 0; offset < total; offset += 500) {
      const r = await call('conditions.evaluate', { condition, moment, filter: filter.trim(), offset, limit: 500 });
      ids.push(...r.rows.map((x) => x.id));
    }
    return ids.length ? { kind: 'relations', ids } : null;
  };
  const show = (c: Column) => columns.has(c);

  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="xs">
          <Text fw={600} data-testid="list-count">
            {t('lists.count', { formatted: formatCount(total, i18n.language) })}
          </Text>
          {query.loading && <Loader size="xs" />}
        </Group>
        <Group gap="xs">
          <TextInput size="xs" w={260} placeholder={t('lists.filter')} aria-label={t('lists.filter')} value={filter} onChange={(e) => setFilter(e.currentTarget.value)} data-testid="list-filter" />
          <Menu closeOnItemClick={false}>
            <Menu.Target>
              <Button size="xs" variant="default" data-testid="list-columns">
                {t('lists.columns')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {COLUMNS.map((c) => (
                <Menu.Item key={c}>
                  <Checkbox
                    size="xs"
                    label={t(`lists.column.${c}`)}
                    checked={columns.has(c)}
                    onChange={() => setColumns((s) => (s.has(c) ? new Set([...s].filter((x) => x !== c)) : new Set([...s, c])))}
                  />
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          <ListSelectionBar total={total} selection={selection} wholeList={wholeList} />
        </Group>
      </Group>
      <ErrorAlert error={query.error} />
      {result && result.rows.length > 0 && (
        <Table striped highlightOnHover verticalSpacing={4} style={{ userSelect: 'none' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={32} />
              {show('number') && <Table.Th w={90}>{t('lists.column.number')}</Table.Th>}
              {show('name') && <Table.Th>{t('lists.column.name')}</Table.Th>}
              {show('city') && <Table.Th>{t('lists.column.city')}</Table.Th>}
              {show('email') && <Table.Th>{t('lists.column.email')}</Table.Th>}
              {show('period') && <Table.Th>{t('lists.column.period')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.rows.map((r, index) => {
              const checked = selection.isSelected(r.id);
              return (
                <Table.Tr
                  key={r.id}
                  data-testid="list-row"
                  data-selected={checked || undefined}
                  bg={checked ? 'var(--mantine-color-blue-light)' : undefined}
                  onClick={(e) => selection.click(index, { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey })}
                >
                  <Table.Td>
                    <Checkbox size="xs" checked={checked} readOnly aria-label={r.displayName} tabIndex={-1} />
                  </Table.Td>
                  {show('number') && <Table.Td>{r.number}</Table.Td>}
                  {show('name') && (
                    <Table.Td>
                      <Anchor
                        component="button"
                        size="sm"
                        onClick={(e) => {
                          e.stopPropagation();
                          navigate({ page: 'relation', id: r.id });
                        }}
                      >
                        {r.displayName}
                      </Anchor>
                    </Table.Td>
                  )}
                  {show('city') && <Table.Td>{r.city}</Table.Td>}
                  {show('email') && <Table.Td>{r.email}</Table.Td>}
                  {show('period') && <Table.Td>{periods(r.periods)}</Table.Td>}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {total > PAGE && <Pagination total={Math.ceil(total / PAGE)} value={page} onChange={setPage} size="sm" />}
    </Stack>
  );
}

