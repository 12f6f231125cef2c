import { useEffect, useState } from 'react';
import { Anchor, Checkbox, Group, Loader, Pagination, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Condition, EvaluationMoment } from '../../../shared/contract';
import { formatCount } from '../../lib/format';
import { useNavigation } from '../../shell/navigation';
import { useConditionEvaluation } from '../conditions/useConditionEvaluation';
import { usePeriodsText } from '../conditions/usePeriodsText';
import { FeatureErrorAlert } from '../conditions/FeatureErrorAlert';
import { ListSelectionBar } from '../lists/ListSelectionBar';
import { useListSelection } from '../lists/useListSelection';

const PAGE = 50;

/** Who meets the (unsaved) condition on the date or in the period, a page at a time. */
export function SelectionResults({ condition, moment }: { condition: Condition | null; moment: EvaluationMoment }) {
  const { t, i18n } = useTranslation();
  const { navigate } = useNavigation();
  const periods = usePeriodsText();
  const [page, setPage] = useState(1);
  const { result, loading, error, incomplete } = useConditionEvaluation({ condition, moment, offset: (page - 1) * PAGE, limit: PAGE });
  const key = JSON.stringify({ condition, moment });
  const selection = useListSelection(result?.rows.map((r) => r.id) ?? []);
  const { clear } = selection;
  // A different condition or date starts again at the first page, with nothing selected.
  useEffect(() => {
    setPage(1);
    clear();
  }, [key, clear]);
  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE)) : 1;

  return (
    <div data-testid="selection-results">
      <Group gap="xs" mb="xs">
        <Text fw={600} data-testid="results-count">
          {incomplete
            ? t('conditions.preview.incomplete')
            : result
              ? t('conditions.preview.count', { count: result.total, formatted: formatCount(result.total, i18n.language) })
              : condition === null
                ? t('selections.results.empty')
                : ''}
        </Text>
        {loading && <Loader size="xs" />}
        {result && condition && !incomplete && result.total > 0 && (
          <ListSelectionBar total={result.total} selection={selection} wholeList={() => Promise.resolve({ kind: 'condition', condition, moment })} />
        )}
      </Group>
      <FeatureErrorAlert error={error} />
      {result && result.rows.length > 0 && (
        <Table striped highlightOnHover verticalSpacing={4} style={{ userSelect: 'none' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={32} />
              <Table.Th w={90}>{t('selections.results.number')}</Table.Th>
              <Table.Th>{t('selections.results.name')}</Table.Th>
              <Table.Th>{t('selections.results.city')}</Table.Th>
              <Table.Th>{t('selections.results.period')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.rows.map((r, index) => (
              <Table.Tr
                key={r.id}
                data-testid="result-row"
                data-selected={selection.isSelected(r.id) || undefined}
                bg={selection.isSelected(r.id) ? 'var(--mantine-color-blue-light)' : undefined}
                onClick={(e) => selection.click(index, { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey })}
              >
                <Table.Td>
                  <Checkbox size="xs" checked={selection.isSelected(r.id)} readOnly aria-label={r.displayName} tabIndex={-1} />
                </Table.Td>
                <Table.Td>{r.number}</Table.Td>
                <Table.Td data-testid="result-name">
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
                <Table.Td>{r.city}</Table.Td>
                <Table.Td>{periods(r.periods)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {pages > 1 && <Pagination mt="sm" total={pages} value={page} onChange={setPage} size="sm" />}
    </div>
  );
}
