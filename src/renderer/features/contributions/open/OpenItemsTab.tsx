import { useState } from 'react';
import { Alert, Button, Group, SegmentedControl, SimpleGrid, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AGEING_BUCKETS, type Output } from '../../../../shared/contract';
import { DateField } from '../../../components/DateField';
import { showDate, todayIsoLocal } from '../../../lib/dates';
import { ContributionsError } from '../ContributionsError';
import { showMoney } from '../money';
import { useContributionMutations, useOpenItems } from '../useContributions';
import { LetterButtons } from '../documents/LetterButtons';

/** What is still open, aged by due date, and the reminder stages (preview first, then record). */
export function OpenItemsTab() {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useState<string | null>(todayIsoLocal());
  const open = useOpenItems(asOf ?? todayIsoLocal());
  const { remind } = useContributionMutations();
  const [stage, setStage] = useState('1');
  const [reminders, setReminders] = useState<Output<'reminders.run'> | null>(null);
  const data = open.data;

  async function runReminders(dryRun: boolean) {
    const r = await remind.run({ stage: Number(stage), date: asOf ?? undefined, dryRun });
    if (r.ok) setReminders(r.value);
  }

  return (
    <Stack gap="md" data-testid="open-tab">
      <Group align="flex-end">
        <DateField label={t('contributions.open.asOf')} value={asOf} onChange={setAsOf} w={160} data-testid="open-as-of" />
        {data && <Text fw={600} data-testid="open-total">{t('contributions.open.total', { total: showMoney(data.openCents) })}</Text>}
      </Group>
      <ContributionsError error={open.error ?? remind.error} />
      {data && (
        <SimpleGrid cols={5} data-testid="open-buckets">
          {AGEING_BUCKETS.map((b) => (
            <Paper key={b} withBorder p="xs" data-testid={`bucket-${b}`}>
              <Text size="xs" c="dimmed">{t(`contributions.open.bucket.${b}`)}</Text>
              <Text fw={600}>{showMoney(data.totals[b])}</Text>
            </Paper>
          ))}
        </SimpleGrid>
      )}
      {data && data.rows.length === 0 && <Text c="dimmed">{t('contributions.open.none')}</Text>}
      {data && data.rows.length > 0 && (
        <Table striped withTableBorder data-testid="open-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contributions.invoice.number')}</Table.Th>
              <Table.Th>{t('contributions.invoice.relation')}</Table.Th>
              <Table.Th>{t('contributions.invoice.due')}</Table.Th>
              <Table.Th ta="right">{t('contributions.invoice.open')}</Table.Th>
              <Table.Th ta="right">{t('contributions.open.daysOverdue')}</Table.Th>
              <Table.Th>{t('contributions.invoice.reminders')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.rows.map((r) => (
              <Table.Tr key={r.id} data-testid="open-row" data-number={r.number}>
                <Table.Td>{r.number}</Table.Td>
                <Table.Td>{r.relationName}</Table.Td>
                <Table.Td>{showDate(r.dueDate)}</Table.Td>
                <Table.Td ta="right">{showMoney(r.openCents)}</Table.Td>
                <Table.Td ta="right">{r.daysOverdue}</Table.Td>
                <Table.Td>{r.reminderStage > 0 ? t(`contributions.open.stage.${r.reminderStage}`) : ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Paper withBorder p="sm">
        <Text fw={600} mb="xs">{t('contributions.open.remind')}</Text>
        <Group>
          <SegmentedControl value={stage} onChange={(v) => (setStage(v), setReminders(null))} data={['1', '2', '3'].map((s) => ({ value: s, label: t(`contributions.open.stage.${s}`) }))} data-testid="reminder-stage" />
          <Button variant="light" onClick={() => void runReminders(true)} data-testid="reminder-preview">{t('contributions.open.preview')}</Button>
          <Button disabled={!reminders || reminders.saved || reminders.rows.length === 0} onClick={() => void runReminders(false)} data-testid="reminder-commit">
            {t('contributions.open.commitReminders')}
          </Button>
        </Group>
        {reminders && (
          <Stack gap={2} mt="sm" data-testid="reminder-result">
            <Alert color={reminders.saved ? 'green' : 'blue'}>
              {reminders.rows.length === 0 ? t('contributions.open.reminderNone') : t('contributions.open.reminderRows', { count: reminders.rows.length, stage: t(`contributions.open.stage.${reminders.stage}`) })}
            </Alert>
            {reminders.saved && (
              <Group>
                <LetterButtons which={{ method: 'reminders.documents', params: { stage: reminders.stage, date: asOf ?? undefined } }} label={t('contributions.documents.reminders')} testId="reminder-documents" />
              </Group>
            )}
            {reminders.rows.map((r) => (
              <Text key={r.invoiceId} size="sm" data-testid="reminder-row">
                {r.number} · {r.relationName} · {showMoney(r.openCents)} · {t('contributions.open.deadline', { date: showDate(r.deadline) })}
                {r.statedCostsCents > 0 ? ` · ${t('contributions.open.costs', { amount: showMoney(r.statedCostsCents) })}` : ''}
              </Text>
            ))}
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
