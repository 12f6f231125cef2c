import { useEffect, useState, type KeyboardEvent } from 'react';
import { Loader, Modal, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRelationSearch } from './useRelationSearch';
import { SearchResultItem } from './SearchResultItem';

interface Props {
  opened: boolean;
  onClose: () => void;
  onOpenRelation: (id: string) => void;
}

/** Ctrl+K / ⌘K: find any relation as you type; ↑↓ to choose, Enter opens the card. */
export function SearchSpotlight({ opened, onClose, onOpenRelation }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const { rows, more, searching, failed } = useRelationSearch(query);

  useEffect(() => setActive(0), [rows]);
  useEffect(() => {
    if (!opened) setQuery('');
  }, [opened]);

  const pick = (index: number) => {
    const row = rows[index];
    if (!row) return;
    onClose();
    onOpenRelation(row.id);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, rows.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      pick(active);
    }
  };

  useEffect(() => {
    document.getElementById(`search-result-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  return (
    <Modal opened={opened} onClose={onClose} withCloseButton={false} size="lg" yOffset="10vh" padding="sm" title={null} aria-label={t('search.dialog.label')}>
      <TextInput
        data-autofocus
        size="md"
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        placeholder={t('search.dialog.placeholder')}
        aria-label={t('search.dialog.input')}
        role="combobox"
        aria-expanded={rows.length > 0}
        aria-controls="search-results"
        aria-activedescendant={rows.length ? `search-result-${active}` : undefined}
        rightSection={searching ? <Loader size="xs" /> : null}
        data-testid="search-input"
      />
      <ScrollArea.Autosize mah="55vh" mt="xs">
        <Stack gap={2} id="search-results" role="listbox" aria-label={t('search.dialog.results')}>
          {rows.map((row, i) => (
            <SearchResultItem
              key={row.id}
              id={`search-result-${i}`}
              row={row}
              active={i === active}
              onPick={() => pick(i)}
              onHover={() => setActive(i)}
            />
          ))}
        </Stack>
      </ScrollArea.Autosize>
      {query.trim() && !searching && rows.length === 0 && (
        <Text c="dimmed" size="sm" p="sm">
          {failed ? t('search.dialog.failed') : t('search.dialog.none')}
        </Text>
      )}
      {more && (
        <Text c="dimmed" size="xs" px="sm" pt="xs">
          {t('search.dialog.more')}
        </Text>
      )}
      {!query.trim() && (
        <Text c="dimmed" size="sm" p="sm">
          {t('search.dialog.hint')}
        </Text>
      )}
    </Modal>
  );
}
