import { Alert, List, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RunResultDto } from '../../../../shared/contract';
import { showDate } from '../../../lib/dates';
import { showMoney } from '../money';

/** What a run does (or did): problems first, then every invoice with its lines and the rule behind each amount. */
export function RunPreview({ result }: { result: RunResultDto }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="run-preview">
      {result.problems.length > 0 && (
        <Alert color="red" title={t('contributions.run.problems')} data-testid="run-problems">
          <List size="sm">
            {result.problems.map((p, i) => (
              <List.Item key={i} data-testid="run-problem">
                {p.name}: {t(`contributions.problem.${p.code}`, { defaultValue: p.code })}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Text fw={600} data-testid="run-summary">
        {t('contributions.run.summary', { invoices: result.invoiceCount, lines: result.lineCount, total: showMoney(result.totalCents) })}
      </Text>
      {result.alreadyBilled > 0 && <Text size="sm" c="dimmed">{t('contributions.run.alreadyBilled', { count: result.alreadyBilled })}</Text>}
      {result.exempt.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('contributions.run.exempt')}: {result.exempt.map((x) => `${x.name} (${x.reason})`).join(', ')}
        </Text>
      )}
      <Table withTableBorder striped data-testid="run-invoices">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('contributions.invoice.number')}</Table.Th>
            <Table.Th>{t('contributions.run.payer')}</Table.Th>
            <Table.Th>{t('contributions.run.method')}</Table.Th>
            <Table.Th>{t('contributions.run.lines')}</Table.Th>
            <Table.Th ta="right">{t('contributions.run.total')}</Table.Th>
            <Table.Th>{t('contributions.run.due')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.invoices.map((inv) => (
            <Table.Tr key={inv.payerRelationId} data-testid="run-invoice" data-payer={inv.payerName}>
              <Table.Td>{inv.number}</Table.Td>
              <Table.Td>{inv.payerName}</Table.Td>
              <Table.Td>
                {t(`contributions.method.${inv.method}`)}
                {inv.frequency !== 'jaar' ? ` · ${t(`contributions.frequency.${inv.frequency}`)}` : ''}
              </Table.Td>
              <Table.Td>
                {inv.lines.map((l, i) => (
                  <Text key={i} size="sm" data-testid="run-line">
                    {l.memberName && l.memberName !== inv.payerName ? `${l.memberName}: ` : ''}
                    {l.description} <Text span fw={600}>{showMoney(l.amountCents)}</Text>
                  </Text>
                ))}
              </Table.Td>
              <Table.Td ta="right">{showMoney(inv.totalCents)}</Table.Td>
              <Table.Td>{inv.instalments.map((x) => showDate(x.dueDate)).join(', ')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {result.invoices.length < result.invoiceCount && <Text c="dimmed">{t('contributions.run.more', { count: result.invoiceCount - result.invoices.length })}</Text>}
    </Stack>
  );
}
