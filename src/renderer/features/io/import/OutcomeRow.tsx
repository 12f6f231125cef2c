import { memo } from 'react';
import { Badge, List, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RowOutcome } from '../../../../shared/contract/io';
import { showDate } from '../../../lib/dates';
import { importIssueText, outcomeReasonText } from '../common/io-errors';
import { OUTCOME_COLOR } from './outcome-filter';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Dates travel as ISO; the secretary checks "3-7-61" was read as 03-07-1961. */
const shown = (v: string | null, empty: string) => (v === null ? empty : ISO_DATE.test(v) ? showDate(v) : v);

interface Props {
  row: RowOutcome;
  labelOf: (field: string) => string;
}

/** One row of the file: what will happen, why, its problems and (for updates) old → new per field. */
export const OutcomeRow = memo(function OutcomeRow({ row, labelOf }: Props) {
  const { t } = useTranslation();
  const empty = t('io.preview.emptyValue');
  return (
    <Table.Tr data-testid="outcome-row" data-row={row.row} data-outcome={row.outcome}>
      <Table.Td>{row.row}</Table.Td>
      <Table.Td>
        <Badge color={OUTCOME_COLOR[row.outcome]} variant="light" tt="none">
          {t(`io.preview.outcome.${row.outcome}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{row.displayName || t('io.preview.noName')}</Text>
        {row.number !== null && (
          <Text size="xs" c="dimmed">
            {t('io.preview.number', { number: row.number })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <Text size="xs" c="dimmed">
            {row.reasons.map((r) => outcomeReasonText(t, r)).join(' · ')}
          </Text>
          {row.issues.length > 0 && (
            <List size="xs" spacing={0} data-testid="outcome-issues">
              {row.issues.map((issue, i) => (
                <List.Item key={i} c={issue.severity === 'error' ? 'red.8' : 'yellow.9'}>
                  {importIssueText(t, issue)}
                </List.Item>
              ))}
            </List>
          )}
          {row.outcome === 'update' && row.changes.length > 0 && (
            <List size="xs" spacing={0} data-testid="outcome-changes">
              {row.changes.map((c) => (
                <List.Item key={c.field}>
                  {t('io.preview.change', { field: labelOf(c.field), old: shown(c.old, empty), new: shown(c.new, empty) })}
                </List.Item>
              ))}
            </List>
          )}
          {row.outcome === 'create' && row.changes.length > 0 && (
            <Text size="xs" data-testid="outcome-values">
              {row.changes.map((c) => t('io.preview.value', { field: labelOf(c.field), value: shown(c.new, empty) })).join(' · ')}
            </Text>
          )}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
});
