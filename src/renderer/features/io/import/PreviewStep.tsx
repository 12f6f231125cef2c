import { useState } from 'react';
import { Alert, Button, Group, List, Pagination, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../../lib/format';
import { downloadFile, withSuffix } from '../common/file-bytes';
import { importIssueText } from '../common/io-errors';
import { IoErrorAlert } from '../common/IoErrorAlert';
import { JobProgressBar } from '../common/JobProgressBar';
import { ROW_WINDOW } from './import-model';
import { ImportCounts } from './ImportCounts';
import { OutcomeTable } from './OutcomeTable';
import type { OutcomeFilter } from './outcome-filter';
import type { ImportWizard } from './useImportWizard';

/** Step 4, the dry run: counts, every row's outcome with reasons, rejected rows as CSV, then commit. */
export function PreviewStep({ wizard }: { wizard: ImportWizard }) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<OutcomeFilter>('all');
  const { report, previewJob, commitJob } = wizard;
  const busy = previewJob.busy || commitJob.busy;
  const blocking = report?.fileIssues.filter((i) => i.severity === 'error') ?? [];
  const writes = report ? report.counts.create + report.counts.update : 0;
  const windows = report ? Math.ceil(report.counts.rows / ROW_WINDOW) : 1;
  const n = (x: number) => formatCount(x, i18n.language);

  return (
    <Stack gap="md" data-testid="import-preview-step">
      {previewJob.busy && <JobProgressBar progress={previewJob.progress} onCancel={previewJob.cancel} cancelling={previewJob.cancelling} />}
      <IoErrorAlert error={previewJob.error} />
      <IoErrorAlert error={wizard.rowsError} />
      {report && !previewJob.busy && (
        <>
          <Text size="sm" data-testid="preview-summary">
            {t('io.preview.summary', { rows: n(report.counts.rows), file: report.fileName })}
          </Text>
          <ImportCounts counts={report.counts} active={filter} onPick={setFilter} />
          {report.fileIssues.length > 0 && (
            <Alert color={blocking.length ? 'red' : 'yellow'} title={t('io.preview.fileIssues')} data-testid="preview-file-issues">
              <List size="sm">
                {report.fileIssues.map((issue, i) => (
                  <List.Item key={i}>{importIssueText(t, issue)}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Group justify="space-between">
            <Text size="sm" fw={500}>
              {t(`io.preview.filter.${filter}`)}
            </Text>
            {report.rejectedCsv && (
              <Button
                variant="light"
                color="red"
                size="xs"
                onClick={() => downloadFile({ bytes: report.rejectedCsv ?? '', fileName: withSuffix(report.fileName, t('io.preview.rejectedSuffix'), 'csv'), mimeType: 'text/csv' })}
                data-testid="download-rejected"
              >
                {t('io.preview.downloadRejected')}
              </Button>
            )}
          </Group>
          {windows > 1 && (
            <Group gap="xs">
              <Text size="sm">
                {t('io.preview.window', { from: n(wizard.rowOffset + 1), to: n(Math.min(report.counts.rows, wizard.rowOffset + ROW_WINDOW)), total: n(report.counts.rows) })}
              </Text>
              <Pagination size="xs" total={windows} value={wizard.rowOffset / ROW_WINDOW + 1} onChange={(p) => void wizard.showRows((p - 1) * ROW_WINDOW)} />
            </Group>
          )}
          <OutcomeTable rows={report.rows} filter={filter} />
        </>
      )}
      {commitJob.busy && <JobProgressBar progress={commitJob.progress} onCancel={commitJob.cancel} cancelling={commitJob.cancelling} />}
      <IoErrorAlert error={commitJob.error} />
      <Group justify="space-between">
        <Button variant="default" onClick={() => wizard.goTo('options')} disabled={busy}>
          {t('io.wizard.back')}
        </Button>
        {report && (
          <Group gap="sm">
            <Text size="sm" c="dimmed">
              {writes > 0 ? t('io.preview.willWrite', { create: n(report.counts.create), update: n(report.counts.update) }) : t('io.preview.nothingToWrite')}
            </Text>
            <Button onClick={() => void wizard.commit()} disabled={busy || writes === 0 || blocking.length > 0} loading={commitJob.busy} data-testid="import-commit">
              {t('io.preview.commit')}
            </Button>
          </Group>
        )}
      </Group>
    </Stack>
  );
}
