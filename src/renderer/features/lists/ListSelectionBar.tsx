import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ListSource } from '../../../shared/contract';
import { formatCount } from '../../lib/format';
import { ListActions } from './ListActions';
import type { ListSelection } from './useListSelection';

/**
 * The shared tools of every list of relations: how many are selected, "alle N selecteren",
 * clear, and the one set of actions — on the hand-picked rows, or else on the whole list
 * (`wholeList`: the list's own source, the condition or group behind it).
 */
export function ListSelectionBar({ total, selection, wholeList }: { total: number; selection: ListSelection; wholeList: () => Promise<ListSource | null> }) {
  const { t, i18n } = useTranslation();
  const picked = !selection.all && selection.ids.size > 0;
  const selectedCount = selection.all ? total : selection.ids.size;
  const source = (): Promise<ListSource | null> => (picked ? Promise.resolve({ kind: 'relations', ids: [...selection.ids] }) : wholeList());
  return (
    <Group gap="xs" data-testid="list-selection-bar">
      {selectedCount > 0 && (
        <Text size="sm" c="blue" data-testid="list-selected">
          {t('lists.selected', { formatted: formatCount(selectedCount, i18n.language) })}
        </Text>
      )}
      {total > 0 && !selection.all && (
        <Anchor component="button" size="sm" onClick={selection.selectAll} data-testid="list-select-all">
          {t('lists.selectAll', { formatted: formatCount(total, i18n.language) })}
        </Anchor>
      )}
      {selectedCount > 0 && (
        <Anchor component="button" size="sm" c="dimmed" onClick={selection.clear}>
          {t('lists.clearSelection')}
        </Anchor>
      )}
      <ListActions count={picked ? selection.ids.size : total} scope={picked ? 'selected' : 'all'} source={source} onDone={selection.clear} />
    </Group>
  );
}
