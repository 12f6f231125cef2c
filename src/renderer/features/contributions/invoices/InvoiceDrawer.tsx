import { useState } from 'react';
import { Button, Drawer, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCreditorReference } from '../../../../shared/dutch/rf-reference';
import { LetterButtons } from '../documents/LetterButtons';
import { DateField } from '../../../components/DateField';
import { showDate, todayIsoLocal } from '../../../lib/dates';
import { AmountInput } from '../AmountInput';
import { ContributionsError } from '../ContributionsError';
import { showMoney } from '../money';
import { useContributionMutations, useInvoice } from '../useContributions';
import { InvoiceStatus } from './InvoicesTab';

/** One invoice: lines, instalments, payments and reminders; register a payment, mark as sent, credit. */
export function InvoiceDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const invoice = useInvoice(id);
  const { pay, markSent, credit } = useContributionMutations();
  const [amount, setAmount] = useState<number | null>(null);
  const [date, setDate] = useState<string | null>(todayIsoLocal());
  const [reason, setReason] = useState('');
  const inv = id ? invoice.data : undefined;
  return (
    <Drawer opened={id !== null} onClose={onClose} position="right" size="xl" title={inv ? `${t('contributions.invoice.number')} ${inv.number}` : ''}>
      {inv && (
        <Stack gap="sm" data-testid="invoice-drawer">
          <Group justify="space-between">
            <Text>
              {inv.relationName} · {showDate(inv.invoiceDate)} · {t(`contributions.method.${inv.paymentMethod}`)}
            </Text>
            <InvoiceStatus invoice={inv} />
          </Group>
          <Text size="sm">
            {t('contributions.invoice.reference')}: <Text span ff="monospace">{formatCreditorReference(inv.paymentReference)}</Text>
          </Text>
          {inv.creditsInvoiceNumber && <Text size="sm">{t('contributions.invoice.creditOf', { number: inv.creditsInvoiceNumber })}</Text>}
          {inv.creditedBy.length > 0 && <Text size="sm">{t('contributions.invoice.creditedBy', { numbers: inv.creditedBy.join(', ') })}</Text>}
          <Title order={5}>{t('contributions.invoice.lines')}</Title>
          <Table withTableBorder>
            <Table.Tbody>
              {inv.lines.map((l) => (
                <Table.Tr key={l.id} data-testid="invoice-line">
                  <Table.Td>{l.memberName && l.memberName !== inv.relationName ? `${l.memberName}: ` : ''}{l.description}</Table.Td>
                  <Table.Td ta="right">{showMoney(l.amountCents)}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Td fw={700}>{t('contributions.run.total')}</Table.Td>
                <Table.Td ta="right" fw={700}>{showMoney(inv.totalCents)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <Title order={5}>{t('contributions.invoice.instalments')}</Title>
          {inv.instalments.map((x) => (
            <Text key={x.sequence} size="sm" data-testid="invoice-instalment">
              {showDate(x.dueDate)}: {showMoney(x.amountCents)} ({t('contributions.invoice.open').toLowerCase()} {showMoney(x.openCents)})
            </Text>
          ))}
          {inv.allocations.length > 0 && <Title order={5}>{t('contributions.invoice.payments')}</Title>}
          {inv.allocations.map((a) => (
            <Text key={a.paymentId} size="sm" data-testid="invoice-payment">
              {showDate(a.paymentDate)}: {showMoney(a.amountCents)}
            </Text>
          ))}
          {inv.reminders.length > 0 && <Title order={5}>{t('contributions.invoice.reminders')}</Title>}
          {inv.reminders.map((r) => (
            <Text key={r.stage} size="sm">
              {t(`contributions.open.stage.${r.stage}`)} · {showDate(r.reminderDate)} · {t('contributions.open.deadline', { date: showDate(r.deadline) })}
            </Text>
          ))}
          <ContributionsError error={pay.error ?? markSent.error ?? credit.error} />
          {inv.kind === 'invoice' && inv.openCents > 0 && (
            <Group align="flex-end" data-testid="payment-form">
              <AmountInput label={t('contributions.invoice.payAmount')} value={amount} onChange={setAmount} w={150} data-testid="payment-amount" />
              <DateField label={t('contributions.invoice.payDate')} value={date} onChange={setDate} w={150} />
              <Button
                loading={pay.busy}
                disabled={!amount || amount <= 0 || !date}
                onClick={async () => {
                  const r = await pay.run({ invoiceIds: [inv.id], amountCents: amount!, date: date! });
                  if (r.ok) setAmount(null);
                }}
                data-testid="payment-add"
              >
                {t('contributions.invoice.pay')}
              </Button>
            </Group>
          )}
          <Group>
            <LetterButtons which={{ method: 'invoices.documents', params: { invoiceIds: [inv.id] } }} label={t('contributions.documents.print')} testId="invoice-documents" />
            {!inv.sent && (
              <Button variant="light" onClick={() => void markSent.run({ ids: [inv.id] })} data-testid="invoice-mark-sent">
                {t('contributions.invoice.markSent')}
              </Button>
            )}
            {inv.kind === 'invoice' && inv.creditedBy.length === 0 && (
              <>
                <TextInput placeholder={t('contributions.invoice.creditReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
                <Button variant="light" color="red" onClick={() => void credit.run({ id: inv.id, reason })} data-testid="invoice-credit">
                  {t('contributions.invoice.creditIt')}
                </Button>
              </>
            )}
          </Group>
        </Stack>
      )}
    </Drawer>
  );
}
