import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Loader, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SepaBatchResultDto } from '../../../shared/contract/sepa';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showDate, showDateTime } from '../../lib/dates';
import { downloadFile } from '../io/common/file-bytes';
import { call } from '../../rpc/client';
import { showMoney } from '../contributions/money';
import { useRuns } from '../contributions/useContributions';
import { BatchResult } from './BatchResult';
import { CreditorForm } from './CreditorForm';
import { useBatches, useSepaMutations } from './useSepa';

/**
 * The treasurer's Incasso screen: pick a run and a date, look at the preview (the export
 * itself, rolled back) with counts, sum and problems, then make the file; refunds of credit
 * balances; the files made so far.
 */
export function IncassoTab() {
  const { t } = useTranslation();
  const runs = useRuns();
  const batches = useBatches();
  const { collect, refunds } = useSepaMutations();
  const [runId, setRunId] = useState<string | null>(null);
  const [date, setDate] = useState<string | null>(null);
  const [result, setResult] = useState<SepaBatchResultDto | null>(null);
  const [refund, setRefund] = useState<SepaBatchResultDto | null>(null);
  const runOptions = (runs.data?.rows ?? []).map((r) => ({
    value: r.id,
    label: `${r.periodCode} · ${showDate(r.invoiceDate)} · ${t('contributions.invoice.count', { count: r.invoiceCount })}${r.status === 'closed' ? ` · ${t('contributions.run.status.closed')}` : ''}`,
  }));
  const chosen = runId ?? runOptions[0]?.value ?? null;

  async function go(dryRun: boolean) {
    if (!chosen) return;
    const r = await collect.run({ runId: chosen, ...(date ? { date } : {}), dryRun, itemLimit: 100 });
    if (!r.ok) return;
    setResult(r.value);
    // One file, or (the bank takes one batch per file) one per collection date and sequence type.
    for (const f of r.value.files) if (f.file) downloadFile(f.file);
  }
  async function goRefunds(dryRun: boolean) {
    const r = await refunds.run({ dryRun, itemLimit: 100 });
    if (!r.ok) return;
    setRefund(r.value);
    if (r.value.file) downloadFile(r.value.file);
  }

  return (
    <Stack gap="md" data-testid="incasso-tab">
      <CreditorForm />
      <Paper withBorder p="sm">
        <Stack gap="sm">
          <Text fw={600}>{t('sepa.batch.title')}</Text>
          {runs.data && runOptions.length === 0 && <Text c="dimmed">{t('sepa.batch.noRuns')}</Text>}
          <Group align="flex-end">
            <Select label={t('sepa.batch.run')} data={runOptions} value={chosen} onChange={(v) => (setRunId(v), setResult(null))} allowDeselect={false} w={360} data-testid="incasso-run" />
            <DateField label={t('sepa.batch.date')} value={date} onChange={(v) => (setDate(v), setResult(null))} w={180} data-testid="incasso-date" />
            <Button variant="light" loading={collect.busy} disabled={!chosen} onClick={() => void go(true)} data-testid="incasso-preview">
              {t('sepa.batch.preview')}
            </Button>
            <Button loading={collect.busy} disabled={!result || result.saved || result.problems.length > 0} onClick={() => void go(false)} data-testid="incasso-export">
              {t('sepa.batch.export')}
            </Button>
          </Group>
          {collect.busy && (
            <Group gap="xs" data-testid="incasso-busy">
              <Loader size="sm" />
              <Text size="sm">{t('sepa.batch.busy')}</Text>
            </Group>
          )}
          <ErrorAlert error={collect.error} />
          {result?.saved && (
            <Alert color="green" data-testid="incasso-exported">
              {t('sepa.batch.exported', { file: result.files.map((f) => f.fileName).join(', '), count: result.transactionCount, sum: showMoney(result.controlSumCents) })}
            </Alert>
          )}
          {result && <BatchResult result={result} />}
        </Stack>
      </Paper>
      <Paper withBorder p="sm">
        <Stack gap="sm">
          <Text fw={600}>{t('sepa.refunds.title')}</Text>
          <Group>
            <Button variant="light" loading={refunds.busy} onClick={() => void goRefunds(true)} data-testid="refunds-preview">
              {t('sepa.refunds.preview')}
            </Button>
            <Button loading={refunds.busy} disabled={!refund || refund.saved || refund.problems.length > 0} onClick={() => void goRefunds(false)} data-testid="refunds-export">
              {t('sepa.refunds.export')}
            </Button>
          </Group>
          <ErrorAlert error={refunds.error} />
          {refund?.saved && <Alert color="green">{t('sepa.refunds.exported', { file: refund.fileName, count: refund.transactionCount, sum: showMoney(refund.controlSumCents) })}</Alert>}
          {refund && <BatchResult result={refund} />}
        </Stack>
      </Paper>
      <Stack gap="xs">
        <Text fw={600}>{t('sepa.history.title')}</Text>
        {batches.data?.rows.length === 0 && <Text c="dimmed">{t('sepa.history.none')}</Text>}
        {(batches.data?.rows.length ?? 0) > 0 && (
          <Table withTableBorder data-testid="incasso-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sepa.history.msgId')}</Table.Th>
                <Table.Th>{t('sepa.history.kind')}</Table.Th>
                <Table.Th>{t('sepa.history.created')}</Table.Th>
                <Table.Th>{t('sepa.history.file')}</Table.Th>
                <Table.Th ta="right">{t('sepa.history.count')}</Table.Th>
                <Table.Th ta="right">{t('sepa.history.sum')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {batches.data!.rows.map((b) => (
                <Table.Tr key={b.id} data-testid="incasso-history-row">
                  <Table.Td>{b.msgId}</Table.Td>
                  <Table.Td>
                    {t(`sepa.history.${b.kind}`)} {b.retryOfBatchId && <Badge size="xs">{t('sepa.history.retry')}</Badge>}
                  </Table.Td>
                  <Table.Td>{showDateTime(b.createdAt)}</Table.Td>
                  <Table.Td title={b.fileHash ?? ''}>
                    {b.fileKept ? (
                      <Anchor size="sm" component="button" onClick={() => void call('sepaBatches.file', { id: b.id }).then(downloadFile)} data-testid="incasso-history-file">
                        {b.fileName}
                      </Anchor>
                    ) : (
                      b.fileName
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{b.transactionCount.toLocaleString('nl-NL')}</Table.Td>
                  <Table.Td ta="right">{showMoney(b.controlSumCents)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Stack>
  );
}
