import { useState } from 'react';
import { Alert, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../shell/navigation';
import { featureErrorText } from '../conditions/feature-errors';
import { SelectionList } from './SelectionList';
import { SelectionEditor } from './SelectionEditor';
import { useSelection, useSelectionList } from './useSelections';

/** Saved selections on the left; the open (or new) one with its builder and live results on the right. */
export function SelectionsPage({ id }: { id?: string | undefined }) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const list = useSelectionList();
  const selection = useSelection(id);
  const [creating, setCreating] = useState(false);
  const loaded = selection.data?.id === id ? selection.data : undefined;
  const open = (next: string) => {
    setCreating(false);
    list.reload();
    navigate({ page: 'selections', id: next });
  };

  let detail;
  if (id && !creating) {
    detail = loaded ? (
      <SelectionEditor key={id} selection={loaded} onSaved={open} onDeleted={() => { list.reload(); navigate({ page: 'selections' }); }} />
    ) : selection.error ? (
      <Alert color="red">{featureErrorText(t, selection.error.body)}</Alert>
    ) : (
      <Loader />
    );
  } else if (creating) {
    detail = <SelectionEditor key="new" selection={null} onSaved={open} onDeleted={() => setCreating(false)} />;
  } else {
    detail = <Text c="dimmed">{t('selections.page.choose')}</Text>;
  }

  return (
    <Stack gap="md">
      <Title order={2}>{t('selections.page.title')}</Title>
      <Group align="flex-start" wrap="nowrap" gap="lg">
        <SelectionList rows={list.data?.rows ?? []} selectedId={creating ? undefined : id} onOpen={open} onNew={() => setCreating(true)} />
        <div style={{ flex: 1, minWidth: 0 }}>{detail}</div>
      </Group>
    </Stack>
  );
}
