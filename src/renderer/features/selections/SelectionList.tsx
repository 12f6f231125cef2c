import { Button, NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SelectionDto } from '../../../shared/contract';

interface Props {
  rows: SelectionDto[];
  selectedId: string | undefined;
  onOpen: (id: string) => void;
  onNew: () => void;
}

/** The saved selections by name; the open one is highlighted. */
export function SelectionList({ rows, selectedId, onOpen, onNew }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} w={280} miw={280} data-testid="selection-list">
      <Button onClick={onNew} mb="xs" data-testid="new-selection">
        {t('selections.list.new')}
      </Button>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('selections.list.none')}
        </Text>
      )}
      {rows.map((s) => (
        <NavLink
          key={s.id}
          component="button"
          label={s.name}
          description={s.description ?? undefined}
          active={s.id === selectedId}
          onClick={() => onOpen(s.id)}
          data-testid="selection-item"
        />
      ))}
    </Stack>
  );
}
