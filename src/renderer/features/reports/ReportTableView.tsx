import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatAmount } from '../../../shared/dutch/money';
import { formatCount } from '../../lib/format';
import { showDate } from '../../lib/dates';
import type { ReportResult } from './report-requests';

type Column = ReportResult['columns'][number];

/** The report as the document shows it: title, subtitle, the table and its totals (the print view). */
export function ReportTableView({ report }: { report: ReportResult }) {
  const { t, i18n } = useTranslation();
  const show = (c: Column, v: string | number | undefined) =>
    v === undefined ? '' : c.type === 'amount' && typeof v === 'number' ? formatAmount(v) : c.type === 'date' && typeof v === 'string' ? showDate(v) : typeof v === 'number' && c.type !== 'code' ? formatCount(v, i18n.language) : String(v);
  const right = (c: Column) => c.type === 'integer' || c.type === 'amount' || c.type === 'code';
  return (
    <Stack gap={4} data-testid="report-view">
      <Title order={3}>{report.title}</Title>
      <Text size="sm" c="dimmed" data-testid="report-subtitle">
        {report.subtitle}
      </Text>
      {report.rows.length === 0 && !report.totals ? (
        <Text c="dimmed" data-testid="report-empty">
          {t('reports.empty')}
        </Text>
      ) : (
        <Table striped verticalSpacing={3} withTableBorder data-testid="report-table">
          <Table.Thead>
            <Table.Tr>
              {report.columns.map((c) => (
                <Table.Th key={c.key} ta={right(c) ? 'right' : undefined}>
                  {c.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.rows.map((row, i) => (
              <Table.Tr key={i} data-testid="report-row">
                {report.columns.map((c) => (
                  <Table.Td key={c.key} ta={right(c) ? 'right' : undefined} style={{ whiteSpace: 'pre' }}>
                    {show(c, row[c.key])}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
            {report.totals && (
              <Table.Tr fw={700} data-testid="report-totals">
                {report.columns.map((c) => (
                  <Table.Td key={c.key} ta={right(c) ? 'right' : undefined}>
                    {show(c, report.totals![c.key])}
                  </Table.Td>
                ))}
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
