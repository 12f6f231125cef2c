import { useState } from 'react';
import { Badge, Button, Group, Stack, Switch, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvoiceSummaryDto } from '../../../../shared/contract';
import { showDate } from '../../../lib/dates';
import { ContributionsError } from '../ContributionsError';
import { showMoney } from '../money';
import { useInvoices } from '../useContributions';
import { InvoiceDrawer } from './InvoiceDrawer';

export function InvoiceStatus({ invoice }: { invoice: InvoiceSummaryDto }) {
  const { t } = useTranslation();
  if (invoice.kind === 'credit') return <Badge color="gray" variant="light">{t('contributions.invoice.credit')}</Badge>;
  if (invoice.openCents === 0) return <Badge color="green" variant="light">{t('contributions.invoice.paid')}</Badge>;
  return (
    <Badge color={invoice.sent ? 'orange' : 'blue'} variant="light">
      {invoice.sent ? t('contributions.invoice.sent') : t('contributions.invoice.concept')}
    </Badge>
  );
}

/** Every invoice, newest first, or only those with something open; a row opens the invoice. */
export function InvoicesTab() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [offset, setOffset] = useState(0);
  const [picked, setPicked] = useState<string | null>(null);
  const invoices = useInvoices(open, offset);
  const rows = invoices.data?.rows ?? [];
  return (
    <Stack gap="sm" data-testid="invoices-tab">
      <Group justify="space-between">
        <Switch label={t('contributions.invoice.onlyOpen')} checked={open} onChange={(e) => (setOpen(e.currentTarget.checked), setOffset(0))} data-testid="invoices-only-open" />
        <Text c="dimmed" data-testid="invoices-total">
          {t('contributions.invoice.count', { count: invoices.data?.total ?? 0 })}
        </Text>
      </Group>
      <ContributionsError error={invoices.error} />
      {invoices.data && rows.length === 0 && <Text c="dimmed">{t('contributions.invoice.none')}</Text>}
      {rows.length > 0 && (
        <Table striped highlightOnHover withTableBorder data-testid="invoices-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contributions.invoice.number')}</Table.Th>
              <Table.Th>{t('contributions.invoice.relation')}</Table.Th>
              <Table.Th>{t('contributions.invoice.date')}</Table.Th>
              <Table.Th>{t('contributions.invoice.due')}</Table.Th>
              <Table.Th ta="right">{t('contributions.invoice.total')}</Table.Th>
              <Table.Th ta="right">{t('contributions.invoice.open')}</Table.Th>
              <Table.Th>{t('contributions.invoice.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((i) => (
              <Table.Tr key={i.id} onClick={() => setPicked(i.id)} style={{ cursor: 'pointer' }} data-testid="invoice-row" data-number={i.number}>
                <Table.Td>{i.number}</Table.Td>
                <Table.Td>{i.relationName}</Table.Td>
                <Table.Td>{showDate(i.invoiceDate)}</Table.Td>
                <Table.Td>{showDate(i.dueDate)}</Table.Td>
                <Table.Td ta="right">{showMoney(i.totalCents)}</Table.Td>
                <Table.Td ta="right" data-testid="invoice-open">{showMoney(i.openCents)}</Table.Td>
                <Table.Td>
                  <InvoiceStatus invoice={i} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group>
        <Button size="xs" variant="subtle" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - 100))}>
          ←
        </Button>
        <Button size="xs" variant="subtle" disabled={offset + 100 >= (invoices.data?.total ?? 0)} onClick={() => setOffset(offset + 100)}>
          →
        </Button>
      </Group>
      <InvoiceDrawer id={picked} onClose={() => setPicked(null)} />
    </Stack>
  );
}
