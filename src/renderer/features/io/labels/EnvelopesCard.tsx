import { useState } from 'react';
import { Alert, Button, Group, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ListSource } from '../../../../shared/contract/io';
import { downloadFile } from '../common/file-bytes';
import { IoErrorAlert } from '../common/IoErrorAlert';
import { JobProgressBar } from '../common/JobProgressBar';
import { useJob } from '../common/useJob';
import type { PrintSettings } from './PrintOptions';

interface Props {
  source: ListSource | null;
  on: string | null;
  print: PrintSettings;
}

/** Envelopes (DL or C5) with the address in the window and an optional sender. */
export function EnvelopesCard({ source, on, print }: Props) {
  const { t } = useTranslation();
  const job = useJob('io.envelopes');
  const [envelope, setEnvelope] = useState<'DL' | 'C5'>('DL');
  const [position, setPosition] = useState<'window-right' | 'window-left'>('window-right');
  const [sender, setSender] = useState('');
  const [done, setDone] = useState<{ envelopes: number; skipped: number } | null>(null);

  const run = async () => {
    if (!source) return;
    setDone(null);
    const lines = sender.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 6);
    const r = await job.run({ source, envelope, position, sender: lines, ...print, ...(on ? { on } : {}) });
    if (r.ok) {
      downloadFile(r.value);
      setDone({ envelopes: r.value.envelopes, skipped: r.value.skipped });
    }
  };

  return (
    <Paper withBorder p="md" data-testid="envelopes-card">
      <Stack gap="sm">
        <Text fw={600}>{t('io.envelopes.title')}</Text>
        <Group gap="md">
          <SegmentedControl value={envelope} onChange={(v) => setEnvelope(v as 'DL' | 'C5')} data={[{ value: 'DL', label: t('io.envelopes.dl') }, { value: 'C5', label: t('io.envelopes.c5') }]} />
          <SegmentedControl
            value={position}
            onChange={(v) => setPosition(v as 'window-right' | 'window-left')}
            data={[
              { value: 'window-right', label: t('io.envelopes.windowRight') },
              { value: 'window-left', label: t('io.envelopes.windowLeft') },
            ]}
          />
        </Group>
        <Textarea label={t('io.envelopes.sender')} description={t('io.envelopes.senderHelp')} autosize minRows={2} maxRows={6} value={sender} onChange={(e) => setSender(e.currentTarget.value)} />
        {job.busy && <JobProgressBar progress={job.progress} onCancel={job.cancel} cancelling={job.cancelling} />}
        <IoErrorAlert error={job.error} />
        {done && (
          <Alert color="teal" data-testid="envelopes-done">
            {t('io.envelopes.done', { count: done.envelopes })}
            {done.skipped > 0 && ` ${t('io.labels.skipped', { count: done.skipped })}`}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button onClick={() => void run()} disabled={!source || job.busy} loading={job.busy} data-testid="envelopes-download">
            {t('io.envelopes.download')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
