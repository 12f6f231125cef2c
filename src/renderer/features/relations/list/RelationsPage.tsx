import { useCallback, useEffect, useMemo, useState } from 'react';
import { ListSelectionBar } from '../../lists/ListSelectionBar';
import { useListSelection } from '../../lists/useListSelection';
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RelationKind } from '../../../../shared/contract';
import { useNavigation } from '../../../shell/navigation';
import { formatCount } from '../../../lib/format';
import { RelationsTable, type SortKey } from './RelationsTable';
import { RelationsToolbar, type KindFilter } from './RelationsToolbar';
import { useRelationPages, type ListQuery } from './useRelationPages';
import { NewRelationModal } from '../new/NewRelationModal';

export function RelationsPage() {
  const { t, i18n } = useTranslation();
  const { navigate } = useNavigation();
  const [kind, setKind] = useState<KindFilter>('all');
  const [typeCode, setTypeCode] = useState<string | null>(null);
  const [sort, setSort] = useState<SortKey>('name');
  const [descending, setDescending] = useState(false);
  const [creating, setCreating] = useState<RelationKind | null>(null);

  const query = useMemo<ListQuery>(
    () => ({ sort, descending, kind: kind === 'all' ? undefined : kind, typeCode: typeCode ?? undefined }),
    [sort, descending, kind, typeCode],
  );
  const pages = useRelationPages(query);
  const { row } = pages;
  const selection = useListSelection(useCallback((i: number) => row(i)?.id, [row]));
  const { clear } = selection;
  // Another filter or order is another list: nothing selected.
  useEffect(() => clear(), [query, clear]);

  const onSort = (next: SortKey) => {
    if (next === sort) setDescending((d) => !d);
    else {
      setSort(next);
      setDescending(next === 'updated');
    }
  };
  const open = (id: string) => navigate({ page: 'relation', id });

  return (
    <Stack h="calc(100dvh - var(--app-shell-header-height, 0px) - 2 * var(--mantine-spacing-md))" gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" align="baseline">
          <Title order={2}>{t('relations.list.title')}</Title>
          <Text c="dimmed" data-testid="relations-total">
            {pages.total === null ? '' : t('relations.list.total', { count: pages.total, formatted: formatCount(pages.total, i18n.language) })}
          </Text>
        </Group>
        <Group gap="xs">
          <Button onClick={() => setCreating('person')} data-testid="new-person">
            {t('relations.new.person')}
          </Button>
          <Button variant="light" onClick={() => setCreating('organisation')} data-testid="new-organisation">
            {t('relations.new.organisation')}
          </Button>
        </Group>
      </Group>
      <RelationsToolbar
        kind={kind}
        onKind={setKind}
        typeCode={typeCode}
        onTypeCode={setTypeCode}
        sort={sort}
        descending={descending}
        onSort={(s) => {
          setSort(s);
          setDescending(s === 'updated');
        }}
        onDirection={() => setDescending((d) => !d)}
      />
      {(pages.total ?? 0) > 0 && (
        <ListSelectionBar
          total={pages.total ?? 0}
          selection={selection}
          wholeList={() => Promise.resolve({ kind: 'all', ...(kind === 'all' ? {} : { relationKind: kind }), ...(typeCode ? { typeCode } : {}) })}
        />
      )}
      {pages.failed && <Alert color="red">{t('relations.list.loadFailed')}</Alert>}
      {pages.total === 0 ? (
        <Stack gap="xs" align="flex-start" data-testid="relations-empty">
          <Text c="dimmed">{kind === 'all' && typeCode === null ? t('relations.list.empty') : t('relations.list.emptyFiltered')}</Text>
          {kind === 'all' && typeCode === null && (
            <Button variant="light" onClick={() => navigate({ page: 'io', tab: 'import' })}>
              {t('relations.list.importNow')}
            </Button>
          )}
        </Stack>
      ) : (
        <RelationsTable pages={pages} sort={sort} descending={descending} onSort={onSort} onOpen={open} resetKey={JSON.stringify(query)} selection={selection} />
      )}
      {creating && (
        <NewRelationModal
          kind={creating}
          onClose={() => setCreating(null)}
          onCreated={(id) => {
            setCreating(null);
            open(id);
          }}
          onOpenRelation={(id) => {
            setCreating(null);
            open(id);
          }}
        />
      )}
    </Stack>
  );
}
