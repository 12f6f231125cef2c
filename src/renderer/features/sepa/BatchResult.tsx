import { Alert, Badge, List, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SepaBatchResultDto } from '../../../shared/contract/sepa';
import { showDate } from '../../lib/dates';
import { showMoney } from '../contributions/money';

/** A batch preview or export: counts and sum per payment-information block, the blocking problems, the first debits. */
export function BatchResult({ result }: { result: SepaBatchResultDto }) {
  const { t } = useTranslation();
  const kind = result.kind === 'collection' ? 'batch' : 'refunds';
  return (
    <Stack gap="xs" data-testid="batch-result">
      <Text fw={600} data-testid="batch-summary">
        {result.messageVersion} · {t(`sepa.${kind}.summary`, { count: result.transactionCount, sum: showMoney(result.controlSumCents) })}
      </Text>
      {result.amendments > 0 && <Text size="sm">{t('sepa.batch.amendments', { count: result.amendments })}</Text>}
      {result.problems.length > 0 ? (
        <Alert color="red" title={t('sepa.batch.problems', { count: result.problems.length })} data-testid="batch-problems">
          <List size="sm">
            {result.problems.slice(0, 200).map((p, k) => (
              <List.Item key={k}>
                {[p.invoiceNumber, p.name].filter(Boolean).join(' · ')}
                {p.invoiceNumber || p.name ? ': ' : ''}
                {t(`sepa.problem.${p.code}`, { detail: p.detail ?? '', defaultValue: p.code })}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : (
        !result.saved && <Alert color="green" data-testid="batch-ready">{t('sepa.batch.ready')}</Alert>
      )}
      {result.groups.length > 0 && (
        <Table withTableBorder data-testid="batch-groups">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sepa.batch.group')}</Table.Th>
              <Table.Th>{t('sepa.batch.groupDate')}</Table.Th>
              <Table.Th>{t('sepa.batch.sequenceType')}</Table.Th>
              <Table.Th ta="right">{t('sepa.batch.count')}</Table.Th>
              <Table.Th ta="right">{t('sepa.batch.sum')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.groups.map((g) => (
              <Table.Tr key={g.pmtInfId}>
                <Table.Td>{g.pmtInfId}</Table.Td>
                <Table.Td>{showDate(g.date)}</Table.Td>
                <Table.Td>{g.sequenceType ? <Badge variant="light">{g.sequenceType} · {t(`sepa.sequence.${g.sequenceType}`)}</Badge> : 'TRF'}</Table.Td>
                <Table.Td ta="right">{g.count.toLocaleString('nl-NL')}</Table.Td>
                <Table.Td ta="right">{showMoney(g.sumCents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {result.items.length > 0 && (
        <Table striped withTableBorder fz="sm" data-testid="batch-items">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sepa.batch.invoice')}</Table.Th>
              <Table.Th>{t('sepa.batch.debtor')}</Table.Th>
              <Table.Th>IBAN</Table.Th>
              <Table.Th>{t('sepa.batch.mandate')}</Table.Th>
              <Table.Th>{t('sepa.batch.endToEndId')}</Table.Th>
              <Table.Th ta="right">{t('sepa.batch.sum')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.items.map((i) => (
              <Table.Tr key={i.endToEndId}>
                <Table.Td>{i.invoiceNumber ?? '—'}</Table.Td>
                <Table.Td>{i.name}</Table.Td>
                <Table.Td>{i.iban}</Table.Td>
                <Table.Td>
                  {i.mandateReference ?? '—'} {i.amended && <Badge size="xs" color="orange">{t('sepa.mandates.toReport')}</Badge>}
                </Table.Td>
                <Table.Td>{i.endToEndId}</Table.Td>
                <Table.Td ta="right">{showMoney(i.amountCents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {result.items.length < result.transactionCount && result.items.length > 0 && (
        <Text size="sm" c="dimmed">{t('sepa.batch.more', { count: result.transactionCount - result.items.length })}</Text>
      )}
    </Stack>
  );
}
