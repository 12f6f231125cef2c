import { Anchor, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Condition, EvaluationMoment } from '../../../shared/contract';
import { formatCount } from '../../lib/format';
import { useNavigation } from '../../shell/navigation';
import { useConditionEvaluation } from './useConditionEvaluation';
import { usePeriodsText } from './usePeriodsText';
import { FeatureErrorAlert } from './FeatureErrorAlert';

interface Props {
  condition: Condition | null;
  moment: EvaluationMoment;
  /** How many of the first results to list. */
  limit?: number;
}

/** The live count and the first results of the condition being edited. */
export function ConditionPreview({ condition, moment, limit = 10 }: Props) {
  const { t, i18n } = useTranslation();
  const { navigate } = useNavigation();
  const periods = usePeriodsText();
  const { result, loading, error, incomplete } = useConditionEvaluation({ condition, moment, limit });
  return (
    <Paper withBorder p="sm" data-testid="condition-preview">
      <Stack gap="xs">
        <Group gap="xs">
          <Text fw={600} data-testid="preview-count">
            {incomplete
              ? t('conditions.preview.incomplete')
              : result
                ? t('conditions.preview.count', { count: result.total, formatted: formatCount(result.total, i18n.language) })
                : condition === null
                  ? t('conditions.preview.empty')
                  : ''}
          </Text>
          {loading && <Loader size="xs" />}
        </Group>
        <FeatureErrorAlert error={error} />
        {result && result.rows.length > 0 && (
          <Table verticalSpacing={2} fz="sm">
            <Table.Tbody>
              {result.rows.map((r) => (
                <Table.Tr key={r.id} data-testid="preview-row">
                  <Table.Td w={70} c="dimmed">
                    {r.number}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component="button" size="sm" onClick={() => navigate({ page: 'relation', id: r.id })}>
                      {r.displayName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{r.city}</Table.Td>
                  <Table.Td c="dimmed">{periods(r.periods, 1)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {result && result.total > result.rows.length && (
          <Text size="xs" c="dimmed">
            {t('conditions.preview.more', { count: result.total - result.rows.length })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
