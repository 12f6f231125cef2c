import { useEffect, useState } from 'react';
import { Group, Loader, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Condition, EvaluationMoment } from '../../../shared/contract';
import { formatCount } from '../../lib/format';
import { useConditionEvaluation } from '../conditions/useConditionEvaluation';
import { FeatureErrorAlert } from '../conditions/FeatureErrorAlert';
import { ListSelectionBar } from '../lists/ListSelectionBar';
import { useListSelection } from '../lists/useListSelection';
import { SelectableRelationTable } from '../lists/SelectableRelationTable';

const PAGE = 50;
const COLUMNS = ['number', 'name', 'city', 'period'] as const;

/** Who meets the (unsaved) condition on the date or in the period, a page at a time. */
export function SelectionResults({ condition, moment }: { condition: Condition | null; moment: EvaluationMoment }) {
  const { t, i18n } = useTranslation();
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
      <SelectableRelationTable rows={result?.rows ?? []} selection={selection} columns={COLUMNS} labels="selections.results" testIds={{ row: 'result-row', name: 'result-name' }} />
      {pages > 1 && <Pagination mt="sm" total={pages} value={page} onChange={setPage} size="sm" />}
    </div>
  );
}
