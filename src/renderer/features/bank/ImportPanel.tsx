import { useEffect, useRef, useState } from 'react';
import { Alert, Button, FileInput, Group, Loader, Paper, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/contract';
import { onEvent } from '../../rpc/client';
import { readFileBase64 } from '../io/common/file-bytes';
import { newJobId } from '../io/common/job-id';
import { showDate } from '../../lib/dates';
import { BankError } from './BankError';
import { BankTable } from './BankTable';
import { reasonText } from './reason-text';
import { useBankMutations } from './useBank';

/**
 * Reading a statement: the file is previewed first (the real import rolled back, held by the
 * core), then saved from that preview. Long statements show the core's progress.
 */
export function ImportPanel() {
  const { t } = useTranslation();
  const { preview, commit } = useBankMutations();
  const [result, setResult] = useState<Output<'bank.import'> | null>(null);
  const [saved, setSaved] = useState<Output<'bank.commit'> | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const job = useRef<string | null>(null);

  useEffect(
    () =>
      onEvent((e) => {
        if (e.name === 'bank.progressed' && e.payload.jobId === job.current) setProgress({ done: e.payload.done, total: e.payload.total });
      }),
    [],
  );

  async function choose(file: File | null) {
    setResult(null);
    setSaved(null);
    commit.reset();
    if (!file) return;
    job.current = newJobId();
    setProgress(null);
    const r = await preview.run({ file: await readFileBase64(file), fileName: file.name, dryRun: true, itemLimit: 500, jobId: job.current });
    if (r.ok) setResult(r.value);
  }

  async function save() {
    if (!result?.planId) return;
    job.current = newJobId();
    setProgress(null);
    const r = await commit.run({ planId: result.planId, jobId: job.current });
    if (r.ok) {
      setSaved(r.value);
      setResult(null);
      setFileKey((k) => k + 1);
    }
  }

  const busy = preview.busy || commit.busy;
  const counts = (r: { entryCount: number; duplicateCount: number; counts: Output<'bank.commit'>['counts'] }) => ({
    entries: r.entryCount,
    duplicates: r.duplicateCount,
    matched: r.counts.matched,
    unmatched: r.counts.unmatched,
    returns: r.counts.returned,
  });
  return (
    <Paper withBorder p="md" data-testid="bank-import">
      <Stack gap="sm">
        <FileInput
          key={fileKey}
          label={t('bank.import.choose')}
          description={t('bank.import.hint')}
          accept=".xml,.sta,.940,.mt940,.txt,.swi"
          onChange={(f) => void choose(f)}
          clearable={false}
          disabled={busy}
          data-testid="bank-file-input"
        />
        {busy && (
          <Group gap="sm" data-testid="bank-busy">
            <Loader size="sm" />
            <Text size="sm">{t('bank.import.reading')}</Text>
            {progress && progress.total > 0 && <Progress value={(100 * progress.done) / progress.total} w={200} />}
          </Group>
        )}
        <BankError error={preview.error ?? commit.error} />
        {saved && (
          <Alert color="green" data-testid="bank-saved">
            {saved.newCount === 0 ? t('bank.import.nothingNew') : t('bank.import.saved', counts(saved))}
          </Alert>
        )}
        {result && (
          <Stack gap="xs" data-testid="bank-preview">
            <Text fw={600}>{t('bank.import.previewTitle', { file: result.statement.fileName })}</Text>
            <Text size="sm">
              {t('bank.import.account', {
                iban: result.statement.accountIban,
                format: result.statement.format === 'camt053' ? 'CAMT.053' : `MT940 ${result.statement.dialect}`,
                from: showDate(result.statement.fromDate),
                to: showDate(result.statement.toDate),
              })}
            </Text>
            <Alert color={result.newCount === 0 ? 'gray' : 'blue'} data-testid="bank-preview-summary">
              {result.newCount === 0 ? t('bank.import.nothingNew') : t('bank.import.summary', counts(result))}
            </Alert>
            <BankTable
              rows={result.entries}
              row={(e) => ({ 'data-testid': 'bank-preview-row', 'data-status': e.status })}
              columns={[
                { label: t('bank.column.counterparty'), cell: (e) => e.counterpartyName ?? e.remittance ?? '—', td: (e) => ({ pl: e.parentEntryId ? 'xl' : undefined }) },
                { label: t('bank.column.reason'), cell: (e) => reasonText(t, e.reason), td: (e) => ({ c: e.status === 'unmatched' ? 'orange' : undefined }) },
              ]}
            />
            <Group>
              <Button onClick={() => void save()} disabled={!result.planId || busy} data-testid="bank-commit">
                {t('bank.import.commit')}
              </Button>
              <Button variant="default" onClick={() => (setResult(null), setFileKey((k) => k + 1))} data-testid="bank-cancel">
                {t('bank.import.cancel')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
