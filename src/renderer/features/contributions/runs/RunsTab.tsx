import { useState } from 'react';
import { Alert, Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RunDto, RunResultDto } from '../../../../shared/contract';
import { DateField } from '../../../components/DateField';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { showDate, todayIsoLocal } from '../../../lib/dates';
import { ContributionsError } from '../ContributionsError';
import { showMoney } from '../money';
import { useContributionMutations, useRuns, useSchedules } from '../useContributions';
import { RunPreview } from './RunPreview';
import { LetterButtons } from '../documents/LetterButtons';
import { useJob } from '../../io/common/useJob';
import { JobProgressBar } from '../../io/common/JobProgressBar';

/** Pick a period, look at the dry run, then run it for real; earlier runs can be undone as a whole. */
export function RunsTab() {
  const { t } = useTranslation();
  const schedules = useSchedules();
  const runs = useRuns();
  const { undo } = useContributionMutations();
  // A run over 100,000 relations takes seconds: it shows its steps and can be cancelled until it writes.
  const run = useJob('contributionRuns.run');
  const periods = [...new Map((schedules.data?.rows ?? []).map((r) => [r.periodCode, r.name && r.name !== r.periodCode ? `${r.name} (${r.periodCode})` : r.periodCode])).entries()].map(([value, label]) => ({ value, label }));
  const [period, setPeriod] = useState<string | null>(null);
  const [invoiceDate, setInvoiceDate] = useState<string | null>(todayIsoLocal());
  const [result, setResult] = useState<RunResultDto | null>(null);
  const [toUndo, setToUndo] = useState<RunDto | null>(null);
  const chosen = period ?? periods[0]?.value ?? null;

  async function go(dryRun: boolean) {
    if (!chosen) return;
    // The commit applies the plan the dry run on screen holds: exactly what was shown.
    const planId = !dryRun && result?.planId ? result.planId : undefined;
    const r = await run.run({ periodCode: chosen, invoiceDate: invoiceDate ?? undefined, dryRun, itemLimit: 300, ...(planId ? { planId } : {}) });
    if (r.ok) setResult(r.value);
  }

  if (schedules.data && periods.length === 0) return <Text c="dimmed">{t('contributions.run.noSchedule')}</Text>;
  return (
    <Stack gap="md" data-testid="runs-tab">
      <Group align="flex-end">
        <Select label={t('contributions.run.period')} data={periods} value={chosen} onChange={(v) => { setPeriod(v); setResult(null); }} allowDeselect={false} w={200} data-testid="run-period" />
        <DateField label={t('contributions.run.invoiceDate')} value={invoiceDate} onChange={(v) => { setInvoiceDate(v); setResult(null); }} w={160} data-testid="run-date" />
        <Button variant="light" loading={run.busy} onClick={() => void go(true)} data-testid="run-dry">
          {t('contributions.run.dryRun')}
        </Button>
        <Button loading={run.busy} disabled={!result || result.saved || result.problems.length > 0} onClick={() => void go(false)} data-testid="run-commit">
          {t('contributions.run.commit')}
        </Button>
      </Group>
      {run.busy && <JobProgressBar progress={run.progress} onCancel={run.cancel} cancelling={run.cancelling} />}
      <ContributionsError error={run.error ?? undo.error} />
      {result && !result.saved && <Text size="sm" c="dimmed">{t('contributions.run.previewNote')}</Text>}
      {result?.saved && (
        <Alert color="green" data-testid="run-committed">
          {t('contributions.run.committed', { invoices: result.invoiceCount, total: showMoney(result.totalCents) })}
        </Alert>
      )}
      {result && <RunPreview result={result} />}
      <Text fw={600}>{t('contributions.run.list')}</Text>
      {runs.data?.rows.length === 0 && <Text c="dimmed">{t('contributions.run.noRuns')}</Text>}
      {(runs.data?.rows.length ?? 0) > 0 && (
        <Table withTableBorder data-testid="runs-list">
          <Table.Tbody>
            {runs.data!.rows.map((r) => (
              <Table.Tr key={r.id} data-testid="run-row">
                <Table.Td>{r.periodCode}</Table.Td>
                <Table.Td>{showDate(r.invoiceDate)}</Table.Td>
                <Table.Td>{t('contributions.invoice.count', { count: r.invoiceCount })}</Table.Td>
                <Table.Td>{showMoney(r.totalCents)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={r.status === 'open' ? 'blue' : 'gray'}>
                    {t(`contributions.run.status.${r.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <LetterButtons which={{ method: 'invoices.documents', params: { runId: r.id } }} label={t('contributions.documents.invoices')} testId="run-documents" />
                </Table.Td>
                <Table.Td>
                  {r.status === 'open' && (
                    <Button size="xs" variant="subtle" color="red" onClick={() => setToUndo(r)} data-testid="run-undo">
                      {t('contributions.run.undo')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ConfirmModal
        opened={toUndo !== null}
        title={t('contributions.run.undoTitle')}
        message={t('contributions.run.undoMessage', { count: toUndo?.invoiceCount ?? 0 })}
        confirmLabel={t('contributions.run.undo')}
        danger
        busy={undo.busy}
        onClose={() => setToUndo(null)}
        onConfirm={() => {
          if (toUndo) void undo.run({ runId: toUndo.id });
          setToUndo(null);
          setResult(null);
        }}
      />
    </Stack>
  );
}
