import { useEffect, useState } from 'react';
import { Button, Checkbox, Group, Loader, Menu, Pagination, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Condition, EvaluationMoment, ListSource } from '../../../shared/contract';
import { formatCount } from '../../lib/format';
import { call } from '../../rpc/client';
import { useQuery } from '../../rpc/useQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListSelectionBar } from './ListSelectionBar';
import { RELATION_COLUMNS, SelectableRelationTable, type RelationColumn } from './SelectableRelationTable';
import { useListSelection } from './useListSelection';

const PAGE = 100;

/**
 * A list of relations given by a condition on a moment, with the shared list tools: a text
 * filter, a column chooser, selection (click, Shift-click for a range, Ctrl-click to add,
 * "alle N selecteren") and the one set of actions on the selection or the whole list.
 */
export function RelationList({ condition, moment }: { condition: Condition; moment: EvaluationMoment }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const [filter, setFilter] = useState('');
  const [columns, setColumns] = useState<Set<RelationColumn>>(new Set(['number', 'name', 'city', 'period']));
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
              {RELATION_COLUMNS.map((c) => (
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
      <SelectableRelationTable rows={result?.rows ?? []} selection={selection} columns={[...columns]} labels="lists.column" testIds={{ row: 'list-row' }} />
      {total > PAGE && <Pagination total={Math.ceil(total / PAGE)} value={page} onChange={setPage} size="sm" />}
    </Stack>
  );
}

