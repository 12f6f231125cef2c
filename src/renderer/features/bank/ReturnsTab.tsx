import { Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { showDate } from '../../lib/dates';
import { showMoney } from '../contributions/money';
import { BankError } from './BankError';
import { useBankReturns } from './useBank';

/** Returned and refunded collections: the reason code and its text, and what the app did about it. */
export function ReturnsTab() {
  const { t } = useTranslation();
  const returns = useBankReturns();
  const rows = returns.data?.rows ?? [];
  return (
    <Stack gap="sm" data-testid="bank-returns">
      <BankError error={returns.error} />
      {returns.data && rows.length === 0 && <Text c="dimmed">{t('bank.empty.returns')}</Text>}
      {rows.length > 0 && (
        <Table striped withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('bank.column.date')}</Table.Th>
              <Table.Th ta="right">{t('bank.column.amount')}</Table.Th>
              <Table.Th>{t('bank.column.relation')}</Table.Th>
              <Table.Th>{t('bank.column.code')}</Table.Th>
              <Table.Th>{t('bank.column.action')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id} data-testid="bank-return" data-code={r.code}>
                <Table.Td>{showDate(r.bookingDate)}</Table.Td>
                <Table.Td ta="right">{showMoney(r.amountCents)}</Table.Td>
                <Table.Td>{r.relationName ?? '—'}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={r.knownCode ? 'orange' : 'gray'} mr="xs">{r.code}</Badge>
                  {r.knownCode ? t(`bank.returnReason.${r.code}`) : r.codeText}
                </Table.Td>
                <Table.Td>
                  {[
                    r.invoiceNumber ? t('bank.returnAction.reopened', { invoice: r.invoiceNumber }) : null,
                    r.mandateEnded ? t('bank.returnAction.mandateEnded') : null,
                    r.feeInvoiceNumber ? t('bank.returnAction.fee', { fee: r.feeInvoiceNumber }) : null,
                    r.retry !== 'none' ? t(`bank.retry.${r.retry}`) : null,
                    r.taskKey ? t('bank.returnAction.task') : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
