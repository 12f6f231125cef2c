import { useEffect, useState } from 'react';
import { Anchor, Group, Loader, Pagination, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Condition, EvaluationMoment } from '../../../shared/contract';
import { formatCount } from '../../lib/format';
import { useNavigation } from '../../shell/navigation';
import { useConditionEvaluation } from '../conditions/useConditionEvaluation';
import { usePeriodsText } from '../conditions/usePeriodsText';
import { FeatureErrorAlert } from '../conditions/FeatureErrorAlert';

const PAGE = 50;

/** Who meets the (unsaved) condition on the date or in the period, a page at a time. */
export function SelectionResults({ condition, moment }: { condition: Condition | null; moment: EvaluationMoment }) {
  const { t, i18n } = useTranslation();
  const { navigate } = useNavigation();
  const periods = usePeriodsText();
  const [page, setPage] = useState(1);
  const { result, loading, error, incomplete } = useConditionEvaluation({ condition, moment, offset: (page - 1) * PAGE, limit: PAGE });
  const key = JSON.stringify({ condition, moment });
  // A different condition or date starts again at the first page.
  useEffect(() => setPage(1), [key]);
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
      </Group>
      <FeatureErrorAlert error={error} />
      {result && result.rows.length > 0 && (
        <Table striped highlightOnHover verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={90}>{t('selections.results.number')}</Table.Th>
              <Table.Th>{t('selections.results.name')}</Table.Th>
              <Table.Th>{t('selections.results.city')}</Table.Th>
              <Table.Th>{t('selections.results.period')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.rows.map((r) => (
              <Table.Tr key={r.id} data-testid="result-row">
                <Table.Td>{r.number}</Table.Td>
                <Table.Td>
                  <Anchor component="button" size="sm" onClick={() => navigate({ page: 'relation', id: r.id })}>
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
