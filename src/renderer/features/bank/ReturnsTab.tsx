import { Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BankError } from './BankError';
import { BankTable } from './BankTable';
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
      <BankTable
        rows={rows}
        row={(r) => ({ 'data-testid': 'bank-return', 'data-code': r.code })}
        columns={[
          { label: t('bank.column.relation'), cell: (r) => r.relationName ?? '—' },
          {
            label: t('bank.column.code'),
            cell: (r) => (
              <>
                <Badge variant="light" color={r.knownCode ? 'orange' : 'gray'} mr="xs">{r.code}</Badge>
                {r.knownCode ? t(`bank.returnReason.${r.code}`) : r.codeText}
              </>
            ),
          },
          {
            label: t('bank.column.action'),
            cell: (r) =>
              [
                r.invoiceNumber ? t('bank.returnAction.reopened', { invoice: r.invoiceNumber }) : null,
                r.mandateEnded ? t('bank.returnAction.mandateEnded') : null,
                r.feeInvoiceNumber ? t('bank.returnAction.fee', { fee: r.feeInvoiceNumber }) : null,
                r.retry !== 'none' ? t(`bank.retry.${r.retry}`) : null,
                r.taskKey ? t('bank.returnAction.task') : null,
              ]
                .filter(Boolean)
                .join(' · '),
          },
        ]}
      />
    </Stack>
  );
}
