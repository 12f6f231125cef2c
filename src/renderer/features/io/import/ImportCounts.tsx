import { Paper, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportCounts as Counts } from '../../../../shared/contract/io';
import { formatCount } from '../../../lib/format';
import type { OutcomeFilter } from './outcome-filter';

const CELLS: { key: OutcomeFilter; count: (c: Counts) => number; color: string }[] = [
  { key: 'create', count: (c) => c.create, color: 'teal' },
  { key: 'update', count: (c) => c.update, color: 'blue' },
  { key: 'skip', count: (c) => c.skip + c.excluded, color: 'gray' },
  { key: 'reject', count: (c) => c.reject, color: 'red' },
  { key: 'duplicates', count: (c) => c.duplicates, color: 'orange' },
  { key: 'warnings', count: (c) => c.warnings, color: 'yellow' },
];

interface Props {
  counts: Counts;
  active: OutcomeFilter;
  onPick: (filter: OutcomeFilter) => void;
}

/** Nieuw / bijgewerkt / ongewijzigd / afgewezen / mogelijke dubbelen; a click filters the table. */
export function ImportCounts({ counts, active, onPick }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 3, md: 6 }} spacing="sm" data-testid="import-counts">
      {CELLS.map((cell) => {
        const n = cell.count(counts);
        return (
          <UnstyledButton key={cell.key} onClick={() => onPick(active === cell.key ? 'all' : cell.key)} aria-pressed={active === cell.key}>
            <Paper withBorder p="sm" bg={active === cell.key ? `var(--mantine-color-${cell.color}-light)` : undefined} data-testid={`count-${cell.key}`}>
              <Text size="xl" fw={700} c={n > 0 ? `${cell.color}.8` : 'dimmed'}>
                {formatCount(n, i18n.language)}
              </Text>
              <Text size="sm">{t(`io.preview.count.${cell.key}`)}</Text>
            </Paper>
          </UnstyledButton>
        );
      })}
    </SimpleGrid>
  );
}
