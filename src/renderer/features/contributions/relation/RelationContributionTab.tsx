import { Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { showDate } from '../../../lib/dates';
import { ContributionsError } from '../ContributionsError';
import { showMoney } from '../money';
import { useRelationContributions } from '../useContributions';
import { InvoiceStatus } from '../invoices/InvoicesTab';
import { PaymentSettingsForm } from './PaymentSettingsForm';
import { RelationMandates } from '../../sepa/RelationMandates';

/** The relation card's Contributie tab: how this relation pays, its invoices and payments, the balance. */
export function RelationContributionTab({ relationId }: { relationId: string }) {
  const { t } = useTranslation();
  const q = useRelationContributions(relationId);
  const d = q.data;
  return (
    <Stack gap="md" data-testid="relation-contributions">
      <ContributionsError error={q.error} />
      {d && (
        <>
          <PaymentSettingsForm relationId={relationId} settings={d.settings} />
          <RelationMandates relationId={relationId} paysByIncasso={d.settings?.method === 'incasso'} />
          <SimpleGrid cols={3}>
            <Paper withBorder p="xs">
              <Text size="xs" c="dimmed">{t('contributions.relation.invoiced')}</Text>
              <Text fw={600}>{showMoney(d.invoicedCents)}</Text>
            </Paper>
            <Paper withBorder p="xs">
              <Text size="xs" c="dimmed">{t('contributions.relation.paidTotal')}</Text>
              <Text fw={600}>{showMoney(d.paidCents)}</Text>
            </Paper>
            <Paper withBorder p="xs" data-testid="relation-balance">
              <Text size="xs" c="dimmed">{t('contributions.relation.balance')}</Text>
              <Text fw={600}>
                {showMoney(Math.abs(d.balanceCents))} {d.balanceCents > 0 ? t('contributions.relation.owes') : d.balanceCents < 0 ? t('contributions.relation.credit') : ''}
              </Text>
            </Paper>
          </SimpleGrid>
          <Title order={5}>{t('contributions.tab.invoices')}</Title>
          {d.invoices.length === 0 && <Text c="dimmed">{t('contributions.invoice.none')}</Text>}
          {d.invoices.length > 0 && (
            <Table withTableBorder striped>
              <Table.Tbody>
                {d.invoices.map((i) => (
                  <Table.Tr key={i.id} data-testid="relation-invoice">
                    <Table.Td>{i.number}</Table.Td>
                    <Table.Td>{showDate(i.invoiceDate)}</Table.Td>
                    <Table.Td>{i.description}</Table.Td>
                    <Table.Td ta="right">{showMoney(i.totalCents)}</Table.Td>
                    <Table.Td ta="right">{showMoney(i.openCents)}</Table.Td>
                    <Table.Td>
                      <InvoiceStatus invoice={i} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {d.payments.length > 0 && <Title order={5}>{t('contributions.invoice.payments')}</Title>}
          {d.payments.map((p) => (
            <Group key={p.id} gap="xs">
              <Text size="sm">
                {showDate(p.paymentDate)}: {showMoney(p.amountCents)} → {p.allocations.map((a) => `${a.invoiceNumber} ${showMoney(a.amountCents)}`).join(', ')}
              </Text>
            </Group>
          ))}
        </>
      )}
    </Stack>
  );
}
